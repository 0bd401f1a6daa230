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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast
from weakref import WeakKeyDictionary

from contentlint.document import Article
from contentlint.text.syllables import count_syllables
from contentlint.text.words import WORD_RE

PROSE_KINDS = frozenset({"paragraph", "list_item", "blockquote"})
SMOG_MIN_SENTENCES = 30
MIN_SENTENCE_WORDS = 3
MIN_UNPUNCTUATED_WORDS = 5

FLESCH_KINCAID = "Flesch-Kincaid"
SMOG = "SMOG"
FORMULAS = {"flesch-kincaid": FLESCH_KINCAID, "smog": SMOG}

_URL = re.compile(r"(?:https?://|ftp://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# A sentence ends in one of these, perhaps followed by closing quotes and brackets.
_END_MARKS = frozenset(".!?:;…")
_CLOSERS = "\"'”’)]"


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
    measured: list[SentenceStats] = []
    word_counts: list[tuple[int, int]] = []
    for number, sentence in enumerate(article.sentences):
        if blocks[sentence.block].kind not in PROSE_KINDS:
            continue
        start, end = sentence.start, sentence.end
        piece = text[start:end]
        if _has_link(piece) or not _between_spaces(text, start, end):
            words, capitalised, syllables, polysyllables = _count_words(sentence_words(article, start, end))
        else:
            words, capitalised, syllables, polysyllables = _count_tokens(piece.split())
        word_counts.append((number, words))
        if words < MIN_SENTENCE_WORDS or _is_fragment(piece, words, capitalised):
            continue
        measured.append(SentenceStats(start, end, words, syllables, polysyllables))
    return ProseStats(tuple(measured), tuple(word_counts))


# The counts of a piece of text packed in one number, so that a sentence's are the sum of its
# pieces': words, words starting with a capital, polysyllables and syllables, each in a field
# too wide ever to carry into the next.
_FIELD = 40
_MASK = (1 << _FIELD) - 1
_CAPITAL = 1 << _FIELD
_POLYSYLLABLE = 1 << 2 * _FIELD
_SYLLABLE = 1 << 3 * _FIELD
Tally = tuple[int, int, int, int]  # words, capitalised words, syllables, polysyllables

_token_tallies: dict[str, int] = {}
_TOKEN_TALLIES_MAX = 200_000  # emptied when full, like the syllable memo


def _packed_words(words: Iterable[str]) -> int:
    packed = 0
    for word in words:
        syllables = count_syllables(word)
        packed += 1 + syllables * _SYLLABLE + (syllables > 2) * _POLYSYLLABLE + word[:1].isupper() * _CAPITAL
    return packed


def _unpack(packed: int) -> Tally:
    return packed & _MASK, packed >> _FIELD & _MASK, packed >> 3 * _FIELD, packed >> 2 * _FIELD & _MASK


def _count_words(words: list[str]) -> Tally:
    return _unpack(_packed_words(words))


def _count_tokens(tokens: list[str]) -> Tally:
    """The counts of the words in ``tokens``, the space-separated pieces of a stretch of text
    with spaces (or the text's edges) around it. No word crosses a space, so a piece's words are
    its own: its counts are worked out once and kept, as most pieces recur."""
    found = list(map(_token_tallies.get, tokens))
    if None in found:
        if len(_token_tallies) >= _TOKEN_TALLIES_MAX:
            _token_tallies.clear()
        for i, packed in enumerate(found):
            if packed is None:
                token = tokens[i]
                found[i] = _token_tallies[token] = _packed_words(WORD_RE.findall(token))
    return _unpack(sum(cast(list[int], found)))


def _is_fragment(text: str, words: int, capitalised: int) -> bool:
    if text.rstrip().rstrip(_CLOSERS)[-1:] in _END_MARKS:
        return False
    if words < MIN_UNPUNCTUATED_WORDS:
        return True
    return capitalised * 5 >= words * 4  # a Title Case label, heading-like line or banner
