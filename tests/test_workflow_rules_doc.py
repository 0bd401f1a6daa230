"""docs/rules.md is generated from the registry and must not go stale.

Regenerate it from the repository root with:

    contentlint rules --format markdown > docs/rules.md
"""

from __future__ import annotations

import json
import os
import re

from click.testing import CliRunner

from contentlint.cli import main
from contentlint.rules.docs import REGENERATE_COMMAND
from contentlint.rules.registry import load_registry
from support import REPO

RULES_MD = REPO / "docs" / "rules.md"


def _generated() -> str:
    old = os.getcwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(main, ["rules", "--format", "markdown"], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_docs_rules_md_matches_the_registry() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == _generated(), (
        f"docs/rules.md is stale: run `{REGENERATE_COMMAND}` from the repository root"
    )


def test_every_rule_has_a_complete_page() -> None:
    text = _generated()
    # a rule page starts "## CODE name" (examples may hold "## " headings inside code fences)
    pages = re.split(r"(?m)^## (?=[A-Z]+\d{3} [a-z0-9-]+$)", text)[1:]
    registry = load_registry()
    assert [page.split()[0] for page in pages] == [rule.meta.code for rule in registry]
    for page, rule in zip(pages, registry, strict=True):
        for heading in ("### What it flags", "### Why", "Sources:", "### Fails", "### Passes", "### Options"):
            assert heading in page, f"{rule.meta.code}: no '{heading}'"
        assert ("fixable with `--fix`" in page) == rule.meta.fixable, rule.meta.code
        # the index table links to the page
        assert f"[{rule.meta.code}](#{rule.meta.code.lower()}-{rule.meta.name})" in text


def test_rule_command_prints_the_same_page() -> None:
    old = os.getcwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(main, ["rule", "SPAM001"], catch_exceptions=False)
    finally:
        os.chdir(old)
    assert result.exit_code == 0
    assert result.stdout.strip() in _generated()


def test_rules_json_lists_every_rule_for_tooling() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert [r["code"] for r in data] == [rule.meta.code for rule in load_registry()]
    assert {"code", "name", "severity", "fixable", "sources", "examples", "options"} <= set(data[0])
