"""Findings sent between processes come back equal, with their repeated strings shared."""

from __future__ import annotations

import pickle
from dataclasses import replace

import pytest

import contentlint.findings as findings_module
from contentlint import lint_text


def test_a_pickled_finding_is_equal_and_shares_its_strings() -> None:
    findings = lint_text("This tea cures depression in a few weeks.\n\nOur tea cures anxiety too.").findings
    assert len(findings) >= 2
    first, second = (pickle.loads(pickle.dumps(f)) for f in findings[:2])
    assert first == findings[0] and second == findings[1]
    assert first.path is second.path
    if first.rule == second.rule:
        assert first.rule is second.rule and first.suggestion is second.suggestion
    assert pickle.loads(pickle.dumps(findings[0])).category is first.category


def test_the_table_of_shared_strings_does_not_grow_with_the_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(findings_module, "_SHARED_MAX", 10)
    finding = lint_text("This tea cures depression in a few weeks.").findings[0]
    for number in range(100):  # messages that quote the article are all different
        pickle.loads(pickle.dumps(replace(finding, message=f"Quoted words {number}.")))
    assert len(findings_module._shared) <= 10
