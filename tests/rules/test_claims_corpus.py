"""Recall and precision of each claims rule on the labelled corpus in tests/corpora/claims.

Each rule file lists positives (each must get a finding of that rule) and negatives (none may);
clean.yaml holds careful writing that no claims rule may flag. A rule must keep recall >= 0.9 and
precision >= 0.95; the figures are quoted in the rules' documentation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentlint import lint_text
from contentlint.config import Config

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "claims"
CODES = ("CLAIM001", "CLAIM002", "CLAIM003", "CLAIM004", "CLAIM005", "CLAIM006", "CLAIM007")
MIN_RECALL = 0.9
MIN_PRECISION = 0.95


@dataclass
class Score:
    true_positives: int = 0
    false_negatives: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        found = self.true_positives + self.false_negatives
        return self.true_positives / found if found else 1.0

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0


def _load(name: str) -> dict[str, Any]:
    data = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@cache
def _flagged(text: str) -> frozenset[str]:
    findings = lint_text(text, kind="md", config=Config(select=("claims",))).findings
    return frozenset(f.rule for f in findings)


def _rule_files() -> dict[str, dict[str, Any]]:
    files = {}
    for path in sorted(CORPUS.glob("*.yaml")):
        if path.name != "clean.yaml":
            data = _load(path.name)
            files[data["rule"]] = data
    return files


def score(code: str) -> tuple[Score, list[str], list[str]]:
    """The rule's score, with the positives it missed and the texts it flagged wrongly."""
    files = _rule_files()
    result, missed, wrong = Score(), [], []
    own = files[code]
    for text in own["positives"]:
        if code in _flagged(text):
            result.true_positives += 1
        else:
            result.false_negatives += 1
            missed.append(text)
    negatives = list(own["negatives"]) + list(_load("clean.yaml")["texts"])
    for text in negatives:
        if code in _flagged(text):
            result.false_positives += 1
            wrong.append(text)
    return result, missed, wrong


def test_every_rule_has_a_labelled_file_with_enough_cases() -> None:
    files = _rule_files()
    assert set(files) == set(CODES)
    for code, data in files.items():
        assert len(data["positives"]) >= 15 and len(data["negatives"]) >= 15, code


@pytest.mark.parametrize("code", CODES)
def test_recall_and_precision(code: str) -> None:
    result, missed, wrong = score(code)
    assert result.recall >= MIN_RECALL, f"{code} recall {result.recall:.2f}; missed: {missed}"
    assert result.precision >= MIN_PRECISION, f"{code} precision {result.precision:.2f}; flagged: {wrong}"


def test_clean_writing_gets_no_claims_finding() -> None:
    for text in _load("clean.yaml")["texts"]:
        assert _flagged(text) == frozenset(), text


if __name__ == "__main__":  # print the figures quoted in the rule docs
    for code in CODES:
        result, missed, wrong = score(code)
        print(f"{code}: recall {result.recall:.2f}, precision {result.precision:.2f} "
              f"({result.true_positives} found, {result.false_negatives} missed, {result.false_positives} wrong)")
        for text in missed:
            print("   missed:", text)
        for text in wrong:
            print("   wrong: ", text)
