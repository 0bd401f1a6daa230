"""Phrase matching compiled once: a list of phrases becomes one pattern scanned in one pass.

Phrases are literal words (no regex syntax): matched case-insensitively, as whole words, with any
run of white space between words, and with typographic apostrophes matching straight ones.
User-written ``patterns`` go through RE2, which runs in linear time, so no pattern from a rule
pack can make the linter hang.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

_APOSTROPHES = "'’‘"


def _phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        parts.append("".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in word))
    return r"\s+".join(parts)


class PhraseMatcher:
    """Finds any of many literal phrases in one scan; reports which phrase matched."""

    def __init__(self, phrases: Iterable[str], *, case_sensitive: bool = False) -> None:
        unique = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
        self.phrases: tuple[str, ...] = tuple(unique)
        self._lookup = {self._key(p, case_sensitive): p for p in unique}
        self._case_sensitive = case_sensitive
        self._regex: re.Pattern[str] | None = None
        if unique:
            body = "|".join(_phrase_regex(p) for p in unique)
            flags = 0 if case_sensitive else re.IGNORECASE
            self._regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)

    @staticmethod
    def _key(text: str, case_sensitive: bool) -> str:
        text = " ".join(text.split())
        for mark in _APOSTROPHES[1:]:
            text = text.replace(mark, "'")
        return text if case_sensitive else text.lower()

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, phrase as listed) for each match in ``text[start:end]``."""
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        for match in self._regex.finditer(text, start, stop):
            key = self._key(match.group(0), self._case_sensitive)
            yield match.start(), match.end(), self._lookup.get(key, match.group(0))

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
