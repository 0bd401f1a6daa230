"""The text report: exact lines, order, summary, colour, source excerpts and escaping."""

from __future__ import annotations

import re

from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity, Span
from contentlint.reports import render

TEA = "# Diet tips\n\nThis tea cures diabetes fast.\nBuy now at cheap-pills.example today!\n"


def span_of(source: str, needle: str) -> Span:
    start = source.index(needle)
    end = start + len(needle)

    def position(offset: int) -> tuple[int, int, int]:
        line_start = source.rfind("\n", 0, offset) + 1
        utf16 = len(source[line_start:offset].encode("utf-16-le")) // 2
        return source.count("\n", 0, offset) + 1, offset - line_start + 1, utf16 + 1

    line, column, column16 = position(start)
    end_line, end_column, end_column16 = position(end)
    return Span(line, column, end_line, end_column, start, end, column16, end_column16)


def finding(
    source: str,
    needle: str,
    rule: str = "CLAIM001",
    severity: Severity = Severity.ERROR,
    message: str = "Promises a cure.",
    suggestion: str | None = None,
    *,
    path: str = "articles/tea.md",
    article_level: bool = False,
) -> Finding:
    return Finding(
        path=path,
        span=span_of(source, needle),
        rule=rule,
        name="cure-claim",
        category="claims",
        severity=severity,
        message=message,
        suggestion=suggestion,
        text=needle,
        article_level=article_level,
    )


def tea_run() -> RunResult:
    spam = finding(TEA, "cheap-pills.example", "SPAM001", message="Link to an unrelated shop.")
    cure = finding(
        TEA,
        "cures diabetes",
        message='"cures diabetes" promises a cure.',
        suggestion='Say what the evidence shows, e.g. "may help with blood sugar".',
    )
    harms = finding(
        TEA,
        "Diet tips",
        "SAFETY002",
        Severity.WARNING,
        "The article never mentions side effects.",
        "Add a section on risks.",
        article_level=True,
    )
    files = [
        FileResult("articles/tea.md", findings=[spam, cure, harms]),
        FileResult("articles/missing.md", error=FileError("articles/missing.md", "file not found")),
        FileResult("articles/clean.md"),
    ]
    return RunResult(files=files, rules={}, version="0.1.0")


def test_lines_are_sorted_with_suggestions_errors_and_summary() -> None:
    assert render("text", tea_run()) == (
        "articles/tea.md:1:3: SAFETY002 [warning] (article) The article never mentions side effects.\n"
        "  ↳ Add a section on risks.\n"
        'articles/tea.md:3:10: CLAIM001 [error] "cures diabetes" promises a cure.\n'
        '  ↳ Say what the evidence shows, e.g. "may help with blood sugar".\n'
        "articles/tea.md:4:12: SPAM001 [error] Link to an unrelated shop.\n"
        "articles/missing.md: error: file not found\n"
        "\n"
        "3 problems (2 errors, 1 warning, 0 info) in 2 files; 1 file could not be read.\n"
    )


def test_files_keep_the_order_given() -> None:
    run = tea_run()
    run.files.reverse()
    lines = render("text", run).splitlines()
    assert lines[0] == "articles/missing.md: error: file not found"
    assert lines[1].startswith("articles/tea.md:1:3:")


def test_clean_run_summary_uses_singular_and_plural() -> None:
    one = RunResult(files=[FileResult("a.md")], rules={}, version="0.1.0")
    assert render("text", one) == "No problems found in 1 file.\n"
    two = RunResult(files=[FileResult("a.md"), FileResult("b.md")], rules={}, version="0.1.0")
    assert render("text", two) == "No problems found in 2 files.\n"
    unreadable = RunResult(
        files=[FileResult("a.md"), FileResult("b.md", error=FileError("b.md", "not UTF-8"))],
        rules={},
        version="0.1.0",
    )
    assert render("text", unreadable).endswith("\nNo problems found in 1 file; 1 file could not be read.\n")


