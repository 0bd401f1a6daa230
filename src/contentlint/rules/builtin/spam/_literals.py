"""The whole words a regular expression cannot match without, read from its parsed form.

A spam pattern usually needs a word that most articles never contain ("malignancy", "near",
"consultation"). :func:`required_words` finds such words, so a rule can skip a pattern (or every
block but a few) after a set lookup instead of running the expression over the whole text.

The answer is a tree of :class:`AllOf` and :class:`AnyOf` over words, each word one a match must
hold as a whole word of the article. A word counts only when the pattern fences it on both sides with something
that is never an ASCII letter (``\\b``, ``\\s``, punctuation, a lookbehind excluding ``\\w``; the
edges are read by ``prefilter.end_anchor`` and ``prefilter.next_outside`` with ``never_letter``), so it
is a maximal run of ASCII letters in the folded text (see ``_shared.article_words``). Every
construct not understood adds no clause, which only makes the filter weaker, never wrong.
"""

from __future__ import annotations

import importlib
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from contentlint.regex_cache import remembered
from contentlint.rules import prefilter
from contentlint.rules.prefilter import end_anchor, never_letter, next_outside

_parser: Any = importlib.import_module("re._parser")


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every one of ``words`` and of ``groups``; ``words`` is longest first (the best anchor)."""

    words: tuple[str, ...]
    groups: tuple[AnyOf, ...] = ()


@dataclass(frozen=True, slots=True)
class AnyOf:
    """One of ``words`` or of ``groups``; ``every`` is each word anywhere inside (a quick reject)."""

    words: frozenset[str]
    groups: tuple[AllOf, ...] = ()
    every: frozenset[str] = frozenset()


Need = str | AllOf | AnyOf

_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)
# An inline ASCII or locale flag changes what \\b and \\w mean: such patterns get no clauses.
_SCOPED_ASCII = re.compile(r"\(\?[aiLmsux-]*[aL]")


def _ascii_letter(code: int) -> bool:
    return 65 <= code <= 90 or 97 <= code <= 122


def required_words(pattern: re.Pattern[str]) -> Need | None:
    """The lower-case words a match of ``pattern`` needs, None when none is certain."""
    return required_words_of(pattern.pattern, pattern.flags)


@cache
def required_words_of(source: str, flags: int) -> Need | None:
    """:func:`required_words` of the expression ``source`` compiled with ``flags``, without
    compiling it; kept between runs of the command line when reading it took a while."""
    if (source, flags) in _READ_TOGETHER:
        return _READ_TOGETHER[source, flags]
    found = remembered("spam required words", (_module_version(), source, int(flags)),
                       lambda: _plain(_required_words_of(source, flags)))
    return _need(found)


def required_words_of_each(sources: tuple[str, ...], flags: int) -> tuple[Need | None, ...]:
    """:func:`required_words_of` of each of ``sources``, kept between runs of the command line
    as one entry (each alone is too quick to keep; tens of them cost milliseconds)."""
    found = remembered("spam required words of each", (_module_version(), sources, int(flags)),
                       lambda: tuple(_plain(_required_words_of(s, flags)) for s in sources))
    needs = tuple(map(_need, found))
    _READ_TOGETHER.update(zip(((s, flags) for s in sources), needs, strict=True))
    return needs


# What required_words_of_each read, which required_words_of answers from.
_READ_TOGETHER: dict[tuple[str, int], Need | None] = {}


@cache
def _module_version() -> int:
    # the word edges are read by prefilter.py: its version is part of this one
    return zlib.crc32(Path(prefilter.__file__).read_bytes(), zlib.crc32(Path(__file__).read_bytes()))


def _plain(need: Need | None) -> Any:
    """``need`` as tuples, strings and frozensets (what the command line's store keeps)."""
    if need is None or isinstance(need, str):
        return need
    if isinstance(need, AllOf):
        return ("all", need.words, tuple(map(_plain, need.groups)))
    return ("any", need.words, tuple(map(_plain, need.groups)), need.every)


def _need(plain: Any) -> Need | None:
    if plain is None or isinstance(plain, str):
        return plain
    return _all_of_plain(plain) if plain[0] == "all" else _any_of_plain(plain)


def _all_of_plain(plain: Any) -> AllOf:
    return AllOf(plain[1], tuple(map(_any_of_plain, plain[2])))


def _any_of_plain(plain: Any) -> AnyOf:
    return AnyOf(plain[1], tuple(map(_all_of_plain, plain[2])), plain[3])


def _required_words_of(source: str, flags: int) -> Need | None:
    if flags & (re.ASCII | re.LOCALE) or _SCOPED_ASCII.search(source):
        return None
    try:
        parsed = _parser.parse(source, flags)
    except Exception:  # an expression re accepts always parses; stay safe if internals change
        return None
    return _all_of(_clauses(list(parsed.data), False, False))


def anchors(need: Need, words: frozenset[str]) -> frozenset[str] | None:
    """Words of ``words`` one of which every match holds (as few as the tree allows), or None
    when ``words`` lacks what a match needs."""
    if isinstance(need, str):
        return frozenset((need,)) if need in words else None
    if isinstance(need, AllOf):
        if not words.issuperset(need.words):
            return None
        best = frozenset(need.words[:1]) if need.words else None
        for group in need.groups:
            found = anchors(group, words)
            if found is None:
                return None
            if best is None or len(found) < len(best):
                best = found
        return best
    if need.every.isdisjoint(words):
        return None
    union = set(need.words & words)
    for option in need.groups:
        found = anchors(option, words)
        if found is not None:
            union |= found
    return frozenset(union) if union else None


def _all_of(needs: list[Need]) -> Need | None:
    unique = tuple(dict.fromkeys(needs))
    if not unique:
        return None
    if len(unique) == 1:
        return unique[0]
    words = sorted((n for n in unique if isinstance(n, str)), key=len, reverse=True)
    groups: list[AnyOf] = []
    for need in unique:
        if isinstance(need, AllOf):  # a group inside a sequence: its needs join this one's
            words.extend(need.words)
            groups.extend(need.groups)
        elif isinstance(need, AnyOf):
            groups.append(need)
    return AllOf(tuple(sorted(dict.fromkeys(words), key=len, reverse=True)), tuple(groups))


def _any_of_needs(options: list[Need]) -> AnyOf:
    unique = tuple(dict.fromkeys(options))
    words = frozenset(n for n in unique if isinstance(n, str))
    groups = tuple(n for n in unique if isinstance(n, AllOf))
    every = set(words)
    for need in unique:
        if isinstance(need, AllOf):
            every.update(need.words)
            for group in need.groups:
                every |= group.every
        elif isinstance(need, AnyOf):  # an alternative that is itself a choice: flatten it
            return _any_of_needs([n for n in unique if n is not need] + [*need.words, *need.groups])
    return AnyOf(words, groups, frozenset(every))


def _clauses(items: list[tuple[Any, Any]], left_outer: bool, right_outer: bool) -> list[Need]:
    found: list[Need] = []
    i = 0
    while i < len(items):
        op, av = items[i]
        if op is _parser.LITERAL:
            end = i
            while end < len(items) and items[end][0] is _parser.LITERAL:
                end += 1
            found.extend(_literal_words(items, i, end, left_outer, right_outer))
            i = end
            continue
        left = end_anchor(items[:i], left_outer, never_letter)
        right = next_outside(items[i + 1 :], right_outer, never_letter)
        if op is _parser.SUBPATTERN:
            found.extend(_clauses(list(av[3].data), left, right))
        elif op is _parser.ATOMIC_GROUP:
            found.extend(_clauses(list(av.data), left, right))
        elif op is _parser.BRANCH:
            either = _any_of(av[1], left, right)
            if either is not None:
                found.append(either)
        elif op in _REPEATS and av[0] >= 1:
            body = list(av[2].data)
            if av[1] != 1:  # later rounds sit next to the body itself, not to the outer items
                left = left and end_anchor(body, False, never_letter)
                right = right and next_outside(body, False, never_letter)
            found.extend(_clauses(body, left, right))
        i += 1
    return found


def _literal_words(
    items: list[tuple[Any, Any]], start: int, end: int, left_outer: bool, right_outer: bool
) -> list[Need]:
    """The fenced runs of ASCII letters in the literal characters ``items[start:end]``."""
    words: list[Need] = []
    s = start
    while s < end:
        if not _ascii_letter(items[s][1]):
            s += 1
            continue
        e = s
        while e < end and _ascii_letter(items[e][1]):
            e += 1
        if end_anchor(items[:s], left_outer, never_letter) and next_outside(items[e:], right_outer, never_letter):
            words.append("".join(chr(items[k][1]) for k in range(s, e)).lower())
        s = e
    return words


def _any_of(alternatives: list[Any], left: bool, right: bool) -> Need | None:
    """What one of the alternatives needs, or None when an alternative needs nothing certain."""
    options: list[Need] = []
    for alternative in alternatives:
        need = _all_of(_clauses(list(alternative.data), left, right))
        if need is None:
            return None
        options.append(need)
    return _any_of_needs(options)


def required_marks(pattern: re.Pattern[str]) -> str:
    """ASCII punctuation every match of ``pattern`` holds (the braces and bar of spintax)."""
    return required_marks_of(pattern.pattern, pattern.flags)


@cache
def required_marks_of(source: str, flags: int) -> str:
    try:
        parsed = _parser.parse(source, flags)
    except Exception:
        return ""
    return "".join(dict.fromkeys(_marks(list(parsed.data))))


def _marks(items: list[tuple[Any, Any]]) -> list[str]:
    found = []
    for op, av in items:
        if op is _parser.LITERAL and av < 128 and not chr(av).isalnum() and not chr(av).isspace():
            found.append(chr(av))
        elif op is _parser.SUBPATTERN:
            found.extend(_marks(list(av[3].data)))
        elif op in _REPEATS and av[0] >= 1:
            found.extend(_marks(list(av[2].data)))
    return found


DIGIT = "\\d"  # among leading texts: the match starts with a decimal digit
_SPACES = [(_parser.IN, [(_parser.CATEGORY, _parser.CATEGORY_SPACE)])]


@cache
def leading_texts(source: str, flags: int) -> frozenset[str] | None:
    """Lower-case texts one of which starts every match of ``source`` (``DIGIT`` for a decimal
    digit; a space for a run of white space), so ``str.startswith`` on a folded line with its
    white space runs made single spaces can rule a ``match`` or ``fullmatch`` out; None when some
    match may start otherwise. Kept between runs of the command line when reading it took a while."""
    found: frozenset[str] | None = remembered(
        "spam leading texts", (_module_version(), source, int(flags)), lambda: _leading_texts(source, flags)
    )
    return found


def _leading_texts(source: str, flags: int) -> frozenset[str] | None:
    if flags & (re.ASCII | re.LOCALE) or _SCOPED_ASCII.search(source):
        return None
    try:
        parsed = _parser.parse(source, flags)
    except Exception:
        return None
    return _leads(list(parsed.data))


def _leads(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """What the sequence ``items`` starts with; None when it may start with anything, or match
    the empty string (what follows it would then start the match)."""
    for i, (op, av) in enumerate(items):
        if op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):
            continue
        if op is _parser.LITERAL:
            run = []
            for kind, code in items[i:]:
                if kind is not _parser.LITERAL or (code >= 128 and chr(code).lower() != chr(code).upper()):
                    break  # a non-ASCII letter could match more than its own case pair
                run.append(chr(code))
            if not run:
                return None
            head = "".join(run).lower()
            # A shared start moved out of a branch ("s" of "sign up|subscribe"): join them again.
            after = _leads(items[i + len(run) :]) if i + len(run) < len(items) else None
            if after is None or DIGIT in after:
                return frozenset((head,))
            return frozenset(head + text for text in after)
        if op is _parser.IN:
            return frozenset((DIGIT,)) if av == [(_parser.CATEGORY, _parser.CATEGORY_DIGIT)] else None
        if op is _parser.SUBPATTERN:
            return _leads(list(av[3].data) + items[i + 1 :])
        if op is _parser.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                leads = _leads(list(alternative.data) + items[i + 1 :])
                if leads is None:
                    return None
                found |= leads
            return frozenset(found)
        if op in _REPEATS and av[0] >= 1 and list(av[2].data) == _SPACES:
            after = _leads(items[i + 1 :])
            if after is None or DIGIT in after:
                return frozenset((" ",))
            return frozenset(" " + text for text in after)
        if op in _REPEATS:
            first = _leads(list(av[2].data) + items[i + 1 :])
            if av[0] >= 1 or first is None:
                return first
            rest = _leads(items[i + 1 :])
            return None if rest is None else first | rest
        return None
    return None
