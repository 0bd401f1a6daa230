"""Search hints (rules/search_hint.py): the first characters written into a pattern's info block
change where a search looks, never what it finds."""

from __future__ import annotations

import importlib
import random
import re
from typing import Any

import pytest

from contentlint.rules.search_hint import hinted_code
from support import REPO

_sre: Any = importlib.import_module("_sre")
_compiler: Any = importlib.import_module("re._compiler")
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")


def _both(pattern: str, flags: int = 0) -> tuple[re.Pattern[str], re.Pattern[str], list[int], list[int]]:
    """The pattern as Python compiles it, and with the hint; and the two codes."""
    tree = _parser.parse(pattern, flags)
    flags = tree.state.flags | flags
    plain_code = _compiler._code(tree, flags)
    code = hinted_code(tree, flags, list(plain_code))
    index_group: list[str | None] = [None] * tree.state.groups
    for name, number in tree.state.groupdict.items():
        index_group[number] = name
    arguments = (tree.state.groups - 1, dict(tree.state.groupdict), tuple(index_group))
    plain = _sre.compile(pattern, flags, plain_code, *arguments)
    hinted = _sre.compile(pattern, flags, code, *arguments)
    return plain, hinted, plain_code, code


def _hint(code: list[int]) -> bool:
    return code[0] == _c.INFO and bool(code[2] & _c.SRE_INFO_CHARSET)


HINTED = [
    r"(?=[acd])\b(?:cure|ache|dose)s?",
    r"(?<![\w'’-])(?:no|not|never)\s+\w+",
    r"\b(?:half|third|twice)\b",
    r"(?=\d)\d+(?:\.\d+)?\s*%|\b(?=[ot])(?:one|two|ten)\s+in\s+\d+",
    r"(?<!\w)(?P<claim>(?:miracle|magic)\s+(?:cure|pill))",
    r"\b(?>clinically|medically)\s+proven",
    r"(?:[a-c]\s*){2}x",
    r"\b[A-Z]{2,}\b",
    r"(?=a|)a",  # the look-ahead may match nothing: what follows names the first character
    r"(?:(a)|b)(?(1)c|d)",  # an alternation of a group and a literal
]
NOT_HINTED = [
    r"a?b?",  # may match nothing
    r"\b\w*x",  # the first item may match nothing
    r"(?i:cure)s",  # scoped flags
    r"(a)\1",  # opens with a literal: Python's own prefix already
    r"(?:\s*[a-c]){2}x",  # what the repeat opens with may match nothing
    r"(.)x",  # any character
    r"(?:a|b)c",  # an alternation of literals: Python's own set already
]


@pytest.mark.parametrize("pattern", HINTED)
def test_patterns_opening_with_assertions_get_their_first_characters(pattern: str) -> None:
    _, _, plain_code, code = _both(pattern)
    assert not _hint(plain_code)
    assert _hint(code)
    assert code[1 + code[1]:] == plain_code[1 + plain_code[1]:]  # the pattern's own code is unchanged


@pytest.mark.parametrize("pattern", NOT_HINTED)
def test_patterns_it_cannot_tell_keep_their_code(pattern: str) -> None:
    _, _, plain_code, code = _both(pattern)
    assert code == plain_code


def test_case_insensitive_patterns_are_left_alone() -> None:
    _, _, plain_code, code = _both(r"\b(?:cure|ache)", re.IGNORECASE)
    assert code == plain_code


_ALPHABET = "acdehinortuwxyz0123456789 .,;'’-%()\n\tÉé“”—😀ABCNO٣Ωß\u212a\xa0"


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 120))) for _ in range(count)]
    words = ["no", "not", "never", "cure", "aches", "dose", "half", "twice", "one", "in", "10", "2.5 %",
             "miracle", "magic", "pill", "clinically", "proven", "NHS", "CDC", "x", "ax", "b c x"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(count)]
    return texts


def _found(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> list[tuple[Any, ...]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, lo, hi)]


@pytest.mark.parametrize("pattern", HINTED + NOT_HINTED)
def test_a_hinted_pattern_finds_what_the_plain_one_finds(pattern: str) -> None:
    plain, hinted, _, _ = _both(pattern)
    for text in _texts(len(pattern), 300):
        lo = len(text) // 3
        for start, stop in ((0, len(text)), (lo, len(text)), (lo, max(lo, len(text) - 5))):
            assert _found(hinted, text, start, stop) == _found(plain, text, start, stop), (pattern, text)
            plain_match, hinted_match = plain.search(text, start, stop), hinted.search(text, start, stop)
            assert (plain_match and plain_match.span()) == (hinted_match and hinted_match.span())


def _rule_patterns() -> list[re.Pattern[str]]:
    """Case-insensitive patterns of the built-in claim rules and of the context checks."""
    import pkgutil

    from contentlint.rules.builtin import claims
    from contentlint.rules.builtin.claims._base import PatternRule
    from contentlint.text import context

    for module in pkgutil.iter_modules(claims.__path__):
        importlib.import_module(f"{claims.__name__}.{module.name}")
    patterns = [value for value in vars(context).values() if isinstance(value, re.Pattern)]
    for rule_class in _subclasses(PatternRule):
        for claim in rule_class.patterns():
            patterns += [p for p in (claim.regex, claim.trigger, claim.search) if p is not None]
    return [p for p in patterns if p.flags & re.IGNORECASE]


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_the_rules_folded_patterns_find_what_they_find_without_hints(monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint.rules import prefilter, search_hint

    patterns = _rule_patterns()
    hinted = {id(p): prefilter._folded_arguments(p) for p in patterns}
    monkeypatch.setattr(search_hint, "hinted_code", lambda tree, flags, code: code)
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted((REPO / "corpus").iterdir())
             if p.suffix in (".txt", ".md")]
    texts += [t.lower() for t in _texts(7, 100)]
    with_hints = 0
    for pattern in patterns:
        arguments = hinted[id(pattern)]
        if arguments is None:
            continue
        code = arguments[1][1]
        with_hints += _hint(code)
        plain_arguments = prefilter._folded_arguments(pattern)
        assert plain_arguments is not None
        folded = _sre.compile(pattern.pattern, *arguments[1])
        plain = _sre.compile(pattern.pattern, *plain_arguments[1])
        for text in texts:
            assert _found(folded, text, 0, len(text)) == _found(plain, text, 0, len(text)), pattern.pattern[:80]
    assert with_hints > len(patterns) // 2  # most claim patterns open with assertions
