"""The JSON report: structure, key order, counts and escaping of article text."""

from __future__ import annotations

import json
import math

import pytest

from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity, Span
from contentlint.reports import render
from contentlint.reports.json_report import dumps


def finding(path: str, line: int, rule: str, category: str, severity: Severity, text: str) -> Finding:
    span = Span(line, 1, line, 1 + len(text), 0, len(text), 1, 1 + len(text))
    return Finding(
        path=path,
        span=span,
        rule=rule,
        name=f"{category}-rule",
        category=category,
        severity=severity,
        message=f"Problem with {text}.",
        suggestion="Rewrite it.",
        text=text,
    )


def sample_run() -> RunResult:
    later = finding("a.md", 9, "SPAM001", "spam", Severity.ERROR, "casino")
    earlier = finding("a.md", 2, "CLAIM003", "claims", Severity.WARNING, "miracle")
    info = finding("b.md", 1, "READ001", "readability", Severity.INFO, "utilise")
    files = [
        FileResult("a.md", findings=[later, earlier], metrics={"words": 120.0, "grade": 8.5}, title="Tea"),
        FileResult("gone.md", error=FileError("gone.md", "file not found")),
        FileResult("b.md", findings=[info], metrics={"grade": math.nan}),
    ]
    return RunResult(files=files, rules={}, version="1.2.3")


def test_structure_and_counts() -> None:
    data = json.loads(render("json", sample_run()))
    assert list(data) == ["version", "findings", "errors", "files", "summary"]
    assert data["version"] == "1.2.3"
    assert [(f["path"], f["line"], f["rule"]) for f in data["findings"]] == [
        ("a.md", 2, "CLAIM003"),
        ("a.md", 9, "SPAM001"),
        ("b.md", 1, "READ001"),
    ]
    assert data["findings"][0] == {
        "path": "a.md",
        "line": 2,
        "column": 1,
        "end_line": 2,
        "end_column": 8,
        "rule": "CLAIM003",
        "name": "claims-rule",
        "category": "claims",
        "severity": "warning",
        "message": "Problem with miracle.",
        "suggestion": "Rewrite it.",
        "text": "miracle",
        "article_level": False,
        "fixable": False,
    }
    assert data["errors"] == [{"path": "gone.md", "reason": "file not found"}]
    assert data["files"] == [
        {"path": "a.md", "title": "Tea", "metrics": {"grade": 8.5, "words": 120.0}, "findings": 2},
        {"path": "b.md", "title": None, "metrics": {"grade": None}, "findings": 1},
    ]
    assert data["summary"] == {
        "files": 2,
        "findings": 3,
        "error": 1,
        "warning": 1,
        "info": 1,
        "unreadable": 1,
        "by_category": {
            "spam": 1,
            "claims": 1,
            "safety": 0,
            "attribution": 0,
            "readability": 1,
            "grammar": 0,
        },
        "by_rule": {"CLAIM003": 1, "READ001": 1, "SPAM001": 1},
    }


def test_output_is_deterministic() -> None:
    assert render("json", sample_run()) == render("json", sample_run())


def test_empty_run() -> None:
    data = json.loads(render("json", RunResult(files=[], rules={}, version="1.2.3")))
    assert data["findings"] == [] and data["errors"] == [] and data["files"] == []
    assert data["summary"]["files"] == 0 and data["summary"]["findings"] == 0


def test_hostile_text_is_escaped_and_round_trips() -> None:
    hostile = "\x1b[2J</script><script>alert(1)</script>\n::error::x\u2028"
    bad = finding("a.md", 1, "SPAM001", "spam", Severity.ERROR, hostile)
    run = RunResult(files=[FileResult("a.md", findings=[bad])], rules={}, version="1.2.3")
    raw = render("json", run)
    assert "\x1b" not in raw and "</script>" not in raw and "\u2028" not in raw
    assert "<\\/script>" in raw and "\\u001b" in raw
    assert raw.count("\n") == raw.rstrip("\n").count("\n") + 1  # only the pretty-printing breaks lines
    assert json.loads(raw)["findings"][0]["text"] == hostile


@pytest.mark.parametrize("value", [
    {}, [], {"a": {}}, {"a": []}, [[], {}], {"text": "curly ’quotes’ — and 😀", "n": -3, "ok": True, "none": None},
    {"runs": [{"results": [{"locations": [{"region": {"startLine": 1}}], "ids": (1, 2)}]}]},
    {"control": "\x00\x1f\"\\\n", "float": 1.5}, {"enum": Severity.ERROR}, {1: "integer key"},
])
def test_the_fast_writer_gives_json_dumps_bytes(value: object) -> None:
    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("</", "<\\/")
    assert dumps(value) == expected


def test_metrics_floats_are_written_as_json_dumps_writes_them_and_nan_is_refused() -> None:
    metrics = {"grade": 7.25, "ease": 61.0, "tiny": 1e-20, "words": 512}
    assert dumps(metrics) == json.dumps(metrics, indent=2, ensure_ascii=False)
    with pytest.raises(ValueError):
        dumps({"grade": math.nan})


def test_repeated_strings_are_written_from_a_bounded_table() -> None:
    from contentlint.reports import json_report

    many = json_report._JSON_STRINGS_MAX + 10
    texts = [f"message {n} with “quotes”, </tags>, \x1b[1m and \u202e" for n in range(many)]
    for text in texts + texts[:5] + ["long " * 300, "plain", "</", "\x7f", Severity.WARNING]:
        assert json_report._json_string(text) == dumps(text)
    assert len(json_report._JSON_STRINGS) <= json_report._JSON_STRINGS_MAX
    assert "long " * 300 not in json_report._JSON_STRINGS  # long strings are not kept
