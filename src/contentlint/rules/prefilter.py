"""Cheap necessary conditions for regular expressions: the literal text every match must contain.

Python's regex engine tries a pattern at every position of the text, so a rule with dozens of
lexicon patterns pays for dozens of full scans of every article, although most articles hold none
of their words. :func:`required_literals` reads a compiled pattern's syntax tree and returns a set
of lower-case strings such that every match contains at least one of them; ``str.find`` locates
those in a lower-cased copy of the text far faster than the pattern can, and the pattern then runs
only where one of them occurs. The condition is necessary, never sufficient: the pattern still
decides every match, so findings are exactly what they would be without the filter.
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from contentlint.document import Article

try:  # the parser behind ``re``: public as sre_parse before Python 3.11
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

_C = _sre  # constants (LITERAL, BRANCH...) are re-exported by the parser module
_MIN_USEFUL = 2  # shorter literals occur everywhere and filter nothing

Literals = frozenset[str]


def _fold(code: int) -> str | None:
    """The lower-case form of a literal character, or None when case folding could change its
    length or match characters outside ASCII (then it cannot take part in a plain ``find``)."""
    ch = chr(code)
    low = ch.lower()
    if len(low) != 1:
        return None
    if ch.isascii() or (low == ch and ch.upper() == ch):
        return low
    return None


def _best(candidates: list[Literals]) -> Literals | None:
    useful = [c for c in candidates if c and min(map(len, c)) >= _MIN_USEFUL]
    if not useful:
        return None
    return max(useful, key=lambda c: (min(map(len, c)), -len(c)))


def _sequence(items: Any) -> Literals | None:
    candidates: list[Literals] = []
    run = ""
    for op, arg in items:
        if op is _C.LITERAL:
            ch = _fold(arg)
            if ch is not None:
                run += ch
                continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        if op is _C.SUBPATTERN:
            found = _sequence(arg[-1])
        elif op is _C.BRANCH:
            found = _branch(arg[1])
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT)):
            low, _high, body = arg
            found = _sequence(body) if low >= 1 else None
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            found = _sequence(arg)
        else:
            found = None  # classes, anchors, lookarounds, back-references: nothing certain
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(frozenset({run}))
    return _best(candidates)


def _branch(alternatives: Any) -> Literals | None:
    union: set[str] = set()
    for alternative in alternatives:
        found = _sequence(alternative)
        if found is None:
            return None
        union |= found
    return _minimal(union)


def _minimal(strings: set[str]) -> Literals:
    """Drop any string that contains another one of the set: finding the shorter one suffices."""
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


@lru_cache(maxsize=4096)
def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None when the
    pattern guarantees no such literal (then it must be tried everywhere)."""
    if pattern.flags & re.VERBOSE:
        return None
    try:
        tree = _sre.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - compiled already, so this should not happen
        return None
    found = _sequence(tree)
    return _minimal(set(found)) if found is not None else None


# --- per-article lookups ------------------------------------------------------------------------
# Characters that a case-insensitive pattern treats as equal to an ASCII letter although
# ``str.lower`` does not map them to it (the Kelvin sign, the long s, dotted and dotless i...).
def _folds_to_ascii(ch: str) -> bool:
    return any(c.isascii() for form in (ch.lower(), ch.upper(), ch.casefold()) for c in form)


class _Index:
    __slots__ = ("block_ends", "block_starts", "found", "lowered")

    def __init__(self, article: Article) -> None:
        text = article.text
        lowered = text.lower()
        # When positions would shift or a letter would be missed, filter nothing.
        unsafe = len(lowered) != len(text) or (
            not text.isascii() and any(_folds_to_ascii(ch) for ch in set(text) if not ch.isascii())
        )
        self.lowered: str | None = None if unsafe else lowered
        self.block_starts = [b.start for b in article.blocks]
        self.block_ends = [b.end for b in article.blocks]
        self.found: dict[str, frozenset[int]] = {}

    def blocks_with(self, literal: str) -> frozenset[int]:
        """Numbers of the blocks that hold ``literal`` wholly inside them."""
        cached = self.found.get(literal)
        if cached is not None:
            return cached
        assert self.lowered is not None
        lowered, starts, ends = self.lowered, self.block_starts, self.block_ends
        hits: set[int] = set()
        at = lowered.find(literal)
        while at != -1:
            number = bisect.bisect_right(starts, at) - 1
            if number >= 0 and at + len(literal) <= ends[number]:
                hits.add(number)
                at = lowered.find(literal, ends[number])
            else:
                at = lowered.find(literal, at + 1)
        result = frozenset(hits)
        self.found[literal] = result
        return result


_INDEXES: weakref.WeakKeyDictionary[Article, _Index] = weakref.WeakKeyDictionary()


def _index(article: Article) -> _Index:
    index = _INDEXES.get(article)
    if index is None:
        index = _Index(article)
        _INDEXES[article] = index
    return index


def candidate_blocks(article: Article, patterns: Sequence[re.Pattern[str] | None]) -> frozenset[int] | None:
    """Numbers of the blocks where a match of every one of ``patterns`` could lie wholly inside
    the block (None entries are ignored), or None when any block could hold one."""
    index = _index(article)
    if index.lowered is None:
        return None
    result: frozenset[int] | None = None
    for pattern in patterns:
        if pattern is None:
            continue
        literals = required_literals(pattern)
        if literals is None:
            continue
        blocks: set[int] = set()
        for literal in literals:
            blocks |= index.blocks_with(literal)
        result = frozenset(blocks) if result is None else result & blocks
        if not result:
            return result
    return result


def may_match(article: Article, pattern: re.Pattern[str]) -> bool:
    """False when no match of ``pattern`` can occur anywhere in ``article.text``."""
    literals = required_literals(pattern)
    if literals is None:
        return True
    index = _index(article)
    if index.lowered is None:
        return True
    lowered = index.lowered
    return any(literal in lowered for literal in literals)
