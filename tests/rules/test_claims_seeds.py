"""The seed articles in corpus/: every claims problem listed for them is found at its line, by the
rule that names the pattern, and the careful parts stay clean."""

from __future__ import annotations

import json

import pytest

from contentlint import lint_text
from contentlint.config import Config
from support import CORPUS, SEEDS

# (seed, line, quote, rule): the claims items of the seeds' expected findings.
EXPECTED = [
    ("000_9766faf827d05bca.txt", 3, "groundbreaking", "CLAIM001"),
    ("000_9766faf827d05bca.txt", 5, "Research indicates", "CLAIM005"),
    ("000_9766faf827d05bca.txt", 5, "Studies suggest", "CLAIM005"),
    ("001_67fa7b2c76c5432c.txt", 3, "breakthroughs", "CLAIM001"),
    ("001_67fa7b2c76c5432c.txt", 5, "revolutionary", "CLAIM001"),
    ("002_f27a41bfb2eec3f2.txt", 11, "breakthrough", "CLAIM001"),
    ("003_b0e5d7ceb18831b6.txt", 1, "revolutionary", "CLAIM001"),
    ("003_b0e5d7ceb18831b6.txt", 2, "Clinical trials have demonstrated", "CLAIM005"),
    ("004_7b4aa3961968a1f5.txt", 7, "magic", "CLAIM001"),
    ("004_7b4aa3961968a1f5.txt", 13, "revolutionizing", "CLAIM001"),
]


def _claims(name: str):  # type: ignore[no-untyped-def]
    source = (CORPUS / name).read_text(encoding="utf-8")
    return lint_text(source, kind="txt", path=name, config=Config(select=("claims",))).findings


@pytest.mark.parametrize(("name", "line", "quote", "rule"), EXPECTED)
def test_seed_claim_is_found_at_its_line(name: str, line: int, quote: str, rule: str) -> None:
    hits = [f for f in _claims(name) if f.rule == rule and f.span.line <= line <= f.span.end_line]
    assert any(quote.lower() in f.text.lower() or f.text.lower() in quote.lower() for f in hits), (
        f"{rule} did not report {quote!r} on line {line} of {name}: {[(f.rule, f.span.line, f.text) for f in hits]}"
    )


def test_every_claims_item_of_the_seed_expectations_is_listed_here() -> None:
    expected_file = SEEDS / "EXPECTED.json"
    if not expected_file.exists():
        pytest.skip("the shared seed expectations are not available")
    data = json.loads(expected_file.read_text(encoding="utf-8"))
    listed = {(name, line) for name, line, _, _ in EXPECTED}
    wanted = {(e["file"], e["line"]) for e in data["must_find"] if e["category"] == "claims"}
    assert wanted <= listed


def test_seeds_have_no_error_level_claims() -> None:
    # the seeds oversell, but none of them promises a cure, a guarantee or absolute safety
    for name in sorted({name for name, *_ in EXPECTED}):
        assert [f.rule for f in _claims(name) if f.severity.value == "error"] == []
