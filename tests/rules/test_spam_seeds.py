"""The seed articles in corpus/: every spam problem listed for them is found at its line by the rule
that names the pattern, and the seeds without insertions (000, 004) get no spam finding at all."""

from __future__ import annotations

import json

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.findings import Finding
from support import CORPUS, SEEDS

# (seed, line, quote, rule): the spam items of the seeds' expected findings.
EXPECTED = [
    ("001_67fa7b2c76c5432c.txt", 9, "what is ketamine therapy", "SPAM004"),
    ("001_67fa7b2c76c5432c.txt", 5, "very most", "SPAM009"),
    ("001_67fa7b2c76c5432c.txt", 11, "such as for example", "SPAM009"),
    ("001_67fa7b2c76c5432c.txt", 14, "Save", "SPAM007"),
    ("001_67fa7b2c76c5432c.txt", 18, "Get Free Access To Our Publishing Resources", "SPAM007"),
    ("001_67fa7b2c76c5432c.txt", 22, "Start Writing", "SPAM007"),
    ("002_f27a41bfb2eec3f2.txt", 1, "how helpful health care clinics can be", "SPAM008"),
    ("002_f27a41bfb2eec3f2.txt", 31, "Contact a local company to learn more, like", "SPAM002"),
    ("003_b0e5d7ceb18831b6.txt", 2, "Call Now", "SPAM001"),
]
CLEAN_SEEDS = ("000_9766faf827d05bca.txt", "004_7b4aa3961968a1f5.txt")


def _spam(name: str) -> list[Finding]:
    source = (CORPUS / name).read_text(encoding="utf-8")
    return lint_text(source, kind="txt", path=name, config=Config(select=("spam",))).findings


@pytest.mark.parametrize(("name", "line", "quote", "rule"), EXPECTED)
def test_seed_insertion_is_found_at_its_line(name: str, line: int, quote: str, rule: str) -> None:
    hits = [f for f in _spam(name) if f.rule == rule and f.span.line <= line <= f.span.end_line]
    assert any(quote.lower() in f.text.lower() or f.text.lower() in quote.lower() for f in hits), (
        f"{rule} did not report {quote!r} on line {line} of {name}: {[(f.rule, f.span.line, f.text) for f in hits]}"
    )


@pytest.mark.parametrize("name", CLEAN_SEEDS)
def test_seeds_without_insertions_have_no_spam(name: str) -> None:
    assert [(f.rule, f.span.line, f.text) for f in _spam(name)] == []


def test_every_spam_item_of_the_seed_expectations_is_listed_here() -> None:
    expected_file = SEEDS / "EXPECTED.json"
    if not expected_file.exists():
        pytest.skip("the shared seed expectations are not available")
    data = json.loads(expected_file.read_text(encoding="utf-8"))
    listed = {(name, line) for name, line, _, _ in EXPECTED}
    wanted = {(e["file"], e["line"]) for e in data["must_find"] if e["category"] == "spam"}
    assert wanted <= listed
    assert {e["file"] for e in data["must_not_find"] if e["category"] == "spam"} <= set(CLEAN_SEEDS)


def test_spun_seed_gets_an_article_level_error() -> None:
    findings = [f for f in _spam("001_67fa7b2c76c5432c.txt") if f.rule == "SPAM009" and f.article_level]
    assert [f.severity.value for f in findings] == ["error"]


def test_every_spam_finding_says_what_to_do() -> None:
    for name, *_ in EXPECTED:
        for finding in _spam(name):
            assert finding.message and finding.suggestion, finding