def test_single_info_problem_summary() -> None:
    note = finding(TEA, "fast", "READ001", Severity.INFO, "Vague word.")
    run = RunResult(files=[FileResult("articles/tea.md", findings=[note])], rules={}, version="0.1.0")
    assert render("text", run).splitlines()[-1] == "1 problem (0 errors, 0 warnings, 1 info) in 1 file."


def test_colour_only_when_asked() -> None:
    plain = render("text", tea_run())
    assert "\x1b" not in plain
    coloured = render("text", tea_run(), color=True)
    assert "\x1b[1;31m[error]\x1b[0m" in coloured
    assert "\x1b[33m[warning]\x1b[0m" in coloured
    # stripping the colour gives back the plain report
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_source_excerpt_underlines_the_flagged_text() -> None:
    cure = finding(TEA, "cures diabetes")
    run = RunResult(files=[FileResult("articles/tea.md", findings=[cure])], rules={}, version="0.1.0")
    output = render("text", run, show_source=True, sources={"articles/tea.md": TEA})
    lines = output.splitlines()
    assert lines[1] == "    3 | This tea cures diabetes fast."
    assert lines[2] == "      |          ^^^^^^^^^^^^^^"
    # without sources, or without show_source, no excerpt
    assert "|" not in render("text", run, show_source=True)
    assert "|" not in render("text", run, sources={"articles/tea.md": TEA})


def test_source_excerpt_counts_wide_characters_and_trims_long_lines() -> None:
    source = "Tea 🍵 cures colds.\n" + "x" * 80 + " miracle " + "y" * 80 + "\n"
    first = finding(source, "cures", path="a.md")
    second = finding(source, "miracle", path="a.md")
    run = RunResult(files=[FileResult("a.md", findings=[first, second])], rules={}, version="0.1.0")
    lines = render("text", run, show_source=True, sources={"a.md": source}).splitlines()
    assert lines[1] == "    1 | Tea 🍵 cures colds."
    assert lines[2] == "      |        ^^^^^"
    assert lines[3] == ""
    assert lines[5] == "    2 | …" + "x" * 39 + " miracle " + "y" * 39 + "…"
    assert lines[6] == "      | " + " " * 41 + "^^^^^^^"


def test_hostile_article_text_cannot_drive_the_terminal() -> None:
    source = "Click \x1b[2Jhere\x1b]8;;http://evil.example\x07 now\u202e\n"
    hostile = finding(
        source,
        "\x1b[2Jhere\x1b]8;;http://evil.example\x07 now\u202e",
        message='"\x1b[31mhere\x1b[0m" is a link\nto a shop </script> ::error::x',
        suggestion="Remove\r\nit\x9b.",
        path="evil\x1b[1m.md",
    )
    run = RunResult(files=[FileResult("evil\x1b[1m.md", findings=[hostile])], rules={}, version="0.1.0")
    output = render("text", run, show_source=True, sources={"evil\x1b[1m.md": source})
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert "\u202e" not in output and "\r" not in output
    lines = output.splitlines()
    assert lines[0] == (
        'evil\\x1b[1m.md:1:7: CLAIM001 [error] "\\x1b[31mhere\\x1b[0m" is a link '
        "to a shop </script> ::error::x"
    )
    shown = "\\x1b[2Jhere\\x1b]8;;http://evil.example\\x07 now\\u202e"
    assert lines[1] == "    1 | Click " + shown
    assert lines[2] == "      |       " + "^" * len(shown)
    assert lines[3] == "  ↳ Remove  it\\x9b."
    assert lines[4:] == ["", "1 problem (1 error, 0 warnings, 0 info) in 1 file."]
    # with colour on, the only escape sequences are the report's own colour codes
    coloured = render("text", run, color=True)
    assert "\x1b[2J" not in coloured and "\x1b[1m.md" not in coloured and "\x1b[31mhere" not in coloured
