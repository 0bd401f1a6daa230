"""Careful articles pass every safety rule; taking out one element fails exactly the matching rule.

The articles in tests/corpora/safety/ each carry a crisis resource (where suicide or self-harm is
mentioned), named harms, and a professional-advice disclaimer, worded differently in each file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint import lint_text
from contentlint.config import Config

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "safety"
SAFETY = Config(select=("safety",))

# (file, element, passages whose removal takes the element out, the rule that must then fire)
REMOVALS = [
    ("ketamine-depression.md", "crisis resource",
     ["If you are having thoughts of suicide, call or text 988 to reach the Suicide & Crisis Lifeline, "
      "any time of day."],
     "SAFETY001"),
    ("ketamine-depression.md", "harms",
     ["Common side effects include nausea, dizziness, raised blood pressure and a short-lived feeling of being\n"
      "detached from your body. Because ketamine can be misused, it carries a risk of dependence."],
     "SAFETY002"),
    ("ketamine-depression.md", "disclaimer",
     ["This article is for information only and does not replace advice from your doctor."],
     "SAFETY003"),
    ("sertraline.txt", "crisis resource",
     ["If this happens, you can call Samaritans free on 116 123 at any time, day or night."],
     "SAFETY001"),
    ("sertraline.txt", "harms",
     ["Like all medicines, sertraline can cause side effects, although not everybody gets them. You may feel\n"
      "sick, have a headache or find it hard to sleep in the first few weeks. Do not take sertraline if you are\n"
      "already taking an MAOI antidepressant."],
     "SAFETY002"),
    ("sertraline.txt", "disclaimer",
     ["Talk to your doctor or pharmacist about your situation before you start or stop any medicine."],
     "SAFETY003"),
    ("isotretinoin.html", "crisis resource",
     ["call 911 or go to the nearest emergency room, or text\nHOME to 741741 to reach the "
      '<a href="https://www.crisistextline.org/">Crisis Text Line</a>'],
     "SAFETY001"),
    ("isotretinoin.html", "harms",
     ["Isotretinoin causes serious birth defects. You should not take it if you are pregnant or could become\n"
      "pregnant, and you must use contraception during treatment. It often causes dry lips, dry skin and\n"
      "nosebleeds."],
     "SAFETY002"),
    ("isotretinoin.html", "disclaimer",
     ["<p><small>This page is not a substitute for professional medical advice, diagnosis or treatment.</small></p>"],
     "SAFETY003"),
    ("statins.md", "harms",
     ["Some people get muscle aches while taking a statin; rarely, statins damage the muscles or the liver. "
      "Grapefruit\njuice interacts with some statins, so check the leaflet that comes with your tablets."],
     "SAFETY002"),
    ("statins.md", "disclaimer",
     ["Always seek the advice of your physician or another qualified health provider with any questions about a\n"
      "medical condition."],
     "SAFETY003"),
]


def _safety_codes(source: str, name: str) -> list[str]:
    kind = name.rsplit(".", 1)[-1]
    result = lint_text(source, kind=kind, path=name, config=SAFETY)
    return sorted(f.rule for f in result.findings)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_careful_article_has_no_safety_finding(name: str) -> None:
    assert _safety_codes((CORPUS / name).read_text(encoding="utf-8"), name) == []


@pytest.mark.parametrize(("name", "element", "passages", "code"), REMOVALS,
                         ids=[f"{n}-{e}" for n, e, _, _ in REMOVALS])
def test_removing_one_element_fails_exactly_its_rule(name: str, element: str, passages: list[str], code: str) -> None:
    source = (CORPUS / name).read_text(encoding="utf-8")
    for passage in passages:
        assert passage in source, f"{name}: passage for {element} not found"
        source = source.replace(passage, "")
    assert _safety_codes(source, name) == [code]


def test_crisis_finding_points_at_the_first_mention() -> None:
    source = (CORPUS / "ketamine-depression.md").read_text(encoding="utf-8")
    source = source.replace(REMOVALS[0][2][0], "")
    finding = lint_text(source, kind="md", path="a.md", config=Config(select=("SAFETY001",))).findings[0]
    assert finding.text == "suicidal"
    assert finding.article_level
    line = source.splitlines()[finding.line - 1]
    assert line[finding.column - 1 : finding.end_column - 1] == "suicidal"
