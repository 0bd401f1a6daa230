"""Every rule's documented examples hold: each 'fails' example gets a finding of that rule, each
'passes' example none. A rule without examples, a source or the documented sections fails here."""

from __future__ import annotations

import os

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.rules.registry import load_registry

RULES = list(load_registry())


def _codes(text: str, kind: str, code: str) -> list[str]:
    if code.startswith("GRAM") and not os.environ.get("CONTENTLINT_LANGUAGETOOL_URL"):
        pytest.skip("GRAM rules need a LanguageTool server: set CONTENTLINT_LANGUAGETOOL_URL "
                    "(tests/grammar runs their examples against recorded replies)")
    result = lint_text(text, kind=kind, config=Config(select=(code,)))
    return [f.rule for f in result.findings if f.rule == code]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.meta.code)
def test_rule_is_documented(rule: object) -> None:
    meta = rule.meta  # type: ignore[attr-defined]
    assert meta.summary.strip() and meta.description.strip() and meta.rationale.strip()
    assert meta.sources, f"{meta.code} names no source"
    assert meta.fail_examples and meta.pass_examples
    assert meta.name == meta.name.lower() and " " not in meta.name


@pytest.mark.parametrize(
    ("code", "kind", "text"),
    [(r.meta.code, e.kind, e.text) for r in RULES for e in r.meta.fail_examples],
)
def test_fail_examples_are_flagged(code: str, kind: str, text: str) -> None:
    assert _codes(text, kind, code), f"{code} did not flag its own example: {text!r}"


@pytest.mark.parametrize(
    ("code", "kind", "text"),
    [(r.meta.code, e.kind, e.text) for r in RULES for e in r.meta.pass_examples],
)
def test_pass_examples_are_clean(code: str, kind: str, text: str) -> None:
    assert not _codes(text, kind, code), f"{code} flagged its own passing example: {text!r}"


def test_codes_are_unique_and_well_formed() -> None:
    import re

    codes = [r.meta.code for r in RULES]
    assert len(codes) == len(set(codes))
    prefixes = {"spam": "SPAM", "claims": "CLAIM", "safety": "SAFETY", "attribution": "ATTR",
                "readability": "READ", "grammar": "GRAM"}
    for rule in RULES:
        assert re.fullmatch(r"[A-Z]+\d{3}", rule.meta.code)
        assert rule.meta.code.startswith(prefixes[rule.meta.category])
