"""What reputable news pages contain that is not a spam insertion: nouns that look like sales verbs,
a site's own link left alone on a line, one stray line of page furniture, a speaker repeating
themselves. None of these is an error-level spam finding (written here in new words)."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config

BODY = ("Doctors in the region saw fewer flu cases this winter than last. Clinics reported shorter waits, "
        "and pharmacists said vaccine supplies held up well through January.")


def _errors(text: str) -> list[tuple[str, str]]:
    findings = lint_text(text, kind="txt", config=Config(select=("spam",))).findings
    return [(f.rule, f.text) for f in findings if f.severity.value == "error"]


@pytest.mark.parametrize(
    "text",
    [
        f"Flu season\n\n{BODY} The mayor has a busy schedule today, with two clinic visits.\n",
        f"Flu season\n\n{BODY} For questions about the survey, visit us here.\n",
        f"Flu season\n\n{BODY}\n\nexamplenews.com/health/flu-season-2019,0,12345.story\n",
        f"Flu season\n\n{BODY}\n\nLoading...\n",
        f"Flu season\n\n{BODY}\n\n“We will test, and test, and test again, and then we will test again and again,” "
        "she said. “Test and test again until every test is done, test after test after test.”\n",
    ],
    ids=["noun-schedule", "site-pointer", "own-link-line", "one-stray-line", "quoted-repetition"],
)
def test_news_furniture_is_not_an_error(text: str) -> None:
    assert _errors(text) == []


def test_a_run_of_platform_chrome_is_still_an_error() -> None:
    text = f"Flu season\n\n{BODY}\n\nShare this:\n\nFacebook\n\nLeave a Reply\n"
    assert [rule for rule, _ in _errors(text)] == ["SPAM007", "SPAM007", "SPAM007"]


def test_a_spliced_banner_is_still_an_error() -> None:
    text = "Flu season\n\nClinics reported shorter waits, Book Today the vaccine is free for adults over 65.\n"
    assert ("SPAM001", "Book Today") in _errors(text)


def test_a_search_query_left_as_the_first_line_is_flagged() -> None:
    text = f"cheapest hearing aids near me\n\nHearing Aids: What to Know\n\n{BODY}\n"
    assert ("SPAM004", "cheapest hearing aids near me") in _errors(text)


def test_a_topic_line_in_lower_case_without_query_words_is_not_a_query() -> None:
    text = f"hearing aids and you\n\nHearing Aids: What to Know\n\n{BODY}\n"
    assert not [rule for rule, _ in _errors(text) if rule == "SPAM004"]


def test_a_phrase_written_twice_is_flagged() -> None:
    text = f"Flu season\n\n{BODY} For older adults, flu shots flu shots remain the best protection.\n"
    findings = lint_text(text, kind="txt", config=Config(select=("SPAM005",))).findings
    assert [f.text for f in findings] == ["flu shots flu shots"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Book your appointment now at our Riverside clinic.", "Book your appointment now at our Riverside clinic"),
        ("Prices go up next week: the offer ends soon.", "offer ends soon"),
        ("Use code RELIEF10 at checkout.", "Use code RELIEF10"),
    ],
)
def test_sales_pressure_in_new_words(text: str, flagged: str) -> None:
    assert ("SPAM002", flagged) in _errors(f"Knee pain\n\n{BODY} {text}\n")


def test_stroke_advice_is_not_sales_pressure() -> None:
    text = f"Stroke\n\n{BODY} If you think someone is having a stroke, act fast and call 911.\n"
    assert _errors(text) == []


def test_spun_synonyms_in_new_words() -> None:
    text = ("Acupuncture\n\nOriginally developed in China being a folk remedy, acupuncture is now common. "
            "It should continually be performed by a licensed practitioner to create certain safety. "
            "Some people notice side effects such as for instance soreness or bruising.\n")
    findings = lint_text(text, kind="txt", config=Config(select=("SPAM009",))).findings
    assert {f.text for f in findings if not f.article_level} >= {"being", "continually", "create certain",
                                                                 "such as for instance"}


def test_ordinary_frequency_words_are_not_spun() -> None:
    text = f"Patches\n\n{BODY} The most frequent side effects were itching and redness at the patch site.\n"
    assert lint_text(text, kind="txt", config=Config(select=("SPAM009",))).findings == []
