"""Plain-text reader: paragraphs are separated by blank lines or by lines that end a sentence.

Scraped articles often put one paragraph on each line with no blank line between them, and page
chrome ("Save", "Share") sits on short lines of its own; hard-wrapped prose continues a sentence
across lines. So a line starts a new block when the previous one ended a sentence or was short.
"""

from __future__ import annotations

from contentlint.document.builder import ProseBuilder
from contentlint.document.model import Article, BlockKind, Comment

_SENTENCE_END_MARKS = ".!?:;\"”’)]"
_SHORT_LINE_WORDS = 8
_HEADING_MAX_WORDS = 14


def _ends_sentence(line: str) -> bool:
    """The line's last character other than white space ends a sentence (or a clause)."""
    stripped = line.rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END_MARKS


def _looks_like_heading(line: str, alone: bool) -> bool:
    if not alone:
        return False
    stripped = line.strip()
    words = stripped.split(None, _HEADING_MAX_WORDS)  # one past the limit tells a longer line
    if not words or len(words) > _HEADING_MAX_WORDS:
        return False
    if stripped[-1] in ".,;:!\"”":
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= max(1, (len(words) + 1) // 2)


def parse_plaintext(source: str, path: str | None = None) -> Article:
    builder = ProseBuilder()
    lines = source.split("\n")
    offset = 0
    groups: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    for raw in lines:
        line = raw[:-1] if raw.endswith("\r") else raw
        if not line.strip():
            if current:
                groups.append(current)
                current = []
        else:
            if current:
                previous = current[-1][0]
                if _ends_sentence(previous) or len(previous.split(None, _SHORT_LINE_WORDS)) < _SHORT_LINE_WORDS:
                    groups.append(current)
                    current = []
            current.append((line, offset))
        offset += len(raw) + 1
    if current:
        groups.append(current)

    title: str | None = None
    for group in groups:
        alone = len(group) == 1
        kind: BlockKind = "heading" if _looks_like_heading(group[0][0], alone) else "paragraph"
        builder.open_block(kind, 1 if kind == "heading" else 0)
        for i, (line, line_offset) in enumerate(group):
            if i:
                builder.add_space(line_offset - 1)
            builder.add(line, line_offset)
        builder.close_block()
    text = builder.text()
    for block in builder.blocks:
        if block.kind == "heading":
            title = text[block.start : block.end]
            break
    comments: list[Comment] = []
    return builder.article(source, "txt", path, comments=comments, metadata={}, title=title)
