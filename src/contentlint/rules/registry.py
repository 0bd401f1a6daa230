"""One registry for every rule: built-in Python rules, entry-point plugins and YAML packs.

Built-in rules live in modules under ``contentlint.rules.builtin`` that expose ``RULES``, a list of
:class:`~contentlint.rules.base.Rule` subclasses. Plugins are installed packages that declare an
entry point in the group ``contentlint.rules`` pointing at a Rule subclass, or at a list or a
function returning rules. YAML packs are the built-in ``rules/`` folder (shipped inside the wheel)
and any further files or folders named in configuration. Nothing is ever imported from the folder
being linted.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from contentlint.errors import RulePackError
from contentlint.rules.base import Rule
from contentlint.rules.selectors import matches

ENTRY_POINT_GROUP = "contentlint.rules"


def builtin_pack_dir() -> Path:
    """The folder of the built-in YAML packs, in an installed wheel or in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_packs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


@dataclass
class Registry:
    rules: dict[str, Rule] = field(default_factory=dict)

    def add(self, rule: Rule, origin: str) -> None:
        code = rule.meta.code
        if code in self.rules:
            other = self.rules[code].meta.origin
            raise RulePackError(f"duplicate rule code {code}: defined in {other} and in {origin}")
        self.rules[code] = rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules[code] for code in sorted(self.rules))

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        for rule in self.rules.values():
            if rule.meta.name == key.lower() or key.lower() in rule.meta.aliases:
                return rule
        return None

    def select(self, selector: str) -> list[Rule]:
        return [r for r in self if matches(selector, r.meta.code, r.meta.name, r.meta.category, r.meta.aliases)]

    def knows(self, selector: str) -> bool:
        return bool(self.select(selector))


def _builtin_python_rules() -> Iterator[tuple[Rule, str]]:
    package = importlib.import_module("contentlint.rules.builtin")
    for info in sorted(pkgutil.walk_packages(package.__path__, package.__name__ + "."), key=lambda i: i.name):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        for rule_class in getattr(module, "RULES", ()):
            yield rule_class(), f"module {info.name}"


def _plugin_rules() -> Iterator[tuple[Rule, str]]:
    for entry in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        origin = f"plugin {entry.name} ({entry.value})"
        try:
            loaded = entry.load()
        except Exception as exc:  # a broken plugin must be named, not crash the run
            raise RulePackError(f"{origin}: could not be loaded: {exc}") from exc
        for rule in _as_rules(loaded, origin):
            yield rule, origin


def _as_rules(loaded: object, origin: str) -> Iterable[Rule]:
    if isinstance(loaded, type) and issubclass(loaded, Rule):
        return [loaded()]
    if isinstance(loaded, Rule):
        return [loaded]
    if callable(loaded) and not isinstance(loaded, type):
        loaded = loaded()
    if isinstance(loaded, Iterable):
        found: list[Rule] = []
        for item in loaded:
            found.extend(_as_rules(item, origin))
        return found
    raise RulePackError(f"{origin}: expected a Rule subclass, a rule, or a list of them")


def pack_files(locations: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for location in locations:
        if location.is_dir():
            files.extend(sorted(p for p in location.iterdir() if p.suffix in (".yaml", ".yml")))
        elif location.is_file():
            files.append(location)
        else:
            raise RulePackError(f"{location}: rule pack not found")
    return files


@lru_cache(maxsize=8)
def load_registry(extra_packs: Sequence[Path] = (), plugins: bool = True) -> Registry:
    """Every available rule. Cached: a process loads each set of packs once."""
    from contentlint.rules.yaml_packs import load_pack

    registry = Registry()
    for rule, origin in _builtin_python_rules():
        registry.add(rule, origin)
    if plugins:
        for rule, origin in _plugin_rules():
            registry.add(rule, origin)
    for path in pack_files([builtin_pack_dir(), *extra_packs]):
        for rule in load_pack(path):
            registry.add(rule, f"pack {path}")
    return registry
