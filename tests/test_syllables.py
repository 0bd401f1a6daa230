"""The syllable table and the hyphenation fallback give exactly the counts of the dictionary and Pyphen."""

from __future__ import annotations

import itertools
from pathlib import Path

import pyphen  # type: ignore[import-untyped]
import pytest

from contentlint.text import syllables

UNKNOWN_WORDS = ["semaglutide", "esketamine", "tirzepatide", "nonpharmacological", "immunotherapies",
                 "x", "ab", "abc", "İstanbul", "straße", "électrocardiogramme", "covid", "mg", "a1c"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(syllables, "_table", None)
    monkeypatch.setattr(syllables, "_hyphenation", None)
    return tmp_path


def test_the_table_holds_exactly_the_parsed_dictionary(cache: Path) -> None:
    parsed = syllables.parse_dictionary(syllables.dictionary_path().read_bytes())
    table = syllables.syllable_table()
    assert len(table) == len(parsed)
    assert all(table.get(word) == count for word, count in parsed.items())
    assert table.get("semaglutide") is None and "semaglutide" not in table
    assert table.get("") is None and table.get("a b") is None and table.get("ab\ncd") is None


def test_hyphenation_points_are_pyphens(cache: Path) -> None:
    reference = pyphen.Pyphen(lang="en_US")
    hyphenation = syllables.hyphenation()
    assert hyphenation is not None
    dictionary_words = itertools.islice(syllables.syllable_table(), 0, None, 40)
    for word in [*UNKNOWN_WORDS, *dictionary_words]:
        assert hyphenation.count(word) == len(reference.positions(word)), word


def test_hyphenation_patterns_are_cached_and_reloaded_without_pyphen(cache: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first = [syllables._hyphenation_count(word) for word in UNKNOWN_WORDS]
    assert list(cache.glob("hyphenation-*.marshal"))
    monkeypatch.setattr(syllables, "_hyphenation", None)
    monkeypatch.setattr(syllables, "_pyphen_patterns", lambda path: pytest.fail("the cache was not used"))
    assert [syllables._hyphenation_count(word) for word in UNKNOWN_WORDS] == first


def test_a_corrupt_hyphenation_cache_is_rebuilt(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = syllables._hyphenation_count("semaglutide")
    (cached,) = cache.glob("hyphenation-*.marshal")
    cached.write_bytes(b"\x00garbage")
    monkeypatch.setattr(syllables, "_hyphenation", None)
    assert syllables._hyphenation_count("semaglutide") == expected
