"""Markdown reader: CommonMark (with tables and front matter) to an :class:`Article`.

markdown-it gives each block its source lines but not the position of inline text, so the
reader walks the inline tokens with a cursor through the source and finds each piece of text
where it stands. Entities and backslash escapes stay separate tokens (the ``text_join`` rule is
off) so a decoded character maps to the whole of ``&amp;`` or ``\\*`` in the source. Inline
parsing is left to the reader (the core ``inline`` rule is off): a block with no character that
opens inline markup is its own text, and only the others are handed to markdown-it's inline parser.
The reader normalizes line breaks and NUL itself (the core ``normalize`` rule is off), only when
the source has any. A document of only front matter, ATX headings, paragraphs and one-line bullet
items (most articles) gets its block tokens from :mod:`contentlint.document.markdown_plain`
instead of markdown-it's block parser.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from contentlint.document.builder import ProseBuilder
from contentlint.document.model import Article, BlockKind, Comment

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from contentlint.document.markdown_plain import BlockToken

_LINE_BREAK = re.compile(r"\r\n?|\n")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_CONTAINERS: dict[str, BlockKind] = {
    "list_item_open": "list_item",
    "blockquote_open": "blockquote",
}
FRONT_MATTER_ERROR = "_front_matter_error"
# A front-matter line simple enough that libyaml and PyYAML's own parser read it alike: a
# ``key: value`` or ``- value`` line whose value is a one-line plain or quoted scalar made of
# ordinary characters (no ``:``, ``#``, escapes, flow or block indicators, tabs or odd spaces).
_LETTERS = "A-Za-z0-9\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
_ORDINARY = _LETTERS + "()./+=$;?~_\\-"
_PLAIN = f"[{_LETTERS}(](?:[ {_ORDINARY}]*[{_ORDINARY}])?"
_ODD = "\\\\\\x00-\\x1f\\x7f-\\xa0\\u2028\\u2029\\ufeff\\ud800-\\udfff\\ufffe\\uffff"  # never inside quotes here
_VALUE = f"(?:{_PLAIN}|\"[^\"{_ODD}]*\"|'[^'{_ODD}]*')"
_SIMPLE_LINE = re.compile(f"(?:[A-Za-z_][A-Za-z0-9_-]*:(?: {_VALUE})?| *- {_VALUE})?")


# Block rules that can start only on a line holding one of these strings (a table row a pipe, a
# fence three backticks or tildes, indented code four columns of white space ...). A document
# without any of them is parsed with the rule off: the same tokens, fewer rules tried per line.
_BLOCK_RULE_NEEDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("table", ("|",)),
    ("fence", ("```", "~~~")),
    ("code", ("    ", "\t")),
    ("html_block", ("<",)),
    ("blockquote", (">",)),
    ("reference", ("[",)),
    ("hr", ("*", "-", "_")),
    ("lheading", ("=", "-")),
)


def _parser_for(source: str) -> MarkdownIt:
    """A parser with only the block rules that can match somewhere in ``source``."""
    unused = tuple(rule for rule, needs in _BLOCK_RULE_NEEDS if not any(_holds(source, need) for need in needs))
    return _parser(unused)


def _holds(source: str, need: str) -> bool:
    # a search for one character is much quicker than for a run of them ("```"), so the first
    # character is looked for first: most documents have no backtick or tilde at all
    return need[0] in source and (len(need) == 1 or need in source)


@lru_cache(maxsize=64)
def _parser(unused_block_rules: tuple[str, ...] = ()) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    # inline text is parsed by the reader, block by block; the source comes normalized
    md.disable(["text_join", "inline", "normalize"])
    if unused_block_rules:
        md.disable(list(unused_block_rules))
    return md


def _has_inline_markup(text: str) -> bool:
    """Whether ``text`` holds a character where an inline rule of the parser can start (a break, an
    escape, a code span, emphasis, a link or image, an autolink or HTML tag, an entity); text without
    any parses to one text token holding all of it. (Each ``in`` is a quicker scan than a regex.)"""
    return ("[" in text or "*" in text or "_" in text or "&" in text or "<" in text or "`" in text
            or "\\" in text or "\n" in text)


def _normalized(scan: str) -> str:
    """What markdown-it's ``normalize`` rule (off in the parser) makes of ``scan`` (NUL already
    swapped): line breaks as LF."""
    return _LINE_BREAK.sub("\n", scan) if "\r" in scan else scan


def _line_starts(source: str) -> list[int]:
    """Offsets where each line starts, splitting lines the way markdown-it does (CR, LF, CRLF)."""
    if "\r" not in source:  # the usual case: summing the lengths of the lines is quicker than a scan
        return list(accumulate(map((1).__add__, map(len, source.split("\n")[:-1])), initial=0))
    starts = [0]
    starts.extend(m.end() for m in _LINE_BREAK.finditer(source))
    return starts


def parse_front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter as a mapping; a problem is reported under ``_front_matter_error``."""
    import yaml

    from contentlint.yaml_loading import safe_load

    try:
        # libyaml only for plain `key: value` and list lines, where it is known to read the same
        data = safe_load(text, c_parser=all(_SIMPLE_LINE.fullmatch(line) for line in text.split("\n")))
    except yaml.YAMLError as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return {FRONT_MATTER_ERROR: f"front matter is not valid YAML: {reason}"}
    except Exception as error:  # deeply nested or otherwise unreadable YAML must not stop the run
        return {FRONT_MATTER_ERROR: f"front matter could not be read: {type(error).__name__}"}
    if data is None:
        return {}
    if not isinstance(data, dict):
        return {FRONT_MATTER_ERROR: "front matter is not a list of `key: value` pairs"}
    return {str(key): _plain(value) for key, value in data.items()}


