"""A rule that fails on one article costs that rule's findings there, not the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.engine import lint_text
from contentlint.errors import ContentlintError
from contentlint.ruleset import RuleSet
from support import run_cli

ARTICLE = "# Diet pills\n\nThis tea cures diabetes. Call now to order!\n"


def _break_rule(monkeypatch: pytest.MonkeyPatch, ruleset: RuleSet, code: str, error: BaseException) -> None:
    for active in ruleset.for_path("article.md"):
        if active.rule.meta.code == code:
            def fail(*_: object) -> None:
                raise error

            monkeypatch.setattr(active.rule, "check", fail)
            return
    raise AssertionError(f"{code} is not active")


def test_the_other_rules_still_report_and_the_failure_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset = RuleSet(Config())
    healthy = {f.rule for f in lint_text(ARTICLE, path="article.md", ruleset=ruleset).findings}
    assert {"CLAIM002", "SPAM001"} <= healthy

    _break_rule(monkeypatch, ruleset, "SPAM001", KeyError("ſuch"))
    result = lint_text(ARTICLE, path="article.md", ruleset=ruleset)

    assert {f.rule for f in result.findings} == healthy - {"SPAM001"}
    assert result.failed_rules == ["SPAM001"]
    (note,) = result.notes
    assert "rule SPAM001 stopped with an internal error" in note and "KeyError" in note


def test_errors_the_user_must_act_on_still_stop_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    ruleset = RuleSet(Config())
    _break_rule(monkeypatch, ruleset, "CLAIM002", ContentlintError("no LanguageTool"))
    with pytest.raises(ContentlintError):
        lint_text(ARTICLE, path="article.md", ruleset=ruleset)


def test_the_command_line_checks_every_file_and_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.md").write_text(ARTICLE, encoding="utf-8")
    from contentlint.rules.builtin.spam import call_to_action

    def fail(*_: object) -> None:
        raise ValueError("unexpected")

    rule_class = next(value for value in vars(call_to_action).values()
                      if isinstance(value, type) and getattr(getattr(value, "meta", None), "code", "") == "SPAM001")
    monkeypatch.setattr(rule_class, "check", fail)

    code, out, err = run_cli("check", ".", "--no-cache", "--jobs", "1", "--format", "json", cwd=tmp_path)

    assert code == 2
    assert err.count("rule SPAM001 stopped with an internal error") == 2
    assert '"CLAIM002"' in out and '"SPAM001"' not in out


def _break_call_to_action(monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint.rules.builtin.spam import call_to_action

    def fail(*_: object) -> None:
        raise ValueError("unexpected")

    rule_class = next(value for value in vars(call_to_action).values()
                      if isinstance(value, type) and getattr(getattr(value, "meta", None), "code", "") == "SPAM001")
    monkeypatch.setattr(rule_class, "check", fail)


@pytest.mark.parametrize("option", [["--diff"], ["--write-baseline", "baseline.json"]])
def test_a_diff_or_a_baseline_made_without_a_rule_exits_2(
    option: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    _break_call_to_action(monkeypatch)
    code, _, err = run_cli("check", "a.md", "--no-cache", *option, cwd=tmp_path)
    assert code == 2
    assert "rule SPAM001 stopped with an internal error" in err


def test_a_result_missing_a_rule_is_not_cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    with monkeypatch.context() as broken:
        _break_call_to_action(broken)
        assert run_cli("check", "a.md", "--format", "json", cwd=tmp_path)[0] == 2
    code, out, err = run_cli("check", "a.md", "--format", "json", cwd=tmp_path)
    assert code == 1 and not err
    assert '"SPAM001"' in out
