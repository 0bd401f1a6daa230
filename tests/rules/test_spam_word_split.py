"""The spam rules' shared word split: each block's words (letters only, apostrophes made straight)
are read from the same tokens (letters and digits) that keyword stuffing counts over the whole
article, and must equal what a search of each block, or of the whole text, finds. SPAM005 tries
its doubling expression only at the words where a repeat starts, which must find what a scan of
the whole block finds."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from contentlint.document import parse
from contentlint.rules.builtin.spam import _shared, repeated_word

_WORD = re.compile(r"[a-z]++(?:['’\-][a-z]++)*+")
_TOKEN = re.compile(r"[a-z0-9]++(?:['’\-][a-z0-9]++)*+")

_TEXTS = [
    "Covid-19 cases rose 12% in 2021.\n\nThe 3-day course, the day-3 dose and a 1a-b2 code.",
    "Don’t stop: it's a 24/7 line - call 1-800-555-0199 -- or 555-0100' now.\n\n'Quoted' -dash- '9' ’9’",
    "x-9-y a-'b 9-ab ab-9 a9b 9a a9 -a- '' -- ’’ 1'2 a’1 1’a",
    "No digits here, only don’t and won't.\n\nA second block-with hyphens.",
    "A stand-in \x01 for the curly one’s place, 9\x01a a\x01b.",
    "",
]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(5)
    alphabet = "ab c-'’9 0x\n\n-- ''1A.!?—\x01"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(count)]


@pytest.mark.parametrize("text", _TEXTS + _random_texts(400))
@pytest.mark.parametrize("kind", ["txt", "md"])
def test_block_words_and_article_tokens_equal_a_search(text: str, kind: str) -> None:
    article = parse(text, kind, "x")
    lowered = article.text.lower()
    assert _shared.ascii_words(article)
    expected_words = [
        [w.replace("’", "'") for w in _WORD.findall(lowered, b.start, b.end)] for b in article.blocks
    ]
    assert _shared.block_words(article) == expected_words
    assert _shared.block_tokens(article) == [_TOKEN.findall(lowered, b.start, b.end) for b in article.blocks]
    assert _shared.article_tokens(article) == _TOKEN.findall(lowered)


@pytest.mark.parametrize("text", ["covid-19 don’t a-b-c 1'2 x", "it's o'clock - 9-5’s a’b"])
def test_blocks_cut_at_a_joiner_hold_what_a_search_of_each_finds(text: str) -> None:
    for cut in range(len(text) + 1):
        article = parse(text, "txt", "x")
        block = article.blocks[0]
        article.blocks = [dataclasses.replace(block, end=cut), dataclasses.replace(block, start=cut)]
        lowered = article.text.lower()
        expected = [_TOKEN.findall(lowered, b.start, b.end) for b in article.blocks]
        assert _shared.block_tokens(article) == expected
        assert _shared.block_words(article) == [
            [w.replace("’", "'") for w in _WORD.findall(lowered, b.start, b.end)] for b in article.blocks
        ]


def test_tokens_outside_blocks_come_from_the_whole_text() -> None:
    article = parse("First block 12.\n\nSecond block-3.", "txt", "x")
    # a reader whose blocks leave words out (or overlap) cannot use the blocks' tokens
    article.blocks = article.blocks[1:]
    assert _shared.article_tokens(article) == ["first", "block", "12", "second", "block-3"]


def test_blocks_that_meet_or_overlap_leave_the_tokens_to_the_whole_text() -> None:
    article = parse("covid-19 cases", "txt", "x")
    start, end = article.blocks[0].start, article.blocks[0].end
    for cut in range(start, end):
        article = parse("covid-19 cases", "txt", "x")
        first = dataclasses.replace(article.blocks[0], end=cut)
        article.blocks = [first, dataclasses.replace(first, start=cut, end=end)]
        assert _shared.article_tokens(article) == ["covid-19", "cases"]
        article = parse("covid-19 cases", "txt", "x")
        article.blocks = [article.blocks[0], article.blocks[0]]
        assert _shared.article_tokens(article) == ["covid-19", "cases"]


def test_non_ascii_words_give_no_tokens() -> None:
    article = parse("Café visits rose.", "txt", "x")
    assert _shared.block_tokens(article) is None
    assert _shared.article_tokens(article) is None
    assert _shared.block_words(article) == [["café", "visits", "rose"]]


_DOUBLING_TEXTS = [
    "Take the the tablets. Therapy therapy therapy helps; cbd oil cbd oil cbd oil.",
    "He had had it, that that was so. Don't don't, don’t don't. The The the.",
    "well-being well-being, a-b a-b b, x x\n\ny y y y. Duran Duran. a b c a b c a b c",
    "Très très bien, naïve naïve. 12 12 covid covid-19 covid covid",
]


def _random_doubling_texts(count: int) -> list[str]:
    rng = random.Random(9)
    pieces = ["the", "The", "oil", "cbd", " ", " ", "  ", "\t", "\n", "'", "’", "-", "1", "é", "don't", ".", ","]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(count)]


@pytest.mark.parametrize("text", _DOUBLING_TEXTS + _random_doubling_texts(300))
def test_doublings_tried_at_repeats_equal_a_scan_of_the_block(text: str) -> None:
    article = parse(text, "txt", "x")
    candidates = dict(repeated_word._doubling_blocks(article))
    for number, block in enumerate(article.blocks):
        scanned = [m.span() for m in repeated_word._DOUBLED.finditer(article.text, block.start, block.end)]
        if number not in candidates:
            assert not scanned
            continue
        tried = [m.span() for m in repeated_word._doublings(article, number, candidates[number])]
        assert tried == scanned


def test_repeat_runs_are_every_word_pair_and_triple_written_twice() -> None:
    rng = random.Random(3)
    for _ in range(300):
        words = [rng.choice("ab") for _ in range(rng.randint(0, 14))]
        expected = {
            (first, first + 2 * size - 1)
            for size in (1, 2, 3)
            for first in range(len(words) - 2 * size + 1)
            if words[first : first + size] == words[first + size : first + 2 * size]
        }
        runs = repeated_word._repeat_runs(words)
        assert sorted(runs) == sorted(expected) and len(runs) == len(expected)
