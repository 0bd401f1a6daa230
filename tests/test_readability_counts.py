"""Readability counts summed from a sentence's space-separated pieces equal counting its words one
by one; READ003's word starts and word counts equal those of the article's word list."""

from __future__ import annotations

import bisect
import random
import re

import pytest

from contentlint.document import Article, parse
from contentlint.rules.builtin.readability.undefined_acronym import WordParts, starts_word
from contentlint.text import readability
from contentlint.text.readability import MIN_SENTENCE_WORDS, PROSE_KINDS, prose_stats
from contentlint.text.syllables import count_syllables
from contentlint.text.words import find_words

TRICKY = [
    "Don't stop taking COVID-19 vaccines: 2.5 mg, 10,000 people (about 1.2.3%) and the N-methyl-D-aspartate ‘route’.",
    "Read https://example.org/a-b.c or www.nhs.uk/x, or write to help@example.org today, please.",
    "PTSD’s effects—panic, fear…and “flashbacks”—can last; ask a GP.\n\nShort line\n\nThis Line Is In Title Case",
    "Ünïcödé wörds, İstanbul, ﬁne, ½ and ² count too! x_y and a--b; “quoted.” (Bracketed.)",
    "- A list item that runs on without punctuation for a while\n- Two words\n\n> A quoted block, which ends.",
]


def reference_counts(article: Article) -> list[tuple[int, int, int, int, int]]:
    """(start, end, words, syllables, polysyllables) of each counted sentence, word by word."""
    text = article.text
    counted = []
    for sentence in article.sentences:
        if article.blocks[sentence.block].kind not in PROSE_KINDS:
            continue
        words = readability.sentence_words(article, sentence.start, sentence.end)
        piece = text[sentence.start : sentence.end]
        if len(words) < MIN_SENTENCE_WORDS or readability._is_fragment(
            piece, len(words), sum(1 for w in words if w[:1].isupper())
        ):
            continue
        syllables = [count_syllables(w) for w in words]
        counted.append((sentence.start, sentence.end, len(words), sum(syllables), sum(n > 2 for n in syllables)))
    return counted


def article_words(article: Article, start: int, end: int) -> list[str]:
    """The article's own words lying inside ``text[start:end]``."""
    return [article.text[s:e] for s, e in find_words(article.text) if s >= start and e <= end]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("kind", ["md", "txt"])
def test_counts_from_pieces_equal_word_by_word_counts(text: str, kind: str) -> None:
    for _ in range(2):  # the second time every piece's counts are already known
        article = parse(text, kind, f"a.{kind}")
        stats = prose_stats(article)
        assert [tuple(s) for s in stats.sentences] == reference_counts(article)
        for number, count in stats.word_counts:
            sentence = article.sentences[number]
            assert count == len(readability.sentence_words(article, sentence.start, sentence.end))


def test_sentence_words_equal_the_articles_words_between_its_edges() -> None:
    article = parse("Wait—what?Yes: 2.5%, don't; “no.” COVID-19 is (PTSD)-like.", "txt", "a.txt")
    for sentence in article.sentences:
        assert readability.sentence_words(article, sentence.start, sentence.end) == article_words(
            article, sentence.start, sentence.end
        )


def test_a_sentence_too_long_to_pack_is_counted_word_by_word() -> None:
    words = readability._MAX_PACKED // 4 + 10
    text = " ".join(["Unprecedented", "go"] * (words // 2)) + "."
    article = parse(text, "txt", "a.txt")
    (sentence,) = prose_stats(article).sentences
    assert len(text) > readability._MAX_PACKED
    assert (sentence.words, sentence.syllables, sentence.polysyllables) == reference_counts(article)[0][2:]


def test_the_totals_and_grades_without_each_sentence_match_the_counts() -> None:
    article = parse(" ".join(TRICKY[:1] * 3 + ["Another plain sentence is here."] * 35), "txt", "a.txt")
    stats = prose_stats(article)
    counts = stats.counts
    assert counts.words == sum(s.words for s in stats.sentences)
    assert counts.sentences == len(stats.sentences) >= readability.SMOG_MIN_SENTENCES
    for formula in (readability.SMOG, readability.FLESCH_KINCAID):
        whole = readability.grade_by(formula, counts)
        expected = sorted(((whole - readability.grade_by(formula, counts.minus(s)), s) for s in stats.sentences),
                          key=lambda pair: (-pair[0], pair[1].start))
        assert stats.raisers(formula) == expected


def random_text(rng: random.Random) -> str:
    pool = ["PTSD", "SSRIs", "CD-ROM", "mRNA", "A&E", "x-PTSD", "'NHS", "Post-Traumatic", "stress", "2.5A", "BRCA1",
            "(NMDA)", "İSTANBUL", "e.g.", "a", "of", "2.5", "3,4", "٣.٤", "—", "‐AB", "_AB", "AB’s", "1,AB"]
    return "".join(rng.choice(pool) + rng.choice([" ", "", "-", "'", "\n", ", "]) for _ in range(rng.randint(1, 40)))


def test_word_starts_and_counts_before_equal_the_word_list() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = random_text(rng)
        spans = find_words(text)
        starts = [s for s, _ in spans]
        parts = WordParts(text)
        for at, char in enumerate(text):
            if char.isalnum():
                assert starts_word(text, at) == (at in starts), (text, at)
        for at in starts:
            assert parts.count_before(at) == bisect.bisect_left(starts, at)
            assert [parts[i] for i in range(len(parts))] == [word_parts(text[s:e]) for s, e in spans[: len(parts)]]


def word_parts(word: str) -> list[str]:
    lower = word.lower()
    return [lower] if lower.isalnum() else re.findall("[a-z0-9]+", lower)


def test_counts_do_not_depend_on_the_shared_memo_staying_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another thread may empty the memo of pieces while a sentence is being counted."""
    worked_out = readability._packed_piece

    def emptying_meanwhile(token: str) -> int:
        readability._token_counts.clear()
        return worked_out(token)

    monkeypatch.setattr(readability, "_packed_piece", emptying_meanwhile)
    readability._token_counts.clear()
    for text in TRICKY:
        article = parse(text, "txt", "a.txt")
        assert [tuple(s) for s in prose_stats(article).sentences] == reference_counts(article)
