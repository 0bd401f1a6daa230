"""The article model every rule reads: prose extracted from a file, mapped back to the source.

A reader (Markdown, HTML, plain text) turns a file into an :class:`Article`. Its ``text`` is the
prose only (no front matter, code, markup, link targets, scripts or comments), each block separated
by a blank line; ``text[i]`` stands for ``source[offsets[i]:ends[i]]`` (one character, or a longer
piece such as an HTML entity or a Markdown escape). Rules search
``text`` and report spans of it; :meth:`Article.locate` turns a span into exact lines and columns of
the original file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, overload

from contentlint.findings import Span, slot_setters

BlockKind = Literal["heading", "paragraph", "list_item", "blockquote", "table_cell", "caption"]
DocumentKind = Literal["md", "txt", "html"]

BLOCK_SEPARATOR = "\n\n"
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@dataclass(frozen=True, slots=True)
class Block:
    """One block of prose: ``text[start:end]`` of the article."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink: its visible text is ``text[start:end]`` (empty span when it has none)."""

    target: str
    start: int
    end: int
    title: str = ""


@dataclass(frozen=True, slots=True)
class Comment:
    """A Markdown or HTML comment, kept for in-file suppression directives."""

    body: str
    line: int
    end_line: int


@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    """``text[start:end]`` of the article, inside block number ``block``."""

    start: int
    end: int
    block: int

    def __init__(self, start: int, end: int, block: int) -> None:  # (see slot_setters)
        _set_start(self, start)
        _set_end(self, end)
        _set_block(self, block)


_set_start, _set_end, _set_block = slot_setters(Sentence, "start", "end", "block")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int


class SourceRuns:
    """Where each character of the prose stands in the source, kept as runs, not one per character.

    A *copied* run is source text taken character for character: its character ``k`` stands for
    ``source[at + k]``. All characters of a *mapped* run stand for the same ``source[at:end]`` (a
    decoded entity, a block separator). Runs are added in text order.
    """

    __slots__ = ("_at", "_end", "_text_at", "length")

    def __init__(self) -> None:
        self._text_at: list[int] = []  # where each run starts in the prose text
        self._at: list[int] = []  # where it starts in the source
        self._end: list[int] = []  # a mapped run's source end; -1 for a copied run
        self.length = 0

    def copy(self, count: int, at: int) -> None:
        """``count`` characters copied from ``source[at:at + count]``."""
        if count <= 0:
            return
        if self._end and self._end[-1] < 0 and self._at[-1] + self.length - self._text_at[-1] == at:
            self.length += count  # continues the last run
            return
        self._add(at, -1, count)

    def map(self, count: int, at: int, end: int) -> None:
        """``count`` characters that all stand for ``source[at:end]``."""
        if count <= 0:
            return
        if count == 1 and end == at + 1:
            self.copy(1, at)
        elif self._end and self._end[-1] == end and self._at[-1] == at:
            self.length += count  # more characters standing for the last run's piece of source
        else:
            self._add(at, end, count)

    def _add(self, at: int, end: int, count: int) -> None:
        self._text_at.append(self.length)
        self._at.append(at)
        self._end.append(end)
        self.length += count

    def truncate(self, length: int) -> None:
        """Keep the first ``length`` characters."""
        if length >= self.length:
            return
        keep = bisect.bisect_left(self._text_at, length)
        del self._text_at[keep:], self._at[keep:], self._end[keep:]
        self.length = length

    def start(self, index: int) -> int:
        run = bisect.bisect_right(self._text_at, index) - 1
        end = self._end[run]
        return self._at[run] + index - self._text_at[run] if end < 0 else self._at[run]

    def end(self, index: int) -> int:
        run = bisect.bisect_right(self._text_at, index) - 1
        end = self._end[run]
        return self._at[run] + index - self._text_at[run] + 1 if end < 0 else end

    def last_end(self) -> int:
        """Where the last character ends in the source (:meth:`end` of ``length - 1``)."""
        end = self._end[-1]
        return self._at[-1] + self.length - self._text_at[-1] if end < 0 else end

    def source_span(self, first: int, last: int) -> tuple[int, int]:
        """Where prose characters ``first`` to ``last`` (inclusive) start and end in the source."""
        text_at, at, ends = self._text_at, self._at, self._end
        run = bisect.bisect_right(text_at, first) - 1
        start = at[run] + first - text_at[run] if ends[run] < 0 else at[run]
        if run + 1 < len(text_at) and text_at[run + 1] <= last:
            run = bisect.bisect_right(text_at, last) - 1
        end = ends[run]
        return start, (at[run] + last - text_at[run] + 1 if end < 0 else end)


class SourceOffsets(Sequence[int]):
    """Per character of the prose, where it starts (or ends) in the source, read from shared runs."""

    __slots__ = ("_ends", "_runs")

    def __init__(self, runs: SourceRuns, *, ends: bool) -> None:
        self._runs = runs
        self._ends = ends

    @property
    def runs(self) -> SourceRuns:
        return self._runs

    def reads_starts_of(self, ends: SourceOffsets) -> bool:
        """Whether these are the starts, and ``ends`` the ends, of the same runs."""
        return not self._ends and ends._ends and ends._runs is self._runs

    def __len__(self) -> int:
        return self._runs.length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += self._runs.length
        if not 0 <= index < self._runs.length:
            raise IndexError("source offset index out of range")
        return self._runs.end(index) if self._ends else self._runs.start(index)

    def __iter__(self) -> Iterator[int]:
        for index in range(self._runs.length):
            yield self[index]


