"""When grammar checking is asked for and LanguageTool cannot be used: one clear line, no
traceback, exit 2 when the command line asked, a warning and the other rules when only the
configuration did. Every server here is on 127.0.0.1."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lt_stub import FakeLanguageTool

from contentlint.cli import main

SPAMMY = "# Back pain\n\nStretching helps many people, Call Now stretching can ease stiffness.\n"
CLEAN = "# Back pain\n\nGentle stretching can ease stiffness for some people.\n"


def run(folder: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, ["check", *args], env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    (tmp_path / "article.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def _one_clear_line(stderr: str, *expected: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


def test_no_server_configured_on_the_command_line(article: Path) -> None:
    code, out, err = run(article, "article.md", "--grammar")
    assert code == 2
    line = _one_clear_line(err, "contentlint: error:", "no LanguageTool server is configured",
                           "CONTENTLINT_LANGUAGETOOL_URL", "docs/grammar.md")
    assert line.startswith("contentlint: error: grammar checking is not possible")
    assert out == ""


def test_selecting_a_gram_code_asks_as_much_as_the_flag(article: Path) -> None:
    code, _, err = run(article, "article.md", "--select", "GRAM001")
    assert code == 2
    _one_clear_line(err, "no LanguageTool server is configured")


def test_config_only_warns_and_the_other_rules_still_run(article: Path) -> None:
    (article / "article.md").write_text(SPAMMY, encoding="utf-8")
    (article / "contentlint.toml").write_text("grammar = true\n", encoding="utf-8")
    code, out, err = run(article, "article.md", "--format", "json")
    assert code == 1  # the SPAM finding, not a failure to run
    _one_clear_line(err, "contentlint: warning:", "no LanguageTool server is configured", "grammar rules skipped")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "SPAM001" in rules and not any(r.startswith("GRAM") for r in rules)


def test_config_only_with_a_clean_article_exits_0(article: Path, refused_url: str) -> None:
    (article / "contentlint.toml").write_text(f'grammar = true\n[languagetool]\nurl = "{refused_url}"\n', "utf-8")
    code, _, err = run(article, "article.md")
    assert code == 0
    _one_clear_line(err, "contentlint: warning:", "connection refused")


def test_no_grammar_turns_configured_grammar_off(article: Path) -> None:
    (article / "contentlint.toml").write_text("grammar = true\n", encoding="utf-8")
    code, _, err = run(article, "article.md", "--no-grammar")
    assert (code, err) == (0, "")


def test_refused_connection(article: Path, refused_url: str) -> None:
    code, _, err = run(article, "article.md", "--grammar", env={"CONTENTLINT_LANGUAGETOOL_URL": refused_url})
    assert code == 2
    _one_clear_line(err, f"cannot reach LanguageTool at {refused_url} (connection refused)")


def test_time_out_is_bounded(article: Path, silent_server: str) -> None:
    (article / "contentlint.toml").write_text(f'[languagetool]\nurl = "{silent_server}"\ntimeout = 0.5\n', "utf-8")
    started = time.monotonic()
    code, _, err = run(article, "article.md", "--grammar")
    assert time.monotonic() - started < 10
    assert code == 2
    _one_clear_line(err, f"LanguageTool at {silent_server} did not answer within 0.5 seconds")


def test_garbage_reply(article: Path, garbage_server: FakeLanguageTool) -> None:
    code, _, err = run(article, "article.md", "--grammar",
                       env={"CONTENTLINT_LANGUAGETOOL_URL": garbage_server.url})
    assert code == 2
    line = _one_clear_line(err, "gave a reply that is not a LanguageTool answer", "502 Bad Gateway")
    assert "\x1b" not in line  # the server's text is never passed to the terminal raw


def test_garbage_reply_to_a_check_after_a_good_start(article: Path, languagetool: FakeLanguageTool) -> None:
    languagetool.check_body = b"Internal error"
    code, _, err = run(article, "article.md", "--grammar", env={"CONTENTLINT_LANGUAGETOOL_URL": languagetool.url})
    assert code == 2
    _one_clear_line(err, "not a LanguageTool answer (Internal error)")


def test_unsupported_language(article: Path, languagetool: FakeLanguageTool) -> None:
    (article / "contentlint.toml").write_text(f'[languagetool]\nurl = "{languagetool.url}"\nlanguage = "xx-YY"\n',
                                              "utf-8")
    code, _, err = run(article, "article.md", "--grammar")
    assert code == 2
    _one_clear_line(err, "does not support the language 'xx-YY'", "languagetool.language")


def test_bad_languagetool_setting_names_the_key(article: Path, languagetool: FakeLanguageTool) -> None:
    (article / "contentlint.toml").write_text(f'[languagetool]\nurl = "{languagetool.url}"\ntimeout = "soon"\n',
                                              "utf-8")
    code, _, err = run(article, "article.md", "--grammar")
    assert code == 2
    _one_clear_line(err, "languagetool.timeout")


def test_jar_folder_without_languagetool(article: Path, tmp_path: Path) -> None:
    empty = tmp_path / "lt"
    empty.mkdir()
    code, _, err = run(article, "article.md", "--grammar", env={"LTP_JAR_DIR_PATH": str(empty)})
    assert code == 2
    _one_clear_line(err, "holds no languagetool-server.jar")


def test_working_server_from_the_environment(article: Path, languagetool: FakeLanguageTool,
                                             fixture_dir: Path) -> None:
    (article / "article.md").write_text((fixture_dir / "categories.txt").read_text("utf-8"), "utf-8")
    (article / "article.md").rename(article / "article.txt")
    code, out, err = run(article, "article.txt", "--grammar", "--format", "json", "--fail-on", "warning",
                         env={"CONTENTLINT_LANGUAGETOOL_URL": languagetool.url})
    assert (code, err) == (1, "")
    found = {(f["rule"], f["text"]) for f in json.loads(out)["findings"]}
    assert ("GRAM001", "secnd") in found and ("GRAM009", "the the") in found
