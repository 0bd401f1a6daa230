"""Assembles an article's prose text while recording where each character came from."""

from __future__ import annotations

import re
from array import array
from typing import Any

from contentlint.document.model import BLOCK_SEPARATOR, Article, Block, BlockKind, Comment, DocumentKind, Link

_SPACES = frozenset(" \t\n\r\f\v\u00a0\u2028\u2029")
_SPACE_RUN = re.compile("[" + "".join(sorted(_SPACES)) + "]+")


class ProseBuilder:
    """Collects prose piece by piece; every character keeps its source span.

    Readers call :meth:`open_block`, then :meth:`add` for each run of source text (or
    :meth:`add_mapped` for text decoded from a longer piece, such as an entity), then
    :meth:`close_block`. Runs of white space collapse to one space, mapped to the first.
    """

    def __init__(self) -> None:
        self._chars: list[str] = []
        self.offsets: array[int] = array("l")
        self.ends: array[int] = array("l")
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self._block_start: int | None = None
        self._block_kind: BlockKind = "paragraph"
        self._block_level = 0

    @property
    def position(self) -> int:
        return len(self._chars)

    def open_block(self, kind: BlockKind, level: int = 0) -> None:
        if self._block_start is not None:
            self.close_block()
        if self._chars:
            last = self.ends[-1] if len(self.ends) else 0
            for ch in BLOCK_SEPARATOR:
                self._push(ch, last, last)
        self._block_start = len(self._chars)
        self._block_kind = kind
        self._block_level = level

    def close_block(self) -> None:
        if self._block_start is None:
            return
        start = self._block_start
        self._trim_trailing_space(start)
        end = len(self._chars)
        self._block_start = None
        if end > start:
            self.blocks.append(Block(self._block_kind, start, end, self._block_level))
        else:
            self._drop_separator(start)

    def add(self, text: str, source_offset: int) -> None:
        """Add ``text``, which stands in the source at ``source_offset`` character for character."""
        # Runs without white space go in whole; a run of white space is one space (see _add_char).
        done = 0
        for space in _SPACE_RUN.finditer(text):
            self._add_run(text, done, space.start(), source_offset)
            self._add_char(" ", source_offset + space.start(), source_offset + space.start() + 1)
            done = space.end()
        self._add_run(text, done, len(text), source_offset)

    def add_mapped(self, text: str, source_start: int, source_end: int) -> None:
        """Add ``text`` decoded from ``source[source_start:source_end]`` (an entity, an escape)."""
        for ch in text:
            self._add_char(ch, source_start, source_end)

    def add_space(self, source_offset: int) -> None:
        """A soft break or similar: one space standing for the source character at that offset."""
        self._add_char(" ", source_offset, source_offset + 1)

    def add_link(self, target: str, start: int, title: str = "") -> None:
        self.links.append(Link(target, start, len(self._chars), title))

    def article(
        self,
        source: str,
        kind: DocumentKind,
        path: str | None,
        *,
        comments: list[Comment],
        metadata: dict[str, Any],
        title: str | None,
    ) -> Article:
        """The finished article: the prose collected so far with its source map."""
        return Article(
            source=source,
            kind=kind,
            text=self.text(),
            offsets=self.offsets,
            ends=self.ends,
            blocks=self.blocks,
            path=path,
            links=self.links,
            comments=comments,
            metadata=metadata,
            title=title,
        )

    def text(self) -> str:
        if self._block_start is not None:
            self.close_block()
        return "".join(self._chars)

    # --- internals ---------------------------------------------------------------------------
    def _add_char(self, ch: str, start: int, end: int) -> None:
        if self._block_start is None:
            self.open_block("paragraph")
        if ch in _SPACES:
            block_start = self._block_start if self._block_start is not None else 0
            if len(self._chars) == block_start or self._chars[-1] == " ":
                return
            ch = " "
        self._push(ch, start, end)

    def _add_run(self, text: str, start: int, end: int, source_offset: int) -> None:
        if start >= end:
            return
        if self._block_start is None:
            self.open_block("paragraph")
        self._chars.extend(text[start:end])
        self.offsets.extend(range(source_offset + start, source_offset + end))
        self.ends.extend(range(source_offset + start + 1, source_offset + end + 1))

    def _push(self, ch: str, start: int, end: int) -> None:
        self._chars.append(ch)
        self.offsets.append(start)
        self.ends.append(end)

    def _trim_trailing_space(self, block_start: int) -> None:
        while len(self._chars) > block_start and self._chars[-1] == " ":
            self._chars.pop()
            self.offsets.pop()
            self.ends.pop()

    def _drop_separator(self, block_start: int) -> None:
        if block_start >= len(BLOCK_SEPARATOR) and "".join(
            self._chars[block_start - len(BLOCK_SEPARATOR) : block_start]
        ) == BLOCK_SEPARATOR:
            del self._chars[block_start - len(BLOCK_SEPARATOR) :]
            del self.offsets[block_start - len(BLOCK_SEPARATOR) :]
            del self.ends[block_start - len(BLOCK_SEPARATOR) :]
