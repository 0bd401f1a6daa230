"""The registry: the index of built-in rules, loading rules on first use, and finding plugins cheaply."""

from __future__ import annotations

import importlib.machinery
import sys
from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.rules import registry
from contentlint.rules.base import Rule
from contentlint.rules.registry import (
    REGENERATE_INDEX_COMMAND,
    Registry,
    RuleKey,
    builtin_index_path,
    builtin_index_source,
)
from contentlint.ruleset import RuleSet


def _imported_registry() -> Registry:
    """The built-in rules as they were found before the index: every module imported."""
    imported = Registry()
    for rule, origin in registry._builtin_python_rules():
        imported.add(rule, origin)
    return imported


@pytest.fixture
def fresh_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """The index as it would be written now (rule modules may have been edited since)."""
    namespace: dict[str, object] = {}
    exec(builtin_index_source(), namespace)
    monkeypatch.setattr(registry, "_read_index", lambda: namespace["MODULES"])


def _indexed_registry() -> Registry:
    indexed = Registry()
    registry._add_builtin_rules(indexed)
    return indexed


def test_the_index_of_builtin_rules_is_current() -> None:
    assert builtin_index_path().read_text(encoding="utf-8") == builtin_index_source(), (
        f"src/contentlint/rules/builtin_index.py is stale: run `{REGENERATE_INDEX_COMMAND}`"
    )


def test_the_index_knows_what_importing_every_module_finds() -> None:
    imported, indexed = _imported_registry(), _indexed_registry()
    assert indexed.known() == [RuleKey.of(rule) for rule in imported]
    assert [type(rule) for rule in indexed] == [type(rule) for rule in imported]


@pytest.mark.usefixtures("fresh_index")
def test_selecting_rules_builds_only_the_chosen_ones() -> None:
    indexed = _indexed_registry()
    ruleset = RuleSet(Config(select=("CLAIM002", "SPAM")), registry=indexed)
    built = set(indexed._rules)
    assert {a.rule.meta.code for a in ruleset.active} <= built
    assert not any(code.startswith(("READ", "SAFETY", "ATTR", "GRAM")) for code in built)


@pytest.mark.usefixtures("fresh_index")
def test_a_module_that_no_longer_matches_the_index_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    index = dict(registry._read_index())
    name = "contentlint.rules.builtin.readability.reading_grade"
    crc = index[name][0]
    index[name] = (crc + 1, ())  # as if the module had been edited since the index was written
    monkeypatch.setattr(registry, "_read_index", lambda: index)
    indexed = _indexed_registry()
    assert "READ001" in indexed._rules  # built at once, not from the stale entry
    assert indexed.known() == _imported_registry().known()


def test_without_an_index_every_module_is_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_read_index", dict)
    indexed = _indexed_registry()
    assert set(indexed._rules) == {key.code for key in indexed.known()}


@pytest.mark.usefixtures("fresh_index")
def test_lookups_by_name_alias_and_selector_need_no_rule_built() -> None:
    indexed = _indexed_registry()
    assert indexed.find("reading-grade") == "READ001"
    assert indexed.find("read001") == "READ001"
    assert indexed.find("no-such-rule") is None
    assert indexed.knows("spam") and indexed.knows("SPAM00") and not indexed.knows("NOPE")
    assert indexed.codes("READ00") == sorted(c for c in indexed.codes("readability") if c.startswith("READ00"))
    assert not indexed._rules
    rule = indexed.get("reading-grade")
    assert isinstance(rule, Rule) and rule.meta.code == "READ001"


PLUGIN_MODULE = '''
from contentlint.findings import Severity
from contentlint.rules.base import Rule, RuleMeta, examples


class Shouting(Rule):
    meta = RuleMeta(
        code="TEST900", name="shouting", category="readability", severity=Severity.INFO,
        summary="s", description="d", rationale="r", sources=("x",),
        fail_examples=examples("A B"), pass_examples=examples("a b"),
    )

    def check(self, article, ctx):
        pass


RULES = [Shouting]
'''


def _site(tmp_path: Path, entry_points: str | None) -> Path:
    site = tmp_path / "site"
    dist = site / "shouting_plugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: shouting-plugin\nVersion: 1.0\n")
    if entry_points is not None:
        (dist / "entry_points.txt").write_text(entry_points)
    (site / "shouting_plugin.py").write_text(PLUGIN_MODULE)
    return site


def test_a_plugin_on_the_path_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, "[contentlint.rules]\nshouting = shouting_plugin:RULES\n")
    monkeypatch.setattr(sys, "path", [str(site), *sys.path])
    assert registry.may_declare_plugins()
    found = [(rule.meta.code, origin) for rule, origin in registry._plugin_rules()]
    assert found == [("TEST900", "plugin shouting (shouting_plugin:RULES)")]


def test_distributions_without_the_group_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, "[console_scripts]\nshout = shouting_plugin:main\n")
    monkeypatch.setattr(sys, "path", [str(site), str(tmp_path / "missing")])
    standard = [f for f in sys.meta_path if f is importlib.machinery.PathFinder or not hasattr(f, "find_distributions")]
    monkeypatch.setattr(sys, "meta_path", standard)  # other tests may leave finders of their own
    assert not registry.may_declare_plugins()
    assert list(registry._plugin_rules()) == []


def test_a_ruleset_with_rules_not_yet_built_can_be_pickled() -> None:
    import pickle

    ruleset = RuleSet(Config(select=("CLAIM002",)))
    copy = pickle.loads(pickle.dumps(ruleset))
    assert [a.rule.meta.code for a in copy.active] == ["CLAIM002"]
    assert copy.registry.get("reading-grade") is not None


def test_an_index_written_before_rules_base_changed_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_index_base_crc", lambda: 12345)  # as if base.py had been edited since
    indexed = _indexed_registry()
    assert set(indexed._rules) == {key.code for key in indexed.known()}  # every rule built by importing
    assert indexed.known() == _imported_registry().known()
