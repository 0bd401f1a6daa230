"""Cheap necessary conditions for regular expressions: the literal text every match must contain.

Python's regex engine tries a pattern at every position of the text, so a rule with dozens of
lexicon patterns pays for dozens of full scans of every article, although most articles hold none
of their words. :func:`required_literals` reads a compiled pattern's syntax tree and returns a set
of lower-case strings such that every match contains at least one of them; ``str.find`` locates
those in a lower-cased copy of the text far faster than the pattern can, and the pattern then runs
only where one of them occurs. The condition is necessary, never sufficient: the pattern still
decides every match, so findings are exactly what they would be without the filter.

:func:`required_literal_sets` gives every such set of a pattern (all must occur: "lose ... without
... diet" needs a form of "lose", "without" and a diet word). A literal the pattern bounds by a word
boundary, a space or punctuation carries :data:`ANCHOR` on that side, and one alternative of
several words becomes its two most telling words joined by :data:`ALL_OF`. Per article, one pass
maps each word to the blocks holding it (a bit per block): the blocks of a whole word, or of a word
start (bisecting the sorted words), are then look-ups, and only other literals are searched for in
the text, once it is known they occur at all.

Which side of a literal is a word's edge is read by :func:`end_anchor` and :func:`next_outside`,
given what counts as outside a word: here the runs of letters and digits, for the spam rules'
required words (``spam/_literals.py``) :func:`never_letter`, where a digit is an edge too.

The same lowered text serves a second purpose: a case-insensitive pattern, its letters lowered and
made case-sensitive (:func:`folded_pattern`), finds the same matches there several times faster;
:func:`folded_finditer`, :func:`folded_search` and :func:`searched_text` search that way whenever
it is exact, and plainly otherwise.
"""

from __future__ import annotations

import _sre as _sre_engine  # type: ignore[import-not-found]
import bisect
import contextlib
import enum
import re
import weakref
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from contentlint.document import Article, Block
from contentlint.rules import search_hint
from contentlint.rules.phrases import lowered_text as shared_lowered_text

try:  # the parser and compiler behind ``re``: public as sre_parse and sre_compile before Python 3.11
    from re import _compiler  # type: ignore[attr-defined]
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _sre  # type: ignore[no-redef]

_C = _sre  # constants (LITERAL, BRANCH...) are re-exported by the parser module
_MIN_USEFUL = 2  # shorter literals occur everywhere and filter nothing

Literals = frozenset[str]


def _ops(items: Any) -> list[Any]:
    """The (op, argument) pairs of a parsed sequence (its list itself: indexing one by one is slow)."""
    data = getattr(items, "data", None)
    return data if isinstance(data, list) else list(items)


@lru_cache(maxsize=4096)
def _fold(code: int) -> str | None:
    """The lower-case form of a literal character, or None when case folding could change its
    length or match characters outside ASCII (then it cannot take part in a plain ``find``)."""
    ch = chr(code)
    if ch == ANCHOR:
        return None
    low = ch.lower()
    if len(low) != 1:
        return None
    if ch.isascii() or (low == ch and ch.upper() == ch):
        return low
    return None


# Words in nearly every paragraph: a literal set holding one filters nothing, so another set of
# the same sequence is preferred (this only changes how well the filter works, never a result).
_COMMON_WORDS = frozenset({
    "the", "and", "of", "to", "in", "for", "on", "with", "is", "are", "be", "or", "by", "at", "as", "it", "its",
    "your", "you", "my", "from", "that", "this", "an",
})


def _selectivity(literals: Literals) -> tuple[int, int]:
    shortest = min(1 if x.strip(ANCHOR) in _COMMON_WORDS else len(x) for x in literals)
    return shortest, -len(literals)


def _best(candidates: list[Literals]) -> Literals | None:
    useful = [c for c in candidates if c and min(len(x.strip(ANCHOR)) for x in c) >= _MIN_USEFUL]
    if not useful:
        return None
    return max(useful, key=_selectivity)


# A literal that starts (ends) with this mark must occur at the start (end) of a run of letters
# and digits: the pattern puts a word boundary, a space or punctuation before (after) it. A sorted
# list and a set of the article's words answer those without searching the text.
ANCHOR = "\x00"
# Literals joined by this must all occur (in one block): one alternative's several words.
ALL_OF = "\x01"
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# ASCII characters outside the runs (not the mark, which never stands in a pattern's literal)
_OUTSIDE_CODES = frozenset(code for code in range(1, 128) if chr(code).lower() not in _RUN_CHARS)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", _C.MAX_REPEAT))


# Which characters count as a word's edge: a test of one single-character item (a literal or a set).
Outside = Callable[[Any, Any], bool]


def _outside_runs(op: Any, arg: Any) -> bool:
    """Whether every character ``op`` can match lies outside the runs of [a-z0-9] in lowered text."""
    if op is _C.LITERAL:
        return arg in _OUTSIDE_CODES
    if op is _C.IN:
        return all(
            (kind is _C.LITERAL and _outside_runs(kind, value))
            or (kind is _C.CATEGORY and value in (_C.CATEGORY_SPACE, _C.CATEGORY_UNI_SPACE))
            for kind, value in arg
        )
    return False


# Characters that case-insensitive matching equates with an ASCII letter, besides the letters.
_LOOKALIKES = frozenset(map(ord, "İıſ\u212a"))
_NON_LETTER_CATEGORIES = (_C.CATEGORY_SPACE, _C.CATEGORY_DIGIT, _C.CATEGORY_NOT_WORD, _C.CATEGORY_LINEBREAK)


def _may_be_letter(code: int) -> bool:
    return 65 <= code <= 90 or 97 <= code <= 122 or code in _LOOKALIKES