def _plain(value: Any) -> Any:
    """Dates become ISO text, as HTML ``<meta>`` dates are, so rules read one form."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


class _MarkdownWalker:
    def __init__(self, source: str, scan: str, md: MarkdownIt) -> None:
        self.source = source
        self.md = md
        self.env: dict[str, Any] = {}  # the block parse's (link reference definitions) for the inline one
        # markdown-it reads NUL as U+FFFD; searching a copy with the same swap (``scan``) keeps offsets equal.
        self.scan = scan
        self.starts = _line_starts(source)
        self.builder = ProseBuilder()
        self.comments: list[Comment] = []
        self.metadata: dict[str, Any] = {}
        self.headings: list[tuple[int, int, int]] = []  # (level, text start, text end)
        self.cursor = 0
        self.limit = len(source)

    # --- positions -----------------------------------------------------------------------
    def _offset_of_line(self, line: int) -> int:
        """Offset of 0-based ``line`` (the end of the source past the last line)."""
        return self.starts[line] if line < len(self.starts) else len(self.source)

    def _line_of(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right(self.starts, offset)

    def _find(self, needle: str) -> int:
        """Where ``needle`` stands from the cursor within the current block, or -1."""
        if not needle:
            return -1
        return self.scan.find(needle, self.cursor, self.limit)

    # --- blocks --------------------------------------------------------------------------
    def walk(self, tokens: list[Token] | list[BlockToken]) -> None:
        containers: list[BlockKind] = []
        pending: tuple[BlockKind, int] | None = None
        for token in tokens:
            kind = token.type
            if kind in _CONTAINERS:
                containers.append(_CONTAINERS[kind])
            elif kind in ("list_item_close", "blockquote_close"):
                if containers:
                    containers.pop()
            elif kind == "heading_open":
                pending = ("heading", int(token.tag[1:]) if token.tag[1:].isdigit() else 1)
            elif kind == "paragraph_open":
                pending = (containers[-1] if containers else "paragraph", 0)
            elif kind in ("th_open", "td_open"):
                pending = ("table_cell", 0)
            elif kind == "inline":
                block_kind, level = pending or ("paragraph", 0)
                self._inline(token, block_kind, level)
                pending = None
            elif kind == "front_matter":
                self.metadata = parse_front_matter(token.content)
            elif kind == "html_block":
                self._html_block(token)
            if token.map is not None and kind not in ("inline",) and token.nesting != 1:
                # leaf blocks (code, fences, html, front matter) are passed over whole
                self.cursor = max(self.cursor, self._offset_of_line(token.map[1]))

    def _html_block(self, token: Token | BlockToken) -> None:
        if token.map is None:
            return
        start = self._offset_of_line(token.map[0])
        end = self._offset_of_line(token.map[1])
        for match in _COMMENT.finditer(self.source, start, end):
            self._add_comment(match.group(1), match.start(), match.end())

    def _add_comment(self, body: str, start: int, end: int) -> None:
        line = self._line_of(start)
        end_line = self._line_of(max(end - 1, start))
        self.comments.append(Comment(body.strip(), line, end_line))

    # --- inline --------------------------------------------------------------------------
    def _inline(self, token: Token | BlockToken, kind: BlockKind, level: int) -> None:
        if token.map is not None:
            self.cursor = max(self.cursor, self._offset_of_line(token.map[0]))
            self.limit = self._offset_of_line(token.map[1])
        else:
            self.limit = len(self.source)
        builder = self.builder
        builder.open_block(kind, level)
        text_start = builder.position
        content = token.content
        if not _has_inline_markup(content):
            self._add_text(content)
        else:
            self._inline_children(self.md.inline.parse(content, self.md, self.env, []))
        builder.close_block()
        if kind == "heading":
            self.headings.append((level, text_start, builder.position))

    def _inline_children(self, children: list[Token]) -> None:
        builder = self.builder
        links: list[tuple[int, str, str]] = []
        skip_until_close = False
        for child in children:
            ctype = child.type
            if skip_until_close:
                if ctype == "link_close":
                    skip_until_close = False
                continue
            if ctype == "text":
                self._add_text(child.content)
            elif ctype == "text_special":
                self._add_special(child.content, child.markup)
            elif ctype in ("softbreak", "hardbreak"):
                self._add_break()
            elif ctype == "code_inline":
                self._skip_code_span(child.markup)
            elif ctype == "link_open":
                href = str(child.attrs.get("href", ""))
                title = str(child.attrs.get("title", "") or "")
                if child.markup == "autolink":
                    builder.add_link(href, builder.position, title)
                    self._skip_autolink()
                    skip_until_close = True
                else:
                    self._skip_past("[")
                    links.append((builder.position, href, title))
            elif ctype == "link_close":
                if links:
                    start, href, title = links.pop()
                    builder.add_link(href, start, title)
                self._skip_link_tail()
            elif ctype == "image":
                builder.add_link(str(child.attrs.get("src", "")), builder.position,
                                 str(child.attrs.get("title", "") or ""))
                self._skip_image()
            elif ctype == "html_inline":
                at = self._find(child.content)
                if at >= 0:
                    self.cursor = at + len(child.content)
                    if child.content.startswith("<!--"):
                        match = _COMMENT.match(child.content)
                        body = match.group(1) if match else child.content[4:]
                        self._add_comment(body, at, at + len(child.content))
            elif child.markup and child.nesting != 0:
                # emphasis, strong and similar delimiters
                self._skip_past(child.markup)

    def _add_break(self) -> None:
        """A line break inside a paragraph reads as one space, standing for the break itself."""
        match = _LINE_BREAK.search(self.scan, self.cursor, self.limit)
        if match is None:
            at = min(self.cursor, len(self.source))
            self.builder.add_mapped(" ", at, at)
            return
        self.builder.add_mapped(" ", match.start(), match.end())
        self.cursor = match.end()

    def _skip_past(self, markup: str) -> None:
        at = self._find(markup)
        if at >= 0:
            self.cursor = at + len(markup)

    def _add_text(self, text: str) -> None:
        if not text:
            return
        at = self._find(text)
        if at >= 0:
            self.builder.add(text, at)
            self.cursor = at + len(text)
            return
        self._add_aligned(text)

    def _add_aligned(self, text: str) -> None:
        """Map text that is not verbatim in the source (a table cell's ``\\|``) character by character."""
        scan, limit = self.scan, self.limit
        for ch in text:
            at = scan.find(ch, self.cursor, limit)
            if at < 0:  # not in the source at all: anchor it, zero-width, where the reader stands
                anchor = min(self.cursor, len(self.source))
                self.builder.add_mapped(ch, anchor, anchor)
                continue
            self.builder.add(ch, at)
            self.cursor = at + 1

    def _add_special(self, content: str, markup: str) -> None:
        at = self._find(markup) if markup else -1
        if at < 0:
            self._add_aligned(content)
            return
        self.builder.add_mapped(content, at, at + len(markup))
        self.cursor = at + len(markup)

    def _skip_code_span(self, markup: str) -> None:
        at = self._find(markup or "`")
        if at < 0:
            return
        fence = markup or "`"
        closing = re.compile(rf"(?<!`){re.escape(fence)}(?!`)")
        match = closing.search(self.scan, at + len(fence), self.limit)
        self.cursor = match.end() if match else at + len(fence)

    def _skip_autolink(self) -> None:
        at = self._find("<")
        if at < 0:
            return
        close = self.scan.find(">", at, self.limit)
        self.cursor = close + 1 if close >= 0 else at + 1

    def _skip_image(self) -> None:
        at = self._find("![")
        if at < 0:
            return
        pos = self._matching_bracket(at + 1)
        if pos < 0:
            self.cursor = at + 2
            return
        self.cursor = pos + 1
        self._skip_link_tail(after_label=True)

    def _matching_bracket(self, open_at: int) -> int:
        depth = 0
        scan, pos = self.scan, open_at
        while pos < self.limit:
            ch = scan[pos]
            if ch == "\\":
                pos += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    return pos
            pos += 1
        return -1

    def _skip_link_tail(self, after_label: bool = False) -> None:
        """Move the cursor past ``](destination "title")`` or ``][label]`` after a link's text."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        scan, limit = self.scan, self.limit
        pos = self.cursor
        if not after_label:
            close = scan.find("]", pos, limit)
            while close > 0 and scan[close - 1] == "\\":
                close = scan.find("]", close + 1, limit)
            if close < 0:
                return
            pos = close + 1
        if pos < limit and scan[pos] == "(":
            pos = self._skip_space(pos + 1)
            destination = parseLinkDestination(scan, pos, limit)
            if destination.ok:
                pos = self._skip_space(destination.pos)
                title = parseLinkTitle(scan, pos, limit)
                if title.ok:
                    pos = self._skip_space(title.pos)
            if pos < limit and scan[pos] == ")":
                pos += 1
            else:
                paren = scan.find(")", pos, limit)
                pos = paren + 1 if paren >= 0 else pos
        elif pos < limit and scan[pos] == "[":
            close = scan.find("]", pos, limit)
            pos = close + 1 if close >= 0 else pos
        self.cursor = pos

    def _skip_space(self, pos: int) -> int:
        scan, limit = self.scan, self.limit
        while pos < limit and scan[pos] in " \t\r\n":
            pos += 1
        return pos


def _title(metadata: dict[str, Any], text: str, headings: list[tuple[int, int, int]]) -> str | None:
    title = metadata.get("title")
    if isinstance(title, str | int | float) and str(title).strip():
        return str(title).strip()
    if not headings:
        return None
    _level, start, end = min(headings, key=lambda h: (h[0] != 1, h[1]))
    heading = text[start:end].strip()
    return heading or None


def parse_markdown(source: str, path: str | None = None) -> Article:
    """Read a Markdown file; only its prose goes into ``Article.text``."""
    from contentlint.document.markdown_plain import plain_blocks  # (imports markdown-it: only when parsing)

    scan = source.replace("\0", "\ufffd")
    normalized = _normalized(scan)
    blocks = plain_blocks(normalized)
    if blocks is not None:  # no block markdown-it has to find (and so no link reference definition)
        walker = _MarkdownWalker(source, scan, _parser())
        walker.walk(blocks)
    else:
        md = _parser_for(source)
        walker = _MarkdownWalker(source, scan, md)
        walker.walk(md.parse(normalized, walker.env))
    text = walker.builder.text()
    title = _title(walker.metadata, text, walker.headings)
    return walker.builder.article(source, "md", path, comments=walker.comments, metadata=walker.metadata,
                                  title=title)
