"""Readability statistics of an article's running prose, and the grade formulas.

Only running prose is measured: paragraphs, list items and blockquotes, never headings, captions,
table cells, front matter, code or markup (the readers already leave those out of
``article.text``). Inside prose, URLs and e-mail addresses are not words. A "sentence" shorter
than three words is not counted (textstat ignores those too), and neither is a line without end
punctuation that is under five words or set in Title Case: labels, list fragments and page
chrome such as "Start Writing" are not sentences a reader has to parse.

The formulas are textstat's, with its constants, applied to these counts:

* Flesch-Kincaid grade = 0.39 * words/sentences + 11.8 * syllables/words - 15.59
* Flesch reading ease = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words
* SMOG = 1.043 * sqrt(30 * polysyllables/sentences) + 3.1291 (polysyllables: 3+ syllables)

The reading grade uses SMOG, the formula most recommended for health material, when the article
has at least 30 counted sentences (the sample SMOG was built on) and Flesch-Kincaid otherwise.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from typing import cast
from weakref import WeakKeyDictionary

from contentlint.document import Article
from contentlint.text.syllables import count_syllables, memo
from contentlint.text.words import WORD_RE

PROSE_KINDS = frozenset({"paragraph", "list_item", "blockquote"})
SMOG_MIN_SENTENCES = 30
MIN_SENTENCE_WORDS = 3
MIN_UNPUNCTUATED_WORDS = 5

FLESCH_KINCAID = "Flesch-Kincaid"
SMOG = "SMOG"
FORMULAS = {"flesch-kincaid": FLESCH_KINCAID, "smog": SMOG}

_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_END_PUNCTUATION = re.compile(r"[.!?:;…][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class SentenceStats:
    """One counted sentence: ``article.text[start:end]`` and its counts."""

    start: int
    end: int
    words: int
    syllables: int
    polysyllables: int


@dataclass(frozen=True, slots=True)
class Counts:
    words: int
    sentences: int
    syllables: int
    polysyllables: int

    def minus(self, sentence: SentenceStats) -> Counts:
        return Counts(
            self.words - sentence.words,
            self.sentences - 1,
            self.syllables - sentence.syllables,
            self.polysyllables - sentence.polysyllables,
        )


def flesch_kincaid_grade(counts: Counts) -> float:
    if not counts.words or not counts.sentences:
        return math.nan
    return 0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words - 15.59


def flesch_reading_ease(counts: Counts) -> float:
    if not counts.words or not counts.sentences:
        return math.nan
    return 206.835 - 1.015 * counts.words / counts.sentences - 84.6 * counts.syllables / counts.words


def smog_index(counts: Counts) -> float:
    if not counts.sentences:
        return math.nan
    return 1.043 * math.sqrt(30 * counts.polysyllables / counts.sentences) + 3.1291


def grade_by(formula: str, counts: Counts) -> float:
    return smog_index(counts) if formula == SMOG else flesch_kincaid_grade(counts)


@dataclass(frozen=True, slots=True)
class ProseStats:
    sentences: tuple[SentenceStats, ...]
    # (number in ``article.sentences``, words) of every prose sentence, the short ones included
    word_counts: tuple[tuple[int, int], ...] = ()

    @property
    def counts(self) -> Counts:
        return Counts(
            sum(s.words for s in self.sentences),
            len(self.sentences),
            sum(s.syllables for s in self.sentences),
            sum(s.polysyllables for s in self.sentences),
        )

    def formula(self, choice: str = "auto") -> str:
        """The formula for ``choice`` (``auto``, ``smog`` or ``flesch-kincaid``)."""
        if choice in FORMULAS:
            return FORMULAS[choice]
        return SMOG if len(self.sentences) >= SMOG_MIN_SENTENCES else FLESCH_KINCAID

    def grade(self, formula: str) -> float:
        return grade_by(formula, self.counts)

    def raisers(self, formula: str) -> list[tuple[float, SentenceStats]]:
        """Sentences with how much the grade would drop without each, the biggest drop first."""
        counts = self.counts
        whole = grade_by(formula, counts)
        if len(self.sentences) == 1:
            return [(whole, self.sentences[0])]
        ranked = [(whole - grade_by(formula, counts.minus(s)), s) for s in self.sentences]
        ranked.sort(key=lambda pair: (-pair[0], pair[1].start))
        return ranked


_cache: WeakKeyDictionary[Article, ProseStats] = WeakKeyDictionary()


def prose_stats(article: Article) -> ProseStats:
    """The counted sentences of ``article``'s running prose (computed once per article)."""
    cached = _cache.get(article)
    if cached is None:
        cached = _measure(article)
        _cache[article] = cached
    return cached


def _word_range(article: Article, start: int, end: int) -> tuple[int, int]:
    """Indexes ``lo:hi`` of ``article.words`` lying inside ``text[start:end]``."""
    starts = article.word_starts
    words = article.word_spans
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end, lo)
    while hi > lo and words[hi - 1][1] > end:
        hi -= 1
    return lo, hi


def _has_link(piece: str) -> bool:
    return "@" in piece or "www." in piece or "://" in piece


def _between_spaces(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` has a space (or the text's edge) on both sides, so no word crosses its
    edges and scanning only that stretch finds the same words as the article's own word list."""
    return (start == 0 or text[start - 1].isspace()) and (end >= len(text) or text[end].isspace())


def sentence_words(article: Article, start: int, end: int) -> list[str]:
    """Words of ``article.text[start:end]``, leaving out URLs and e-mail addresses."""
    text = article.text
    has_link = _has_link(text[start:end])
    if _between_spaces(text, start, end):
        if not has_link:
            return WORD_RE.findall(text, start, end)
        links = [m.span() for m in _URL.finditer(text, start, end)]
        return [m.group() for m in WORD_RE.finditer(text, start, end) if not _in_link(m.start(), links)]
    lo, hi = _word_range(article, start, end)
    spans = article.word_spans[lo:hi]
    if has_link:
        links = [m.span() for m in _URL.finditer(text, start, end)]
        spans = [(s, e) for s, e in spans if not _in_link(s, links)]
    return [text[s:e] for s, e in spans]


def _in_link(at: int, links: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in links)


def _measure(article: Article) -> ProseStats:
    blocks = article.blocks
    text = article.text
    known = memo().get
    measured: list[SentenceStats] = []
    word_counts: list[tuple[int, int]] = []
    for number, sentence in enumerate(article.sentences):
        if blocks[sentence.block].kind not in PROSE_KINDS:
            continue
        start, end = sentence.start, sentence.end
        words = sentence_words(article, start, end)
        word_counts.append((number, len(words)))
        if len(words) < MIN_SENTENCE_WORDS or _is_fragment(text[start:end], words):
            continue
        found = list(map(known, words))  # nearly every word is known: counted only when not
        if None in found:
            syllables = [count_syllables(w) if n is None else n for n, w in zip(found, words, strict=True)]
        else:
            syllables = cast(list[int], found)
        polysyllables = sum(map(_AT_LEAST_THREE, syllables))
        measured.append(SentenceStats(start, end, len(words), sum(syllables), polysyllables))
    return ProseStats(tuple(measured), tuple(word_counts))


_AT_LEAST_THREE = (2).__lt__


def _is_fragment(text: str, words: list[str]) -> bool:
    if _END_PUNCTUATION.search(text.rstrip()):
        return False
    if len(words) < MIN_UNPUNCTUATED_WORDS:
        return True
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised * 5 >= len(words) * 4  # a Title Case label, heading-like line or banner