def never_letter(op: Any, arg: Any) -> bool:
    """Whether a one-character item never matches an ASCII letter, in any case (the word edge of
    the spam rules, whose words are runs of ASCII letters with the look-alikes folded)."""
    if op is _C.LITERAL:
        return not _may_be_letter(arg)
    if op is not _C.IN:
        return False
    for kind, value in arg:
        if kind is _C.LITERAL:
            if _may_be_letter(value):
                return False
        elif kind is _C.RANGE:
            low, high = value
            if (low <= 90 and high >= 65) or (low <= 122 and high >= 97) or any(low <= c <= high for c in _LOOKALIKES):
                return False
        elif kind is _C.CATEGORY:
            if value not in _NON_LETTER_CATEGORIES:
                return False
        else:  # NEGATE and anything else
            return False
    return True


def _sets_anchor(op: Any, arg: Any, anchored: bool, outside: Outside = _outside_runs) -> bool:
    """Whether the character before the next position is ``outside`` (by default: outside the
    runs of [a-z0-9]), given ``anchored`` for the position before ``op``."""
    if op is _C.LITERAL or op is _C.IN:
        return outside(op, arg)
    if op in _REPEATS:
        low, _high, body = arg
        # after one or more rounds the last round decides; whatever came before it, it ends
        # anchored when it does so from an unanchored start (anchoring only ever helps)
        repeated = end_anchor(body, False, outside)
        return repeated if low >= 1 else repeated and anchored
    if op is _C.SUBPATTERN:
        return end_anchor(arg[-1], anchored, outside)
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return end_anchor(arg, anchored, outside)
    if op is _C.BRANCH:
        return all(end_anchor(alternative, anchored, outside) for alternative in arg[1])
    if op is _C.AT:
        return arg in (_C.AT_BOUNDARY, _C.AT_UNI_BOUNDARY, _C.AT_BEGINNING, _C.AT_BEGINNING_STRING) or (
            anchored and arg is not _C.AT_NON_BOUNDARY and arg is not _C.AT_UNI_NON_BOUNDARY
        )
    if op is _C.ASSERT_NOT:
        direction, body = arg
        return (direction < 0 and _excludes_word_character(body)) or anchored
    if op is _C.ASSERT:
        direction, body = arg
        return (direction < 0 and end_anchor(body, False, outside)) or anchored
    return False


def end_anchor(items: Any, anchored: bool, outside: Outside = _outside_runs) -> bool:
    """Whether the character before the end of the sequence ``items`` is ``outside`` (where the
    next character is a letter or digit), given ``anchored`` for the position before it."""
    for op, arg in _ops(items):
        anchored = _sets_anchor(op, arg, anchored, outside)
    return anchored


def next_outside(items: Any, followed: bool, outside: Outside = _outside_runs) -> bool:
    """Whether, after a letter or digit, the next character the sequence ``items`` matches is
    ``outside`` (by default: outside the runs of [a-z0-9]; ``followed``: the same for what comes
    after the sequence)."""
    items = _ops(items)
    for index, (op, arg) in enumerate(items):
        if op is _C.LITERAL or op is _C.IN:
            return outside(op, arg)
        rest = items[index + 1 :]
        if op is _C.SUBPATTERN:
            return next_outside(arg[-1], next_outside(rest, followed, outside), outside)
        if op is getattr(_C, "ATOMIC_GROUP", None):
            return next_outside(arg, next_outside(rest, followed, outside), outside)
        if op is _C.BRANCH:
            after = next_outside(rest, followed, outside)
            return all(next_outside(alternative, after, outside) for alternative in arg[1])
        if op in _REPEATS:
            low, high, body = arg
            after = next_outside(rest, followed, outside)
            between = after if high == 1 else after and next_outside(body, False, outside)
            first = next_outside(body, between, outside)
            return first if low >= 1 else first and after
        if op is _C.AT:
            if arg in (_C.AT_BOUNDARY, _C.AT_UNI_BOUNDARY, _C.AT_END, _C.AT_END_STRING):
                return True
            continue  # zero width
        if op is _C.ASSERT_NOT:
            direction, body = arg
            if direction > 0 and _excludes_word_character(body):
                return True
            continue
        if op is _C.ASSERT:
            direction, body = arg
            if direction > 0 and next_outside(body, False, outside):
                return True
            continue
        return False
    return followed


def _excludes_word_character(body: Any) -> bool:
    """Whether a negative lookaround over ``body`` rules out a word character there."""
    body = _ops(body)
    alternatives = body[0][1][1] if len(body) == 1 and body[0][0] is _C.BRANCH else [body]
    for alternative in alternatives:
        alternative = _ops(alternative)
        if len(alternative) == 1 and alternative[0][0] is _C.IN and any(
            kind is _C.CATEGORY and value in (_C.CATEGORY_WORD, _C.CATEGORY_UNI_WORD)
            for kind, value in alternative[0][1]
        ):
            return True
    return False


def _marked(run: str, anchored: bool, followed: bool) -> str:
    before = ANCHOR if anchored and run[0] in _RUN_CHARS else ""
    after = ANCHOR if followed and run[-1] in _RUN_CHARS else ""
    return before + run + after


def _required_sets(items: Any, anchored: bool = False, followed: bool = False) -> list[Literals]:
    """Every literal set a match of the sequence ``items`` must contain one member of (all of them
    hold at once: "lose ... without ... diet" needs a "lose" form, "without" and a diet word).
    ``anchored``/``followed``: the character before/after the sequence is outside the runs of
    [a-z0-9]."""
    items = _ops(items)
    candidates: list[Literals] = []
    run = ""
    run_anchored = False
    for index, (op, arg) in enumerate(items):
        if op is _C.LITERAL:
            ch = _fold(arg)
            if ch is not None:
                if not run:
                    run_anchored = anchored
                run += ch
                anchored = arg in _OUTSIDE_CODES
                continue
        rest = items[index + 1 :]
        if run:
            candidates.append(frozenset({_marked(run, run_anchored, next_outside(items[index:], followed))}))
            run = ""
        if op is _C.SUBPATTERN:
            candidates.extend(_required_sets(arg[-1], anchored, next_outside(rest, followed)))
        elif op is _C.BRANCH:
            found = _branch(arg[1], anchored, next_outside(rest, followed))
            if found is not None:
                candidates.append(found)
        elif op in _REPEATS:
            low, high, body = arg
            if low >= 1:
                after = next_outside(rest, followed)
                between = after if high == 1 else after and next_outside(body, False)
                candidates.extend(_required_sets(body, anchored, between))
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            candidates.extend(_required_sets(arg, anchored, next_outside(rest, followed)))
        # classes, anchors, lookarounds, back-references: nothing certain
        anchored = _sets_anchor(op, arg, anchored)
    if run:
        candidates.append(frozenset({_marked(run, run_anchored, followed)}))
    return [c for c in candidates if c and min(len(x.strip(ANCHOR)) for x in c) >= _MIN_USEFUL]


