"""READ004 jargon-with-plain-alternative: the YAML substitution pack."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.findings import Finding, Severity
from contentlint.rules.registry import load_registry
from contentlint.rules.yaml_packs import YamlRule


def jargon(text: str) -> list[Finding]:
    return lint_text(text, kind="md", config=Config(select=("READ004",))).findings


@pytest.mark.parametrize(
    ("text", "word", "plain"),
    [
        ("The nurse will administer the vaccine.", "administer", "give"),
        ("Report any adverse event to your doctor.", "adverse event", "side effect"),
        ("Patients can ambulate the next day.", "ambulate", "walk"),
        ("Utilize the inhaler twice a day.", "Utilize", "Use"),
        ("Take it prior to meals.", "prior to", "before"),
        ("People with hypertension should limit salt.", "hypertension", "high blood pressure"),
    ],
)
def test_jargon_gets_its_plain_word(text: str, word: str, plain: str) -> None:
    (finding,) = jargon(text)
    assert finding.text == word
    assert finding.severity is Severity.INFO
    assert f'"{plain}"' in finding.message and f'"{plain}"' in (finding.suggestion or "")
    assert finding.column == text.index(word) + 1


@pytest.mark.parametrize(
    "text",
    [
        "People with hypertension (high blood pressure) should limit salt.",
        "People with high blood pressure (hypertension) should limit salt.",
        "Call 911 if someone has a cardiac arrest.",
        "The Food and Drug Administration approved it.",
        'Her doctor said, "we will administer it slowly."',
        "# Hypertension\n\nHigh blood pressure often has no symptoms.",
    ],
)
def test_explained_quoted_named_and_heading_uses_pass(text: str) -> None:
    assert jargon(text) == []


def test_pack_has_dozens_of_entries_each_with_a_different_plain_word() -> None:
    rule = load_registry(plugins=False).get("READ004")
    assert isinstance(rule, YamlRule)
    swap = rule.swap
    assert len(swap) >= 60
    assert all(plain and plain.lower() != word for word, plain in swap.items())
