"""Each safety rule on sentences written for it: positives and negatives in several phrasings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.errors import RulePackError


def _codes(text: str, code: str, kind: str = "md", options: dict[str, Any] | None = None) -> list[str]:
    config = Config(select=(code,), rule_options={code: options} if options else {})
    return [f.rule for f in lint_text(text, kind=kind, config=config).findings]


# --- SAFETY001 missing-crisis-resource -------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Esketamine is used when depression comes with suicidal ideation.",
    "Many teenagers who self-harm never tell anyone.",
    "She told her GP she wanted to end her life, and he said \"I want to end my life\" too.",
    "The number of suicides among farmers rose last year.",
    "He said he felt like killing himself most mornings.",
])
def test_suicide_mention_without_resource_is_flagged(text: str) -> None:
    assert _codes(text, "SAFETY001") == ["SAFETY001"]


@pytest.mark.parametrize("text", [
    "Ketamine eases suicidal thoughts. If you are having thoughts of suicide, call or text 988.",
    "Self-harm is common. Samaritans are there day and night on 116 123.",
    "Suicidal feelings can pass. Text HOME to 741741 to reach Crisis Text Line.",
    "If you have suicidal thoughts, call 999 or go to A&E now.",
    "Thoughts of suicide are a medical emergency: dial 911.",
    "Suicidal thoughts need urgent help. [Find a helpline in your country](https://findahelpline.com/).",
    "If you have suicidal thoughts, [talk to someone now](https://988lifeline.org/).",
    "In Australia, call Lifeline on 13 11 14 if you have thoughts of suicide.",
    "Apoptosis, or cell suicide, removes damaged cells.",
    "The film is about a suicide bomber.",
    "Voters punished the party for what commentators called political suicide.",
])
def test_resource_or_other_sense_is_not_flagged(text: str) -> None:
    assert _codes(text, "SAFETY001") == []


def test_a_bare_number_988_is_not_a_resource() -> None:
    assert _codes("Of 988 people with suicidal thoughts in the trial, most improved.", "SAFETY001") == ["SAFETY001"]


def test_locales_limit_which_resources_count() -> None:
    text = "Suicidal thoughts are treatable. Call Samaritans on 116 123."
    assert _codes(text, "SAFETY001", options={"locales": ["us"]}) == ["SAFETY001"]
    assert _codes(text, "SAFETY001", options={"locales": ["uk"]}) == []


def test_extra_resources_and_data_files_extend_the_list(tmp_path: Path) -> None:
    text = "Suicidal thoughts are treatable. Ring the Harbour Line on 0800 000 111 any time."
    assert _codes(text, "SAFETY001") == ["SAFETY001"]
    assert _codes(text, "SAFETY001", options={"extra_resources": ["Harbour Line"]}) == []
    extra = tmp_path / "house.yaml"
    extra.write_text("crisis_resources:\n  us:\n    phrases:\n      - 0800 000 111\n", encoding="utf-8")
    assert _codes(text, "SAFETY001", options={"data_files": [str(extra)]}) == []


def test_a_broken_data_file_is_an_error_naming_it(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("crisis_resources:\n  us:\n    phrases: 12\n", encoding="utf-8")
    with pytest.raises(RulePackError, match=r"bad\.yaml"):
        _codes("Suicidal thoughts.", "SAFETY001", options={"data_files": [str(extra)]})


# --- SAFETY002 harms-not-named -----------------------------------------------------------------------
_TREATMENT = "The drug is taken as a tablet once a day, and the dose is raised slowly. "


@pytest.mark.parametrize("harm", [
    "Common side effects include nausea and headache.",
    "Side effects such as dry mouth and drowsiness usually fade.",
    "It can cause liver damage if you drink alcohol.",
    "You should not take it if you are pregnant.",
    "It is not suitable for people with heart disease.",
    "Do not take it with other antidepressants.",
    "It interacts with blood thinners such as warfarin.",
    "There is a risk of dependence if it is taken for months.",
    "Some patients reported dizziness after the first dose.",
    "In the trial, 12% of patients stopped because of side effects.",
    "It carries a boxed warning about breathing problems.",
    "Tell your doctor if you have kidney disease before starting it.",
])
def test_named_harm_passes(harm: str) -> None:
    assert _codes(_TREATMENT + harm, "SAFETY002") == []


@pytest.mark.parametrize("vague", [
    "As with any treatment, there are potential risks.",
    "It has minimal side effects.",
    "Questions remain about its long-term effects.",
    "It works without the side effects of older drugs.",
    "It relieves nausea within an hour.",
    "Patients with depression and anxiety improved.",
    "The drug has an excellent safety profile.",
])
def test_vague_negated_or_treated_condition_is_not_a_named_harm(vague: str) -> None:
    assert _codes(_TREATMENT + vague, "SAFETY002") == ["SAFETY002"]


def test_article_without_a_treatment_is_not_checked() -> None:
    assert _codes("Walking every day is good for mood and sleep. Most people enjoy it.", "SAFETY002") == []


def test_harm_word_inside_a_name_does_not_count() -> None:
    text = _TREATMENT + "The results were reported in the Journal of Addiction Medicine."
    assert _codes(text, "SAFETY002") == ["SAFETY002"]


def test_min_treatment_mentions_option() -> None:
    text = "This therapy made people feel better."
    assert _codes(text, "SAFETY002") == []
    assert _codes(text, "SAFETY002", options={"min_treatment_mentions": 1}) == ["SAFETY002"]


# --- SAFETY003 missing-disclaimer ----------------------------------------------------------------------
_HEALTH = "Statins are medicines that lower cholesterol. Most people take one tablet a day. "


@pytest.mark.parametrize("disclaimer", [
    "This article is for information only and does not replace advice from your doctor.",
    "This information is not a substitute for professional medical advice.",
    "Talk to your doctor or pharmacist about your situation.",
    "Always seek the advice of your physician with any questions you may have.",
    "This content does not constitute medical advice.",
    "Ask your GP whether a statin is right for you.",
    "Speak with your healthcare provider before changing your dose.",
    "Nothing here is intended to replace the advice of a qualified professional.",
    "This page is for educational purposes only.",
])
def test_disclaimer_phrasings_pass(disclaimer: str) -> None:
    assert _codes(_HEALTH + disclaimer, "SAFETY003") == []


@pytest.mark.parametrize("not_a_disclaimer", [
    "It should only be given under the supervision of qualified medical professionals.",
    "Doctors monitor patients closely during treatment.",
    "",
])
def test_supervision_is_not_a_disclaimer(not_a_disclaimer: str) -> None:
    assert _codes(_HEALTH + not_a_disclaimer, "SAFETY003") == ["SAFETY003"]


def test_house_wording_via_extra_phrases() -> None:
    text = _HEALTH + "Check with the Helpdesk Nurse Team first."
    assert _codes(text, "SAFETY003") == ["SAFETY003"]
    assert _codes(text, "SAFETY003", options={"extra_phrases": ["Check with the Helpdesk Nurse Team"]}) == []


def test_disclaimer_finding_points_at_the_title() -> None:
    text = "Buy now\n\n# Statins explained\n\n" + _HEALTH
    finding = lint_text(text, config=Config(select=("SAFETY003",))).findings[0]
    assert finding.text == "Statins explained"


# --- SAFETY004 unsafe-suicide-language ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "flagged", "replacement"), [
    ("Her father committed suicide in 2010.", "committed suicide", "died by suicide"),
    ("Committing suicide is never anyone's fault.", "Committing suicide", "Dying by suicide"),
    ("He survived a failed suicide attempt.", "failed suicide attempt", "suicide attempt"),
])
def test_fixable_wording(text: str, flagged: str, replacement: str) -> None:
    findings = lint_text(text, config=Config(select=("SAFETY004",))).findings
    assert [f.text for f in findings] == [flagged]
    fix = findings[0].fix
    assert fix is not None
    assert text[: fix.offset] + fix.replacement + text[fix.end_offset :] == text.replace(flagged, replacement)


@pytest.mark.parametrize("text", [
    "Reports of a suicide epidemic frighten parents.",
    "It was his second unsuccessful attempt at suicide.",
    "Police said she was a suicide victim.",
    "He shot himself after years of suicidal thoughts.",
])
def test_wording_without_a_safe_fix(text: str) -> None:
    findings = lint_text(text, config=Config(select=("SAFETY004",))).findings
    assert len(findings) == 1 and findings[0].fix is None
    assert findings[0].suggestion


@pytest.mark.parametrize("text", [
    "Her father died by suicide in 2010.",
    "Avoid saying \"committed suicide\"; say \"died by suicide\" instead.",
    "It was a failed attempt to lose weight.",
    "He jumped from the boat to rescue the child.",
])
def test_safe_wording_passes(text: str) -> None:
    assert _codes(text, "SAFETY004") == []


# --- the word lists' lexicon ---------------------------------------------------------------------
_LEXICON_TEXTS = [
    "Common side effects include nausea. See https://example.org and Smith et al. (2021).",
    "Nothing to see here.",
    "Published in the Journal of Things by the World Health Organization.",
    "",
]


@pytest.mark.parametrize("text", _LEXICON_TEXTS)
def test_lexicon_has_match_agrees_with_search(text: str) -> None:
    from contentlint.rules.builtin.safety.lexicon import lexicon

    for keys in (("citations", "organisations"), ("reference_headings",)):
        cited = lexicon("sources.yaml", keys)
        assert cited.has_match(text) == (cited.search(text) is not None)


def test_lexicon_whole_text_matches_are_per_text_and_a_fresh_list() -> None:
    from contentlint.rules.builtin.safety.lexicon import Lexicon

    lex = Lexicon(["side effects", "nausea"], [r"\bet\s+al\."], origin="test")
    first, second = _LEXICON_TEXTS[0], _LEXICON_TEXTS[2]
    expected_first = lex.finditer(first, 0, len(first))
    found = lex.finditer(first)
    assert found == expected_first
    found.clear()  # a caller's change to the list it got must not reach the next caller
    assert lex.finditer(first) == expected_first
    assert lex.finditer(second) == lex.finditer(second, 0, len(second)) == []
    assert lex.finditer(first) == expected_first


@pytest.mark.parametrize("text", [
    "Side effects et al. and nausea, nausea side effects.",  # both kinds, side by side
    "Nausea and side effects, but no citation.",  # phrases only
    "Smith et al. wrote it.",  # a pattern only
    "Side effects et al.ii side",
])
def test_lexicon_matches_in_order_without_overlaps(text: str) -> None:
    from contentlint.rules.builtin.safety.lexicon import Lexicon

    lex = Lexicon(["side effects", "nausea", "effects et"], [r"\bet\s+al\.", r"effects"], origin="test")
    only_phrases = Lexicon(["side effects", "nausea"], [], origin="test")
    for lexicon_ in (lex, only_phrases):
        found = sorted([*lexicon_._phrases.finditer(text), *lexicon_._patterns.finditer(text)],
                       key=lambda m: (m[0], -m[1]))
        expected: list[tuple[int, int, str]] = []
        for match in found:
            if not expected or match[0] >= expected[-1][1]:
                expected.append(match)
        assert lexicon_.finditer(text, 0, len(text)) == expected
