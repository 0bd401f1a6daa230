"""One registry for every rule: built-in Python rules, entry-point plugins and YAML packs.

Built-in rules live in modules under ``contentlint.rules.builtin`` that expose ``RULES``, a list of
:class:`~contentlint.rules.base.Rule` subclasses. Plugins are installed packages that declare an
entry point in the group ``contentlint.rules`` pointing at a Rule subclass, or at a list or a
function returning rules. YAML packs are the built-in ``rules/`` folder (shipped inside the wheel)
and any further files or folders named in configuration. Nothing is ever imported from the folder
being linted.

Selecting rules needs only their code, name, category, aliases and whether they are on by
default. For the built-in modules those come from a generated index
(:mod:`contentlint.rules.builtin_index`), so a run imports only the modules of the rules it uses.
A module whose source no longer matches the index (or that the index does not know) is imported
as before, so a stale index costs time, never a different result.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from contentlint.errors import RulePackError
from contentlint.rules.base import Rule
from contentlint.rules.selectors import matches

ENTRY_POINT_GROUP = "contentlint.rules"
BUILTIN_PACKAGE = "contentlint.rules.builtin"
INDEX_MODULE = "contentlint.rules.builtin_index"
REGENERATE_INDEX_COMMAND = "python -m contentlint.rules.registry"


def builtin_pack_dir() -> Path:
    """The folder of the built-in YAML packs, in an installed wheel or in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_packs"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


@dataclass(frozen=True, slots=True)
class RuleKey:
    """What selecting a rule needs to know about it, without loading it."""

    code: str
    name: str
    category: str
    aliases: tuple[str, ...]
    enabled_by_default: bool
    origin: str = "builtin"

    @classmethod
    def of(cls, rule: Rule) -> RuleKey:
        meta = rule.meta
        return cls(meta.code, meta.name, meta.category, tuple(meta.aliases), meta.enabled_by_default, meta.origin)

    def matches(self, selector: str) -> bool:
        return matches(selector, self.code, self.name, self.category, self.aliases)


@dataclass
class Registry:
    """Rules by code. A rule added with :meth:`add_lazy` is built on first use."""

    _keys: dict[str, RuleKey] = field(default_factory=dict)
    _rules: dict[str, Rule] = field(default_factory=dict)
    _loaders: dict[str, Callable[[], Rule]] = field(default_factory=dict)

    def add(self, rule: Rule, origin: str) -> None:
        self._add_key(RuleKey.of(rule), origin)
        self._rules[rule.meta.code] = rule

    def add_lazy(self, key: RuleKey, origin: str, load: Callable[[], Rule]) -> None:
        self._add_key(key, origin)
        self._loaders[key.code] = load

    def _add_key(self, key: RuleKey, origin: str) -> None:
        if key.code in self._keys:
            other = self._keys[key.code].origin
            raise RulePackError(f"duplicate rule code {key.code}: defined in {other} and in {origin}")
        self._keys[key.code] = key

    @property
    def rules(self) -> dict[str, Rule]:
        """Every rule by code (builds the ones not used yet)."""
        return {code: self.rule(code) for code in self._keys}

    def rule(self, code: str) -> Rule:
        """The rule with this exact code, built on first use."""
        rule = self._rules.get(code)
        if rule is None:
            rule = self._rules[code] = self._loaders.pop(code)()
        return rule

    def known(self) -> list[RuleKey]:
        """What is known of every rule, by code, without building any."""
        return [self._keys[code] for code in sorted(self._keys)]

    def codes(self, selector: str) -> list[str]:
        """The codes a selector names, in order, without building any rule."""
        return [key.code for key in self.known() if key.matches(selector)]

    def key(self, code: str) -> RuleKey:
        return self._keys[code]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rule(code) for code in sorted(self._keys))

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, code_or_name: str) -> str | None:
        """The code of the rule with this code, name or alias."""
        key = code_or_name.strip()
        if key.upper() in self._keys:
            return key.upper()
        for known in self._keys.values():
            if known.name == key.lower() or key.lower() in known.aliases:
                return known.code
        return None

    def get(self, code_or_name: str) -> Rule | None:
        code = self.find(code_or_name)
        return None if code is None else self.rule(code)

    def select(self, selector: str) -> list[Rule]:
        return [self.rule(code) for code in self.codes(selector)]

    def knows(self, selector: str) -> bool:
        return any(key.matches(selector) for key in self._keys.values())


