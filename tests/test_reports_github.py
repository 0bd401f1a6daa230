"""The GitHub Actions report: exact workflow commands and their escaping."""

from __future__ import annotations

from pathlib import Path

from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity, Span
from contentlint.reports import render


def finding(
    path: str,
    severity: Severity,
    message: str,
    suggestion: str | None = None,
    *,
    rule: str = "CLAIM001",
    name: str = "cure-claim",
    article_level: bool = False,
) -> Finding:
    return Finding(
        path=path,
        span=Span(3, 5, 3, 17, 40, 52, 6, 18),
        rule=rule,
        name=name,
        category="claims",
        severity=severity,
        message=message,
        suggestion=suggestion,
        text="cures cancer",
        article_level=article_level,
    )


def test_one_command_per_finding(tmp_path: Path) -> None:
    path = str(tmp_path / "docs" / "tea.md")
    findings = [
        finding(path, Severity.WARNING, "Hype.", rule="CLAIM002", name="hype"),
        finding(path, Severity.ERROR, "Promises a cure.", "Say what studies found."),
        finding(path, Severity.INFO, "No date.", rule="ATTR004", name="undated", article_level=True),
    ]
    run = RunResult(
        files=[
            FileResult(path, findings=findings),
            FileResult("missing.md", error=FileError("missing.md", "file not found")),
        ],
        rules={},
        version="0.1.0",
    )
    assert render("github", run, cwd=str(tmp_path)) == (
        "::notice file=docs/tea.md,line=3,col=5,endLine=3,endColumn=17,"
        "title=ATTR004 undated (article)::No date.\n"
        "::error file=docs/tea.md,line=3,col=5,endLine=3,endColumn=17,"
        "title=CLAIM001 cure-claim::Promises a cure.%0ASay what studies found.\n"
        "::warning file=docs/tea.md,line=3,col=5,endLine=3,endColumn=17,title=CLAIM002 hype::Hype.\n"
        "::error file=missing.md,title=contentlint::Could not read this file: file not found\n"
    )


def test_clean_run_prints_nothing() -> None:
    assert render("github", RunResult(files=[FileResult("a.md")], rules={}, version="0.1.0")) == ""


def test_paths_outside_the_working_folder_are_kept(tmp_path: Path) -> None:
    run = RunResult(
        files=[FileResult("/srv/site/a.md", findings=[finding("/srv/site/a.md", Severity.ERROR, "x")])],
        rules={},
        version="0.1.0",
    )
    assert render("github", run, cwd=str(tmp_path)).startswith("::error file=/srv/site/a.md,line=3,")


def test_properties_and_message_are_escaped(tmp_path: Path) -> None:
    hostile_path = "odd, name: 100%.md"
    message = "50% off!\r\n::error file=x::pwned \x1b[2J </script>"
    run = RunResult(
        files=[FileResult(hostile_path, findings=[finding(hostile_path, Severity.ERROR, message, "a\nb")])],
        rules={},
        version="0.1.0",
    )
    output = render("github", run, cwd=str(tmp_path))
    assert output == (
        "::error file=odd%2C name%3A 100%25.md,line=3,col=5,endLine=3,endColumn=17,"
        "title=CLAIM001 cure-claim::50%25 off!  ::error file=x::pwned \\x1b[2J </script>%0Aa b\n"
    )
    assert output.count("\n") == 1 and "\r" not in output and "\x1b" not in output
