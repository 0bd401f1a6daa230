"""Phrase matching compiled once: a list of phrases becomes one pattern scanned in one pass.

Phrases are literal words (no regex syntax): matched case-insensitively, as whole words, with any
run of white space between words, and with typographic apostrophes matching straight ones.
User-written ``patterns`` go through RE2, which runs in linear time, so no pattern from a rule
pack can make the linter hang.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

_APOSTROPHES = "'’‘"
_WORD_CHAR = re.compile(r"\w")


def _char_regex(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch in _APOSTROPHES:
        return f"[{_APOSTROPHES}]"
    return re.escape(ch)


def _trie_regex(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, factored on shared prefixes.

    Python's regex engine tries the branches of a flat alternation one by one at every position;
    a prefix tree lets it discard most phrases after one character. Greedy optional tails keep the
    longest phrase that ends on a word boundary.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [_char_regex(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return f"(?:{body})?"
        return body

    return emit(trie)


class PhraseMatcher:
    """Finds any of many literal phrases in one scan; reports which phrase matched.

    Case-insensitive matchers search a lower-cased copy of the text (made once per text), which
    is several times faster than a case-insensitive pattern.
    """

    def __init__(self, phrases: Iterable[str], *, case_sensitive: bool = False) -> None:
        unique = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
        self.phrases: tuple[str, ...] = tuple(unique)
        self._lookup = {self._key(p, case_sensitive): p for p in unique}
        self._case_sensitive = case_sensitive
        self._regex: re.Pattern[str] | None = None
        self._folded_regex: re.Pattern[str] | None = None
        self._last: tuple[str, str] | None = None
        self._scanned: tuple[str, list[tuple[int, int]], list[int]] | None = None
        if unique:
            forms = unique if case_sensitive else sorted({p.lower() for p in unique})
            pattern = rf"(?<![\w])(?:{_trie_regex(forms)})(?![\w])"
            self._regex = re.compile(pattern)
            if not case_sensitive:
                self._folded_regex = re.compile(pattern, re.IGNORECASE)

    @staticmethod
    def _key(text: str, case_sensitive: bool) -> str:
        text = " ".join(text.split())
        for mark in _APOSTROPHES[1:]:
            text = text.replace(mark, "'")
        return text if case_sensitive else text.lower()

    def _searchable(self, text: str) -> tuple[str, re.Pattern[str]]:
        assert self._regex is not None
        if self._case_sensitive:
            return text, self._regex
        if self._last is None or self._last[0] is not text:
            self._last = (text, text.lower())
        lowered = self._last[1]
        if len(lowered) != len(text):  # a few characters lower-case to two; offsets would shift
            assert self._folded_regex is not None
            return text, self._folded_regex
        return lowered, self._regex

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, phrase as listed) for each match in ``text[start:end]``."""
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        spans = self._whole_text_spans(text, start, stop)
        if spans is None:
            searched, regex = self._searchable(text)
            spans = [match.span() for match in regex.finditer(searched, start, stop)]
        for match_start, match_end in spans:
            matched = text[match_start:match_end]
            key = self._key(matched, self._case_sensitive)
            yield match_start, match_end, self._lookup.get(key, matched)

    def _whole_text_spans(self, text: str, start: int, stop: int) -> list[tuple[int, int]] | None:
        """The matches in ``text[start:stop]``, taken from one scan of the whole text (rules ask
        block by block, and one scan costs far less than one per block); None when that scan
        could differ from a scan of the range alone: a match crossing either end of the range,
        or a letter just after it that would change where a phrase may end."""
        if stop < len(text) and _WORD_CHAR.match(text, stop):
            return None
        if self._scanned is None or self._scanned[0] is not text:
            searched, regex = self._searchable(text)
            found = [match.span() for match in regex.finditer(searched)]
            self._scanned = (text, found, [s for s, _ in found])
        _, found, starts = self._scanned
        first = bisect.bisect_left(starts, start)
        if first > 0 and found[first - 1][1] > start:
            return None
        last = bisect.bisect_left(starts, stop)
        if last > first and found[last - 1][1] > stop:
            return None
        return found[first:last]

    def __bool__(self) -> bool:
        return self._regex is not None


class SafePatterns:
    """User-written regular expressions compiled with RE2 into one linear-time alternation."""

    def __init__(self, patterns: Sequence[str], *, case_sensitive: bool = False, origin: str = "") -> None:
        import re2

        self.patterns = tuple(patterns)
        self._regex: Any = None
        if not patterns:
            return
        prefix = "" if case_sensitive else "(?i)"
        for pattern in patterns:
            try:
                re2.compile(pattern)
            except Exception as exc:
                raise ValueError(f"{origin}: pattern {pattern!r} is not valid: {exc}") from None
        self._regex = re2.compile(prefix + "|".join(f"(?:{p})" for p in patterns))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        for match in self._regex.finditer(text, start, stop):
            if match.end() > match.start():
                yield match.start(), match.end(), match.group(0)

    def __bool__(self) -> bool:
        return self._regex is not None
