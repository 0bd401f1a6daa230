"""READ003 undefined-acronym: first use only, the usual ways of spelling out, a configurable allowlist."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.findings import Finding
from contentlint.rules.builtin.readability.undefined_acronym import (
    WordParts,
    spelled_out_before,
    spelled_out_in_first_stretch,
)


def acronyms(text: str, kind: str = "md", **options: object) -> list[Finding]:
    config = Config(select=("READ003",), rule_options={"READ003": dict(options)} if options else {})
    return lint_text(text, kind=kind, config=config).findings


def test_undefined_acronym_reported_once_at_first_use() -> None:
    text = "Ketamine may help with PTSD. People with PTSD often sleep badly.\n"
    (finding,) = acronyms(text)
    assert finding.text == "PTSD" and finding.column == text.index("PTSD") + 1
    assert "not spelled out" in finding.message


def test_use_before_the_definition_names_the_line() -> None:
    text = "Ketamine may help with PTSD.\n\nPost-traumatic stress disorder (PTSD) can follow a trauma.\n"
    (finding,) = acronyms(text)
    assert finding.line == 1 and "before it is spelled out (line 3)" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "People with post-traumatic stress disorder (PTSD) may be helped. PTSD is common.",
        "People with PTSD (post-traumatic stress disorder) may be helped.",
        "People with post-traumatic stress disorder, or PTSD, may be helped.",
        "PTSD stands for post-traumatic stress disorder.",
        "Selective serotonin reuptake inhibitors are common. SSRIs are often tried first.",
        "Ketamine blocks N-methyl-D-aspartate receptors. NMDA receptors help nerve cells signal.",
        "The Department of Health and Human Services (HHS) runs the program.",
        "# PTSD\n\nPost-traumatic stress disorder (PTSD) can follow a frightening event.",
    ],
)
def test_spelled_out_forms_pass(text: str) -> None:
    assert acronyms(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "People with HIV and COVID-19 should talk to the FDA and their doctor in the US.",
        "Type II diabetes is common. Stage IV cancer has spread.",
        "Do NOT stop taking your medicine without advice. It is NEVER safe.",
        "LONDON (Reuters) - People who sleep well live longer, a study found.",
        "SOURCE: a press release from the hospital.",
        "The drug PLX4032 and the compound VX-659 were tested.",
        "IMPORTANT SAFETY INFORMATION ABOUT THIS MEDICINE FOR ALL PATIENTS.",
    ],
)
def test_known_acronyms_emphasis_and_names_pass(text: str) -> None:
    assert acronyms(text) == []


def test_allowlist_is_configurable() -> None:
    text = "Ketamine may help with PTSD."
    assert acronyms(text, extra_allow=["PTSD"]) == []
    assert acronyms("People with HIV live long lives.", allow=["DNA"])


def test_plural_and_possessive_count_as_the_acronym() -> None:
    (finding,) = acronyms("SSRIs are common. An SSRI's effect takes weeks.")
    assert finding.text == "SSRIs" and "\"SSRI\"" in finding.message


def _spelled_out_by_reading_every_word(text: str, start: int, acronym: str) -> bool:
    words = WordParts(text)
    return spelled_out_before(words, words.count_before(start), acronym)


@pytest.mark.parametrize(
    "before",
    [
        "People with post-traumatic stress disorder may be helped. ",
        "People with post – traumatic (stress) and/of disorder may be helped. ",
        "Post-traumatic stress of the disorder may be helped. ",
        "Past traumas, stress and disorder. ",
        "Élan-post naïve traumatic\u00a0stress\tdisorder\n\ndiet. ",
        "İstanbul post trauma stress disorder. ",
        "\u212aelvin post-t-s-d. ",
        "Nothing here spells it. ",
        "",
    ],
)
@pytest.mark.parametrize("acronym", ["PTSD", "PT", "SD", "NMDA", "KPT", "PT-2", "P2T"])
def test_one_search_agrees_with_reading_every_word(before: str, acronym: str) -> None:
    # the one-search answer, where it gives one, is the answer of reading all the words
    text = before + acronym + " can follow a trauma."
    start = len(before)
    near = _one_search(text, start, acronym)
    assert near is None or near == _spelled_out_by_reading_every_word(text, start, acronym)


def _one_search(text: str, start: int, acronym: str) -> bool | None:
    letters = tuple(ch.lower() for ch in acronym if ch.isalpha())
    return spelled_out_in_first_stretch(text, text.lower(), start, acronym, letters)


def test_one_search_finds_spellings_past_small_words_and_punctuation() -> None:
    text = "Tests of the heart (and) rate: HR."
    assert _one_search(text, text.index("HR"), "HR") is True
    text = "Heart disease; not rate. HR."
    assert _one_search(text, text.index("HR"), "HR") is False


def test_a_recurring_acronym_is_checked_by_one_search() -> None:
    text = "Heart rate matters. People track their HR daily.\n"
    for _ in range(4):  # the first meetings read every word, later ones search once: the same finding
        assert acronyms(text) == []
    assert [f.text for f in acronyms("Heart disease; not rate. HR.")] == ["HR"]
