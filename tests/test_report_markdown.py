"""The Markdown summary: counts, worst articles, linked findings, and escaping of article text."""

from __future__ import annotations

import pytest

from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity, Span
from contentlint.reports import render
from contentlint.reports.markdown import escape

WJ = "\u2060"


def finding(path: str, line: int, rule: str, category: str, severity: Severity, message: str,
            *, article: bool = False) -> Finding:
    return Finding(
        path=path,
        span=Span(line, 3, line, 9, 0, 6, 3, 9),
        rule=rule,
        name=f"{category}-rule",
        category=category,
        severity=severity,
        message=message,
        suggestion="Rewrite it.",
        article_level=article,
    )


def sample_run() -> RunResult:
    files = [
        FileResult("docs/calm.md", title="Calm", metrics={"words": 300.0}),
        FileResult(
            "docs/tea.md",
            title="Green tea",
            findings=[finding("docs/tea.md", 4, "CLAIM001", "claims", Severity.WARNING, "Hype.")],
        ),
        FileResult(
            "docs/pills.md",
            title="Pills",
            findings=[
                finding("docs/pills.md", 2, "SPAM001", "spam", Severity.ERROR, "Sales pitch."),
                finding("docs/pills.md", 1, "SAFETY002", "safety", Severity.WARNING, "No harms.", article=True),
                finding("docs/pills.md", 7, "READ002", "readability", Severity.INFO, "Long sentence."),
            ],
        ),
        FileResult("docs/gone.md", error=FileError("docs/gone.md", "no such file")),
    ]
    return RunResult(files=files, rules={}, version="1.0.0")


@pytest.fixture(autouse=True)
def outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"):
        monkeypatch.delenv(name, raising=False)


def test_headline_and_counts_per_category() -> None:
    text = render("markdown", sample_run(), cwd=".")
    assert text.startswith("## contentlint: 4 problems (1 error, 2 warnings, 1 info) in 2 of 3 articles\n")
    assert "| spam | 1 | 0 | 0 | 1 |" in text
    assert "| claims | 0 | 1 | 0 | 1 |" in text
    assert "| safety | 0 | 1 | 0 | 1 |" in text
    assert "| readability | 0 | 0 | 1 | 1 |" in text
    assert "| grammar |" not in text  # categories without findings are left out


def test_worst_articles_first_with_links() -> None:
    text = render("markdown", sample_run(), cwd=".")
    rows = [line for line in text.splitlines() if line.startswith("| [")]
    assert rows == [
        "| [Pills](<docs/pills.md>) | 3 | 1 | 1 |",
        "| [Green tea](<docs/tea.md>) | 1 | 0 | 1 |",
    ]


def test_findings_most_severe_first_with_line_links() -> None:
    text = render("markdown", sample_run(), cwd=".")
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert items[0] == "- 🔴 [docs/pills.md:2:3](<docs/pills.md#L2>) **SPAM001** spam-rule: Sales pitch."
    # then warnings, in file order (as the files were given), then info
    assert "CLAIM001" in items[1]
    assert "(whole article)" in items[2] and "SAFETY002" in items[2]
    assert "READ002" in items[3]
    assert "  ↳ Rewrite it." in text
    assert "### Files that could not be read\n\n- docs/gone.md: no such file" in text


def test_links_point_at_github_inside_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "health/articles")
    monkeypatch.setenv("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567")
    text = render("markdown", sample_run(), cwd=".")
    assert (
        "(<https://github.com/health/articles/blob/0123456789abcdef0123456789abcdef01234567/docs/pills.md#L2>)"
        in text
    )


def test_clean_run_says_so() -> None:
    run = RunResult(files=[FileResult("a.md")], rules={}, version="1.0.0")
    assert render("markdown", run) == "## contentlint: no problems found in 1 article\n"


def test_article_text_cannot_inject_markdown_html_mentions_or_links() -> None:
    hostile = "</details><script>alert(1)</script> | **bold** [x](javascript:alert(1)) @octocat #1 " \
              "https://spam.example www.spam.example `code` $x$\n# heading\x1b[31m"
    bad = Finding(
        path="docs/<img src=x onerror=alert(1)>.md",
        span=Span(1, 1, 1, 2, 0, 1, 1, 2),
        rule="SPAM001",
        name="call-to-action",
        category="spam",
        severity=Severity.ERROR,
        message=hostile,
        suggestion=hostile,
    )
    run = RunResult(files=[FileResult(bad.path, findings=[bad], title=hostile)], rules={}, version="1")
    text = render("markdown", run, cwd=".")
    for raw in ("<script>", "</details>", "<img", "**bold**", "[x](", "@octocat", "#1 ", "https://", "www.",
                "`code`", "$x$", "\x1b", "\n# heading"):
        assert raw not in text, raw
    assert "&lt;script&gt;" in text
    assert f"@{WJ}octocat" in text
    assert f"https:{WJ}//spam.example" in text
    # the link target is percent-encoded, so it cannot end early either
    assert "(<docs/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.md#L1>)" in text
    # the table row keeps its columns: every | in the title is escaped
    row = next(line for line in text.splitlines() if line.startswith("| ["))
    assert row.replace("\\|", "").count("|") == 5


def test_escape_keeps_plain_words_readable() -> None:
    assert escape("Take 2 tablets a day, with food.") == "Take 2 tablets a day, with food."
    assert escape("a_b*c") == "a\\_b\\*c"


def test_example_workflow_writes_the_summary_and_keeps_the_html_report() -> None:
    from pathlib import Path

    import yaml

    workflow = Path(__file__).resolve().parent.parent / "docs" / "workflows" / "contentlint-report.yml"
    (job,) = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values()
    commands = " ".join(str(step.get("run", "")) for step in job["steps"])
    assert '--format markdown --fail-on never >> "$GITHUB_STEP_SUMMARY"' in commands
    assert "--format html --output contentlint-report.html" in commands
    assert "contentlint[report]" in commands
