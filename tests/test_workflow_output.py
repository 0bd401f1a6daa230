"""Text output for people: --show-source, --statistics and --quiet, run on files on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import run_cli

SELECT = ("--select", "SPAM001,CLAIM001", "--no-color")
KNEE = (
    "# Knee pain\n"
    "\n"
    "Physical therapy can help. Book Today\n"
    "\n"
    "This miracle brace supports the joint, and this miracle gel soothes it. Call Now\n"
)
CLEAN = "# Knee pain\n\nKnee pain often gets better on its own within a few weeks.\n"



def cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    return run_cli("check", *SELECT, *args, cwd=cwd)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "knee.md").write_text(KNEE, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_show_source_underlines_the_flagged_words(articles: Path) -> None:
    status, out, _ = cli("--show-source", "knee.md", cwd=articles)
    assert status == 1
    lines = out.splitlines()
    headline = lines.index(next(line for line in lines if line.startswith("knee.md:3:")))
    source_line, carets = lines[headline + 1], lines[headline + 2]
    assert source_line == "    3 | Physical therapy can help. Book Today"
    # the carets sit exactly under "Book Today"
    start = source_line.index("Book Today")
    assert carets == "      |" + " " * (start - len("      |")) + "^" * len("Book Today")


def test_show_source_marks_each_finding_on_a_shared_line(articles: Path) -> None:
    _, out, _ = cli("--show-source", "knee.md", cwd=articles)
    lines = out.splitlines()
    marked = []
    for number, line in enumerate(lines):
        if line.startswith("knee.md:5:"):
            source_line, carets = lines[number + 1], lines[number + 2]
            start = carets.index("^")
            marked.append(source_line[start : start + carets.count("^")])
    assert marked == ["miracle", "miracle", "Call Now"]


def test_without_show_source_no_source_lines_are_printed(articles: Path) -> None:
    _, out, _ = cli("knee.md", cwd=articles)
    assert " | " not in out and "^" not in out


def test_statistics_count_findings_per_rule_most_first(articles: Path) -> None:
    status, out, _ = cli("--statistics", ".", cwd=articles)
    assert status == 1
    lines = out.splitlines()
    assert lines[0].split() == ["2", "CLAIM001", "hype-wording"]
    assert lines[1].split()[:3] == ["2", "SPAM001", "call-to-action"]
    assert "(2 fixable with --fix)" in lines[1]
    assert "knee.md:" not in out  # the counts replace the list
    assert lines[-1] == "4 problems (2 errors, 2 warnings, 0 info) in 2 files."


def test_statistics_with_quiet_prints_only_the_counts(articles: Path) -> None:
    _, out, _ = cli("--statistics", "--quiet", ".", cwd=articles)
    assert [line.split()[1] for line in out.splitlines()] == ["CLAIM001", "SPAM001"]


def test_statistics_needs_the_text_format(articles: Path) -> None:
    status, _, err = cli("--statistics", "--format", "json", ".", cwd=articles)
    assert status == 2 and "--statistics works with --format text only" in err


def test_quiet_prints_only_findings(articles: Path) -> None:
    status, out, err = cli("--quiet", ".", cwd=articles)
    assert status == 1
    headlines = [line for line in out.splitlines() if not line.startswith("  ")]
    assert headlines and all(line.startswith("knee.md:") for line in headlines)
    assert "problems" not in out and err == ""


def test_quiet_on_clean_articles_prints_nothing(articles: Path) -> None:
    assert cli("--quiet", "clean.md", cwd=articles) == (0, "", "")


def test_quiet_with_show_source_keeps_the_source_lines(articles: Path) -> None:
    _, out, _ = cli("--quiet", "--show-source", "knee.md", cwd=articles)
    assert "    3 | Physical therapy" in out
    assert not out.endswith("\n\n") and "problems" not in out
