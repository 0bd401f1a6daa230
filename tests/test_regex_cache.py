"""Stored compiled patterns: the same pattern objects as Python compiles, without compiling again."""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from contentlint import regex_cache
from contentlint.regex_cache import PatternStore

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] not in regex_cache.SUPPORTED_VERSIONS or regex_cache._compiler is None,
    reason="the store mirrors CPython 3.11 to 3.13",
)

ALTERNATION = r"\b(?:" + "|".join(f"word{i}(?:s|ed|ing)?" for i in range(300)) + r")\b"
PATTERNS: list[tuple[str | bytes, int]] = [
    (ALTERNATION, re.IGNORECASE),
    (r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>mg|ml|%)(?=\W)", 0),
    (r"(?<![\w-])(?:call|text)\s+(?:now|today)\b[^.!?]*", re.IGNORECASE | re.MULTILINE),
    (r"^\s*#{1,6}\s+(.+?)\s*#*$", re.MULTILINE),
    (r"(?i)caf[ée]|na[iï]ve|“[^”]{0,80}”", 0),
    (rb"\x00[\x01-\x1f]+(?:ab|cd){2,5}", 0),
    (r"(a)(b)?(?(2)c|d)", re.VERBOSE),
]
TEXT = ("Word12 and WORD7ing, 250 mg or 5 % daily. Call now for a café! ## Heading ##\n"
        "“a naïve quote” word299s abd abc ") * 3


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PatternStore]:
    monkeypatch.setattr(regex_cache, "MIN_COMPILE_SECONDS", 0.0)
    monkeypatch.setattr(regex_cache, "MIN_SAVED_SECONDS", 0.0)
    store = PatternStore(tmp_path / "regex.marshal")
    store.install()
    re.purge()
    try:
        yield store
    finally:
        store.uninstall()
        re.purge()


def _same_pattern(ours: re.Pattern[str] | re.Pattern[bytes], theirs: re.Pattern[str] | re.Pattern[bytes]) -> None:
    assert ours == theirs  # CPython compares the flags, the pattern and the compiled code
    assert (ours.groups, ours.groupindex, ours.flags) == (theirs.groups, theirs.groupindex, theirs.flags)


def _compiled_by_python(pattern: str | bytes, flags: int) -> re.Pattern[str] | re.Pattern[bytes]:
    return regex_cache._compiler.compile(pattern, flags)  # type: ignore[no-any-return]


def test_stored_patterns_are_the_patterns_python_compiles(store: PatternStore, tmp_path: Path) -> None:
    first = [re.compile(p, f) for p, f in PATTERNS]
    assert store.added == len(PATTERNS)
    store.save()
    store.uninstall()
    later = PatternStore(store.path)
    later.install()
    re.purge()
    try:
        again = [re.compile(p, f) for p, f in PATTERNS]
    finally:
        later.uninstall()
        re.purge()
    assert later.added == 0 and len(later.used_patterns) == len(PATTERNS)
    for (pattern, flags), one, two in zip(PATTERNS, first, again, strict=True):
        reference = re.compile(pattern, flags)
        _same_pattern(one, reference)
        _same_pattern(two, reference)
        sample = TEXT.encode() if isinstance(pattern, bytes) else TEXT
        assert [m.span() for m in two.finditer(sample)] == [m.span() for m in reference.finditer(sample)]  # type: ignore[arg-type]


def test_a_stored_pattern_is_not_compiled_again(store: PatternStore, monkeypatch: pytest.MonkeyPatch) -> None:
    re.compile(ALTERNATION, re.IGNORECASE)
    store.save()
    store.uninstall()
    later = PatternStore(store.path)
    monkeypatch.setattr(regex_cache._parser, "parse", lambda *a: pytest.fail("the pattern was parsed again"))
    later.install()
    re.purge()
    try:
        _same_pattern(re.compile(ALTERNATION, re.IGNORECASE), later.compile(ALTERNATION, re.IGNORECASE.value))
    finally:
        later.uninstall()


def test_patterns_that_warn_are_compiled_every_time(store: PatternStore) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        re.compile(r"[[a-z]--x]")  # FutureWarning: possible nested set
    assert store.added == 0


