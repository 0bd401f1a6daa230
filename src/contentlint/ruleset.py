"""The rules a run uses: selection, severity overrides, per-file ignores and validated options."""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from contentlint.config import Config
from contentlint.errors import ConfigError
from contentlint.findings import CATEGORIES, Severity
from contentlint.rules.base import Rule
from contentlint.rules.registry import Registry, load_registry


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: Mapping[str, Any]


def _check_option(code: str, name: str, default: Any, value: Any) -> Any:
    expected: type | tuple[type, ...] = type(default)
    if isinstance(default, bool):
        expected = bool
    elif isinstance(default, float):
        expected = (int, float)
    elif isinstance(default, (list, tuple)):
        expected = (list, tuple)
    elif isinstance(default, dict):
        expected = dict
    if isinstance(value, bool) and expected in (int, (int, float)):
        raise ConfigError(f"rule {code}: option '{name}' expects {type(default).__name__}, not true/false")
    if default is not None and not isinstance(value, expected):
        raise ConfigError(
            f"rule {code}: option '{name}' expects {type(default).__name__}, not {type(value).__name__} ({value!r})"
        )
    return value


class RuleSet:
    """Resolves a :class:`Config` against a :class:`Registry` once, then answers per file."""

    def __init__(self, config: Config, registry: Registry | None = None) -> None:
        self.config = config
        self.registry = registry or load_registry(tuple(config.rule_packs))
        for where, selectors in (("select", config.select), ("extend-select", config.extend_select),
                                 ("ignore", config.ignore)):
            for selector in selectors:
                if not self.registry.knows(selector):
                    raise ConfigError(f"{where}: no rule, code prefix or category is called '{selector}'")
        chosen = self._chosen_codes(config)
        # Only the chosen rules are built (and their modules imported).
        rules = {code: self.registry.rule(code) for code in sorted(chosen)}
        severities = {code: rule.meta.severity for code, rule in rules.items()}
        for selector, level in config.severity:
            targets = self.registry.codes(selector)
            if not targets:
                raise ConfigError(f"severity: no rule, code prefix or category is called '{selector}'")
            for code in targets:
                if code in severities:
                    severities[code] = level
        options = self._options(config)
        self.active: list[ActiveRule] = [
            ActiveRule(rule, severities[code], options.get(code, self._defaults(rule)))
            for code, rule in rules.items()
        ]

    def _chosen_codes(self, config: Config) -> set[str]:
        registry = self.registry
        chosen: set[str] = set()
        if config.select:
            for selector in config.select:
                chosen.update(self._selected(selector))
        else:
            chosen.update(key.code for key in registry.known() if key.enabled_by_default)
        for selector in config.extend_select:
            chosen.update(self._selected(selector))
        if config.grammar:  # grammar rules are off by default; `grammar = true` / --grammar adds them all
            grammar = registry.codes("grammar")  # unless the selection already names some
            if not any(code in chosen for code in grammar):
                chosen.update(grammar)
        for selector in config.ignore:
            chosen.difference_update(registry.codes(selector))
        return chosen

    def _selected(self, selector: str) -> list[str]:
        """The codes of the rules a selector turns on. A category (or ALL) turns on its rules that
        are on by default, or all of them when none is (grammar); a code, code prefix or name turns
        on every rule it names, so `--extend-select CLAIM07` adds rules that are off by default."""
        matched = self.registry.codes(selector)
        if selector.strip().lower() in CATEGORIES or selector.strip().upper() == "ALL":
            on_by_default = [code for code in matched if self.registry.key(code).enabled_by_default]
            return on_by_default or matched
        return matched

    @staticmethod
    def _defaults(rule: Rule) -> dict[str, Any]:
        return {name: option.default for name, option in rule.meta.options.items()}

    def _options(self, config: Config) -> dict[str, dict[str, Any]]:
        resolved: dict[str, dict[str, Any]] = {}
        for key, values in config.rule_options.items():
            rule = self.registry.get(key)
            if rule is None:
                raise ConfigError(f"rules.{key}: no rule has this code or name")
            merged = self._defaults(rule)
            for name, value in values.items():
                option = rule.meta.options.get(name) or rule.meta.options.get(name.replace("-", "_"))
                if option is None:
                    known = ", ".join(rule.meta.options) or "none"
                    raise ConfigError(f"rules.{key}: unknown option '{name}' (options: {known})")
                canonical = name if name in rule.meta.options else name.replace("-", "_")
                merged[canonical] = _check_option(rule.meta.code, name, option.default, value)
            resolved[rule.meta.code] = merged
        return resolved

    def for_path(self, path: str | None) -> list[ActiveRule]:
        if not path or not self.config.per_file_ignores:
            return self.active
        posix = PurePosixPath(path.replace("\\", "/")).as_posix()
        ignored: list[str] = []
        for pattern, selectors in self.config.per_file_ignores:
            if fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(posix.rsplit("/", 1)[-1], pattern):
                ignored.extend(selectors)
        if not ignored:
            return self.active
        from contentlint.rules.selectors import matches

        return [
            a for a in self.active
            if not any(matches(s, a.rule.meta.code, a.rule.meta.name, a.rule.meta.category, a.rule.meta.aliases)
                       for s in ignored)
        ]

    @property
    def metas(self) -> dict[str, Any]:
        return {a.rule.meta.code: a.rule.meta for a in self.active}
