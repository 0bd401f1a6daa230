"""Recall and precision of each spam rule on the labelled corpus in tests/corpora/spam.

Each entry of planted.yaml is put into a clean article; it is found when a finding of its rule
overlaps the inserted text. Any other finding of that rule, on a variant, a clean article or a
trap, is a false alarm. Every rule must keep recall >= 0.9 and precision >= 0.95 (the figures are
quoted in the rules' documentation), and no spam rule may flag the clean articles or the traps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentlint import lint_text
from contentlint.config import Config
from contentlint.document import kind_for_path
from contentlint.findings import Finding
from contentlint.fixes import apply_fixes, fix_source
from contentlint.ruleset import RuleSet

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "spam"
CLEAN = CORPUS / "clean"
CODES = tuple(f"SPAM00{n}" for n in range(1, 10))
MIN_RECALL = 0.9
MIN_PRECISION = 0.95
# Rules whose fixes delete exactly what was inserted, so fixing a variant gives back the clean article.
RESTORING = ("SPAM005", "SPAM007")


@dataclass
class Variant:
    entry: dict[str, Any]
    source: str
    kind: str
    inserted: list[tuple[int, int]] = field(default_factory=list)


def _planted() -> list[dict[str, Any]]:
    data = yaml.safe_load((CORPUS / "planted.yaml").read_text(encoding="utf-8"))
    return list(data["planted"])


def _traps() -> list[str]:
    return list(yaml.safe_load((CORPUS / "traps.yaml").read_text(encoding="utf-8"))["texts"])


def _clean(name: str) -> tuple[str, str]:
    kind = kind_for_path(name)
    assert kind is not None
    return (CLEAN / name).read_text(encoding="utf-8"), kind


def _block(kind: str, line: str) -> str:
    return f"<p>{line}</p>\n" if kind == "html" else f"{line}\n\n"


def build(entry: dict[str, Any]) -> Variant:
    """The clean article with the entry's text put in, and where the inserted text now stands."""
    source, kind = _clean(entry["article"])
    mode = entry["mode"]
    if mode in ("inline", "paragraph"):
        anchor = source.index(entry["after"]) + len(entry["after"])
        if mode == "inline":
            at, prefix, suffix = anchor, " ", ""
        elif kind == "html":
            at, prefix, suffix = source.index("</p>", anchor) + 4, "\n<p>", "</p>"
        else:
            at, prefix, suffix = source.index("\n", anchor) + 1, "\n", "\n"
        start = at + len(prefix)
        text = entry["text"]
        return Variant(entry, source[:at] + prefix + text + suffix + source[at:], kind, [(start, start + len(text))])
    lines = entry["lines"]
    if mode == "first":
        if kind == "html":
            at = source.index("<body>\n") + len("<body>\n")
        elif source.startswith("---\n"):
            at = source.index("\n---\n", 4) + len("\n---\n\n")
        else:
            at = 0
    else:
        at = source.index("</body>") if kind == "html" else len(source)
    piece, inserted = "", []
    if mode == "end" and kind != "html":
        piece = "\n"
    for line in lines:
        offset = at + len(piece) + (3 if kind == "html" else 0)
        inserted.append((offset, offset + len(line)))
        piece += _block(kind, line)
    if mode == "end" and kind != "html":
        piece = piece.rstrip("\n") + "\n"
    return Variant(entry, source[:at] + piece + source[at:], kind, inserted)


@cache
def _findings(source: str, kind: str) -> tuple[Finding, ...]:
    return tuple(lint_text(source, kind=kind, config=Config(select=("spam",))).findings)


def _overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(finding.span.offset < end and start < finding.span.end_offset for start, end in spans)


@dataclass
class Score:
    planted: int = 0
    found: int = 0
    hits: int = 0
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        flagged = self.hits + len(self.false_alarms)
        return self.hits / flagged if flagged else 1.0


@cache
def scores() -> dict[str, Score]:
    result = {code: Score() for code in CODES}
    for entry in _planted():
        variant = build(entry)
        own = result[entry["rule"]]
        own.planted += 1
        findings = _findings(variant.source, variant.kind)
        if any(f.rule == entry["rule"] and _overlaps(f, variant.inserted) for f in findings):
            own.found += 1
        else:
            own.missed.append(entry.get("text") or " / ".join(entry["lines"]))
        for finding in findings:
            if _overlaps(finding, variant.inserted):
                if finding.rule == entry["rule"]:
                    own.hits += 1
            else:
                result[finding.rule].false_alarms.append(f"{entry['article']}: {finding.text!r}")
    for name in sorted(p.name for p in CLEAN.iterdir()):
        for finding in _findings(*_clean(name)):
            result[finding.rule].false_alarms.append(f"{name}: {finding.text!r}")
    for text in _traps():
        for finding in _findings(text, "md"):
            result[finding.rule].false_alarms.append(f"trap: {finding.text!r}")
    return result


