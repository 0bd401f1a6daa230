"""SPAM008's topic counts: each word's stem is remembered across articles and worked out on its
first look-up; the counts equal stemming every content word, also when the memo is emptied on the
way (it holds a bounded number of words)."""

from __future__ import annotations

from collections import Counter

import pytest

from contentlint.document import parse
from contentlint.rules.builtin.spam import _shared

_TEXT = (
    "Clinics and clinic staff\n\nThe clinics say flu shots work. Doctors' advice: flu shots, "
    "not antibiotics, stop flu.\n\nParties and party cities; the city is busy as ever.\n\n"
    "Stress and glass; its a bus, US clinics."
)


def _expected(article_words: list[list[str]], numbers: range) -> list[tuple[str, int]]:
    stop = _shared.stopwords()
    counts = Counter(
        _shared.stem(w) for n in numbers for w in article_words[n] if len(w) > 2 and w not in stop
    )
    return list(counts.items())


@pytest.mark.parametrize("limit", [200_000, 5, 1])
def test_topic_counts_equal_stemming_every_word(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(_shared, "_MAX_TOPIC_STEMS", limit)
    _shared._TOPIC_STEMS.clear()
    for _ in range(2):  # the second time, the words are known
        article = parse(_TEXT, "txt", "x")
        numbers = range(len(article.blocks))
        counts = _shared.topic_counts(article, numbers)
        assert list(counts.items()) == _expected(_shared.block_words(article), numbers)
    assert len(_shared._TOPIC_STEMS) <= max(limit, 1)
