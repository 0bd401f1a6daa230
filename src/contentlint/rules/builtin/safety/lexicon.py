"""Word lists kept as YAML data under ``rules/data/``, loaded once and compiled once.

A data file maps a list name to either a list of phrases or a table with ``phrases`` (literal,
whole words, case-insensitive) and ``patterns`` (RE2 regular expressions). Lists may be grouped
one level deeper (``crisis_resources: {us: {...}, uk: {...}}``). Users extend any list with
further files of the same shape (a rule's ``data_files`` option); their entries are added to the
built-in ones.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from contentlint.errors import RulePackError
from contentlint.rules.data import load_yaml
from contentlint.rules.phrases import PhraseMatcher, SafePatterns


@cache
def data_dir() -> Path:
    """The folder of the built-in word lists (found once: resolving it touches the file system)."""
    from contentlint.rules.registry import builtin_pack_dir

    return builtin_pack_dir() / "data"


class Lexicon:
    """Literal phrases and RE2 patterns searched together."""

    def __init__(self, phrases: Iterable[str], patterns: Sequence[str], origin: str) -> None:
        self.phrase_list = tuple(phrases)
        self.pattern_list = tuple(patterns)
        self._phrases = PhraseMatcher(self.phrase_list)
        self._patterns = SafePatterns(self.pattern_list, origin=origin)
        # the matches in the last whole text searched: several rules ask for the same article's
        self._whole: tuple[str, list[tuple[int, int, str]]] | None = None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Matches in ``text[start:end]`` by position; overlapping matches keep the longest first."""
        if start == 0 and end is None:
            if self._whole is None or self._whole[0] is not text:
                self._whole = (text, self._matches(text, 0, None))
            return list(self._whole[1])
        return self._matches(text, start, end)

    def _matches(self, text: str, start: int, end: int | None) -> list[tuple[int, int, str]]:
        phrases = list(self._phrases.finditer(text, start, end))
        patterns = list(self._patterns.finditer(text, start, end))
        # Each kind alone comes in order without overlaps; only a mix needs sorting and pruning.
        if not patterns:
            return phrases
        if not phrases:
            return patterns
        found = sorted([*phrases, *patterns], key=lambda m: (m[0], -m[1]))
        kept: list[tuple[int, int, str]] = []
        for match in found:
            if kept and match[0] < kept[-1][1]:
                continue
            kept.append(match)
        return kept

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int, str] | None:
        matches = self.finditer(text, start, end)
        return matches[0] if matches else None

    def has_match(self, text: str) -> bool:
        """Whether anything matches in ``text`` (as ``search(text) is not None``, without ordering
        the matches)."""
        return any(True for _ in self._patterns.finditer(text)) or any(True for _ in self._phrases.finditer(text))

    def __bool__(self) -> bool:
        return bool(self._phrases) or bool(self._patterns)


@lru_cache(maxsize=32)
def _read(path: Path) -> Mapping[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path}: cannot read word list: {exc}") from None
    except Exception as exc:
        yaml = sys.modules.get("yaml")  # a YAML error comes from an imported PyYAML; a cached list needs none
        if yaml is None or not isinstance(exc, yaml.YAMLError):
            raise
        raise RulePackError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise RulePackError(f"{path}: a word-list file must be a mapping of list names")
    return data


def _strings(path: Path, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulePackError(f"{path}: '{where}' must be a list of strings")
    return list(value)


def _entries(path: Path, where: str, value: Any) -> tuple[list[str], list[str]]:
    """(phrases, patterns) of one list: a plain list of phrases, or a phrases/patterns table."""
    if isinstance(value, list):
        return _strings(path, where, value), []
    if isinstance(value, dict):
        unknown = set(value) - {"phrases", "patterns", "description"}
        if unknown:
            raise RulePackError(f"{path}: '{where}': unknown key(s) {', '.join(sorted(unknown))}")
        return (_strings(path, f"{where}.phrases", value.get("phrases")),
                _strings(path, f"{where}.patterns", value.get("patterns")))
    raise RulePackError(f"{path}: '{where}' must be a list of phrases or a table of phrases and patterns")


def _lookup(path: Path, data: Mapping[str, Any], key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def resolve_files(names: Iterable[str]) -> tuple[Path, ...]:
    """User data files as absolute paths (relative ones are read from the working directory)."""
    return tuple(Path(name).expanduser().resolve() for name in names)


@lru_cache(maxsize=32)
def data_keys(data_file: str, group: str) -> tuple[str, ...]:
    """Names inside ``group`` of a built-in data file (e.g. the locales of the crisis resources)."""
    value = _lookup(data_dir() / data_file, _read(data_dir() / data_file), group)
    return tuple(sorted(value)) if isinstance(value, dict) else ()


@lru_cache(maxsize=128)
def lexicon(
    data_file: str,
    keys: tuple[str, ...],
    extra_files: tuple[Path, ...] = (),
    extra_phrases: tuple[str, ...] = (),
) -> Lexicon:
    """One compiled lexicon of the lists ``keys`` (dotted for nested lists) of a built-in data
    file, plus the same lists in ``extra_files`` and any ``extra_phrases``."""
    phrases: list[str] = list(extra_phrases)
    patterns: list[str] = []
    builtin = data_dir() / data_file
    for path in (builtin, *extra_files):
        data = _read(path)
        for key in keys:
            value = _lookup(path, data, key)
            if value is None:
                if path == builtin:
                    raise RulePackError(f"{path}: missing list '{key}'")
                continue
            found_phrases, found_patterns = _entries(path, key, value)
            phrases.extend(found_phrases)
            patterns.extend(found_patterns)
    try:
        return Lexicon(phrases, patterns, origin=f"{data_file} {', '.join(keys)}")
    except ValueError as exc:
        raise RulePackError(str(exc)) from None


def as_tuple(value: Any) -> tuple[str, ...]:
    """An option value given as one string or a list of strings, as a tuple."""
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value if str(v).strip())
    return ()


@lru_cache(maxsize=32)
def swaps(data_file: str, key: str, extra_files: tuple[Path, ...] = ()) -> tuple[tuple[str, str, bool], ...]:
    """A list of ``{phrase, replacement, fix}`` records as (phrase, replacement, fixable) tuples."""
    found: list[tuple[str, str, bool]] = []
    builtin = data_dir() / data_file
    for path in (builtin, *extra_files):
        value = _lookup(path, _read(path), key)
        if value is None and path != builtin:
            continue
        if not isinstance(value, list):
            raise RulePackError(f"{path}: '{key}' must be a list of {{phrase, replacement}} entries")
        for index, entry in enumerate(value):
            where = f"{key}[{index}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("phrase"), str) \
                    or not isinstance(entry.get("replacement"), str):
                raise RulePackError(f"{path}: '{where}' needs a 'phrase' and a 'replacement' (strings)")
            unknown = set(entry) - {"phrase", "replacement", "fix"}
            if unknown:
                raise RulePackError(f"{path}: '{where}': unknown key(s) {', '.join(sorted(unknown))}")
            found.append((entry["phrase"], entry["replacement"], bool(entry.get("fix", False))))
    return tuple(found)


def title_anchor(article: Any) -> tuple[int, int] | None:
    """Where the article's title stands in its text (the place to report what the article lacks)."""
    title = (article.title or "").strip()
    if title:
        index = article.text.find(title)
        if index >= 0:
            return index, index + len(title)
    if article.sentences:
        first = article.sentences[0]
        return first.start, first.end
    return None
