"""The HTML report as a file: self-contained, escaped, its payload safe and exact.

What the page does when opened is tested in a real browser in test_report_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from contentlint.cli import main
from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity, Span
from contentlint.reports import render
from contentlint.reports.html import script_json, segments

PAYLOAD = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)


def finding_at(source: str, start: int, end: int, rule: str = "CLAIM001", category: str = "claims",
               *, article: bool = False, message: str = "Hype.") -> Finding:
    line = source.count("\n", 0, start) + 1
    column = start - (source.rfind("\n", 0, start) + 1) + 1
    span = Span(line, column, line, column + end - start, start, end, column, column + end - start)
    return Finding(
        path="a.md",
        span=span,
        rule=rule,
        name="hype-wording",
        category=category,
        severity=Severity.WARNING,
        message=message,
        suggestion="Say what the evidence shows.",
        text=source[start:end],
        article_level=article,
    )


def payload_of(page: str) -> dict[str, Any]:
    match = PAYLOAD.search(page)
    assert match is not None
    return dict(json.loads(match.group(1)))


def without_payload(page: str) -> str:
    return PAYLOAD.sub("", page)


def test_segments_cut_at_code_points_and_cover_overlaps() -> None:
    source = "Tea 🍵 is a miracle cure, truly."
    miracle = source.index("miracle")
    findings = [
        finding_at(source, miracle, miracle + len("miracle cure")),
        finding_at(source, miracle + len("miracle "), miracle + len("miracle cure"), "CLAIM002"),
        finding_at(source, 0, 3, "SAFETY002", "safety", article=True),
    ]
    pieces = segments(source, findings)
    assert "".join(text for text, _ in pieces) == source
    assert pieces == [
        ["Tea 🍵 is a ", []],
        ["miracle ", [0]],
        ["cure", [0, 1]],
        [", truly.", []],
    ]


def test_segments_mark_an_insertion_point_and_clamp_bad_offsets() -> None:
    source = "Call now"
    pieces = segments(source, [finding_at(source, 4, 4), finding_at(source, 8, 8), finding_at(source, 5, 99)])
    assert "".join(text for text, _ in pieces) == source
    assert [text for text, ids in pieces if ids] == [" ", "no", "w"]
    assert pieces[-1] == ["w", [1, 2]]


def test_script_json_cannot_end_its_script_element() -> None:
    data = {"text": "</script><!-- <script> & \u2028 \u2029 ]]>"}
    encoded = script_json(data)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in encoded
    assert json.loads(encoded) == data


HOSTILE = (
    "# Miracle </title><script>alert(1)</script>\n\n"
    'A miracle cure <img src=x onerror="alert(2)"> and </textarea><textarea> and <svg onload=alert(3)>.\n'
)


def hostile_run() -> tuple[RunResult, dict[str, str]]:
    path = "docs/<script>alert(4)</script>.md"
    start = HOSTILE.index("miracle cure")
    bad = finding_at(HOSTILE, start, start + 12, message='"<img src=x onerror=alert(5)>" is hype </textarea>')
    bad = Finding(**{**{k: getattr(bad, k) for k in bad.__dataclass_fields__}, "path": path})
    files = [
        FileResult(path, findings=[bad], title="</title><script>alert(6)</script>", metrics={"words": 12.0}),
        FileResult("<b>gone</b>.md", error=FileError("<b>gone</b>.md", "no such file <i>really</i>")),
    ]
    return RunResult(files=files, rules={}, version="1.0<script>"), {path: HOSTILE}


def test_hostile_text_is_escaped_everywhere() -> None:
    run, sources = hostile_run()
    page = render("html", run, sources=sources)
    assert page.count("<script") == 2  # the payload and the page's own script
    for raw in ("<img", "<svg onload", "</textarea>", "<textarea>", "alert(", "<b>gone", "<i>really"):
        assert raw not in without_payload(page).replace("<svg id=", ""), raw
    assert "&lt;b&gt;gone&lt;/b&gt;.md" in page
    assert "no such file &lt;i&gt;really&lt;/i&gt;" in page
    assert "contentlint 1.0&lt;script&gt;" in page
    # in the payload the text is data: no raw markup, and it decodes back exactly
    assert "<" not in PAYLOAD.search(page).group(1)  # type: ignore[union-attr]
    article = payload_of(page)["articles"][0]
    assert "".join(text for text, _ in article["segments"]) == HOSTILE
    assert article["title"] == "</title><script>alert(6)</script>"


def test_page_runs_only_its_own_script_and_loads_nothing() -> None:
    run, sources = hostile_run()
    page = render("html", run, sources=sources)
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert found is not None
    policy = html.unescape(found.group(1))
    script = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(script) == 1
    digest = base64.b64encode(hashlib.sha256(script[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy
    assert "connect-src 'none'" in policy and "img-src 'none'" in policy
    # no event-handler attributes anywhere in the markup
    assert not re.search(r"\son[a-z]+\s*=", without_payload(page))


def test_no_web_address_outside_the_findings(tmp_path: Path) -> None:
    source = (
        "# Sleep\n\nSee https://www.nhs.uk/conditions/insomnia/ and http://buy-pills.example/now "
        "for [more](https://cdn.example/x.js).\n"
    )
    start = source.index("http://buy")
    bad = finding_at(source, start, start + 30, "SPAM002", "spam", message="Link to http://buy-pills.example")
    run = RunResult(files=[FileResult("a.md", findings=[bad], title="Sleep")], rules={}, version="1")
    page = render("html", run, sources={"a.md": source})
    assert not re.search(r"(?i)https?:|//[a-z0-9]", without_payload(page))
    assert not re.search(r"""(?i)\b(src|href|xlink:href|action)\s*=\s*(?!["']?#)""", without_payload(page))
    assert not re.search(r"(?i)url\(|@import", without_payload(page))
    # the addresses that do appear are the article's own text, shown as text
    article = payload_of(page)["articles"][0]
    assert "https://www.nhs.uk/conditions/insomnia/" in "".join(text for text, _ in article["segments"])


def test_charts_are_inline_svg_without_scripts(tmp_path: Path) -> None:
    source = "Tea is a miracle."
    run = RunResult(
        files=[FileResult("a.md", findings=[finding_at(source, 9, 16)], metrics={"flesch_kincaid_grade": 9.4})],
        rules={},
        version="1",
    )
    page = render("html", run, sources={"a.md": source})
    ids = re.findall(r'<svg id="(chart-[a-z]+)"', page)
    assert ids == ["chart-categories", "chart-grades", "chart-rules"]
    assert "Flesch-Kincaid grade" in page
    assert "pygal.config" not in page and "<!--" not in page


def test_missing_grades_and_metrics_do_not_break_the_page() -> None:
    run = RunResult(files=[FileResult("a.md", metrics={"grade": float("nan")})], rules={}, version="1")
    page = render("html", run)
    article = payload_of(page)["articles"][0]
    assert article["grade"] is None and article["segments"] is None
    assert 'id="chart-grades"' in page


def test_articles_are_ranked_worst_first() -> None:
    source = "x" * 40

    def result(path: str, *severities: Severity) -> FileResult:
        findings = [
            Finding(**{**{k: getattr(f, k) for k in f.__dataclass_fields__}, "severity": s, "path": path})
            for f, s in zip([finding_at(source, i, i + 1) for i in range(len(severities))], severities,
                            strict=True)
        ]
        return FileResult(path, findings=findings)

    run = RunResult(
        files=[
            result("many-warnings.md", *[Severity.WARNING] * 5),
            result("clean.md"),
            result("one-error.md", Severity.ERROR),
            result("error-and-info.md", Severity.ERROR, Severity.INFO),
        ],
        rules={},
        version="1",
    )
    order = [a["path"] for a in payload_of(render("html", run))["articles"]]
    assert order == ["error-and-info.md", "one-error.md", "many-warnings.md", "clean.md"]


def test_cli_writes_the_report_with_every_article_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "clean.txt").write_text("Drink water when you are thirsty.\n", encoding="utf-8")
    (tmp_path / "bom.md").write_text("\ufeff# Tea\n\nThis tea is a miracle breakthrough.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", ".", "--format", "html", "--output", "report.html"])
    assert result.exit_code in (0, 1), result.output
    articles = {a["path"]: a for a in payload_of((tmp_path / "report.html").read_text("utf-8"))["articles"]}
    assert len(articles) == 2
    for path, article in articles.items():
        text = "".join(piece for piece, _ in article["segments"])
        assert text == (tmp_path / path).read_text("utf-8-sig")


