"""Baselines, as an editorial repository with legacy articles adopts the gate.

``--write-baseline FILE`` records today's findings; ``--baseline FILE`` reports and fails only on
findings that are not recorded. Findings are matched on rule, file and flagged words, so edits
elsewhere in an article (lines moving) do not bring recorded findings back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from contentlint.baseline import Baseline, normalise_text

CONTENTLINT = [str(Path(sys.executable).parent / "contentlint")]
SELECT = ("--select", "SPAM001,CLAIM001")

LEGACY_KNEE = (
    "# Knee pain\n"
    "\n"
    "Physical therapy can ease knee pain for many people. Book Today\n"
    "\n"
    "This miracle brace supports the joint.\n"
)
LEGACY_BACK = "# Back pain\n\nStretching helps many people, Call Now stretching can ease stiffness.\n"


def contentlint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([*CONTENTLINT, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def git(cwd: Path, *args: str) -> str:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository of legacy articles with a committed baseline."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "knee.md").write_text(LEGACY_KNEE, encoding="utf-8")
    (tmp_path / "articles" / "back.md").write_text(LEGACY_BACK, encoding="utf-8")
    git(tmp_path, "init", "--quiet")
    done = contentlint("check", *SELECT, "--write-baseline", ".contentlint-baseline.json", "articles", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Recorded 3 findings in .contentlint-baseline.json." in done.stderr
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "Legacy articles and their baseline")
    return tmp_path


def check(repo: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return contentlint("check", *SELECT, *args, cwd=cwd or repo)


def test_baseline_records_rule_path_words_and_count(repo: Path) -> None:
    data = json.loads((repo / ".contentlint-baseline.json").read_text(encoding="utf-8"))
    assert data == {
        "contentlint-baseline": 1,
        "findings": [
            {"rule": "CLAIM001", "path": "articles/knee.md", "text": "miracle", "count": 1},
            {"rule": "SPAM001", "path": "articles/back.md", "text": "call now", "count": 1},
            {"rule": "SPAM001", "path": "articles/knee.md", "text": "book today", "count": 1},
        ],
    }


def test_without_the_baseline_legacy_findings_fail_and_with_it_they_pass(repo: Path) -> None:
    assert check(repo, "articles").returncode == 1
    done = check(repo, "--baseline", ".contentlint-baseline.json", "articles")
    assert done.returncode == 0, done.stdout
    assert "No problems found in 2 files." in done.stdout
    assert "3 findings recorded in .contentlint-baseline.json not shown." in done.stderr


def test_writing_the_baseline_again_changes_nothing(repo: Path) -> None:
    check(repo, "--write-baseline", ".contentlint-baseline.json", "articles")
    assert git(repo, "status", "--porcelain") == ""


def test_recorded_findings_stay_recorded_when_lines_move(repo: Path) -> None:
    knee = repo / "articles" / "knee.md"
    moved = LEGACY_KNEE.replace(
        "# Knee pain\n\n",
        "# Knee pain\n\nKnee pain is common.\n\nIt often gets better on its own within weeks.\n\n",
    ).replace("Book Today", "Book   today")  # spacing and case are not what identifies a finding
    knee.write_text(moved, encoding="utf-8")
    assert git(repo, "diff", "--stat")
    done = check(repo, "--baseline", ".contentlint-baseline.json", "articles")
    assert done.returncode == 0, done.stdout


def test_new_findings_are_reported_and_fail(repo: Path) -> None:
    back = repo / "articles" / "back.md"
    back.write_text(LEGACY_BACK + "\nOur revolutionary class helps, Order Now to join.\n", encoding="utf-8")
    (repo / "articles" / "neck.md").write_text("# Neck pain\n\nGentle movement helps. Call Now\n",
                                               encoding="utf-8")
    done = check(repo, "--baseline", ".contentlint-baseline.json", "articles", "--format", "json")
    assert done.returncode == 1
    found = [(f["path"], f["rule"], f["text"]) for f in json.loads(done.stdout)["findings"]]
    assert found == [
        ("articles/back.md", "CLAIM001", "revolutionary"),
        ("articles/back.md", "SPAM001", "Order Now"),
        ("articles/neck.md", "SPAM001", "Call Now"),
    ]


def test_a_second_copy_of_a_recorded_finding_is_new(repo: Path) -> None:
    knee = repo / "articles" / "knee.md"
    knee.write_text(LEGACY_KNEE + "\nA second session may help. Book Today\n", encoding="utf-8")
    done = check(repo, "--baseline", ".contentlint-baseline.json", "articles")
    assert done.returncode == 1
    spam = [line for line in done.stdout.splitlines() if "SPAM001" in line]
    assert len(spam) == 1 and spam[0].startswith("articles/knee.md:")


def test_paths_are_matched_from_any_working_folder(repo: Path) -> None:
    done = check(repo, "--baseline", "../.contentlint-baseline.json", ".", cwd=repo / "articles")
    assert done.returncode == 0, done.stdout
    done = check(repo, "--baseline", str(repo / ".contentlint-baseline.json"), str(repo / "articles"),
                 cwd=Path("/"))
    assert done.returncode == 0, done.stdout


def test_a_fixed_finding_needs_no_baseline_entry(repo: Path) -> None:
    (repo / "articles" / "back.md").write_text("# Back pain\n\nStretching can ease stiffness.\n", encoding="utf-8")
    done = check(repo, "--baseline", ".contentlint-baseline.json", "articles")
    assert done.returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "cannot read the baseline"),
        ('{"findings": []}', "unsupported format version"),
        ('{"contentlint-baseline": 1, "findings": [{"rule": "SPAM001"}]}', "needs string 'rule', 'path'"),
        ('{"contentlint-baseline": 1, "findings": [{"rule": "S", "path": "a", "text": "", "count": 0}]}',
         "'count' must be a positive whole number"),
    ],
)
def test_a_missing_or_broken_baseline_stops_the_run(repo: Path, content: str | None, message: str) -> None:
    baseline = repo / "other-baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    done = check(repo, "--baseline", baseline.name, "articles")
    assert done.returncode == 2
    assert message in done.stderr and "other-baseline.json" in done.stderr
    assert "Traceback" not in done.stderr


def test_normalised_text_ignores_case_spacing_and_unicode_form() -> None:
    assert normalise_text("Book\u00a0  TODAY") == normalise_text("book today") == "book today"
    assert normalise_text("cafe\u0301") == normalise_text("caf\u00e9")


def test_article_level_findings_match_by_rule_and_file(tmp_path: Path) -> None:
    from contentlint.findings import Finding, Severity, Span

    span = Span(1, 1, 1, 5, 0, 4, 1, 5)

    def finding(text: str) -> Finding:
        return Finding(str(tmp_path / "a.md"), span, "ATTR001", "no-sources", "attribution", Severity.WARNING,
                       "No sources.", text=text, article_level=True)

    baseline = Baseline.from_findings([finding("Old first paragraph")], tmp_path)
    assert list(baseline.entries) == [("ATTR001", "a.md", "")]
    from contentlint.findings import FileResult

    (result,) = baseline.new_findings([FileResult(str(tmp_path / "a.md"), findings=[finding("New first line")])])
    assert result.findings == []
