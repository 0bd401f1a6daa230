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
from typing import NamedTuple
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
_EDGE_PUNCTUATION = ".,;:!?…\"'“”‘’()[]*"  # none of them a letter or digit


class SentenceStats(NamedTuple):
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
    return _flesch_kincaid(counts.words, counts.sentences, counts.syllables)


def _flesch_kincaid(words: int, sentences: int, syllables: int) -> float:
    if not words or not sentences:
        return math.nan
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def flesch_reading_ease(counts: Counts) -> float:
    if not counts.words or not counts.sentences:
        return math.nan
    return 206.835 - 1.015 * counts.words / counts.sentences - 84.6 * counts.syllables / counts.words


def smog_index(counts: Counts) -> float:
    return _smog(counts.sentences, counts.polysyllables)


def _smog(sentences: int, polysyllables: int) -> float:
    if not sentences:
        return math.nan
    return 1.043 * math.sqrt(30 * polysyllables / sentences) + 3.1291


def grade_by(formula: str, counts: Counts) -> float:
    return smog_index(counts) if formula == SMOG else flesch_kincaid_grade(counts)


@dataclass(frozen=True, slots=True)
class ProseStats:
    sentences: tuple[SentenceStats, ...]
    counts: Counts  # of all the counted sentences
    # (number in ``article.sentences``, words) of every prose sentence, the short ones included
    word_counts: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, sentences: tuple[SentenceStats, ...], word_counts: tuple[tuple[int, int], ...] = ()) -> ProseStats:
        words = sum(s.words for s in sentences)
        syllables = sum(s.syllables for s in sentences)
        polysyllables = sum(s.polysyllables for s in sentences)
        return cls(sentences, Counts(words, len(sentences), syllables, polysyllables), word_counts)

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
        without = self._grades_without_each(formula)
        ranked = [(whole - grade, s) for grade, s in zip(without, self.sentences, strict=True)]
        ranked.sort(key=lambda pair: (-pair[0], pair[1].start))
        return ranked

    def _grades_without_each(self, formula: str) -> list[float]:
        """``grade_by(formula, self.counts.minus(s))`` for each sentence, without a Counts each."""
        total = self.counts
        left = total.sentences - 1
        if formula == SMOG:
            return [_smog(left, total.polysyllables - s.polysyllables) for s in self.sentences]
        words, syllables = total.words, total.syllables
        return [_flesch_kincaid(words - s.words, left, syllables - s.syllables) for s in self.sentences]


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
    text = article.text
    prose = [block.kind in PROSE_KINDS for block in article.blocks]
    may_link = _has_link(text)
    measured: list[SentenceStats] = []
    word_counts: list[tuple[int, int]] = []
    for number, sentence in enumerate(article.sentences):
        if not prose[sentence.block]:
            continue
        start, end = sentence.start, sentence.end
        piece = text[start:end]
        if (may_link and _has_link(piece)) or len(piece) > _MAX_PACKED or not _between_spaces(text, start, end):
            words, capitals, syllables, polysyllables = _tally(sentence_words(article, start, end))
        else:
            words, capitals, syllables, polysyllables = _unpack(_packed_tokens(piece.split()))
        word_counts.append((number, words))
        if words < MIN_SENTENCE_WORDS or _is_fragment(piece, words, capitals):
            continue
        measured.append(SentenceStats(start, end, words, syllables, polysyllables))
    return ProseStats.of(tuple(measured), tuple(word_counts))


Tally = tuple[int, int, int, int]  # words, words starting with a capital, syllables, polysyllables


def _tally(words: list[str]) -> Tally:
    capitals = syllables = polysyllables = 0
    for word in words:
        count = count_syllables(word)
        capitals += word[:1].isupper()
        syllables += count
        polysyllables += count > 2
    return len(words), capitals, syllables, polysyllables


# The counts of a piece of a sentence packed in one number, so that the sentence's are the sum
# of its pieces', added up in machine integers: words, capitals and polysyllables in fields of
# 15 bits (a sentence of at most _MAX_PACKED characters cannot fill one), syllables above them.
_FIELD = 15
_MASK = (1 << _FIELD) - 1
_CAPITALS = _FIELD
_POLYSYLLABLES = 2 * _FIELD
_SYLLABLES = 3 * _FIELD
_MAX_PACKED = _MASK  # characters: a sentence has fewer words than characters

_token_counts: dict[str, int] = {}
_TOKEN_COUNTS_MAX = 50_000  # about 7 MB; emptied when full, like the syllable memo


def _pack(words: list[str]) -> int:
    count, capitals, syllables, polysyllables = _tally(words)
    return count + (capitals << _CAPITALS) + (polysyllables << _POLYSYLLABLES) + (syllables << _SYLLABLES)


def _unpack(packed: int) -> Tally:
    return packed & _MASK, packed >> _CAPITALS & _MASK, packed >> _SYLLABLES, packed >> _POLYSYLLABLES & _MASK


def _packed_tokens(tokens: list[str]) -> int:
    """The packed counts of the words in ``tokens``, the space-separated pieces of a stretch of
    text with spaces (or the text's edges) around it. No word crosses a space, so a piece's words
    are its own: its counts are worked out once and kept, as most pieces recur."""
    try:
        return sum(map(_token_counts.get, tokens))  # type: ignore[arg-type]  # None (a new piece) stops it
    except TypeError:
        return _packed_with_new(tokens)


def _packed_with_new(tokens: list[str]) -> int:
    """:func:`_packed_tokens` of tokens some of which are not in the memo: those are worked out."""
    if len(_token_counts) >= _TOKEN_COUNTS_MAX:
        _token_counts.clear()
    for token in set(tokens).difference(_token_counts):
        _token_counts[token] = _packed_piece(token)
    try:
        return sum(map(_token_counts.__getitem__, tokens))
    except KeyError:  # another thread emptied the memo meanwhile
        return sum(map(_packed_piece, tokens))


def _packed_piece(token: str) -> int:
    # quotes and punctuation at a piece's edges are never part of a word, and what is left is
    # most often one word of letters or digits alone
    core = token.strip(_EDGE_PUNCTUATION)
    if not core.isalnum():
        return _pack(WORD_RE.findall(core))
    syllables = count_syllables(core)
    packed = 1 + (core[0].isupper() << _CAPITALS) + ((syllables > 2) << _POLYSYLLABLES)
    return packed + (syllables << _SYLLABLES)


def _is_fragment(text: str, words: int, capitalised: int) -> bool:
    if text.rstrip().rstrip(_CLOSERS)[-1:] in _END_MARKS:
        return False
    if words < MIN_UNPUNCTUATED_WORDS:
        return True
    return capitalised * 5 >= words * 4  # a Title Case label, heading-like line or banner
