"""Sentence splitting and word spans."""

from __future__ import annotations

import time

import pytest

from contentlint.text.sentences import NEVER_ENDING, split_sentences
from contentlint.text.words import WORD_RE, find_words


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith saw Mr. Jones and Mrs. Patel at St. Mary's. They were fine.",
            ["Dr. Smith saw Mr. Jones and Mrs. Patel at St. Mary's.", "They were fine."],
        ),
        ("Take 2.5 mg daily. Do not take more!", ["Take 2.5 mg daily.", "Do not take more!"]),
        ("Is it safe? Ask first. Yes!", ["Is it safe?", "Ask first.", "Yes!"]),
        (
            "Use a painkiller, e.g. Ibuprofen, i.e. an NSAID. It helps.",
            ["Use a painkiller, e.g. Ibuprofen, i.e. an NSAID.", "It helps."],
        ),
        ("J. K. Rowling wrote it. Read it.", ["J. K. Rowling wrote it.", "Read it."]),
        ("Take vitamin D. It helps bones.", ["Take vitamin D.", "It helps bones."]),
        ('She said "stop now." Then she left.', ['She said "stop now."', "Then she left."]),
        ("(This is one.) This is two.", ["(This is one.)", "This is two."]),
        ("It works... mostly. Wait... Then go.", ["It works... mostly.", "Wait...", "Then go."]),
        ("It works… Then it stops.", ["It works…", "Then it stops."]),
        ("Smith et al. (2020) found this. So did we.", ["Smith et al. (2020) found this.", "So did we."]),
        ("Apples, oranges, etc. are fruit. Eat them.", ["Apples, oranges, etc. are fruit.", "Eat them."]),
        (
            "The U.S. Food and Drug Administration agreed. In the U.S. The rate rose.",
            ["The U.S. Food and Drug Administration agreed.", "In the U.S.", "The rate rose."],
        ),
        (
            "See Fig. 2 and No. 5 here. The answer is no. Okay.",
            ["See Fig. 2 and No. 5 here.", "The answer is no.", "Okay."],
        ),
        (
            "It started on Jan. 5 this year. It ended in Feb.",
            ["It started on Jan. 5 this year.", "It ended in Feb."],
        ),
        ("Costs approx. 10 dollars. Or less.", ["Costs approx. 10 dollars.", "Or less."]),
        ("Hello? yes, it is. fine.", ["Hello? yes, it is. fine."]),
        ("Last sentence has no period", ["Last sentence has no period"]),
        ("  Spaces around.   Trimmed here.  ", ["Spaces around.", "Trimmed here."]),
        ("", []),
        ("   ", []),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_offsets_are_into_the_full_text() -> None:
    text = "Heading\n\nFirst one. Second one."
    start = text.index("First")
    assert split_sentences(text, start, len(text)) == [(9, 19), (20, 31)]
    assert split_sentences(text, 0, 7) == [(0, 7)]


def test_abbreviations_are_data() -> None:
    assert isinstance(NEVER_ENDING, frozenset)
    assert {"dr", "e.g", "vs"} <= NEVER_ENDING


def test_fast_on_a_thousand_words() -> None:
    paragraph = (
        "Most adults need 7 to 9 hours of sleep, says Dr. Patel of St. Mary's. "
        "Short sleep raises the risk of heart disease (Smith et al., 2020)! "
        "Is 6.5 hours enough? Probably not, e.g. for teenagers. "
    )
    text = paragraph * (1000 // len(paragraph.split()) + 1)
    split_sentences(text, 0, len(text))
    runs = 50
    began = time.perf_counter()
    for _ in range(runs):
        found = split_sentences(text, 0, len(text))
    elapsed = (time.perf_counter() - began) / runs
    assert len(found) >= 4 * (len(text.split()) // 40)
    assert elapsed < 0.002  # well under 1 ms on a normal machine; generous for a busy CI runner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Don't stop", ["Don't", "stop"]),
        ("don’t post-traumatic COVID-19", ["don’t", "post-traumatic", "COVID-19"]),
        ("2.5 mg or 10,000 steps.", ["2.5", "mg", "or", "10,000", "steps"]),
        ("end-- 'quoted' _under_ x", ["end", "quoted", "under", "x"]),
        ("café naïve 😀 über", ["café", "naïve", "über"]),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_words(text)] == expected
    assert [m.group() for m in WORD_RE.finditer(text)] == expected
