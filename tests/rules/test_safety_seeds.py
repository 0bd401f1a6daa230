"""The seed articles in corpus/: every safety and attribution problem they are known to have is found,
and nothing more in those two families."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint import lint_text
from contentlint.config import Config

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

# Per seed: the safety and attribution rules that must fire (article-level findings).
EXPECTED = {
    "000_9766faf827d05bca.txt": {"SAFETY001", "SAFETY002", "SAFETY003", "ATTR001"},
    "001_67fa7b2c76c5432c.txt": {"SAFETY003", "ATTR001"},
    "002_f27a41bfb2eec3f2.txt": {"SAFETY003", "ATTR001"},
    "003_b0e5d7ceb18831b6.txt": {"SAFETY002", "SAFETY003", "ATTR001"},
    "004_7b4aa3961968a1f5.txt": {"SAFETY001", "SAFETY002", "SAFETY003", "ATTR001"},
}
# Seeds with no byline and no date also get ATTR002/ATTR003, as info in plain text.
NO_BYLINE = {"000_9766faf827d05bca.txt", "001_67fa7b2c76c5432c.txt", "003_b0e5d7ceb18831b6.txt",
             "004_7b4aa3961968a1f5.txt"}


def _findings(name: str):  # type: ignore[no-untyped-def]
    source = (CORPUS / name).read_text(encoding="utf-8")
    config = Config(select=("safety", "attribution"))
    return lint_text(source, kind="txt", path=name, config=config).findings


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_safety_and_attribution(name: str) -> None:
    findings = _findings(name)
    codes = {f.rule for f in findings}
    expected = set(EXPECTED[name]) | {"ATTR003"} | ({"ATTR002"} if name in NO_BYLINE else set())
    assert codes == expected
    for finding in findings:
        if finding.rule in ("ATTR002", "ATTR003"):
            assert finding.severity.value == "info"


def test_crisis_findings_point_at_the_suicide_mention() -> None:
    seeds = (("000_9766faf827d05bca.txt", "suicidal ideation"), ("004_7b4aa3961968a1f5.txt", "suicidal thoughts"))
    for name, word in seeds:
        finding = next(f for f in _findings(name) if f.rule == "SAFETY001")
        source = (CORPUS / name).read_text(encoding="utf-8")
        assert source[finding.span.offset:].startswith(word.split()[0])
        assert word in source.splitlines()[finding.line - 1]
        assert finding.severity.value == "error"


def test_vague_risk_wording_is_where_the_harms_finding_points() -> None:
    finding = next(f for f in _findings("000_9766faf827d05bca.txt") if f.rule == "SAFETY002")
    assert finding.text == "potential risks"
