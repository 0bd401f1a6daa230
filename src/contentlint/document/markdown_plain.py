"""Block tokens of plain Markdown without markdown-it's block parser.

Most articles are made of front matter, ATX headings, paragraphs and one-line bullet items. For
such a document, :func:`plain_blocks` gives the block tokens the Markdown reader walks (with the
types, tags and contents of markdown-it's, and the line maps of those placed by their lines: the
inline text and the front matter) from one pass over its lines, several times quicker than
markdown-it's block parser, which tries each of its rules on each line. Any line that could be
something else (indented, a quote, a fence, a table, an ordered list, a rule, a setext underline,
HTML, a reference definition, a list item running on over more lines ...) makes it give ``None``,
and the document is parsed by markdown-it as before.

Left out are the tokens the reader passes over (the closing tokens of headings and paragraphs,
the list tokens around items), and the line maps of opening tokens, which it does not read.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from markdown_it.common.utils import mdTrim  # how markdown-it trims a heading's or a paragraph's text


class BlockToken(NamedTuple):
    """What the reader reads of a markdown-it block token."""

    type: str
    tag: str
    map: list[int] | None
    nesting: int
    content: str


# The start of a line that may open a block other than a paragraph, or not be its text: white
# space (indented code, an item's continuation), ``#`` (a heading, left to the callers), ``>``,
# fences, HTML, ``=`` and ``-`` (setext underlines, rules, items), ``+``, ``*`` and ``_`` before
# a space or in a line of rule characters only, and ordered list markers. (``[`` may open a link
# reference definition, and is checked apart: only a document with ``]:`` may hold one.)
_OTHER_BLOCK = r"[ \t#>`~|<=\-+]|[*_][ *_\-]*$|\* |\d{1,9}[.)](?:[ \t]|$)"
_NOT_PLAIN = re.compile(_OTHER_BLOCK)
# A bullet item of one line: its marker, one space and plain text.
_ITEM = re.compile(rf"[-*+] (?!$|{_OTHER_BLOCK})")
_FRONT_MATTER_CLOSE = re.compile(r" {0,3}(---+) *")


def plain_blocks(text: str) -> list[BlockToken] | None:
    """The block tokens of normalized Markdown ``text`` (LF line breaks, no NUL) when every line is
    plain (see the module's docstring), else ``None``."""
    if "|" in text or "\t" in text:  # a table may stand anywhere; a tab changes indentation
        return None
    lines = text.split("\n")
    if lines and not lines[-1].strip(" "):
        lines.pop()  # markdown-it gives a final blank line without a line break no line of its own
    tokens: list[BlockToken] = []
    line = 0
    if lines and lines[0].startswith("---"):
        line = _front_matter(lines, tokens)
        if line < 0:
            return None
    reference_possible = "]:" in text
    count = len(lines)
    while line < count:
        current = lines[line]
        if not current.strip(" "):
            line += 1
            continue
        if current[0] == "#":
            if not _heading(current, line, tokens):
                return None
            line += 1
        elif _ITEM.match(current):
            if reference_possible and current[2] == "[":
                return None
            following = lines[line + 1] if line + 1 < count else ""
            if following.strip(" ") and not _ITEM.match(following):
                return None  # a lazy continuation line, or another block just after the item
            _item(current, line, tokens)
            line += 1
        elif _NOT_PLAIN.match(current) or (reference_possible and current[0] == "["):
            return None
        else:
            line = _paragraph(lines, line, tokens)
            if line < 0:
                return None
    return tokens


def _front_matter(lines: list[str], tokens: list[BlockToken]) -> int:
    """The front matter opened by ``lines[0]`` (the front matter plugin's rule): the line after
    it, or -1 when it is not closed (markdown-it then reads the lines as other blocks)."""
    markers = len(lines[0]) - len(lines[0].lstrip("-"))
    if markers < 3:
        return -1
    for number in range(1, len(lines)):
        line = lines[number]
        if line.startswith("...") and not line[3:].strip(" "):
            break
        closing = _FRONT_MATTER_CLOSE.fullmatch(line)
        if closing is not None and len(closing.group(1)) >= markers:
            break
    else:
        return -1
    content = "\n".join(lines[1:number])
    tokens.append(BlockToken("front_matter", "", [0, number + 1], 0, content))
    return number + 1


def _heading(line: str, number: int, tokens: list[BlockToken]) -> bool:
    """An ATX heading (``# Title``): added, or False when the line is not one."""
    level = len(line) - len(line.lstrip("#"))
    body = line[level:]
    if level > 6 or (body and body[0] != " "):
        return False  # more than six, or "#hashtag": a paragraph, left to markdown-it
    # a closing run of "#" after a space is not part of the title
    kept = body.rstrip(" \t")
    unclosed = kept.rstrip("#")
    if unclosed and unclosed[-1] in " \t":
        kept = unclosed
    where = [number, number + 1]
    tokens.append(BlockToken("heading_open", f"h{level}", None, 1, ""))
    tokens.append(BlockToken("inline", "", where, 0, mdTrim(kept)))
    return True


def _item(line: str, number: int, tokens: list[BlockToken]) -> None:
    """A bullet item of one line: the item, and the paragraph of its text."""
    where = [number, number + 1]
    tokens.append(BlockToken("list_item_open", "li", None, 1, ""))
    tokens.append(BlockToken("paragraph_open", "p", None, 1, ""))
    tokens.append(BlockToken("inline", "", where, 0, mdTrim(line[2:])))
    tokens.append(BlockToken("list_item_close", "li", None, -1, ""))


def _paragraph(lines: list[str], first: int, tokens: list[BlockToken]) -> int:
    """The paragraph starting at line ``first``: the line after it, or -1 when a line of it is
    not plain. It ends at a blank line, a heading or a bullet item (which interrupt it)."""
    end = first + 1
    count = len(lines)
    while end < count:
        line = lines[end]
        if not line.strip(" "):
            break
        if line[0] == "#":
            level = len(line) - len(line.lstrip("#"))
            if level <= 6 and (len(line) == level or line[level] == " "):
                break  # a heading
            return -1
        if _ITEM.match(line):
            break
        if _NOT_PLAIN.match(line):
            return -1
        end += 1
    where = [first, end]
    tokens.append(BlockToken("paragraph_open", "p", None, 1, ""))
    tokens.append(BlockToken("inline", "", where, 0, mdTrim("\n".join(lines[first:end]))))
    return end
