"""READ001 reading-grade: seeds read far above grade 8, plain patient material does not."""

from __future__ import annotations

import json

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.document import parse
from contentlint.findings import Finding, Severity
from contentlint.text.readability import FLESCH_KINCAID, prose_stats
from support import SEEDS

# Written for this test at about grade 5: short sentences, everyday words.
PLAIN_ARTICLE = """---
title: Depression and how it is treated
---
# Depression

Depression is more than feeling sad for a few days. It can make it hard to sleep, eat or enjoy
the things you used to like. Many people feel tired all the time. Some find it hard to think.

## What helps

Depression is common, and it can be treated. Most people get better with the right help.

- Talking therapy helps many people feel better.
- Medicine can help too. It may take a few weeks to work.
- Being active, even a short walk each day, can lift your mood.

## When to get help

Talk to your doctor if you feel low for more than two weeks. Your doctor can help you choose
what might work best for you. If you have thoughts of harming yourself, get help right away.
You can call or text 988 at any time, day or night.
"""

# Written for this test at about grade 6 (Flesch-Kincaid 6.3): plainer than most news, not baby talk.
GRADE_SIX_ARTICLE = """# Living with high blood pressure

High blood pressure means your heart has to work harder to push blood around your body. Over time,
this can damage your heart, your kidneys and the blood vessels in your brain. Most people with high
blood pressure feel completely well, so the only way to know is to have it checked.

## Simple changes that help

Eating less salt is one of the best things you can do. Try to cook at home more often and check food
labels for sodium. Regular exercise, such as walking for thirty minutes on most days, lowers blood
pressure for many people. Cutting down on alcohol and stopping smoking also make a real difference.

## Medicine

Your doctor may suggest medicine if these changes are not enough. There are several kinds, and some
people need more than one. Take your tablets every day, even when you feel fine. Tell your doctor if
you notice side effects such as dizziness or a dry cough, because another medicine may suit you
better.
"""

HARD_ARTICLE = """# Treatment considerations

Pharmacological interventions targeting glutamatergic neurotransmission have demonstrated considerable
therapeutic potential for individuals experiencing treatment-resistant depressive disorders.
Administration of subanesthetic concentrations, typically delivered intravenously under continuous
medical supervision, frequently produces measurable symptomatic amelioration within several hours.
Patients usually go home the same day.
Nevertheless, comprehensive longitudinal evaluation regarding sustained effectiveness, cognitive
consequences and potential dependency remains considerably limited. Consequently, practitioners
recommend individualized assessment and appropriate psychiatric monitoring before initiating this
particular therapeutic approach. Additionally, insurance reimbursement policies vary substantially
across jurisdictions, creating significant financial accessibility barriers.
"""


def grade_findings(text: str, kind: str = "md", **options: object) -> list[Finding]:
    config = Config(select=("READ001",), rule_options={"READ001": dict(options)} if options else {})
    return [f for f in lint_text(text, kind=kind, config=config).findings if f.rule == "READ001"]


def test_plain_grade_six_article_gets_no_grade_finding() -> None:
    stats = prose_stats(parse(PLAIN_ARTICLE, "md", "plain.md"))
    assert stats.grade(stats.formula()) < 6.5
    assert grade_findings(PLAIN_ARTICLE) == []


def test_grade_six_article_with_longer_sentences_gets_no_grade_finding() -> None:
    stats = prose_stats(parse(GRADE_SIX_ARTICLE, "md", "grade6.md"))
    assert 5.5 < stats.grade(FLESCH_KINCAID) < 7
    assert grade_findings(GRADE_SIX_ARTICLE) == []


def test_hard_article_is_flagged_with_grade_target_formula_and_hardest_sentences() -> None:
    (finding,) = grade_findings(HARD_ARTICLE)
    assert finding.severity is Severity.WARNING and finding.article_level
    assert "above the target of grade 8" in finding.message
    assert FLESCH_KINCAID in finding.message
    assert "line 3 “Pharmacological interventions" in finding.message
    assert "Patients usually go home" not in finding.message  # an easy sentence does not raise it
    # anchored at the sentence that raises the grade most, located exactly
    assert finding.text.startswith(("Pharmacological", "Administration", "Nevertheless", "Consequently"))
    assert finding.line >= 3
    stats = prose_stats(parse(HARD_ARTICLE, "md", "hard.md"))
    assert f"Reading grade {round(stats.grade(FLESCH_KINCAID), 1):.1f}" in finding.message


def test_target_is_configurable() -> None:
    assert grade_findings(PLAIN_ARTICLE, target=2)
    assert grade_findings(HARD_ARTICLE, target=30) == []


def test_short_texts_are_not_graded() -> None:
    sentence = "Pharmacological interventions demonstrate considerable therapeutic potential. "
    assert grade_findings(sentence * 3) == []
    assert grade_findings(sentence * 3, min_words=5)


def test_formula_can_be_forced() -> None:
    (finding,) = grade_findings(HARD_ARTICLE, formula="smog")
    assert "(SMOG," in finding.message


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_every_seed_expecting_a_readability_finding_gets_one(name: str) -> None:
    expected = json.loads((SEEDS / "EXPECTED.json").read_text(encoding="utf-8"))
    wanted = [e for e in expected["must_find"] if e["file"] == name and e["category"] == "readability"]
    result = lint_text((SEEDS / name).read_text(encoding="utf-8"), kind="txt", path=name,
                       config=Config(select=("readability",)))
    article_level = [f for f in result.findings if f.category == "readability" and f.article_level]
    assert len(article_level) >= len(wanted)
    if wanted:
        assert result.metrics["flesch_kincaid_grade"] > 12