def _branch(alternatives: Any, anchored: bool = False, followed: bool = False) -> Literals | None:
    union: set[str] = set()
    for alternative in alternatives:
        sets = _required_sets(alternative, anchored, followed)
        single = sorted((c for c in sets if len(c) == 1), key=_selectivity, reverse=True)
        if len(single) >= 2:
            # "according to research": both words, which together filter far more than either
            union.add(ALL_OF.join(sorted(next(iter(c)) for c in single[:2])))
            continue
        found = _best(sets)
        if found is None:
            return None
        union |= found
    return _minimal(union)


def _minimal(strings: set[str]) -> Literals:
    """Drop any string that contains another one of the set: finding the shorter one suffices."""
    return _minimal_of(frozenset(strings))


@lru_cache(maxsize=4096)
def _minimal_of(strings: Literals) -> Literals:
    # the same word family stands in many patterns: worked out once
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


@lru_cache(maxsize=4096)
def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None when the
    pattern guarantees no such literal (then it must be tried everywhere)."""
    best = _best(list(required_literal_sets(pattern)))
    if not best:
        return None
    return _minimal({max((part.strip(ANCHOR) for part in literal.split(ALL_OF)), key=len) for literal in best})


def required_literal_sets(pattern: re.Pattern[str]) -> tuple[Literals, ...]:
    """Sets of lower-case strings such that every match of ``pattern`` contains a member of each
    set; empty when the pattern guarantees no literal."""
    entry = _BY_IDENTITY.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    sets = _literal_sets_of(pattern)
    _keep_sets(pattern, sets)
    return sets


# The two places the answer is kept: in this process by the pattern's identity, each with its
# pattern (which keeps the identity its own; a compiled pattern hashes its whole program each
# time, microseconds for a lexicon pattern), and between command-line runs in the regex store.
_BY_IDENTITY: dict[int, tuple[re.Pattern[str], tuple[Literals, ...]]] = {}
_MAX_BY_IDENTITY = 4096


def _keep_sets(pattern: re.Pattern[str], sets: tuple[Literals, ...]) -> None:
    if len(_BY_IDENTITY) >= _MAX_BY_IDENTITY:
        _BY_IDENTITY.clear()
    _BY_IDENTITY[id(pattern)] = (pattern, sets)


def _literal_sets_of(pattern: re.Pattern[str]) -> tuple[Literals, ...]:
    if pattern.flags & re.VERBOSE:
        return ()
    from contentlint.regex_cache import remembered

    # kept between command-line runs, under this module's own version: its rules decide the sets
    return remembered("prefilter literal sets", (_module_version(), pattern.pattern, pattern.flags),
                      lambda: _parsed_sets(pattern))


def _parsed_sets(pattern: re.Pattern[str]) -> tuple[Literals, ...]:
    try:
        tree = _sre.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - compiled already, so this should not happen
        return ()
    return _sets_of_tree(tree)


@lru_cache(maxsize=1)
def _module_version() -> int:
    # what is kept between runs is worked out by this module and the search hints it writes
    return zlib.crc32(Path(__file__).read_bytes() + Path(search_hint.__file__).read_bytes())


def _compiler_replaced() -> bool:
    """Whether the command line's store of compiled patterns answers ``re.compile`` (then it is
    cheaper to ask it than to parse here)."""
    module: object = getattr(_compiler.compile, "__module__", None)
    own: object = _compiler.__name__
    return module != own


def _sets_of_tree(tree: Any) -> tuple[Literals, ...]:
    # the most selective sets first, so that an empty intersection is found early
    found = {_minimal(set(literals)) for literals in _required_sets(tree)}
    return tuple(sorted(found, key=lambda c: (-min(map(len, c)), len(c), sorted(c))))


@lru_cache(maxsize=1024)
def compile_pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, reading the literal sets from the same parse.

    Large lexicon patterns cost most of their set-up in the parse, which ``re.compile`` and
    :func:`required_literal_sets` would otherwise each do. The pattern is built the way
    ``re.compile`` builds it (equal to its result); any difference in the interpreter's
    internals falls back to ``re.compile``.
    """
    flags = int(flags)  # as ``re.compile`` does: the compiler is slow with RegexFlag members
    if flags & re.VERBOSE:
        return re.compile(source, flags)
    if _compiler_replaced():
        from contentlint.regex_cache import remembered

        lead = remembered("prefilter lead", (_module_version(), source, flags), lambda: _lead_of_source(source, flags))
        return re.compile(lead + source, flags)
    try:
        tree = _sre.parse(source, flags)
        sets = _sets_of_tree(tree)
        lead = _lead(tree, flags, source)
        if lead:
            tree.data.insert(0, _sre.parse(lead, flags).data[0])
        code = _compiler._code(tree, flags)
        state = tree.state
        index_group: list[str | None] = [None] * state.groups
        for name, number in state.groupdict.items():
            index_group[number] = name
        pattern: re.Pattern[str] = _sre_engine.compile(
            lead + source, flags | state.flags, code, state.groups - 1, state.groupdict, tuple(index_group)
        )
    except Exception:  # pragma: no cover - another interpreter's internals
        return re.compile(source, flags)
    _keep_sets(pattern, sets)
    return pattern


