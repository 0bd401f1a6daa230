"""READ050 stock-phrase-padding and READ051 stock-phrase on padded and careful articles."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.rules.builtin.readability.stock_phrases import expand, lexicon
from support import CORPUS

PADDED = [
    # Each in words different from the sample articles.
    ("md", "# Vitamin D\n\nIn today's digital age, vitamin D has emerged as a pivotal player in wellness. "
           "It is worth noting that the intricate interplay between sunlight and mood sheds light on why it "
           "matters. As scientists delve into the realm of nutrition, supplements are paving the way for a "
           "new era. Ultimately, vitamin D stands as a testament to the transformative power of simple habits, "
           "a true game-changer for anyone navigating the complexities of winter.\n"),
    ("txt", "Yoga for Back Pain\n\nWhen it comes to back pain, yoga holds the key. In this day and age, "
            "countless people embark on a journey of stretching that showcases its multifaceted benefits. "
            "Yoga is a treasure trove of calm and a glimmer of hope in the ever-evolving landscape of pain "
            "care. In conclusion, it truly harnesses the power of the body.\n"),
    ("html", "<html><body><h1>Hearing aids</h1><p>Hearing aids have emerged as a beacon of hope. In the realm "
             "of audiology, they have paved the way for a paradigm shift, fostering a sense of connection. "
             "It is important to note that they play a crucial role in the journey towards better "
             "conversations.</p></body></html>"),
]

CAREFUL = [
    ("md", "# Flu vaccine\n\nThe flu vaccine lowers your chance of getting flu. It takes about two weeks to "
           "work. Common side effects are a sore arm and feeling tired for a day or two. Ask your pharmacist "
           "or GP if you are pregnant or have an egg allergy.\n"),
    ("md", "# Walking after surgery\n\nThe landscape around the hospital has flat paths, so short walks are "
           "easy. Start with five minutes twice a day and add a minute each day. Stop and rest if you feel "
           "pain in your chest or calf, and call your surgeon's team if it does not settle.\n"),
    ("txt", "Recovering from a knee replacement\n\nRecovery is a journey of about three months for most "
            "people. You will see a physiotherapist twice a week for the first six weeks. Swelling and "
            "stiffness are common; an ice pack for 20 minutes helps.\n"),
]


def _codes(kind: str, text: str, *codes: str) -> list[str]:
    return [f.rule for f in lint_text(text, kind=kind, config=Config(select=codes)).findings]


@pytest.mark.parametrize(("kind", "text"), PADDED)
def test_padded_articles_are_flagged_once(kind: str, text: str) -> None:
    assert _codes(kind, text, "READ050") == ["READ050"]


@pytest.mark.parametrize(("kind", "text"), CAREFUL)
def test_careful_articles_pass(kind: str, text: str) -> None:
    assert _codes(kind, text, "READ050", "READ051") == []


@pytest.mark.parametrize(
    ("name", "padded"),
    [("000_9766faf827d05bca.txt", True), ("001_67fa7b2c76c5432c.txt", False), ("002_f27a41bfb2eec3f2.txt", True),
     ("003_b0e5d7ceb18831b6.txt", True), ("004_7b4aa3961968a1f5.txt", True)],
)
def test_sample_articles(name: str, padded: bool) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    findings = lint_text(text, kind="txt", config=Config(select=("READ050",))).findings
    assert bool(findings) is padded


def test_finding_points_at_the_densest_paragraph_and_names_phrases() -> None:
    text = (CORPUS / "000_9766faf827d05bca.txt").read_text(encoding="utf-8")
    (finding,) = lint_text(text, kind="txt", config=Config(select=("READ050",))).findings
    # Line 7 holds ten of the article's seventeen stock phrases ("a beacon of hope", "delves deeper"...).
    assert finding.line == 7 and finding.article_level
    assert "17 in 441 words" in finding.message and "\"in the realm of\"" in finding.message
    assert finding.suggestion and "for whom" in finding.suggestion


def test_every_instance_rule_is_off_by_default_and_marks_phrases() -> None:
    text = "Ketamine stands as a beacon of hope. It has paved the way for change."
    found = lint_text(text, config=Config(select=("READ051",))).findings
    assert [f.text for f in found] == ["stands as a", "beacon of hope", "paved the way"]
    assert "READ051" not in [f.rule for f in lint_text(text).findings]


def test_users_extend_and_trim_the_lexicon() -> None:
    text = ("# Tea\n\nGreen tea leverages synergy. It leverages wellness. Tea leverages calm and "
            "a beacon of hope.\n")
    config = Config(select=("READ051",), rule_options={"READ051": {"extra_phrases": ["leverag{e,es,ing}"],
                                                                   "removed_phrases": ["beacon of hope"]}})
    found = [f.text for f in lint_text(text, config=config).findings]
    assert found == ["leverages", "leverages", "leverages"]


def test_inflections_expand() -> None:
    assert expand("pav{e,es,ed,ing} the way") == ["pave the way", "paves the way", "paved the way", "paving the way"]
    assert "delving into" in lexicon()
