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
named after the exact Python build and holds what recent runs used (see :data:`KEEP_SAVES` and
:data:`MAX_ENTRIES`). Only patterns that take a noticeable time to compile and raise no warning are
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
from array import array
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
MAX_ENTRIES = 2000  # of each kind, patterns and derived values
KEEP_SAVES = 8  # an entry no run has used in this many writes of the file is dropped
MIN_COMPILE_SECONDS = 0.0003  # cheaper patterns are not worth a place in the file
MIN_SAVED_SECONDS = 0.003  # nor a run that would save less than this on the next one worth a write
_FORMAT = 3
_CODE_TYPE = "I" if array("I").itemsize == 4 else "L"  # an opcode is a 32-bit unsigned number

Key = tuple[str | bytes, int]
Entry = tuple[int, bytes]  # the write of the file that last kept it (see KEEP_SAVES), its value marshalled
V = TypeVar("V")
_MISSING = object()

_installed: PatternStore | None = None


def cache_file() -> Path:
    build = f"{_FORMAT}|{sys.version}|{_sre.MAGIC}|{sys.maxunicode}"
    return user_cache.cache_dir() / f"regex-{zlib.crc32(build.encode()):08x}.marshal"


class PatternStore:
    """Compiled patterns by (pattern, flags), and other derived values, read from ``path`` and
    written back by :meth:`save`. Each value stays marshalled until a run asks for it, so loading
    the file costs little however many patterns it holds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        stored = user_cache.load(path)
        valid = (isinstance(stored, tuple) and len(stored) == 3 and isinstance(stored[0], int)
                 and isinstance(stored[1], dict) and isinstance(stored[2], dict))
        self.saves: int = stored[0] if valid else 0
        self.patterns: dict[Key, Entry] = stored[1] if valid else {}
        self.derived: dict[tuple[Any, ...], Entry] = stored[2] if valid else {}
        self.used_patterns: dict[Key, bytes] = {}
        self.used_derived: dict[tuple[Any, ...], bytes] = {}
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
        entry = self.patterns.get(key)
        if entry is not None:
            rebuilt = _rebuilt(p, entry[1])
            if rebuilt is not None:
                self.used_patterns[key] = entry[1]
                return rebuilt
        started = time.perf_counter()
        compiled = self._original(p, flags)
        seconds = time.perf_counter() - started
        if seconds >= MIN_COMPILE_SECONDS:
            self._remember(key, compiled, seconds)
        return compiled

    def _remember(self, key: Key, compiled: Any, seconds: float) -> None:
        import marshal
        import warnings

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            flags, code, groups, groupindex, indexgroup = _compile_arguments(*key)
        if caught or _sre.compile(key[0], flags, code, groups, groupindex, indexgroup) != compiled:
            return
        value = marshal.dumps((flags, array(_CODE_TYPE, code).tobytes(), groups, groupindex, indexgroup))
        self.used_patterns[key] = value
        self.patterns[key] = (self.saves, value)
        self._added(seconds)

    def remembered(self, key: tuple[Any, ...], build: Callable[[], V]) -> V:
        import marshal

        entry = self.derived.get(key)
        if entry is not None:
            known = _loaded(entry[1])
            if known is not _MISSING:
                self.used_derived[key] = entry[1]
                return known  # type: ignore[no-any-return]
        started = time.perf_counter()
        value = build()
        seconds = time.perf_counter() - started
        if seconds >= MIN_COMPILE_SECONDS:
            try:
                marshalled = marshal.dumps(value)  # type: ignore[arg-type]
            except ValueError:  # not plain data: built on every run
                return value
            self.used_derived[key] = marshalled
            self.derived[key] = (self.saves, marshalled)
            self._added(seconds)
        return value

    def _added(self, seconds: float) -> None:
        self.added += 1
        self.added_seconds += seconds

    def save(self) -> None:
        """Write the store when this run added enough to matter: what this run used, then what
        recent runs used, up to :data:`MAX_ENTRIES` of each kind."""
        if self.added_seconds < MIN_SAVED_SECONDS:
            return
        saves = self.saves + 1
        patterns = _kept(self.used_patterns, self.patterns, saves)
        user_cache.store(self.path, (saves, patterns, _kept(self.used_derived, self.derived, saves)))
        self.saves, self.added, self.added_seconds = saves, 0, 0.0


def _kept(used: dict[Any, bytes], known: dict[Any, Entry], saves: int) -> dict[Any, Entry]:
    kept = {key: (saves, value) for key, value in used.items()}
    for key, (last, value) in known.items():
        if len(kept) >= MAX_ENTRIES:
            break
        if key not in kept and last > saves - KEEP_SAVES:
            kept[key] = (last, value)
    return kept


def _loaded(value: bytes) -> Any:
    import marshal

    try:
        return marshal.loads(value)
    except (EOFError, ValueError, TypeError):
        return _MISSING


def _rebuilt(pattern: str | bytes, value: bytes) -> Any:
    """The pattern object from a stored entry, or None when the entry cannot be read."""
    loaded = _loaded(value)
    try:
        flags, code, groups, groupindex, indexgroup = loaded
        return _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)
    except (TypeError, ValueError, RuntimeError):
        return None


def remembered(kind: str, key: tuple[Any, ...], build: Callable[[], V]) -> V:
    """``build()``, kept between runs of the command line under ``(kind, *key)`` when it took a
    noticeable time. Only plain data :mod:`marshal` writes (strings, numbers, tuples, lists, dicts,
    frozensets...) is kept. Outside the command line (no store installed) this is ``build()``."""
    if _installed is None:
        return build()
    return _installed.remembered((kind, *key), build)


def _compile_arguments(pattern: str | bytes, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]:
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