# --- a lookahead for the first letter -----------------------------------------------------------
# A case-insensitive alternation of words is tried word by word at every position; a lookahead
# for the letters its matches can start with, "(?=[cdh])", rejects most positions with one set
# test. Only plain ASCII letters and digits are used: for them a case-insensitive set accepts
# exactly the characters the case-insensitive letters themselves accept (the Kelvin sign, the
# long s...), so the matches are the same.
_LEAD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]")


def first_letters_lead(source: str, flags: int = 0) -> str:
    """``(?=[...])`` for the letters every match of ``source`` starts with, or "" (as
    :func:`compile_pattern` puts before a pattern, for a pattern compiled elsewhere)."""
    flags = int(flags)
    if flags & re.VERBOSE:
        return ""
    if _compiler_replaced():
        from contentlint.regex_cache import remembered

        return str(remembered("prefilter lead", (_module_version(), source, flags),
                              lambda: _lead_of_source(source, flags)))
    return _lead_of_source(source, flags)


def _lead_of_source(source: str, flags: int) -> str:
    try:
        return _lead(_sre.parse(source, flags), flags, source)
    except Exception:  # pragma: no cover - another interpreter's internals
        return ""


def _lead(tree: Any, flags: int, source: str) -> str:
    """``(?=[...])`` for the letters every match of a case-insensitive pattern starts with, or ""."""
    # (before a top-level "a|b" the lookahead binds to "a" alone: redundant there, still the same matches)
    if not flags & re.IGNORECASE or _GLOBAL_FLAGS.match(source):
        return ""
    letters, can_be_empty = _first_letters(_ops(tree))
    if letters is None or can_be_empty or len(letters) > _MAX_LEAD:
        return ""
    return "(?=[" + "".join(sorted(letters)) + "])"


_MAX_LEAD = 24  # with more first letters nearly every word start passes: not worth a test


def _first_letters(items: Any) -> tuple[set[str] | None, bool]:
    """The lower-case letters and digits a match of the sequence can start with, and whether it
    can match nothing; None when a start could be anything else."""
    found: set[str] = set()
    for op, arg in items:
        if op is _C.AT or op is _C.ASSERT or op is _C.ASSERT_NOT:
            continue
        if op is _C.LITERAL or op is _C.IN:
            return _set_letters(op, arg, found), False
        if op is _C.BRANCH:
            parts, at_least = arg[1], 1
        elif op is _C.SUBPATTERN:
            parts, at_least = [arg[-1]], 1
        elif op is _C.MAX_REPEAT or op is _C.MIN_REPEAT:
            parts, at_least = [arg[2]], arg[0]
        else:
            return None, False
        empty = False
        for part in parts:
            letters, can_be_empty = _first_letters(_ops(part))
            if letters is None:
                return None, False
            found |= letters
            empty = empty or can_be_empty
        if at_least and not empty:
            return found, False
    return found, True


def _set_letters(op: Any, arg: Any, found: set[str]) -> set[str] | None:
    codes: list[int] = []
    for kind, value in [(op, arg)] if op is _C.LITERAL else arg:
        if kind is _C.LITERAL:
            codes.append(value)
        elif kind is _C.RANGE and value[1] - value[0] < len(_LEAD_CHARS):
            codes.extend(range(value[0], value[1] + 1))
        else:
            return None
    letters = {chr(code).lower() for code in codes}
    return found | letters if letters <= _LEAD_CHARS else None


# --- per-article lookups ------------------------------------------------------------------------
# Characters that a case-insensitive pattern treats as equal to an ASCII letter although
# ``str.lower`` does not map them to it (the Kelvin sign, the long s, dotted and dotless i...).
def _folds_to_ascii(ch: str) -> bool:
    return any(c.isascii() for form in (ch.lower(), ch.upper(), ch.casefold()) for c in form)