# -- built-in rules -------------------------------------------------------------------------------

# A rule in the index: class name, code, name, category, aliases, on by default, origin.
IndexedRule = tuple[str, str, str, str, tuple[str, ...], bool, str]
ModuleIndex = tuple[int, tuple[IndexedRule, ...]]  # the CRC-32 of the module's source, its rules


def _builtin_dir() -> Path | None:
    """The folder of ``contentlint.rules.builtin``, found without importing any rule."""
    spec = importlib.util.find_spec(BUILTIN_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if len(locations) == 1 and os.path.isdir(locations[0]) else None


def _module_files(folder: Path, prefix: str) -> Iterator[tuple[str, Path]]:
    """``(module name, file)`` of every plain module below ``folder``, as ``pkgutil.walk_packages``
    finds them (a sub-folder is a package when it has an ``__init__`` module)."""
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        stem, dot, suffix = entry.name.partition(".")
        if entry.is_dir():
            if not dot and _is_package(entry.path):
                yield from _module_files(Path(entry.path), f"{prefix}{entry.name}.")
        elif stem.isidentifier() and stem != "__init__" and f".{suffix}" in importlib.machinery.all_suffixes():
            if suffix != "py":
                raise FileNotFoundError(entry.path)  # a compiled-only module: no source to compare
            yield prefix + stem, Path(entry.path)


def _is_package(path: str) -> bool:
    return any(os.path.isfile(os.path.join(path, "__init__" + suffix)) for suffix in importlib.machinery.all_suffixes())


def source_crc(path: Path) -> int:
    return zlib.crc32(path.read_bytes())


def _imported_rules(module_name: str) -> Iterator[tuple[Rule, str]]:
    module = importlib.import_module(module_name)
    for rule_class in getattr(module, "RULES", ()):
        yield rule_class(), f"module {module_name}"


def _load_indexed_rule(module_name: str, class_name: str) -> Rule:
    module = importlib.import_module(module_name)
    for rule_class in getattr(module, "RULES", ()):
        if rule_class.__name__ == class_name:
            rule: Rule = rule_class()
            return rule
    raise RulePackError(f"module {module_name}: no rule class {class_name} (run {REGENERATE_INDEX_COMMAND})")


def _add_builtin_rules(registry: Registry) -> None:
    """Built-in rules: from the index where it matches the module's source, else by importing it."""
    index = _read_index()
    folder = _builtin_dir()
    try:
        usable = folder is not None and bool(index) and _index_base_crc() == source_crc(_base_path())
        modules = sorted(_module_files(folder, BUILTIN_PACKAGE + ".")) if usable and folder is not None else None
    except (OSError, FileNotFoundError):
        modules = None
    if modules is None:
        for rule, origin in _builtin_python_rules():
            registry.add(rule, origin)
        return
    for module_name, path in modules:
        known = index.get(module_name)
        if known is not None and known[0] == source_crc(path):
            for class_name, *fields in known[1]:
                key = RuleKey(*fields)  # type: ignore[arg-type]
                registry.add_lazy(key, f"module {module_name}", partial(_load_indexed_rule, module_name, class_name))
        else:
            for rule, origin in _imported_rules(module_name):
                registry.add(rule, origin)


def _read_index() -> dict[str, ModuleIndex]:
    try:
        module = importlib.import_module(INDEX_MODULE)
    except ImportError:
        return {}
    index: dict[str, ModuleIndex] = module.MODULES
    return index


def _base_path() -> Path:
    """The module that gives rules their defaults (the index records them as they were)."""
    return Path(__file__).resolve().parent / "base.py"


def _index_base_crc() -> int | None:
    try:
        module = importlib.import_module(INDEX_MODULE)
    except ImportError:
        return None
    crc: int | None = getattr(module, "BASE_CRC", None)
    return crc


def _builtin_python_rules() -> Iterator[tuple[Rule, str]]:
    import pkgutil

    package = importlib.import_module(BUILTIN_PACKAGE)
    for info in sorted(pkgutil.walk_packages(package.__path__, package.__name__ + "."), key=lambda i: i.name):
        if not info.ispkg:
            yield from _imported_rules(info.name)


def builtin_index_source() -> str:
    """The text of :mod:`contentlint.rules.builtin_index`, from the built-in modules as they are."""
    folder = _builtin_dir()
    assert folder is not None
    lines = [
        f'"""Generated by `{REGENERATE_INDEX_COMMAND}` from the built-in rule modules. Do not edit by hand.',
        "",
        "Module -> (CRC-32 of its source, its rules: (class, code, name, category, aliases, on by default, origin)).",
        "BASE_CRC is the CRC-32 of rules/base.py, which gives rules their defaults.",
        '"""',
        "",
        f"BASE_CRC = {source_crc(_base_path())}",
        "",
        "MODULES = {",
    ]
    for module_name, path in sorted(_module_files(folder, BUILTIN_PACKAGE + ".")):
        module = importlib.import_module(module_name)
        lines.append(f"    {module_name!r}: ({source_crc(path)}, (")
        for rule_class in getattr(module, "RULES", ()):
            key = RuleKey.of(rule_class())
            indexed = (rule_class.__name__, key.code, key.name, key.category, key.aliases, key.enabled_by_default,
                       key.origin)
            lines.append(f"        {indexed!r},")
        lines.append("    )),")
    lines.append("}")
    return "\n".join(lines) + "\n"


def builtin_index_path() -> Path:
    return Path(__file__).resolve().parent / "builtin_index.py"


# -- plugins ----------------------------------------------------------------------------------------


def may_declare_plugins() -> bool:
    """False only when no distribution on ``sys.path`` can declare a rule plugin.

    Reading every installed distribution's metadata (``importlib.metadata.entry_points``) costs
    a one-file run tens of milliseconds; when no ``entry_points.txt`` on the path even mentions
    the group, there is nothing to read.
    """
    for finder in sys.meta_path:
        if getattr(finder, "find_distributions", None) and finder is not importlib.machinery.PathFinder:
            return True  # a finder that serves distributions from somewhere else
    needle = ENTRY_POINT_GROUP.encode()
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder):
            if os.path.exists(folder):
                return True  # a zip or egg file: let importlib.metadata read it
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            return True
        for name in names:
            lowered = name.lower()
            if lowered.endswith((".dist-info", ".egg-info")) and _mentions(os.path.join(folder, name), needle):
                return True
            if lowered.endswith(".egg"):
                return True
    return False


def _mentions(metadata_dir: str, needle: bytes) -> bool:
    try:
        with open(os.path.join(metadata_dir, "entry_points.txt"), "rb") as handle:
            return needle in handle.read()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        return True


def _plugin_rules() -> Iterator[tuple[Rule, str]]:
    if not may_declare_plugins():
        return
    from importlib import metadata

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
    _add_builtin_rules(registry)
    if plugins:
        for rule, origin in _plugin_rules():
            registry.add(rule, origin)
    for path in pack_files([builtin_pack_dir(), *extra_packs]):
        for rule in load_pack(path):
            registry.add(rule, f"pack {path}")
    return registry


if __name__ == "__main__":
    builtin_index_path().write_text(builtin_index_source(), encoding="utf-8")
    print(f"wrote {builtin_index_path()}")
