"""SPAM002 searches its first-person and offer lists one expression at a time: the first match it
takes must be the one the alternation of the whole list finds."""

from __future__ import annotations

import re

import pytest

from contentlint.rules.builtin.spam._shared import load_data
from contentlint.rules.builtin.spam.commercial_plug import _leftmost

_SENTENCES = [
    "Our clinic offers free consultation and 20% off your first visit.",
    "Book now at our clinic: only $99 per session, money-back guarantee.",
    "We offer free consultations; special offer ends today at midnight.",
    "Get 15% off with promo code SAVE15, use code SAVE15 at checkout.",
    "Prices start at $40. As low as $30 a session for just $30 per visit.",
    "The study found no benefit.",
]


@pytest.mark.parametrize("key", ["first_person", "offers"])
@pytest.mark.parametrize("sentence", _SENTENCES)
def test_the_leftmost_listed_match_is_the_alternations(key: str, sentence: str) -> None:
    listed = [str(p) for p in load_data("spam-plug")[key]]
    whole = re.compile("|".join(listed), re.IGNORECASE).search(sentence, 0, len(sentence))
    one_by_one = _leftmost([re.compile(p, re.IGNORECASE) for p in listed], sentence, 0, len(sentence))
    assert (whole and whole.span()) == (one_by_one and one_by_one.span())
