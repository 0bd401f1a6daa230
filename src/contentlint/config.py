"""Configuration: ``--config FILE``, else ``contentlint.toml`` or ``[tool.contentlint]`` in
``pyproject.toml``, found from the working directory upward. Every key is validated; an unknown
key or a value of the wrong type is an error that names the file and the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from contentlint.errors import ConfigError
from contentlint.findings import Severity

CONFIG_FILES = ("contentlint.toml", ".contentlint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_BYTES = 5_000_000


@dataclass(frozen=True)
class Config:
    """Resolved settings for a run. Build one with :func:`load_config` or directly in code."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    rule_packs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False  # apply ``exclude`` to files named on the command line too
    fail_on: Severity | None = Severity.ERROR
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    grammar: bool = False
    languagetool: Mapping[str, Any] = field(default_factory=dict)
    cache_dir: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    source: Path | None = None
    root: Path | None = None

    def with_overrides(self, **changes: Any) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def fingerprint(self) -> str:
        """A stable text that changes whenever a setting that affects findings changes."""
        ignored = ("source", "root", "cache_dir")
        parts = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.name not in ignored]
        return "\n".join(parts)


def _strings(where: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings")
    return tuple(value)


def _severity_level(where: str, value: Any) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected one of error, warning, info")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None


def parse_fail_on(value: str) -> Severity | None:
    if value.strip().lower() == "never":
        return None
    return Severity.parse(value)


def _fail_on(where: str, value: Any) -> Severity | None:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected one of error, warning, info, never")
    try:
        return parse_fail_on(value)
    except ValueError:
        raise ConfigError(f"{where}: expected one of error, warning, info, never, not {value!r}") from None


def _table(where: str, value: Any) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table")
    return value


def _boolean(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false")
    return value


def _path_text(where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected a folder path")
    return value


def _positive_int(where: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"{where}: expected a positive whole number")
    return value


def _per_file_ignores(where: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    table = _table(where, value)
    return tuple((str(glob), _strings(f"{where}.{glob}", codes)) for glob, codes in table.items())


def _severities(where: str, value: Any) -> tuple[tuple[str, Severity], ...]:
    table = _table(where, value)
    return tuple((str(selector), _severity_level(f"{where}.{selector}", level)) for selector, level in table.items())


def _rule_options(where: str, value: Any) -> Mapping[str, Mapping[str, Any]]:
    table = _table(where, value)
    return {str(rule): dict(_table(f"{where}.{rule}", options)) for rule, options in table.items()}


# key -> (field name, validator). Other modules may register keys of their own through `register_key`.
_KEYS: dict[str, tuple[str, Callable[[str, Any], Any]]] = {
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "severity": ("severity", _severities),
    "rules": ("rule_options", _rule_options),
    "rule-packs": ("rule_packs", _strings),
    "exclude": ("exclude", _strings),
    "force-exclude": ("force_exclude", _boolean),
    "fail-on": ("fail_on", _fail_on),
    "max-file-bytes": ("max_file_bytes", _positive_int),
    "grammar": ("grammar", _boolean),
    "languagetool": ("languagetool", _table),
    "cache-dir": ("cache_dir", _path_text),
}
_EXTRA_KEYS: dict[str, Callable[[str, Any], Any]] = {}


def register_key(key: str, validator: Callable[[str, Any], Any]) -> None:
    """Declare a further top-level key (kept in ``Config.extra`` under its kebab-case name)."""
    _EXTRA_KEYS[key] = validator


def config_from_mapping(data: Mapping[str, Any], source: Path | None = None) -> Config:
    """Validate a configuration table; relative rule-pack paths resolve against ``source``'s folder."""
    label = str(source) if source else "configuration"
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")
        where = f"{label}: '{raw_key}'"
        if key in _KEYS:
            name, validate = _KEYS[key]
            values[name] = validate(where, value)
        elif key in _EXTRA_KEYS:
            extra[key] = _EXTRA_KEYS[key](where, value)
        else:
            known = ", ".join(sorted([*_KEYS, *_EXTRA_KEYS]))
            raise ConfigError(f"{label}: unknown key '{raw_key}' (known keys: {known})")
    base = source.parent if source else Path.cwd()
    if "rule_packs" in values:
        values["rule_packs"] = tuple((base / p).resolve() for p in values["rule_packs"])
    return Config(**values, extra=extra, source=source, root=base)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when there is a configuration file to read

    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def load_config_file(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("contentlint", {}) if isinstance(tool, dict) else {}
        return config_from_mapping(_table(f"{path}: [tool.contentlint]", table), path)
    return config_from_mapping(data, path)


def find_config_file(start: Path) -> Path | None:
    """The nearest configuration file from ``start`` upward (a pyproject.toml counts only when
    it has a ``[tool.contentlint]`` table)."""
    for folder in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                data = _read_toml(candidate)
                tool = data.get("tool")
                if not (isinstance(tool, dict) and "contentlint" in tool):
                    continue
            return candidate
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Load ``path``, or discover the nearest configuration from ``start`` (default: the working
    directory); with none found, the defaults."""
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        return load_config_file(path)
    found = find_config_file((start or Path.cwd()).resolve())
    return load_config_file(found) if found else Config(root=(start or Path.cwd()).resolve())