# Every character beyond ASCII for which :func:`_folds_to_ascii` holds (a test checks the list
# against all of Unicode). A search for each costs far less than testing each distinct character,
# and less than one search for a class of them, which tests the class at every character (and a
# text narrower than a character rules that character out at once).
_FOLDING_TO_ASCII = (
    "\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a"
    "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)


def _folds_somewhere(text: str) -> bool:
    """Whether ``text`` holds a character beyond ASCII that case-folds to an ASCII letter."""
    return not text.isascii() and any(map(text.__contains__, _FOLDING_TO_ASCII))


_ALNUM_RUN = re.compile(r"[a-z0-9]+")


class _Kind(enum.Enum):
    WHOLE_RUN = "a whole run of letters and digits"
    RUN_START = "at the start of a run of letters and digits"
    IN_RUN = "inside a run of letters and digits"
    ANYWHERE = "holds other characters"
    ALL_OF = "several literals, all of them"


@lru_cache(maxsize=8192)
def _kind(literal: str) -> tuple[str, _Kind]:
    if ALL_OF in literal:
        return literal, _Kind.ALL_OF
    bare = literal.strip(ANCHOR)
    if not _ALNUM_RUN.fullmatch(bare):
        return bare, _Kind.ANYWHERE
    if literal.startswith(ANCHOR):
        return bare, _Kind.WHOLE_RUN if literal.endswith(ANCHOR) else _Kind.RUN_START
    return bare, _Kind.IN_RUN


@lru_cache(maxsize=4096)
def _all_of(literal: str) -> tuple[str, ...]:
    return tuple(literal.split(ALL_OF))


@lru_cache(maxsize=4096)
def _pieces(literal: str) -> tuple[tuple[str, str, _Kind], ...]:
    """The literals ``literal`` joins, each with its bare text and kind, whole words first (the
    cheapest to look up)."""
    pieces = [(part, *_kind(part)) for part in _all_of(literal)]
    return tuple(sorted(pieces, key=lambda piece: piece[2] is not _Kind.WHOLE_RUN))


class _Parts(NamedTuple):
    whole: frozenset[str]  # bare whole words, tested with one set operation
    keyed: dict[str, tuple[str, ...]]  # a word each of these several-word literals needs, to them
    others: tuple[str, ...]


@lru_cache(maxsize=4096)
def _split(literals: Literals) -> _Parts:
    whole: set[str] = set()
    keyed: dict[str, list[str]] = {}
    others: list[str] = []
    for literal in sorted(literals):
        bare, kind = _kind(literal)
        if kind is _Kind.WHOLE_RUN:
            whole.add(bare)
            continue
        words = [_kind(part)[0] for part in literal.split(ALL_OF) if _kind(part)[1] is _Kind.WHOLE_RUN]
        if kind is _Kind.ALL_OF and words:
            keyed.setdefault(max(words, key=len), []).append(literal)
        else:
            others.append(literal)
    return _Parts(frozenset(whole), {word: tuple(found) for word, found in keyed.items()}, tuple(others))


class _Lookup(NamedTuple):
    """A literal set arranged for finding its blocks from the word index (see :func:`_lookup`)."""

    whole: frozenset[str]  # bare whole words
    pairs: dict[str, frozenset[str]]  # a whole word to the whole words either of which, beside it, completes a literal
    starts: tuple[str, ...]  # bare word starts
    keyed: dict[str, tuple[str, ...]]  # as in _Parts, without the pairs
    others: tuple[str, ...]


@lru_cache(maxsize=4096)
def _lookup(literals: Literals) -> _Lookup:
    """``literals`` grouped by how their blocks are found: most are whole words (one set operation),
    pairs of whole words ("according to research" needs "according" and "research" in one block),
    and word starts (bisecting the sorted words)."""
    parts = _split(literals)
    pairs: list[tuple[str, str]] = []
    keyed: dict[str, tuple[str, ...]] = {}
    for word, found in parts.keyed.items():
        rest = []
        for literal in found:
            pieces = _pieces(literal)
            if len(pieces) == 2 and all(kind is _Kind.WHOLE_RUN for _, _, kind in pieces):
                pairs.append((pieces[0][1], pieces[1][1]))
            else:
                rest.append(literal)
        if rest:
            keyed[word] = tuple(rest)
    # a pair is filed under its word shared by more pairs ("according" in "according to
    # experts/research/doctors"), so that one look-up of its partners answers them all
    shared = Counter(word for pair in pairs for word in pair)
    partners: dict[str, set[str]] = {}
    for pair in pairs:
        first, second = sorted(pair, key=lambda word: (-shared[word], -len(word), word))
        partners.setdefault(first, set()).add(second)
    starts = tuple(_kind(literal)[0] for literal in parts.others if _kind(literal)[1] is _Kind.RUN_START)
    others = tuple(literal for literal in parts.others if _kind(literal)[1] is not _Kind.RUN_START)
    return _Lookup(parts.whole, {word: frozenset(found) for word, found in partners.items()}, starts, keyed, others)


# Every byte but ASCII letters and digits to a space: the runs of letters and digits of a lowered
# text are then the words ``split`` gives, found at C speed (non-ASCII characters become "?" first).
_RUNS_ONLY = bytes(code if chr(code) in _RUN_CHARS else ord(" ") for code in range(256))


def _runs_spaced(lowered: str) -> str:
    """``lowered`` with every character outside the runs of [a-z0-9] made a space (same positions)."""
    return lowered.encode("ascii", "replace").translate(_RUNS_ONLY).decode("ascii")


def _blocks_by_word(spaced: str, blocks: Sequence[Block]) -> dict[str, int] | None:
    """Each run of letters and digits of ``spaced`` (see :func:`_runs_spaced`) to the blocks
    holding it (bit n for block number n), made in one pass; None unless the blocks come in order
    without overlapping and every run lies wholly inside one of them (then a run's blocks are
    those a search of the text finds it in)."""
    masks: dict[str, int] = {}
    get = masks.get
    previous_end = 0
    bit = 1
    for block in blocks:
        start, end = block.start, block.end
        if start < previous_end or end < start or not _blank(spaced, previous_end, start) or (
            0 < start < len(spaced) and spaced[start - 1] != " " and spaced[start] != " "
        ):
            return None
        for word in spaced[start:end].split():
            masks[word] = get(word, 0) | bit
        bit <<= 1
        previous_end = end
    return masks if _blank(spaced, previous_end, len(spaced)) else None


def _blank(spaced: str, start: int, end: int) -> bool:
    """Whether ``spaced[start:end]`` holds no run of letters and digits."""
    return start >= end or spaced[start:end].isspace()


def _numbers(mask: int) -> frozenset[int]:
    """The numbers of the bits set in ``mask``."""
    found: list[int] = []
    while mask:
        lowest = mask & -mask
        found.append(lowest.bit_length() - 1)
        mask ^= lowest
    return frozenset(found)


class _Index:
    __slots__ = ("_words", "_words_text", "block_ends", "block_starts", "literal_masks", "lowered", "present",
                 "set_masks", "set_present", "word_blocks", "word_set")

    def __init__(self, article: Article) -> None:
        text = article.text
        lowered = shared_lowered_text(text)  # the copy the phrase lists search
        # When positions would shift or a letter would be missed, filter nothing.
        unsafe = len(lowered) != len(text) or _folds_somewhere(text)
        self.lowered: str | None = None if unsafe else lowered
        self.block_starts = [b.start for b in article.blocks]
        self.block_ends = [b.end for b in article.blocks]
        self.present: dict[str, bool] = {}
        self.set_present: dict[Literals, bool] = {}
        # the blocks (bit n: block number n) holding a literal, and one member of a set
        self.literal_masks: dict[str, int] = {}
        self.set_masks: dict[Literals, int] = {}
        # the distinct runs of letters and digits, to their blocks: nearly every article is asked
        # about some word, and which blocks hold a whole word is then one look-up
        self.word_blocks: dict[str, int] | None = None
        self.word_set: set[str] = set()
        if self.lowered is not None:
            spaced = _runs_spaced(lowered)
            self.word_blocks = _blocks_by_word(spaced, article.blocks)
            self.word_set = set(spaced.split() if self.word_blocks is None else self.word_blocks)
        self._words: list[str] | None = None
        self._words_text: str | None = None

    @property
    def words(self) -> list[str]:
        """The distinct runs, sorted (made when a literal must start a run)."""
        if self._words is None:
            self._words = sorted(self.word_set)
        return self._words

    @property
    def words_text(self) -> str:
        """The distinct runs joined by spaces (made when a literal may lie inside a run)."""
        if self._words_text is None:
            self._words_text = " ".join(self.words)
        return self._words_text

    def occurs(self, literal: str) -> bool:
        """Whether ``literal`` occurs anywhere in the lower-cased text.

        Most literals are letters and digits only, and such a literal can only occur inside one
        run of letters and digits: one at the start of a run is found by bisecting the sorted
        distinct runs, any other in the runs joined (a fraction of the text's length).
        """
        known = self.present.get(literal)
        if known is not None:
            return known
        assert self.lowered is not None
        bare, kind = _kind(literal)
        if kind is _Kind.WHOLE_RUN:
            found = bare in self.word_set
        elif kind is _Kind.RUN_START:
            at = bisect.bisect_left(self.words, bare)
            found = at < len(self.words) and self.words[at].startswith(bare)
        elif kind is _Kind.IN_RUN:
            found = bare in self.words_text
        elif kind is _Kind.ALL_OF:
            found = all(self.occurs(part) for part in _all_of(literal))
        else:
            found = bare in self.lowered
        self.present[literal] = found
        return found

    def any_occurs(self, literals: Literals) -> bool:
        known = self.set_present.get(literals)
        if known is None:
            known = self.set_present[literals] = self._any_present(literals)
        return known

    def _any_present(self, literals: Literals) -> bool:
        parts = _split(literals)
        words = self.word_set
        if not words.isdisjoint(parts.whole):
            return True
        candidates = [literal for word in words.intersection(parts.keyed) for literal in parts.keyed[word]]
        return any(self.occurs(literal) for literal in (*candidates, *parts.others))

    def blocks_needing(self, needed: tuple[Literals, ...]) -> int:
        """The blocks (bit n: block number n) that hold a member of every set in ``needed``."""
        known = self.set_masks
        result = -1
        unknown = []
        # the sets other patterns made known first: they may rule every block out at no cost
        for literals in needed:
            mask = known.get(literals)
            if mask is None:
                unknown.append(literals)
                continue
            result &= mask
            if not result:
                return 0
        for literals in unknown:
            mask = known[literals] = self._blocks_with_any(literals)
            result &= mask
            if not result:
                break
        return result

    def _blocks_with_any(self, literals: Literals) -> int:
        masks = self.word_blocks
        if masks is None:
            return self._blocks_searched_for_any(literals)
        lookup = _lookup(literals)
        words = self.word_set
        mask = 0
        for word in words.intersection(lookup.whole):
            mask |= masks[word]
        for word in words.intersection(lookup.pairs):
            beside = 0
            for partner in words.intersection(lookup.pairs[word]):
                beside |= masks[partner]
            mask |= masks[word] & beside
        if lookup.starts:
            mask |= self._blocks_of_starts(lookup.starts)
        return mask | self._blocks_with_literals(lookup.keyed, lookup.others)

    def _blocks_of_starts(self, starts: tuple[str, ...]) -> int:
        """The blocks holding a word that starts with one of ``starts``."""
        assert self.word_blocks is not None
        masks, words = self.word_blocks, self.words
        count = len(words)
        mask = 0
        for bare in starts:
            at = bisect.bisect_left(words, bare)
            while at < count and words[at].startswith(bare):
                mask |= masks[words[at]]
                at += 1
        return mask

    def _blocks_of_words_holding(self, bare: str, at_end: bool) -> int:
        """The blocks holding a word that holds ``bare`` (at its end when ``at_end``), found in
        the distinct words joined, where a common piece ("oil") is found once, not at each use."""
        assert self.word_blocks is not None
        masks, joined = self.word_blocks, self.words_text
        mask = 0
        at = joined.find(bare)
        while at != -1:
            end = joined.find(" ", at + len(bare))
            if end == -1:
                end = len(joined)
            if not at_end or end == at + len(bare):
                mask |= masks[joined[joined.rfind(" ", 0, at) + 1 : end]]
                at = joined.find(bare, end)
            else:
                at = joined.find(bare, at + 1)
        return mask

    def _blocks_searched_for_any(self, literals: Literals) -> int:
        """:meth:`_blocks_with_any` when the word index cannot say which blocks hold a word."""
        parts = _split(literals)
        words = self.word_set
        mask = 0
        for word in words.intersection(parts.whole):
            mask |= self.blocks_with(ANCHOR + word + ANCHOR)
        return mask | self._blocks_with_literals(parts.keyed, parts.others)

    def _blocks_with_literals(self, keyed: Mapping[str, Sequence[str]], others: Iterable[str]) -> int:
        """The blocks holding one of ``others``, or one of the literals ``keyed`` under a word of
        the article (a literal filed under a word the article lacks cannot occur)."""
        mask = 0
        for word in self.word_set.intersection(keyed):
            for literal in keyed[word]:
                mask |= self.blocks_with(literal)
        for literal in others:
            mask |= self.blocks_with(literal)
        return mask

    def blocks_with(self, literal: str) -> int:
        """The blocks (bit n: block number n) that hold ``literal`` wholly inside them."""
        known = self.literal_masks.get(literal)
        if known is None:
            known = self.literal_masks[literal] = self._blocks_holding(literal)
        return known

    def _blocks_holding(self, literal: str) -> int:
        bare, kind = _kind(literal)
        masks = self.word_blocks
        if masks is not None:
            # every run lies inside one block: a whole word's blocks, or those of the words it starts, are known
            if kind is _Kind.WHOLE_RUN:
                return masks.get(bare, 0)
            if kind is _Kind.RUN_START:
                return self._blocks_of_starts((bare,))
            if kind is _Kind.IN_RUN:
                return self._blocks_of_words_holding(bare, literal.endswith(ANCHOR))
        if kind is _Kind.ALL_OF:
            mask = -1
            known = self.literal_masks
            for part, bare_part, kind_of_part in _pieces(literal):
                whole = masks is not None and kind_of_part is _Kind.WHOLE_RUN
                found = masks.get(bare_part, 0) if masks is not None and whole else known.get(part)
                if found is None:
                    found = known[part] = self._blocks_holding(part)
                mask &= found
                if not mask:
                    break
            return mask
        return self._searched_blocks(literal) if self.occurs(literal) else 0

    def _searched_blocks(self, literal: str) -> int:
        assert self.lowered is not None
        lowered, starts, ends = self.lowered, self.block_starts, self.block_ends
        hits = 0
        bare = literal.strip(ANCHOR)
        # the marks hold on the letters and digits either side (see _marked)
        after_run = literal.startswith(ANCHOR)
        before_run = literal.endswith(ANCHOR) and len(literal) > 1
        at = lowered.find(bare)
        while at != -1:
            end = at + len(bare)
            if (after_run and at > 0 and lowered[at - 1] in _RUN_CHARS) or (
                before_run and end < len(lowered) and lowered[end] in _RUN_CHARS
            ):
                at = lowered.find(bare, at + 1)
                continue
            number = bisect.bisect_right(starts, at) - 1
            if number >= 0 and at + len(bare) <= ends[number]:
                hits |= 1 << number
                at = lowered.find(bare, ends[number])
            else:
                at = lowered.find(bare, at + 1)
        return hits


_NOWHERE: frozenset[int] = frozenset()
_INDEXES: weakref.WeakKeyDictionary[Article, _Index] = weakref.WeakKeyDictionary()


def _index(article: Article) -> _Index:
    index = _INDEXES.get(article)
    if index is None:
        index = _Index(article)
        _INDEXES[article] = index
    return index


def candidate_blocks(article: Article, patterns: Sequence[re.Pattern[str] | None]) -> frozenset[int] | None:
    """Numbers of the blocks where a match of every one of ``patterns`` could lie wholly inside
    the block (None entries are ignored), or None when any block could hold one."""
    return blocks_needing(article, needed_sets(patterns))


def blocks_needing(article: Article, needed: tuple[Literals, ...]) -> frozenset[int] | None:
    """:func:`candidate_blocks` for the sets :func:`needed_sets` gave (to keep them between
    articles): numbers of the blocks holding a member of every set, or None when there is none."""
    if not needed:
        return None
    index = _index(article)
    if index.lowered is None:
        return None
    mask = index.blocks_needing(needed)
    return _numbers(mask) if mask else _NOWHERE


def needed_sets(patterns: Sequence[re.Pattern[str] | None]) -> tuple[Literals, ...]:
    """Every literal set (see :func:`required_literal_sets`) of every pattern (None is skipped)."""
    key = tuple(map(id, patterns))
    entry = _NEEDED.get(key)
    if entry is not None and entry[0] == tuple(patterns):
        return entry[1]
    if len(_NEEDED) >= _MAX_BY_IDENTITY:
        _NEEDED.clear()
    needed = tuple(sets for pattern in patterns if pattern is not None for sets in required_literal_sets(pattern))
    _NEEDED[key] = (tuple(patterns), needed)
    return needed


_NEEDED: dict[tuple[int, ...], tuple[tuple[re.Pattern[str] | None, ...], tuple[Literals, ...]]] = {}


def lowered_text(article: Article) -> str:
    """``article.text.lower()``: the copy the phrase lists and the word index share, made once for
    a long text (asking for it does not build the word index)."""
    return shared_lowered_text(article.text)


def alnum_runs(article: Article) -> AbstractSet[str] | None:
    """The distinct maximal runs of ``[a-z0-9]`` in the lower-cased text, or None when lower-casing
    shifts offsets or a non-ASCII character case-folds to an ASCII letter (then the runs of the
    lower-cased text are not those a case-insensitive pattern sees). Not to be changed."""
    index = _index(article)
    return None if index.lowered is None else index.word_set


def may_match(article: Article, pattern: re.Pattern[str]) -> bool:
    """False when no match of ``pattern`` can occur anywhere in ``article.text``."""
    index = _index(article)
    if index.lowered is None:
        return True
    return all(index.any_occurs(literals) for literals in required_literal_sets(pattern))


# --- case-insensitive patterns searched in the lowered text -------------------------------------
# A case-insensitive literal costs the engine a case mapping and rules out the quick test of an
# alternative's first character, so a lexicon alternation is tried word by word at every place.
# In the lowered text the same pattern with its letters lowered and case-sensitive finds the same
# matches at the same places (where lowering keeps offsets and no character folds to an ASCII
# letter, see ``_Index``), several times faster. A match found there is matched again in the text
# itself, so callers see exactly the matches of the pattern they gave.
def folded_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` (case-insensitive) as a case-sensitive pattern for the lowered text, or None when
    it is not case-insensitive or holds what this does not translate (scoped flags, back-references,
    cased letters beyond ASCII)."""
    return _folded(pattern)[0]


def _folded(pattern: re.Pattern[str]) -> tuple[re.Pattern[str] | None, bool]:
    """:func:`folded_pattern`, and whether the pattern can match nothing (then a match found in the
    lowered text cannot simply be matched again in the text: an iteration allows no empty match
    where the one before ended)."""
    entry = _FOLDED.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    found: tuple[re.Pattern[str] | None, bool] = (None, True)
    if pattern.flags & re.IGNORECASE and not pattern.flags & re.LOCALE:
        from contentlint.regex_cache import remembered

        arguments = remembered("prefilter folded", (_module_version(), pattern.pattern, pattern.flags),
                               lambda: _folded_arguments(pattern))
        if arguments is not None:
            may_be_empty, compiled = arguments
            with contextlib.suppress(Exception):  # another interpreter's internals: search plainly
                found = (_sre_engine.compile(pattern.pattern, *compiled), may_be_empty)
    if len(_FOLDED) >= _MAX_BY_IDENTITY:
        _FOLDED.clear()
    _FOLDED[id(pattern)] = (pattern, found)
    return found


_FOLDED: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str] | None, bool]]] = {}


def _folded_arguments(pattern: re.Pattern[str]) -> tuple[Any, ...] | None:
    """What ``_sre.compile`` takes for :func:`folded_pattern` (plain data, kept between runs)."""
    try:
        tree = _sre.parse(pattern.pattern, pattern.flags)
        may_be_empty = tree.getwidth()[0] == 0
        if not _lower_letters(tree):
            return None
        # (an int, not a RegexFlag, to be kept between runs; _code reads both the flags and the tree's)
        flags = tree.state.flags = int(pattern.flags | tree.state.flags) & ~int(re.IGNORECASE)
        code = search_hint.hinted_code(tree, flags, _compiler._code(tree, flags))
    except Exception:  # pragma: no cover - another interpreter's internals
        return None
    state = tree.state
    index_group: list[str | None] = [None] * state.groups
    for name, number in state.groupdict.items():
        index_group[number] = name
    return may_be_empty, (flags, [int(c) for c in code], state.groups - 1, dict(state.groupdict), tuple(index_group))


def _caseless(code: int) -> bool:
    ch = chr(code)
    return ch.lower() == ch == ch.upper()


def _lowered_code(code: int) -> int | None:
    """An ASCII capital's small letter; a character without case itself; None for other letters."""
    if 65 <= code <= 90:
        return code + 32
    return code if code < 128 or _caseless(code) else None


def _lower_letters(items: Any) -> bool:
    """Lower the letters of the parsed sequence ``items`` in place; False when something in it
    cannot be translated (then the tree is thrown away)."""
    for index, (op, arg) in enumerate(_ops(items)):
        if op is _C.LITERAL or op is _C.NOT_LITERAL:
            code = _lowered_code(arg)
            if code is None:
                return False
            items[index] = (op, code)
        elif op is _C.IN:
            lowered = _lowered_set(arg)
            if lowered is None:
                return False
            items[index] = (op, lowered)
        elif op is _C.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            if (add_flags | del_flags) & (re.IGNORECASE | re.LOCALE) or not _lower_letters(body):
                return False
        elif op is _C.BRANCH:
            if not all(_lower_letters(alternative) for alternative in arg[1]):
                return False
        elif op in _REPEATS:
            if not _lower_letters(arg[2]):
                return False
        elif op is _C.ASSERT or op is _C.ASSERT_NOT:
            if not _lower_letters(arg[1]):
                return False
        elif op is getattr(_C, "ATOMIC_GROUP", None):
            if not _lower_letters(arg):
                return False
        elif op is not _C.AT and op is not _C.ANY and op is not _C.CATEGORY:
            return False  # back-references and anything unforeseen
    return True


def _lowered_set(items: list[Any]) -> list[Any] | None:
    """A character set's items for the lowered text: a capital becomes its small letter, a range
    of capitals gains the range of their small letters."""
    lowered: list[Any] = []
    for kind, value in items:
        if kind is _C.LITERAL:
            code = _lowered_code(value)
            if code is None:
                return None
            lowered.append((kind, code))
        elif kind is _C.RANGE:
            low, high = value
            if any(not _caseless(code) for code in range(max(low, 128), high + 1)):
                return None
            lowered.append((kind, value))
            if low <= 90 and high >= 65:
                lowered.append((_C.RANGE, (max(low, 65) + 32, min(high, 90) + 32)))
        elif kind is _C.CATEGORY or kind is _C.NEGATE:
            lowered.append((kind, value))
        else:
            return None
    return lowered


def searched_text(article: Article, pattern: re.Pattern[str]) -> tuple[str, re.Pattern[str]]:
    """Where the places of ``pattern``'s matches in ``article.text`` are found fastest: the lowered
    text and :func:`folded_pattern` when they find the same places, else the text and ``pattern``
    (a match found in the lowered text has the same spans, but its strings are lowered)."""
    folded = folded_pattern(pattern)
    if folded is not None:
        lowered = _index(article).lowered
        if lowered is not None:
            return lowered, folded
    return article.text, pattern


def folded_finditer(article: Article, pattern: re.Pattern[str], lo: int, hi: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(article.text, lo, hi)``, searched in the lowered text when that finds the
    same matches (see :func:`folded_pattern`)."""
    searched, searcher = searched_text(article, pattern)
    if searcher is pattern or _folded(pattern)[1]:
        yield from pattern.finditer(article.text, lo, hi)
        return
    text = article.text
    for found in searcher.finditer(searched, lo, hi):
        match = pattern.match(text, found.start(), hi)
        if match is None or match.end() != found.end():  # pragma: no cover - the translation is exact
            raise AssertionError(f"a folded pattern found another match: {pattern.pattern[:60]!r}")
        yield match


def folded_search(article: Article, pattern: re.Pattern[str], lo: int, hi: int) -> bool:
    """Whether ``pattern.search(article.text, lo, hi)`` finds a match (see :func:`folded_pattern`)."""
    searched, searcher = searched_text(article, pattern)
    return searcher.search(searched, lo, hi) is not None
