"""Configuration discovery, validation and its effect on which rules run."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.config import Config, config_from_mapping, find_config_file, load_config
from contentlint.errors import ConfigError
from contentlint.findings import Severity
from contentlint.ruleset import RuleSet


def test_discovers_contentlint_toml_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text('ignore = ["CLAIM001"]\n')
    nested = tmp_path / "articles" / "2024"
    nested.mkdir(parents=True)
    config = load_config(start=nested)
    assert config.ignore == ("CLAIM001",)
    assert config.source == tmp_path / "contentlint.toml"


def test_pyproject_counts_only_with_a_contentlint_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config_file(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[tool.contentlint]\nfail-on = "warning"\n')
    config = load_config(start=tmp_path)
    assert config.fail_on is Severity.WARNING


def test_unknown_key_names_the_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    path.write_text('selekt = ["SPAM"]\n')
    with pytest.raises(ConfigError, match=r"contentlint\.toml: unknown key 'selekt'"):
        load_config(path)


def test_broken_toml_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    path.write_text("select = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"select": 3}, "expected a list of strings"),
        ({"fail-on": "sometimes"}, "expected one of error, warning, info, never"),
        ({"severity": {"SPAM001": "fatal"}}, "unknown severity"),
        ({"max-file-bytes": -1}, "positive whole number"),
    ],
)
def test_bad_values_are_named(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config_from_mapping(table)


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(ConfigError, match="no rule, code prefix or category is called 'SPAMX'"):
        RuleSet(Config(select=("SPAMX",)))


def test_selection_by_category_prefix_name_and_ignore() -> None:
    codes = lambda config: {a.rule.meta.code for a in RuleSet(config).active}  # noqa: E731
    assert codes(Config(select=("spam",))) and all(c.startswith("SPAM") for c in codes(Config(select=("spam",))))
    assert codes(Config(select=("CLAIM001",))) == {"CLAIM001"}
    assert codes(Config(select=("hype-wording",))) == {"CLAIM001"}
    assert "CLAIM001" not in codes(Config(ignore=("claims",)))


def test_a_category_turns_on_its_default_rules_and_a_code_turns_on_any_rule() -> None:
    codes = lambda config: {a.rule.meta.code for a in RuleSet(config).active}  # noqa: E731
    assert "READ051" not in codes(Config(select=("readability",)))  # off by default
    assert "READ050" in codes(Config(select=("readability",)))
    assert "READ051" in codes(Config(select=("READ051",)))
    assert "READ051" in codes(Config(extend_select=("READ05",)))
    grammar = codes(Config(select=("grammar",)))  # every grammar rule is off by default: all of them
    assert grammar and all(code.startswith("GRAM") for code in grammar)


def test_severity_override_and_rule_options() -> None:
    ruleset = RuleSet(
        Config(
            select=("SPAM001",),
            severity=(("SPAM001", Severity.WARNING),),
            rule_options={"call-to-action": {"standalone_max_words": 3}},
        )
    )
    (active,) = ruleset.active
    assert active.severity is Severity.WARNING
    assert active.options["standalone_max_words"] == 3


def test_rule_option_errors_are_named() -> None:
    with pytest.raises(ConfigError, match="unknown option 'nope'"):
        RuleSet(Config(rule_options={"SPAM001": {"nope": 1}}))
    with pytest.raises(ConfigError, match="expects int"):
        RuleSet(Config(rule_options={"SPAM001": {"standalone_max_words": "six"}}))
    with pytest.raises(ConfigError, match="no rule has this code or name"):
        RuleSet(Config(rule_options={"NOPE001": {}}))


def test_per_file_ignores_apply_by_glob() -> None:
    ruleset = RuleSet(Config(select=("SPAM001", "CLAIM001"), per_file_ignores=(("news/*.md", ("CLAIM",)),)))
    assert {a.rule.meta.code for a in ruleset.for_path("news/today.md")} == {"SPAM001"}
    assert {a.rule.meta.code for a in ruleset.for_path("guides/today.md")} == {"SPAM001", "CLAIM001"}


def test_rule_packs_resolve_relative_to_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "contentlint.toml"
    path.write_text('rule-packs = ["house-style"]\n')
    config = load_config(path)
    assert config.rule_packs == ((tmp_path / "house-style").resolve(),)
