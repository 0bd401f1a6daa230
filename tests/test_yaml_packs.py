"""YAML rule packs: the engines work, extra packs load from config, malformed packs are named errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.errors import RulePackError
from contentlint.rules.yaml_packs import load_pack

PACK = """
rules:
  - code: SPAM090
    name: house-banned-phrase
    category: spam
    severity: error
    engine: existence
    summary: A phrase the house style bans.
    description: Flags "limited time offer".
    rationale: House style.
    sources: [House style guide]
    message: "\\"{match}\\" is sales copy."
    suggestion: Delete it.
    phrases: [limited time offer]
    patterns: ['\\bact\\s+fast\\b']
    exceptions: [no limited time offer]
    examples:
      fail: ["This is a limited time offer."]
      pass: ["There is no limited time offer here."]
  - code: READ090
    name: house-plain-words
    category: readability
    severity: info
    engine: substitution
    summary: Plain words.
    description: Suggests plain words.
    rationale: House style.
    sources: [House style guide]
    message: "Use \\"{replacement}\\" instead of \\"{match}\\"."
    swap: {utilize: use, "in order to": to}
    fixable: true
    examples:
      fail: ["We utilize care."]
      pass: ["We use care."]
"""


def _write_pack(folder: Path, body: str = PACK) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "house.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_extra_pack_rules_run_with_exact_columns(tmp_path: Path) -> None:
    pack = _write_pack(tmp_path / "packs")
    config = Config(select=("SPAM090", "READ090"), rule_packs=(pack,))
    result = lint_text("Hurry: a Limited  Time Offer! Act fast.\n\nWe utilize it in order to help.\n",
                       kind="txt", config=config)
    found = [(f.rule, f.line, f.column, f.end_column, f.text) for f in result.findings]
    assert ("SPAM090", 1, 10, 29, "Limited Time Offer") in found
    assert ("SPAM090", 1, 31, 39, "Act fast") in found
    assert ("READ090", 3, 4, 11, "utilize") in found
    swap = next(f for f in result.findings if f.text == "in order to")
    assert swap.message == 'Use "to" instead of "in order to".'
    assert swap.fix is not None and swap.fix.replacement == "to"


def test_exceptions_suppress_overlapping_matches(tmp_path: Path) -> None:
    pack = _write_pack(tmp_path / "packs")
    result = lint_text("There is no limited time offer.", kind="txt",
                       config=Config(select=("SPAM090",), rule_packs=(pack,)))
    assert result.findings == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("rules: 3", "top-level 'rules:' list"),
        ("rules:\n  - code: X1\n", "missing key"),
        (PACK.replace("engine: existence", "engine: magic"), "'engine' must be one of"),
        (PACK.replace("category: spam", "category: gossip"), "'category' must be one of"),
        (PACK.replace("['\\bact\\s+fast\\b']", "['(unclosed']"), "is not valid"),
        (PACK.replace("    exceptions:", "    exeptions:"), "unknown key"),
        ("rules: [\n", "not valid YAML"),
    ],
)
def test_malformed_packs_name_file_and_key(tmp_path: Path, body: str, message: str) -> None:
    path = _write_pack(tmp_path, body)
    with pytest.raises(RulePackError, match=message) as error:
        load_pack(path)
    assert str(path) in str(error.value)


def test_duplicate_code_is_an_error(tmp_path: Path) -> None:
    from contentlint.rules.registry import load_registry

    pack = _write_pack(tmp_path, PACK.replace("SPAM090", "SPAM001"))
    with pytest.raises(RulePackError, match="duplicate rule code SPAM001"):
        load_registry((pack,))


def test_user_patterns_cannot_hang(tmp_path: Path) -> None:
    import time

    body = PACK.replace("['\\bact\\s+fast\\b']", "['(a+)+$']")
    pack = _write_pack(tmp_path, body)
    started = time.perf_counter()
    lint_text("a" * 5000 + "b", kind="txt", config=Config(select=("SPAM090",), rule_packs=(pack,)))
    assert time.perf_counter() - started < 2.0
