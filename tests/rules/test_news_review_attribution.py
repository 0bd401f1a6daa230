"""News-review attribution rules: ATTR010 single-source, ATTR011 no-independent-source and ATTR012
funding-not-disclosed, on stories written for these tests in several phrasings."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.document import parse
from contentlint.rules.builtin.claims.news_signals import speakers

_STORY = (
    "A daily dose of a common blood pressure drug slowed the loss of kidney function in people with diabetes, "
    "according to a study published this week. The researchers followed patients at clinics in three cities "
    "and measured how well their kidneys filtered blood every few months. Those who took the medication kept "
    "more of their kidney function than those who did not. "
)
_ONE_VOICE = "\"This could change how we treat kidney disease,\" said Dr. Omar Haddad, who led the study. "
_SECOND_VOICE = "Rosa Lind, a nephrologist who was not involved in the research, said the results were modest. "


def _codes(text: str, code: str, options: dict[str, object] | None = None) -> list[str]:
    config = Config(select=(code,), rule_options={code: options} if options else {})
    return [f.rule for f in lint_text(text, kind="txt", config=config).findings]


# --- who is quoted -------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("Smith said the drug works. \"It is good,\" Smith said.", {"smith"}),
    ("Dr. Jane Smith, a cardiologist at Yale, said it works. \"No,\" said Bob Jones.", {"smith", "jones"}),
    ("According to the American Heart Association, risk rises with age.", {"association"}),
    ("He said it works. She told reporters so. Researchers said yes.", set()),
    ("\"We were surprised,\" says Professor Ann Lee. Lee added that more work is needed.", {"lee"}),
])
def test_speakers_are_counted_by_name(text: str, expected: set[str]) -> None:
    assert speakers(parse(text, "txt")) == expected


# --- ATTR010 single-source -----------------------------------------------------------------------
def test_a_story_with_no_named_source_is_flagged() -> None:
    assert _codes(_STORY, "ATTR010") == ["ATTR010"]


def test_a_story_with_one_source_is_flagged() -> None:
    result = lint_text(_STORY + _ONE_VOICE, kind="txt", config=Config(select=("ATTR010",)))
    assert [f.rule for f in result.findings] == ["ATTR010"]
    assert "only one source" in result.findings[0].message


@pytest.mark.parametrize("second", [
    _SECOND_VOICE,
    "\"The effect is real but small,\" said Dr. Mei Tan of the Kidney Foundation. ",
    "According to the National Kidney Foundation, one in three adults with diabetes has kidney disease. ",
])
def test_two_sources_pass(second: str) -> None:
    assert _codes(_STORY + _ONE_VOICE + second, "ATTR010") == []


def test_max_sources_option() -> None:
    assert _codes(_STORY + _ONE_VOICE + _SECOND_VOICE, "ATTR010", {"max_sources": 2}) == ["ATTR010"]


def test_not_a_health_story_is_not_checked() -> None:
    text = ("The city council met on Tuesday to discuss the new bus routes. Residents asked for more stops near "
            "the market and a later last bus on Saturdays. The council agreed to look at both requests and to "
            "publish a plan in the spring, after a public consultation. Several shop owners welcomed the idea, "
            "and a petition for a night service has gathered support online. ")
    assert _codes(text, "ATTR010") == []


# --- ATTR011 no-independent-source ---------------------------------------------------------------
def test_only_the_authors_speak_is_flagged() -> None:
    assert _codes(_STORY + _ONE_VOICE, "ATTR011") == ["ATTR011"]


@pytest.mark.parametrize("voice", [
    _SECOND_VOICE,
    "An independent expert said the study was too short to tell. ",
    "Dr. Ivy Shore, who wasn't involved in the work, cautioned that the patients were not randomised. ",
    "Ben Ortiz, who was not part of the study, is sceptical. ",
])
def test_an_outside_voice_passes(voice: str) -> None:
    assert _codes(_STORY + _ONE_VOICE + voice, "ATTR011") == []


# --- ATTR012 funding-not-disclosed ---------------------------------------------------------------
def test_missing_funding_is_flagged() -> None:
    assert _codes(_STORY + _ONE_VOICE, "ATTR012") == ["ATTR012"]


@pytest.mark.parametrize("statement", [
    "The study was funded by the company that makes the drug. ",
    "The work was supported by a grant from the National Institutes of Health. ",
    "Dr. Haddad has received speaking fees from the manufacturer. ",
    "The authors declared no conflicts of interest. ",
    "Two authors are paid consultants to the drug's maker, the journal disclosed. ",
])
def test_a_funding_statement_passes(statement: str) -> None:
    assert _codes(_STORY + _ONE_VOICE + statement, "ATTR012") == []


def test_no_study_no_funding_finding() -> None:
    text = ("Blood pressure medicines protect the kidneys as well as the heart. Take them every day, even when you "
            "feel well, and have your blood pressure and kidney function checked at least once a year. Some of "
            "these medicines can cause a dry cough or dizziness when you stand up; tell your doctor if that "
            "happens, as another medicine may suit you better. ")
    assert _codes(text, "ATTR012") == []
