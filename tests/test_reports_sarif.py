"""The SARIF report: schema validity, UTF-16 columns, URIs, rules, fingerprints and escaping."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity, Span
from contentlint.reports import render
from contentlint.rules.base import Example, RuleMeta

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "sarif" / "sarif-schema-2.1.0.json"

ARTICLE = "# Green tea\n\nGreen tea 🍵 cures cancer, doctors say.\nIt cures cancer in weeks.\n"


def span_of(source: str, needle: str, start_at: int = 0) -> Span:
    start = source.index(needle, start_at)
    end = start + len(needle)

    def position(offset: int) -> tuple[int, int, int]:
        line_start = source.rfind("\n", 0, offset) + 1
        utf16 = len(source[line_start:offset].encode("utf-16-le")) // 2
        return source.count("\n", 0, offset) + 1, offset - line_start + 1, utf16 + 1

    line, column, column16 = position(start)
    end_line, end_column, end_column16 = position(end)
    return Span(line, column, end_line, end_column, start, end, column16, end_column16)


CURE_META = RuleMeta(
    code="CLAIM001",
    name="cure-claim",
    category="claims",
    severity=Severity.ERROR,
    summary="Claims that a product or practice cures a disease.",
    description="Flags wording that promises a cure.",
    rationale="Cure claims without evidence mislead readers.",
    sources=("FTC Health Products Compliance Guidance (2022)", "FDA 21 CFR 101.93"),
    fail_examples=(Example("This tea cures cancer."),),
    pass_examples=(Example("This tea tastes good."),),
)
QUIET_META = RuleMeta(
    code="READ002",
    name="long-sentence",
    category="readability",
    severity=Severity.WARNING,
    summary="Sentences that are hard to follow.",
    description="Flags sentences over the word limit.",
    rationale="Long sentences lose readers.",
    sources=(),
    fail_examples=(Example("x"),),
    pass_examples=(Example("y"),),
)


def cure(path: str, start_at: int = 0, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(
        path=path,
        span=span_of(ARTICLE, "cures cancer", start_at),
        rule="CLAIM001",
        name="cure-claim",
        category="claims",
        severity=severity,
        message='"cures cancer" promises a cure.',
        suggestion="Describe what studies found instead.",
        text="cures cancer",
    )


def unknown_rule(path: str) -> Finding:
    return Finding(
        path=path,
        span=span_of(ARTICLE, "Green tea"),
        rule="PLUG001",
        name="plugin-rule",
        category="spam",
        severity=Severity.INFO,
        message="A plugin finding.",
        text="Green tea",
        article_level=True,
    )


def make_run(tmp_path: Path) -> RunResult:
    path = str(tmp_path / "docs" / "my notes" / "café.md")
    files = [
        FileResult(
            path,
            findings=[cure(path, ARTICLE.index("It cures")), cure(path), unknown_rule(path)],
            metrics={"grade": 9.25},
        ),
        FileResult("/elsewhere/x.md", error=FileError("/elsewhere/x.md", "not UTF-8 text")),
    ]
    return RunResult(files=files, rules={"CLAIM001": CURE_META, "READ002": QUIET_META}, version="0.1.0")


def sarif(run: RunResult, tmp_path: Path, **kwargs: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render("sarif", run, cwd=str(tmp_path), **kwargs))
    return data


def test_validates_against_the_sarif_schema(tmp_path: Path) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    log = sarif(make_run(tmp_path), tmp_path)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message}" for e in errors]
    empty = sarif(RunResult(files=[], rules={}, version="0.1.0"), tmp_path)
    assert list(validator.iter_errors(empty)) == []


def test_run_header(tmp_path: Path) -> None:
    log = sarif(make_run(tmp_path), tmp_path)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["semanticVersion"]) == ("contentlint", "0.1.0", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "utf16CodeUnits"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    path = str(tmp_path / "docs" / "my notes" / "café.md")
    assert run["properties"] == {"metrics": {path: {"grade": 9.25}}}


def test_rules_cover_active_and_reporting_rules(tmp_path: Path) -> None:
    log = sarif(make_run(tmp_path), tmp_path)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["CLAIM001", "PLUG001", "READ002"]
    claim = rules[0]
    assert claim["name"] == "cure-claim"
    assert claim["shortDescription"] == {"text": CURE_META.summary}
    assert claim["fullDescription"] == {"text": CURE_META.description}
    assert claim["defaultConfiguration"] == {"level": "error"}
    assert claim["properties"] == {"tags": ["claims"], "problem.severity": "error"}
    assert CURE_META.rationale in claim["help"]["text"]
    assert "FDA 21 CFR 101.93" in claim["help"]["text"]
    assert "- FTC Health Products Compliance Guidance (2022)" in claim["help"]["markdown"]
    assert rules[1]["defaultConfiguration"] == {"level": "note"}
    assert rules[1]["properties"]["problem.severity"] == "recommendation"
    assert rules[2]["defaultConfiguration"] == {"level": "warning"}


def test_results_point_at_utf16_columns_with_relative_encoded_uris(tmp_path: Path) -> None:
    run = make_run(tmp_path)
    results = sarif(run, tmp_path)["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["PLUG001", "CLAIM001", "CLAIM001"]
    assert [r["ruleIndex"] for r in results] == [1, 0, 0]
    assert [r["level"] for r in results] == ["note", "error", "error"]
    first_cure = results[1]
    assert first_cure["message"] == {
        "text": '"cures cancer" promises a cure. Describe what studies found instead.'
    }
    location = first_cure["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/my%20notes/caf%C3%A9.md", "uriBaseId": "%SRCROOT%"}
    # "Green tea 🍵 cures": the emoji is one code point but two UTF-16 code units
    span = run.files[0].findings[1].span
    assert (span.column, span.end_column) == (13, 25)
    assert location["region"] == {
        "startLine": 3,
        "startColumn": 14,
        "endLine": 3,
        "endColumn": 26,
        "snippet": {"text": "cures cancer"},
    }
    assert results[0]["properties"] == {"articleLevel": True}
    assert "properties" not in first_cure


def test_snippet_comes_from_the_source_when_given(tmp_path: Path) -> None:
    run = make_run(tmp_path)
    path = run.files[0].path
    source = ARTICLE.replace("cures cancer, doctors", "CURES CANCER, doctors")
    results = sarif(run, tmp_path, sources={path: source})["runs"][0]["results"]
    assert results[1]["locations"][0]["physicalLocation"]["region"]["snippet"] == {"text": "CURES CANCER"}


def test_paths_outside_the_working_folder_get_absolute_uris(tmp_path: Path) -> None:
    run = make_run(tmp_path)
    log = sarif(run, tmp_path / "docs" / "other")
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "docs" / "my notes" / "café.md").as_uri()}
    assert location["uri"].startswith("file:///") and "%20" in location["uri"]


def test_relative_paths_are_resolved_against_the_working_folder(tmp_path: Path) -> None:
    finding = cure("docs/a.md")
    run = RunResult(files=[FileResult("docs/a.md", findings=[finding])], rules={}, version="0.1.0")
    location = sarif(run, tmp_path)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"}


def test_unreadable_files_become_notifications(tmp_path: Path) -> None:
    (invocation,) = sarif(make_run(tmp_path), tmp_path)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert "not UTF-8 text" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/x.md"}


def fingerprints(log: dict[str, Any]) -> list[str]:
    return [r["partialFingerprints"]["contentlintFingerprint/v1"] for r in log["runs"][0]["results"]]


def test_fingerprints_are_stable_when_lines_move_and_distinct_for_repeats(tmp_path: Path) -> None:
    run = make_run(tmp_path)
    before = fingerprints(sarif(run, tmp_path))
    assert len(set(before)) == 3
    assert before[1].split(":")[0] == before[2].split(":")[0]
    assert (before[1].split(":")[1], before[2].split(":")[1]) == ("1", "2")

    # the same findings two lines further down keep their fingerprints
    run.files[0].findings = [
        replace(f, span=replace(f.span, line=f.span.line + 2, end_line=f.span.end_line + 2))
        for f in run.files[0].findings
    ]
    assert fingerprints(sarif(run, tmp_path)) == before


def test_hostile_text_is_escaped(tmp_path: Path) -> None:
    hostile = "\x1b[2J</script><img src=x onerror=alert(1)>\n::error::x"
    bad = Finding(
        path="a.md",
        span=Span(1, 1, 2, 11, 0, len(hostile), 1, 11),
        rule="SPAM001",
        name="spam-link",
        category="spam",
        severity=Severity.ERROR,
        message=f"Suspicious text {hostile!s}",
        text=hostile,
    )
    run = RunResult(files=[FileResult("a.md", findings=[bad])], rules={}, version="0.1.0")
    raw = render("sarif", run, cwd=str(tmp_path))
    assert "\x1b" not in raw and "</script>" not in raw
    result = json.loads(raw)["runs"][0]["results"][0]
    assert result["message"]["text"] == f"Suspicious text {hostile}"
    assert result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == hostile
