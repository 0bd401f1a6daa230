"""HTML reader: the visible prose of a page, with ``<title>`` and ``<meta>`` kept as metadata.

Built on the standard library's tolerant :class:`html.parser.HTMLParser` with character
references left unconverted, so every run of text and every entity arrives with its exact place
in the source. Markup that is broken in any way yields what could be read, never an error.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

from contentlint.document.builder import ProseBuilder
from contentlint.document.model import Article, BlockKind, Comment

# Text inside these is not prose a reader sees as the article (code, scripts, graphics, forms).
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "code", "pre", "svg", "math", "iframe",
     "object", "textarea", "select"}
)
_HEAD_CONTENT = frozenset({"title", "meta", "link", "script", "style", "base", "noscript", "template"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
     "wbr", "param", "keygen"}
)
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_KIND: dict[str, BlockKind] = {
    "li": "list_item",
    "dd": "list_item",
    "dt": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "blockquote": "blockquote",
    "figcaption": "caption",
    "caption": "caption",
}
# Tags whose start or end begins a new block of prose.
_BLOCK_TAGS = frozenset(
    {"p", "li", "dd", "dt", "dl", "ul", "ol", "td", "th", "tr", "table", "thead", "tbody", "tfoot",
     "caption", "blockquote", "div", "section", "article", "header", "footer", "figure",
     "figcaption", "main", "nav", "aside", "address", "hr", "form", "fieldset", "details",
     "summary", "body", "html", "title", "head", "legend", "center", *_HEADINGS}
)
# A start tag of one of these ends an open <p> (as browsers do).
_CLOSES_P = _BLOCK_TAGS - {"td", "th", "tr", "thead", "tbody", "tfoot", "caption", "li", "dd", "dt"}
# An open tag of the key kind is closed by a new one, unless one of the scope tags is nearer.
_IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr", "td", "th"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select"})),
}
_META_KEYS = ("name", "property", "itemprop")


class _ProseParser(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.starts = [0]
        index = source.find("\n")
        while index != -1:
            self.starts.append(index + 1)
            index = source.find("\n", index + 1)
        self.builder = ProseBuilder()
        self.comments: list[Comment] = []
        self.metadata: dict[str, Any] = {}
        self.headings: list[tuple[int, int, int]] = []
        self.stack: list[str] = []
        self.skipping = 0
        self.in_head = False
        self.title_parts: list[str] | None = None
        self.in_block = False
        self.block_heading = 0
        self.block_text_start = 0
        self.link: tuple[str, str] | None = None
        self.link_start: int | None = None

    # --- positions -----------------------------------------------------------------------
    def _offset(self) -> int:
        line, column = self.getpos()
        return (self.starts[line - 1] if line - 1 < len(self.starts) else len(self.source)) + column

    # --- tags ----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.title_parts is not None:
            self._pop_to("title")
        if self.in_head and tag not in _HEAD_CONTENT:
            self._pop_to("head")
        if tag == "body":
            self._pop_to("head")
        if tag == "meta":
            self._meta(attrs)
        elif tag == "img":
            values = dict(attrs)
            if not self.skipping and not self.in_head and values.get("src"):
                self.builder.add_link(str(values["src"]), self.builder.position, values.get("title") or "")
        elif tag == "br":
            if self.in_block and not self.skipping:
                self.builder.add_space(self._offset())
            return
        self._close_implied(tag)
        if tag in _BLOCK_TAGS:
            self._end_block()
        if tag in _VOID:
            return
        if tag == "a":
            self._finish_link()
            href = dict(attrs).get("href")
            if href and not self.skipping:
                self.link = (href.strip(), dict(attrs).get("title") or "")
                self.link_start = None
        if tag == "title" and not self.skipping:
            self.title_parts = []
        self._push(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # browsers read </br> as <br>
            self.handle_starttag("br", [])
            return
        if tag in _BLOCK_TAGS:
            self._end_block()
        if tag in self.stack:
            self._pop_to(tag)

    def _push(self, tag: str) -> None:
        self.stack.append(tag)
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "head":
            self.in_head = True

    def _pop_to(self, tag: str) -> None:
        if tag not in self.stack:
            return
        while self.stack:
            popped = self.stack.pop()
            if popped in _SKIPPED:
                self.skipping -= 1
            elif popped == "head":
                self.in_head = "head" in self.stack
            elif popped == "a":
                self._finish_link()
            elif popped == "title":
                self._finish_title()
            elif popped in _BLOCK_TAGS:
                self._end_block()
            if popped == tag:
                return

    def _close_implied(self, tag: str) -> None:
        rule = _IMPLIED_END.get(tag)
        if rule is not None:
            closed_by, scope = rule
            for open_tag in reversed(self.stack):
                if open_tag in scope:
                    break
                if open_tag in closed_by:
                    self._pop_to(open_tag)
                    break
        if tag in _CLOSES_P:
            for open_tag in reversed(self.stack):
                if open_tag == "p":
                    self._pop_to("p")
                    break
                if open_tag in _BLOCK_TAGS:
                    break

    # --- blocks and text -----------------------------------------------------------------
    def _block_kind(self) -> tuple[BlockKind, int]:
        for tag in reversed(self.stack):
            if tag in _HEADINGS:
                return "heading", _HEADINGS[tag]
            kind = _BLOCK_KIND.get(tag)
            if kind is not None:
                return kind, 0
        return "paragraph", 0

    def _start_block(self) -> None:
        kind, level = self._block_kind()
        self.builder.open_block(kind, level)
        self.in_block = True
        self.block_heading = level if kind == "heading" else 0
        self.block_text_start = self.builder.position

    def _end_block(self) -> None:
        if not self.in_block:
            return
        self.builder.close_block()
        self.in_block = False
        if self.block_heading and self.builder.position > self.block_text_start:
            self.headings.append((self.block_heading, self.block_text_start, self.builder.position))

    def _visible(self) -> bool:
        return not self.skipping and not self.in_head

    def _before_text(self, text: str) -> bool:
        """Open a block if needed; False when the text is not prose."""
        if not self._visible():
            return False
        if not self.in_block:
            if not text.strip():
                return False
            self._start_block()
        if self.link is not None and self.link_start is None and text.strip():
            self.link_start = self.builder.position
        return True

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if not self._before_text(data):
            return
        offset = self._offset()
        if self.source.startswith(data, offset):
            self.builder.add(data, offset)
        else:  # not expected from HTMLParser; keep the text, anchored where the parser stands
            self.builder.add_mapped(data, offset, min(offset + 1, len(self.source)))

    def _reference(self, opener: str, name: str) -> None:
        offset = self._offset()
        end = offset + len(opener) + len(name)
        if self.source.startswith(";", end):
            end += 1
        raw = self.source[offset:end]
        decoded = html.unescape(raw)
        if self.title_parts is not None:
            self.title_parts.append(decoded)
            return
        if not self._before_text(decoded):
            return
        if decoded == raw:
            self.builder.add(raw, offset)
            return
        # a legacy entity without ";" may run into plain text ("&copy2" reads as "©2")
        tail = 0
        while tail < len(decoded) - 1 and decoded[-1 - tail] == raw[-1 - tail]:
            tail += 1
        self.builder.add_mapped(decoded[: len(decoded) - tail], offset, end - tail)
        if tail:
            self.builder.add(raw[len(raw) - tail :], end - tail)

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)

    def handle_comment(self, data: str) -> None:
        line = self.getpos()[0]
        self.comments.append(Comment(data.strip(), line, line + data.count("\n")))

    # --- metadata ------------------------------------------------------------------------
    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        values = {key.lower(): value for key, value in attrs if value is not None}
        content = values.get("content")
        if content is None:
            return
        for key in _META_KEYS:
            name = values.get(key, "").strip().lower()
            if name:
                self._set_meta(name, " ".join(content.split()))
                return

    def _set_meta(self, name: str, value: str) -> None:
        """Repeated names (several ``citation_author``) collect into a list."""
        existing = self.metadata.get(name)
        if existing is None:
            self.metadata[name] = value
        elif isinstance(existing, list):
            existing.append(value)
        elif existing != value:
            self.metadata[name] = [existing, value]

    def _finish_title(self) -> None:
        if self.title_parts is None:
            return
        title = " ".join("".join(self.title_parts).split())
        self.title_parts = None
        if title and "title" not in self.metadata:
            self.metadata["title"] = title

    def _finish_link(self) -> None:
        if self.link is None:
            return
        href, title = self.link
        start = self.link_start if self.link_start is not None else self.builder.position
        self.builder.add_link(href, start, title)
        self.link = None
        self.link_start = None

    def finish(self) -> None:
        self._finish_link()
        self._finish_title()
        self._end_block()


def _title(metadata: dict[str, Any], text: str, headings: list[tuple[int, int, int]]) -> str | None:
    title = metadata.get("title")
    if isinstance(title, str) and title:
        return title
    for level, start, end in headings:
        if level == 1:
            return text[start:end]
    og_title = metadata.get("og:title")
    return og_title if isinstance(og_title, str) and og_title else None


def parse_html(source: str, path: str | None = None) -> Article:
    """Read an HTML page; only its visible prose goes into ``Article.text``."""
    parser = _ProseParser(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # the standard parser rarely gives up; keep whatever it had read
        pass
    parser.finish()
    text = parser.builder.text()
    title = _title(parser.metadata, text, parser.headings)
    return parser.builder.article(source, "html", path, comments=parser.comments, metadata=parser.metadata,
                                  title=title)
