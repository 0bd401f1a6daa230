"""SPAM003 asks libphonenumber only about blocks with a run of digits long enough to be a valid
number: the run pattern must never rule out a block where the matcher finds one."""

from __future__ import annotations

import phonenumbers
import pytest
from phonenumbers import PhoneMetadata, phonenumbermatcher, phonenumberutil

from contentlint.document import parse
from contentlint.rules.builtin.spam import contact_details
from contentlint.rules.builtin.spam._shared import ascii_words, folded_text
from contentlint.rules.builtin.spam.contact_details import _folded_phone_run, _phone_run


def _shortest(metadata: PhoneMetadata | None) -> int:
    assert metadata is not None and metadata.general_desc is not None
    return min(n for n in metadata.general_desc.possible_length if n > 0)


def test_the_shortest_national_number_is_the_librarys() -> None:
    regions = [_shortest(PhoneMetadata.metadata_for_region(r)) for r in phonenumbers.SUPPORTED_REGIONS]
    codes = [
        _shortest(PhoneMetadata.metadata_for_nongeo_region(c)) for c in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS
    ]
    assert min(regions + codes) == contact_details._SHORTEST_NATIONAL_NUMBER


def test_the_run_characters_are_the_matchers() -> None:
    assert contact_details._PHONE_PUNCTUATION == phonenumberutil._VALID_PUNCTUATION
    assert contact_details._PHONE_LEADS == phonenumbermatcher._LEAD_CLASS_CHARS


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Call (312) 555-0147 today.", "US"),
        ("Ring +683 4002 for help.", "US"),  # Niue: four national digits after the country code
        ("Ring 4002 for help.", "NU"),
        ("Our specialists are available on +44 20 7946 0321.", "US"),
        ("Call ＋1 312 555 0147.", "US"),
    ],
)
def test_every_number_the_matcher_finds_is_in_a_run(text: str, region: str) -> None:
    assert list(phonenumbers.PhoneNumberMatcher(text, region))
    assert _phone_run(region).search(text)


@pytest.mark.parametrize("text", ["In 2019, 45 of 120 patients took 500 mg.", "Rates fell 12.5% (p=0.03).", "+44 20"])
def test_years_doses_and_counts_are_ruled_out(text: str) -> None:
    assert not list(phonenumbers.PhoneNumberMatcher(text, "US"))
    assert not _phone_run("US").search(text)


@pytest.mark.parametrize(
    "text",
    ["Call 1-800-FLOWERS or 1-800-XXX-XXXX.", "Dial 555X 12X4 now.", "İ 12 ſ 3x4x5 ı X9X9X", "In 2019, 45 of 120.",
     "Call １２３４５ or ٥٥٥١٢٣٤ now.", "Dial 12３4５ — x١x٢x."],
)
def test_the_folded_run_finds_the_case_insensitive_runs(text: str) -> None:
    article = parse(f"{text}\n\nSecond paragraph, 12 34 x 56.\n", "txt", "t.txt")
    folded = folded_text(article)
    # (the ASCII-digit form only where every word character is ASCII)
    for ascii_digits in {False, ascii_words(article)}:
        for block in article.blocks:
            plain = _phone_run("US").search(article.text, block.start, block.end)
            on_folded = _folded_phone_run("US", ascii_digits).search(folded, block.start, block.end)
            assert (plain is None) == (on_folded is None)