def _has_astral(text: str) -> bool:
    """Whether ``text`` has a character outside the BMP: in UTF-8 only those open with F0 to F4,
    and ``bytes`` finds a byte several times quicker than a regular expression scans a ``str``."""
    encoded = text.encode("utf-8", "surrogatepass")
    return any(lead in encoded for lead in _ASTRAL_LEADS)


_ASTRAL_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


class _LineIndex:
    """Converts offsets in the source text to 1-based lines and columns."""

    def __init__(self, source: str) -> None:
        starts = [0]
        index = source.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = source.find("\n", index + 1)
        self._starts = starts
        self._source = source
        # UTF-16 columns differ from code-point columns only after a character outside the BMP
        self._astral = not source.isascii() and _has_astral(source)

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``source[start:end]`` (an end before the start counts as the start)."""
        starts = self._starts
        line = bisect.bisect_right(starts, start) - 1
        column = start - starts[line]
        stop = end if end > start else start
        end_line = line
        # the end is usually on the same line: check the next line start before bisecting
        if end_line + 1 < len(starts) and starts[end_line + 1] <= stop:
            end_line = bisect.bisect_right(starts, stop, end_line + 1) - 1
        end_column = stop - starts[end_line]
        if self._astral:
            _, _, utf16 = self.line_col(start)
            _, _, end_utf16 = self.line_col(stop)
            return Span(line + 1, column + 1, end_line + 1, end_column + 1, start, end, utf16, end_utf16)
        return Span(line + 1, column + 1, end_line + 1, end_column + 1, start, end, column + 1, end_column + 1)

    def line_col(self, offset: int) -> tuple[int, int, int]:
        """Return (line, column in code points, column in UTF-16 units), all 1-based."""
        line = bisect.bisect_right(self._starts, offset) - 1
        line_start = self._starts[line]
        column = offset - line_start
        utf16 = column
        if self._astral:
            utf16 += len(_ASTRAL.findall(self._source, line_start, offset))
        return line + 1, column + 1, utf16 + 1

    def line_text(self, line: int) -> str:
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else len(self._source)
        return self._source[start:end].rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass(eq=False)
class Article:
    """A parsed article. Build one with :func:`contentlint.document.parse`."""

    source: str
    kind: DocumentKind
    text: str
    offsets: SourceOffsets
    ends: SourceOffsets
    blocks: list[Block]
    path: str | None = None
    links: list[Link] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    title: str | None = None

    # --- positions -----------------------------------------------------------------------
    @cached_property
    def _lines(self) -> _LineIndex:
        return _LineIndex(self.source)

    def locate(self, start: int, end: int) -> Span:
        """The exact place in the original file of ``text[start:end]``."""
        length = len(self.text)
        if not length:
            return self.locate_source(0, 0)
        # clamped: start to a character of the text, end past it (comparisons are quicker than min/max)
        if start < 0:
            start = 0
        elif start >= length:
            start = length - 1
        if end <= start:
            end = start + 1
        elif end > length:
            end = length
        runs = self._shared_runs
        if runs is None:
            return self.locate_source(self.offsets[start], self.ends[end - 1])
        return self._lines.span(*runs.source_span(start, end - 1))

    @cached_property
    def _shared_runs(self) -> SourceRuns | None:
        """The runs behind both :attr:`offsets` and :attr:`ends`, when they are the reader's own."""
        offsets, ends = self.offsets, self.ends
        if isinstance(offsets, SourceOffsets) and isinstance(ends, SourceOffsets) and offsets.reads_starts_of(ends):
            return offsets.runs
        return None

    def locate_source(self, src_start: int, src_end: int) -> Span:
        return self._lines.span(src_start, src_end)

    def line_span(self, line: int) -> Span:
        """The whole of one source line (for findings about a line or the article as a whole)."""
        line = min(max(line, 1), self._lines.line_count)
        start = self._lines._starts[line - 1]
        return self.locate_source(start, start + len(self._lines.line_text(line)))

    def line_text(self, line: int) -> str:
        return self._lines.line_text(line)

    @property
    def line_count(self) -> int:
        return self._lines.line_count

    # --- structure -------------------------------------------------------------------------
    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def block_at(self, index: int) -> int:
        """Number of the block holding ``text[index]`` (-1 when it is between blocks)."""
        i = bisect.bisect_right(self._block_starts, index) - 1
        if i >= 0 and index < self.blocks[i].end:
            return i
        return -1

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def sentences(self) -> list[Sentence]:
        from contentlint.text.sentences import split_sentences

        found: list[Sentence] = []
        for number, block in enumerate(self.blocks):
            for start, end in split_sentences(self.text, block.start, block.end):
                found.append(Sentence(start, end, number))
        return found

    def sentence_at(self, index: int) -> int:
        """Number of the sentence holding ``text[index]`` (-1 when none does)."""
        sentences = self.sentences
        i = bisect.bisect_right(self._sentence_starts, index) - 1
        if i >= 0 and index < sentences[i].end:
            return i
        return -1

    @cached_property
    def word_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every word, as :attr:`words` without building an object per word."""
        from contentlint.text.words import find_words

        return find_words(self.text)

    @cached_property
    def word_starts(self) -> list[int]:
        """Where each word starts (for bisection)."""
        return [start for start, _ in self.word_spans]

    @cached_property
    def words(self) -> list[Word]:
        return [Word(s, e) for s, e in self.word_spans]

    @property
    def prose_blocks(self) -> list[Block]:
        """Blocks that are running prose (not headings, captions or table cells)."""
        return [b for b in self.blocks if b.kind in ("paragraph", "list_item", "blockquote")]