def test_bad_patterns_still_raise(store: PatternStore) -> None:
    with pytest.raises(re.error):
        re.compile(r"(unclosed")
    assert store.added == 0


def _run(path: Path, *patterns: str) -> PatternStore:
    """One run of the command line that compiles ``patterns`` and saves the store."""
    run = PatternStore(path)
    run.install()
    re.purge()
    try:
        for pattern in patterns:
            re.compile(pattern)
    finally:
        run.uninstall()
        re.purge()
    run.save()
    return run


def test_the_file_keeps_this_runs_patterns_first_within_the_limit(store: PatternStore,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store.uninstall()
    path = store.path
    _run(path, *(rf"old{i}\w+" for i in range(5)))
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 4)
    _run(path, r"old4\w+", r"new\d+")
    kept = PatternStore(path).patterns
    assert len(kept) == 4 and (r"new\d+", 0) in kept and (r"old4\w+", 0) in kept


def test_patterns_no_recent_run_used_are_dropped(store: PatternStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.uninstall()
    monkeypatch.setattr(regex_cache, "KEEP_SAVES", 2)
    _run(store.path, r"once\w+")
    _run(store.path, r"later1\w+")
    assert (r"once\w+", 0) in PatternStore(store.path).patterns
    _run(store.path, r"later2\w+")
    kept = PatternStore(store.path).patterns
    assert (r"once\w+", 0) not in kept and (r"later1\w+", 0) in kept and (r"later2\w+", 0) in kept


def test_an_unreadable_entry_is_compiled_again(store: PatternStore) -> None:
    re.compile(ALTERNATION)
    store.save()
    store.uninstall()
    later = PatternStore(store.path)
    later.patterns[(ALTERNATION, 0)] = (0, b"\x00garbage")
    later.install()
    re.purge()
    try:
        rebuilt = re.compile(ALTERNATION)
    finally:
        later.uninstall()
        re.purge()
    _same_pattern(rebuilt, re.compile(ALTERNATION))


def test_the_file_is_named_after_the_python_build() -> None:
    assert regex_cache.cache_file().name.startswith("regex-")


def test_values_derived_from_a_pattern_are_kept_too(store: PatternStore) -> None:
    calls: list[int] = []

    def literal_sets() -> tuple[frozenset[str], ...]:
        calls.append(1)
        return (frozenset({"call", "text"}), frozenset({"now"}))

    key = ("literal-sets", ALTERNATION, 2)
    assert store.remembered(key, literal_sets) == (frozenset({"call", "text"}), frozenset({"now"}))
    store.save()
    store.uninstall()
    later = PatternStore(store.path)
    assert later.remembered(key, literal_sets) == (frozenset({"call", "text"}), frozenset({"now"}))
    assert calls == [1]
    assert later.remembered(("unwritable",), object) is not None  # built, and not kept
    assert ("unwritable",) not in later.derived
    assert later.remembered(key, literal_sets) is not later.remembered(key, literal_sets)  # a copy each time


def test_without_the_store_remembered_just_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "_installed", None)
    assert regex_cache.remembered("kind", ("x",), lambda: 42) == 42


def test_a_list_of_re2_patterns_checked_once_is_not_checked_pattern_by_pattern_again(
    store: PatternStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re2

    from contentlint.rules.phrases import SafePatterns

    patterns = [r"\bact\s+fast\b", r"call\s+now", r"\d+\s*%\s+off"]
    compiled: list[str] = []
    real_compile = re2.compile

    def counting(pattern: str, *args: object) -> object:
        compiled.append(pattern)
        return real_compile(pattern, *args)

    monkeypatch.setattr(re2, "compile", counting)
    monkeypatch.setattr(regex_cache, "_installed", store)  # as the command line installs it
    first = SafePatterns(patterns, origin="pack.yaml")
    assert len(compiled) == len(patterns) + 1  # each alone, then the alternation
    compiled.clear()
    again = SafePatterns(patterns, origin="pack.yaml")
    assert len(compiled) == 1  # the alternation only
    text = "Act fast: 20 % off, call now."
    assert list(again.finditer(text)) == list(first.finditer(text))
    with pytest.raises(ValueError, match=r"pattern 'a\)\|\(b' is not valid"):
        SafePatterns(["a)|(b"], origin="pack.yaml")  # valid only once wrapped in the alternation
