"""The command line as a user runs it: formats, exit codes, selection, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support import CORPUS, SHARED, run_cli

SPAMMY = "# Back pain\n\nStretching helps many people, Call Now stretching can ease stiffness.\n"
CLEAN = "# Back pain\n\nGentle stretching can ease stiffness for some people.\n"


run = run_cli


def test_corpus_flags_call_now_and_magic_with_exact_positions() -> None:
    code, out, _ = run("check", str(CORPUS), "--format", "json", "--select", "SPAM001,CLAIM001")
    assert code == 1
    findings = json.loads(out)["findings"]
    call_now = [f for f in findings if f["rule"] == "SPAM001"]
    assert [(Path(f["path"]).name, f["line"], f["column"], f["end_column"]) for f in call_now] == [
        ("003_b0e5d7ceb18831b6.txt", 2, 557, 565)
    ]
    magic = [f for f in findings if f["rule"] == "CLAIM001" and f["path"].endswith("004_7b4aa3961968a1f5.txt")]
    assert (7, 5, 10) in [(f["line"], f["column"], f["end_column"]) for f in magic]
    line = (CORPUS / "003_b0e5d7ceb18831b6.txt").read_text(encoding="utf-8").splitlines()[1]
    assert line[556:564] == "Call Now"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_every_format_reports_the_corpus(fmt: str) -> None:
    code, out, _ = run("check", str(CORPUS), "--format", fmt, "--select", "SPAM001,CLAIM001")
    assert code == 1
    assert "003_b0e5d7ceb18831b6.txt" in out
    assert "SPAM001" in out
    if fmt == "text":
        assert "003_b0e5d7ceb18831b6.txt:2:557: SPAM001" in out
    if fmt == "github":
        assert "::error file=" in out and "line=2,col=557" in out


def test_sarif_of_the_corpus_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = SHARED / "sarif" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"SARIF schema not found at {schema_path}")
    code, out, _ = run("check", str(CORPUS), "--format", "sarif")
    assert code == 1
    document = json.loads(out)
    jsonschema.Draft4Validator(json.loads(schema_path.read_text())).validate(document)
    run_ = document["runs"][0]
    assert run_["columnKind"] == "utf16CodeUnits"
    assert any(r["ruleId"] == "SPAM001" for r in run_["results"])


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run("check", str(CORPUS), "--format", "json", "--output", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "spammy.md").write_text(SPAMMY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    assert run("check", str(tmp_path / "clean.md"), "--select", "SPAM001")[0] == 0
    assert run("check", str(tmp_path / "spammy.md"), "--select", "SPAM001")[0] == 1
    assert run("check", str(tmp_path / "spammy.md"), "--select", "SPAM001", "--fail-on", "never")[0] == 0
    assert run("check", str(tmp_path / "missing.md"))[0] == 2
    assert run("check", str(tmp_path), "--select", "NOPE")[0] == 2
    assert run("check", str(tmp_path), "--format", "yaml")[0] == 2


def test_fail_on_warning_counts_warnings(tmp_path: Path) -> None:
    (tmp_path / "hype.md").write_text("# Sleep\n\nThis miracle tea helps you sleep.\n", encoding="utf-8")
    assert run("check", str(tmp_path), "--select", "CLAIM001")[0] == 0
    assert run("check", str(tmp_path), "--select", "CLAIM001", "--fail-on", "warning")[0] == 1


def test_bad_config_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("selekt = 1\n")
    (tmp_path / "a.md").write_text(CLEAN)
    code, out, err = run("check", "a.md", cwd=tmp_path)
    assert code == 2
    assert "unknown key 'selekt'" in err
    assert "Traceback" not in err + out


def test_unreadable_files_are_reported_and_others_still_checked(tmp_path: Path) -> None:
    (tmp_path / "a_binary.md").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b_latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "c_empty.md").write_text("")
    (tmp_path / "d_spammy.md").write_text(SPAMMY, encoding="utf-8")
    locked = tmp_path / "e_locked.md"
    locked.write_text(SPAMMY, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "f_utf16.txt").write_bytes("hello".encode("utf-16"))
    code, out, err = run("check", str(tmp_path), "--select", "SPAM001")
    assert code == 2
    assert "a_binary.md: error: binary file" in out
    assert "b_latin1.txt: error: not UTF-8" in out
    assert "f_utf16.txt: error: UTF-16 text: save the file as UTF-8" in out
    if os.geteuid() != 0:  # root can read anything
        assert "e_locked.md: error: permission denied" in out
    assert "d_spammy.md:3:" in out
    assert "Traceback" not in err
    code, out, err = run("check", str(tmp_path), "--select", "SPAM001", "--format", "json")
    assert code == 2
    assert "a_binary.md: could not be checked: binary file" in err
    assert {e["path"].rsplit("/", 1)[-1] for e in json.loads(out)["errors"]} >= {"a_binary.md", "b_latin1.txt"}


def test_broken_front_matter_is_named_and_the_article_still_checked(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: [unclosed\n---\n\n" + SPAMMY, encoding="utf-8")
    code, out, err = run("check", str(tmp_path / "a.md"), "--select", "SPAM001")
    assert code == 1 and "SPAM001" in out
    assert "a.md: warning: front matter is not valid YAML" in err and "it was ignored" in err


def test_huge_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("max-file-bytes = 1000\n")
    (tmp_path / "big.txt").write_text("word " * 1000)
    code, out, _ = run("check", "big.txt", cwd=tmp_path)
    assert code == 2 and "big.txt: error: too large" in out


def test_walk_is_deterministic_skips_hidden_and_survives_symlink_loops(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".hidden").mkdir()
    for folder in ("a", "b", ".hidden"):
        (tmp_path / folder / "x.md").write_text(SPAMMY, encoding="utf-8")
    (tmp_path / "a" / "notes.pdf").write_text("not an article")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    _, out, _ = run("check", str(tmp_path), "--select", "SPAM001", "--format", "json")
    paths = [Path(f["path"]).relative_to(tmp_path).as_posix() for f in json.loads(out)["findings"]]
    assert paths == ["a/x.md", "b/x.md"]


def test_exclude_globs(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text(SPAMMY, encoding="utf-8")
    (tmp_path / "y.md").write_text(SPAMMY, encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('exclude = ["drafts"]\n')
    _, out, _ = run("check", ".", "--select", "SPAM001", "--format", "json", cwd=tmp_path)
    assert [f["path"] for f in json.loads(out)["findings"]] == ["y.md"]


def test_named_files_are_checked_unless_exclude_is_forced(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text(SPAMMY, encoding="utf-8")
    (tmp_path / "y.tmp.md").write_text(SPAMMY, encoding="utf-8")
    (tmp_path / "z.md").write_text(SPAMMY, encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('exclude = ["drafts", "*.tmp.md"]\n')
    named = ("drafts/x.md", "./y.tmp.md", str(tmp_path / "z.md"))

    def flagged(*args: str) -> list[str]:
        _, out, _ = run("check", *named, "--select", "SPAM001", "--format", "json", *args, cwd=tmp_path)
        return sorted({Path(f["path"]).name for f in json.loads(out)["findings"]})

    assert flagged() == ["x.md", "y.tmp.md", "z.md"]
    assert flagged("--force-exclude") == ["z.md"]
    (tmp_path / "contentlint.toml").write_text('exclude = ["drafts", "*.tmp.md"]\nforce-exclude = true\n')
    assert flagged() == ["z.md"]


def test_rules_and_rule_commands() -> None:
    code, out, _ = run("rules")
    assert code == 0 and "SPAM001" in out and "call-to-action" in out
    code, out, _ = run("rule", "SPAM001")
    assert code == 0 and "### What it flags" in out and "### Why" in out
    code, out, _ = run("rule", "hype-wording")
    assert code == 0 and "CLAIM001" in out
    code, _, err = run("rule", "NOPE999")
    assert code == 2 and "no rule is called" in err
    code, out, _ = run("rules", "--format", "json")
    assert any(r["code"] == "SPAM001" for r in json.loads(out))


def test_version() -> None:
    from contentlint import __version__

    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_installed_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(SPAMMY, encoding="utf-8")
    exe = Path(sys.executable).with_name("contentlint")
    proc = subprocess.run([str(exe), "check", str(tmp_path), "--select", "SPAM001"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1
    assert "SPAM001" in proc.stdout
