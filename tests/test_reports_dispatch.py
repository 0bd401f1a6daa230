"""The report dispatch: format names, lazy imports, errors, and escaping common to every format."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from contentlint.findings import FileResult, Finding, RunResult, Severity, Span
from contentlint.reports import FORMATS, neutralise, render

HOSTILE = "Buy \x9b31m\x1b[2J\x1b]0;owned\x07 now\n::error::pwned\r\n</script><script>alert(1)</script>\u202e"


def hostile_run() -> RunResult:
    bad = Finding(
        path="a.md",
        span=Span(1, 1, 3, 5, 0, len(HOSTILE), 1, 5),
        rule="SPAM001",
        name="spam-link",
        category="spam",
        severity=Severity.ERROR,
        message=f"Suspicious: {HOSTILE}",
        suggestion=f"Remove {HOSTILE}",
        text=HOSTILE,
    )
    return RunResult(files=[FileResult("a.md", findings=[bad])], rules={}, version="0.1.0")


def test_core_formats_are_listed_first() -> None:
    assert FORMATS[:4] == ("text", "json", "sarif", "github")


def test_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown report format 'xml'.*text, json, sarif, github"):
        render("xml", hostile_run())


def test_format_modules_are_imported_only_when_used() -> None:
    script = (
        "import sys\n"
        "from contentlint.findings import RunResult\n"
        "from contentlint.reports import render\n"
        "render('text', RunResult(files=[], rules={}, version='0'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('contentlint.reports')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['contentlint.reports', 'contentlint.reports.text']"


def test_neutralise_makes_controls_visible_and_breaks_lines_into_spaces() -> None:
    assert neutralise("a\tb\nc\r\nd") == "a b c  d"
    assert neutralise("\x1b[31mred\x9b\x7f\u202e\u2066") == "\\x1b[31mred\\x9b\\x7f\\u202e\\u2066"
    assert neutralise("café 🍵 — fine") == "café 🍵 — fine"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_hostile_article_text_is_escaped_in_every_format(fmt: str) -> None:
    output = render(fmt, hostile_run(), color=True, show_source=True, sources={"a.md": HOSTILE})
    for raw in ("\x1b[2J", "\x1b]0", "\x07", "\x9b", "\r", "\u202e"):
        assert raw not in output
    if fmt in ("json", "sarif"):
        assert "</script>" not in output
        data = json.loads(output)
        texts = json.dumps(data, ensure_ascii=False)
        assert "</script>" in texts  # the text survives, escaped only in the serialised form
    else:
        # line-based formats: article line breaks never start a new line of output
        assert not any(line.startswith("::error::") for line in output.splitlines())
        if fmt == "github":
            assert output.count("\n") == 1