def test_every_rule_has_planted_cases() -> None:
    counts = {code: sum(1 for e in _planted() if e["rule"] == code) for code in CODES}
    assert all(n >= 8 for n in counts.values()), counts
    kinds = {code: {kind_for_path(e["article"]) for e in _planted() if e["rule"] == code} for code in CODES}
    assert all(k == {"md", "txt", "html"} or len(k) >= 2 for k in kinds.values()), kinds


@pytest.mark.parametrize("code", CODES)
def test_recall_on_planted_insertions(code: str) -> None:
    score = scores()[code]
    assert score.recall >= MIN_RECALL, f"{code} recall {score.recall:.2f}; missed: {score.missed}"


@pytest.mark.parametrize("code", CODES)
def test_precision(code: str) -> None:
    score = scores()[code]
    assert score.precision >= MIN_PRECISION, f"{code} precision {score.precision:.2f}: {score.false_alarms}"


@pytest.mark.parametrize("name", sorted(p.name for p in CLEAN.iterdir()))
def test_clean_articles_have_no_spam(name: str) -> None:
    assert [(f.rule, f.text) for f in _findings(*_clean(name))] == []


@pytest.mark.parametrize("text", _traps())
def test_traps_are_not_spam(text: str) -> None:
    assert [(f.rule, f.text) for f in _findings(text, "md")] == []


def _apply(source: str, findings: list[Finding]) -> str:
    """The source with the findings' fixes applied the way ``contentlint check --fix`` applies them."""
    fixed, _ = apply_fixes(source, [f.fix for f in findings if f.fix is not None])
    return fixed


def _fix_rule(source: str, kind: str, code: str) -> str:
    ruleset = RuleSet(Config(select=(code,)))
    return fix_source(source, kind, f"article.{kind}", ruleset).fixed  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "entry", [e for e in _planted() if e["rule"] in RESTORING], ids=lambda e: f"{e['rule']}-{e['article']}"
)
def test_fix_removes_exactly_the_insertion(entry: dict[str, Any]) -> None:
    variant = build(entry)
    own = [f for f in _findings(variant.source, variant.kind) if f.rule == entry["rule"]]
    assert own and all(f.fix is not None for f in own)
    clean, _ = _clean(entry["article"])
    # the applier may leave one blank line at the end of the file after deleting the last lines
    assert _fix_rule(variant.source, variant.kind, entry["rule"]).rstrip("\n") == clean.rstrip("\n")


def test_search_phrase_fixes_restore_the_clean_article_when_offered() -> None:
    offered = 0
    for entry in (e for e in _planted() if e["rule"] == "SPAM004"):
        variant = build(entry)
        own = [f for f in _findings(variant.source, variant.kind) if f.rule == "SPAM004" and f.fix is not None]
        if own:
            offered += 1
            assert _fix_rule(variant.source, variant.kind, "SPAM004") == _clean(entry["article"])[0], entry
    assert offered >= 4


def test_seed_style_search_phrase_is_fixed_at_the_doubled_word() -> None:
    text = "For many adults, acupuncture what is acupuncture therapy therapy can ease back pain.\n"
    findings = [f for f in _findings(text, "md") if f.rule == "SPAM004"]
    assert [f.text for f in findings] == ["what is acupuncture therapy"]
    assert _apply(text, findings) == "For many adults, acupuncture therapy can ease back pain.\n"


def test_spinner_fix_writes_the_meant_words() -> None:
    text = "Common triggers such as for example pollen can worsen hay fever.\n"
    findings = [f for f in _findings(text, "md") if f.rule == "SPAM009"]
    assert _apply(text, findings) == "Common triggers such as pollen can worsen hay fever.\n"


def test_spliced_call_to_action_fix_repairs_spacing() -> None:
    text = "For stubborn acne, Order Today isotretinoin may be an option.\n"
    findings = [f for f in _findings(text, "md") if f.rule == "SPAM001"]
    assert _apply(text, findings) == "For stubborn acne, isotretinoin may be an option.\n"
