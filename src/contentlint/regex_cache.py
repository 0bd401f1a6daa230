"""Compiled regular expressions kept between runs of the command line.

Python compiles a regular expression in two steps: a parser and a code generator written in Python
(``re._parser``, ``re._compiler``) turn the pattern into a list of opcodes, then ``_sre.compile``
builds the pattern object from that list in C. For the long phrase alternations the rules use,
the Python step costs a one-file run over 100 ms, every run, for the same patterns. This module
keeps the opcode lists in the user cache folder (see :mod:`contentlint.user_cache`) and hands them
straight to ``_sre.compile`` on later runs: the pattern objects are the same, opcode for opcode
(a pattern is stored only after checking that the rebuilt object equals the one Python compiled).

Only the command line turns it on (:func:`keep_compiled_patterns`): it replaces
``re._compiler.compile`` for the whole process, which a library should not do behind its user's
back. It is a no-op on Python versions whose compiler it has not been checked against. The file is
named after the exact Python build, holds at most :data:`MAX_PATTERNS` patterns (those used by the
latest run first). Only patterns that take a noticeable time to compile and raise no warning are
stored, and the file is rewritten only when a run found enough of them to matter: patterns that
change from run to run (built from a set, or from an article's own words) are cheap ones.

:func:`remembered` keeps other values derived from a pattern the same way (the literals a prefilter
reads from its parse, say), so that a rule can skip that work too.
"""

from __future__ import annotations

import atexit
import importlib
import re
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from contentlint import user_cache

try:  # CPython's private compiler modules (typed as Any: they have no stubs)
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    _sre: Any = importlib.import_module("_sre")
except ImportError:  # pragma: no cover - another implementation or layout
    _compiler = _parser = _sre = None

# The versions whose re._compiler.compile this mirrors (it is the same in all three).
SUPPORTED_VERSIONS = frozenset({(3, 11), (3, 12), (3, 13)})
MAX_PATTERNS = 2000
MIN_COMPILE_SECONDS = 0.0003  # cheaper patterns are not worth a place in the file
MIN_SAVED_SECONDS = 0.003  # nor a run that would save less than this on the next one worth a write
_FORMAT = 2

Key = tuple[str | bytes, int]
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # _sre.compile's arguments
V = TypeVar("V")

_installed: PatternStore | None = None


def cache_file() -> Path:
    build = f"{_FORMAT}|{sys.version}|{_sre.MAGIC}|{sys.maxunicode}"
    return user_cache.cache_dir() / f"regex-{zlib.crc32(build.encode()):08x}.marshal"


class PatternStore:
    """Opcode lists by (pattern, flags), read from ``path`` and written back by :meth:`save`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        stored = user_cache.load(path)
        valid = isinstance(stored, tuple) and len(stored) == 2 and all(isinstance(part, dict) for part in stored)
        self.known: dict[Key, Compiled] = stored[0] if valid else {}
        self.derived: dict[tuple[Any, ...], Any] = stored[1] if valid else {}
        self.used: dict[Key, Compiled] = {}
        self.derived_used: dict[tuple[Any, ...], Any] = {}
        self.added = 0
        self.added_seconds = 0.0
        self._original: Any = None

    def install(self) -> None:
        self._original = _compiler.compile
        _compiler.compile = self.compile

    def uninstall(self) -> None:
        if self._original is not None:
            _compiler.compile = self._original
            self._original = None

    def compile(self, p: Any, flags: int = 0) -> Any:
        """``re._compiler.compile``, answered from the store when the pattern is in it."""
        if not isinstance(p, (str, bytes)) or flags & re.DEBUG:  # a parsed pattern, or a debug dump
            return self._original(p, flags)
        key = (p, flags)
        known = self.known.get(key)
        if known is not None:
            self.used[key] = known
            return _sre.compile(p, *known)
        started = time.perf_counter()
        compiled = self._original(p, flags)
        seconds = time.perf_counter() - started
        if seconds >= MIN_COMPILE_SECONDS:
            self._remember(key, compiled, seconds)
        return compiled

    def _remember(self, key: Key, compiled: Any, seconds: float) -> None:
        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            arguments = _compile_arguments(*key)
        if caught or _sre.compile(key[0], *arguments) != compiled:
            return
        self.known[key] = self.used[key] = arguments
        self.added += 1
        self.added_seconds += seconds

    def remembered(self, key: tuple[Any, ...], build: Callable[[], V]) -> V:
        if key in self.derived:
            known: V = self.derived[key]
            self.derived_used[key] = known
            return known
        started = time.perf_counter()
        value = build()
        seconds = time.perf_counter() - started
        if seconds >= MIN_COMPILE_SECONDS and _writable(value):
            self.derived[key] = self.derived_used[key] = value
            self.added += 1
            self.added_seconds += seconds
        return value

    def save(self) -> None:
        """Write the store when this run added patterns worth it: this run's first, then older ones."""
        if self.added_seconds < MIN_SAVED_SECONDS:
            return
        patterns = _newest_first(self.used, self.known)
        user_cache.store(self.path, (patterns, _newest_first(self.derived_used, self.derived)))
        self.added, self.added_seconds = 0, 0.0


def _newest_first(used: dict[Any, Any], known: dict[Any, Any]) -> dict[Any, Any]:
    kept = dict(used)
    for key, value in known.items():
        if len(kept) >= MAX_PATTERNS:
            break
        kept.setdefault(key, value)
    return kept


def _writable(value: Any) -> bool:
    import marshal

    try:
        marshal.dumps(value)
    except ValueError:
        return False
    return True


def remembered(kind: str, key: tuple[Any, ...], build: Callable[[], V]) -> V:
    """``build()``, kept between runs of the command line under ``(kind, *key)`` when it took a
    noticeable time. The value must be plain data :mod:`marshal` writes (strings, numbers, tuples,
    lists, dicts, frozensets...); it is returned as read back, so it must not be mutated. Outside
    the command line (no store installed) this is ``build()``."""
    if _installed is None:
        return build()
    return _installed.remembered((kind, *key), build)


def _compile_arguments(pattern: str | bytes, flags: int) -> Compiled:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` (Python 3.11 to 3.13)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | parsed.state.flags, [int(c) for c in code], parsed.state.groups - 1, groupindex, tuple(indexgroup)


def keep_compiled_patterns() -> None:
    """Answer this process's regular expressions from the store, and save it at exit."""
    global _installed
    if (_installed is not None or _compiler is None or sys.implementation.name != "cpython"
            or sys.version_info[:2] not in SUPPORTED_VERSIONS):
        return
    _installed = PatternStore(cache_file())
    _installed.install()
    atexit.register(_installed.save)
