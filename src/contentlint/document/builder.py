"""Assembles an article's prose text while recording where each character came from."""

from __future__ import annotations

import re
from typing import Any

from contentlint.document.model import (
    BLOCK_SEPARATOR,
    Article,
    Block,
    BlockKind,
    Comment,
    DocumentKind,
    Link,
    SourceOffsets,
    SourceRuns,
)

_SPACES = frozenset(" \t\n\r\f\v\u00a0\u2028\u2029")
_SPACE_CLASS = "[" + "".join(sorted(_SPACES)) + "]"
_SPACE_RUN = re.compile(_SPACE_CLASS + "+")
_LONG_SPACE_RUN = re.compile(_SPACE_CLASS + "{2,}")
# opening with a character set, the search skips through the text at C speed
_OTHER_SPACE = re.compile("[" + "".join(sorted(_SPACES - {" "})) + "]")


class ProseBuilder:
    """Collects prose piece by piece; every character keeps its source span.

    Readers call :meth:`open_block`, then :meth:`add` for each run of source text (or
    :meth:`add_mapped` for text decoded from a longer piece, such as an entity), then
    :meth:`close_block`. Runs of white space collapse to one space, mapped to the first.
    """

    def __init__(self) -> None:
        # the prose as pieces joined at the end; ``_length`` is their total length
        self._pieces: list[str] = []
        self._length = 0
        self._runs = SourceRuns()
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self._block_start: int | None = None
        self._block_kind: BlockKind = "paragraph"
        self._block_level = 0

    @property
    def position(self) -> int:
        return self._length

    def open_block(self, kind: BlockKind, level: int = 0) -> None:
        if self._block_start is not None:
            self.close_block()
        if self._length:
            last = self._runs.last_end()
            self._pieces.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
            self._runs.map(len(BLOCK_SEPARATOR), last, last)
        self._block_start = self._length
        self._block_kind = kind
        self._block_level = level

    def close_block(self) -> None:
        if self._block_start is None:
            return
        start = self._block_start
        self._trim_trailing_space(start)
        end = self._length
        self._block_start = None
        if end > start:
            self.blocks.append(Block(self._block_kind, start, end, self._block_level))
        else:
            self._drop_separator(start)

    def add(self, text: str, source_offset: int) -> None:
        """Add ``text``, which stands in the source at ``source_offset`` character for character."""
        if not text:
            return
        if self._block_start is None:
            self.open_block("paragraph")
        # (a printable text has no white space but spaces, and a line break is the commonest other:
        # both tests are much quicker than the search)
        if "  " in text or (not text.isprintable() and ("\n" in text or _OTHER_SPACE.search(text) is not None)):
            self._add_collapsing(text, source_offset)
            return
        # Only single spaces: the text is copied as it is, but for a space where none may stand.
        if text[0] == " " and (self._length == self._block_start or self._last_char() == " "):
            if len(text) == 1:
                return
            text = text[1:]
            source_offset += 1
        self._runs.copy(len(text), source_offset)
        self._pieces.append(text)
        self._length += len(text)

    def _add_collapsing(self, text: str, source_offset: int) -> None:
        """:meth:`add` for text with runs of white space or white space other than spaces."""
        # Each run of white space becomes one space standing for the run's first character; at
        # the start of a block or after a space, none.
        collapsed = _SPACE_RUN.sub(" ", text)
        long_runs = list(_LONG_SPACE_RUN.finditer(text)) if len(collapsed) != len(text) else []
        copied_from = 0
        if collapsed[0] == " " and (self._length == self._block_start or self._last_char() == " "):
            collapsed = collapsed[1:]
            copied_from = long_runs.pop(0).end() if long_runs and long_runs[0].start() == 0 else 1
        if not collapsed:
            return
        for run in long_runs:
            self._runs.copy(run.start() + 1 - copied_from, source_offset + copied_from)
            copied_from = run.end()
        self._runs.copy(len(text) - copied_from, source_offset + copied_from)
        self._pieces.append(collapsed)
        self._length += len(collapsed)

    def add_mapped(self, text: str, source_start: int, source_end: int) -> None:
        """Add ``text`` decoded from ``source[source_start:source_end]`` (an entity, an escape)."""
        for ch in text:
            self._add_char(ch, source_start, source_end)

    def add_space(self, source_offset: int) -> None:
        """A soft break or similar: one space standing for the source character at that offset."""
        self._add_char(" ", source_offset, source_offset + 1)

    def add_link(self, target: str, start: int, title: str = "") -> None:
        self.links.append(Link(target, start, self._length, title))

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
            offsets=SourceOffsets(self._runs, ends=False),
            ends=SourceOffsets(self._runs, ends=True),
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
        if len(self._pieces) > 1:
            self._pieces = ["".join(self._pieces)]
        return self._pieces[0] if self._pieces else ""

    # --- internals ---------------------------------------------------------------------------
    def _last_char(self) -> str:
        return self._pieces[-1][-1] if self._pieces else ""

    def _add_char(self, ch: str, start: int, end: int) -> None:
        if self._block_start is None:
            self.open_block("paragraph")
        if ch in _SPACES:
            if self._length == self._block_start or self._last_char() == " ":
                return
            ch = " "
        self._push(ch, start, end)

    def _push(self, ch: str, start: int, end: int) -> None:
        self._pieces.append(ch)
        self._length += 1
        self._runs.map(1, start, end)

    def _trim_trailing_space(self, block_start: int) -> None:
        while self._length > block_start and self._last_char() == " ":
            self._truncate(self._length - 1)

    def _drop_separator(self, block_start: int) -> None:
        """The block came out empty (``block_start`` is the current length): drop its separator."""
        size = len(BLOCK_SEPARATOR)
        if block_start >= size and self._ends_with(BLOCK_SEPARATOR):
            self._truncate(block_start - size)

    def _ends_with(self, suffix: str) -> bool:
        tail = ""
        for piece in reversed(self._pieces):
            tail = piece + tail
            if len(tail) >= len(suffix):
                break
        return tail.endswith(suffix)

    def _truncate(self, length: int) -> None:
        """Drop the prose after its first ``length`` characters."""
        while self._length > length:
            piece = self._pieces.pop()
            self._length -= len(piece)
            if self._length < length:
                self._pieces.append(piece[: length - self._length])
                self._length = length
        self._runs.truncate(length)
