"""Careful patient-information pages, written the way reputable publishers write them, get no
spam, claims, safety or attribution finding: a linter that cries wolf on them gets switched off.

The articles in tests/corpora/careful/ name side effects and who should not take a treatment,
cite their sources ("according to the UK Health Security Agency", links), carry a byline, a review
date, a disclaimer and, where suicide is mentioned, a crisis line; they also contain the traps
("call your doctor right away", "call or text 988", "there is no cure", "most people have no side
effects", thresholds such as "10% or more").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint import lint_text
from contentlint.document import kind_for_path

CAREFUL = sorted((Path(__file__).parent / "corpora" / "careful").iterdir())


@pytest.mark.parametrize("path", CAREFUL, ids=lambda p: p.name)
def test_careful_article_has_no_trust_finding(path: Path) -> None:
    kind = kind_for_path(path.name)
    assert kind is not None
    result = lint_text(path.read_text(encoding="utf-8"), kind=kind, path=path.name)
    trust = [(f.rule, f.line, f.text) for f in result.findings
             if f.category in ("spam", "claims", "safety", "attribution")]
    assert trust == []
    assert not [f for f in result.findings if f.severity.value == "error"]