def test_missing_chart_library_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Plain words.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(sys.modules, "pygal", None)  # makes `import pygal` fail
    result = CliRunner().invoke(main, ["check", "a.txt", "--format", "html"])
    assert result.exit_code == 2
    assert "pip install 'contentlint[report]'" in result.output


def test_findings_travel_as_arrays_with_shared_texts() -> None:
    source = "A miracle, a miracle."
    findings = [finding_at(source, 2, 9), finding_at(source, 13, 20), finding_at(source, 0, 1, article=True)]
    findings[2] = Finding(**{**{k: getattr(findings[2], k) for k in findings[2].__dataclass_fields__},
                             "suggestion": None})
    run = RunResult(files=[FileResult("a.md", findings=findings)], rules={}, version="1")
    data = payload_of(render("html", run, sources={"a.md": source}))
    assert data["texts"] == ["Hype.", "Say what the evidence shows."]  # each text once
    rows = [dict(zip(data["finding_fields"], row, strict=True)) for row in data["articles"][0]["findings"]]
    assert [(r["rule"], r["line"], r["column"], r["article"], r["message"], r["suggestion"]) for r in rows] == [
        ("CLAIM001", 1, 1, 1, 0, -1),
        ("CLAIM001", 1, 3, 0, 0, 1),
        ("CLAIM001", 1, 14, 0, 0, 1),
    ]
