"""Where a search may start: the characters every match of a pattern begins with, for the engine.

Searching, Python's regular-expression engine tries a match at every position of the text, unless
the pattern's info block names a literal prefix or a set of first characters: then it passes over
the other positions in a tight loop. It works that set out only for a pattern that opens with a
literal, a character class or an alternation of literals. Many patterns here open with a word
boundary, a look-behind or a look-ahead such as ``(?=[acd])`` (which rejects most positions
quickly, but only after a call into the matcher at each one).

:func:`hinted_code` works the set out through those zero-width openings and writes it into the
info block. The set is only where the search starts looking: the pattern's code after the info
block is unchanged, and a match can only start with a character of the set, so every search finds
the same matches at the same places. Patterns that can match an empty string, and the constructs
this does not follow (scoped flags, references to groups, repeats that may run zero times), keep
the block they had.
"""

from __future__ import annotations

from re import _compiler, _parser  # type: ignore[attr-defined]  # CPython's private compiler, as the prefilter's
from re import _constants as _c  # type: ignore[attr-defined]
from typing import Any

Charset = list[tuple[Any, Any]]


def hinted_code(tree: Any, flags: int, code: list[int]) -> list[int]:
    """``code`` (``re._compiler._code(tree, flags)``) with the first characters of the matches of
    ``tree`` (a parsed pattern) named in its info block, when the block names neither a prefix nor
    a set and the characters can be told; else ``code`` itself."""
    if flags & (_c.SRE_FLAG_IGNORECASE | _c.SRE_FLAG_LOCALE) or code[0] != _c.INFO:
        return code
    mask, lo, hi = code[2], code[3], code[4]
    if mask or lo == 0:
        return code
    firsts = _first_of_sequence(tree.state, tree.data)
    if firsts is None:
        return code
    charset, _ = _compiler._optimize_charset(firsts)  # no case tables: the flags hold no IGNORECASE
    info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, lo, hi]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info + code[1 + code[1]:]


def _first_of_sequence(state: Any, items: list[tuple[Any, Any]]) -> Charset | None:
    """The characters a match of ``items`` (in order) can start with, or None when that is not
    known or the sequence can match an empty string."""
    for op, av in items:
        if op is _c.AT or op is _c.ASSERT_NOT:
            continue
        if op is _c.ASSERT:
            direction, sub = av
            if direction == 1:  # a look-ahead that must consume a character names it
                found = _first_of_sequence(state, sub.data)
                if found is not None:
                    return found
            continue
        if _parser.SubPattern(state, [(op, av)]).getwidth()[0] == 0:
            return None  # the item may match nothing: the next one could start the match
        return _first_of_item(state, op, av)
    return None


def _first_of_item(state: Any, op: Any, av: Any) -> Charset | None:
    if op is _c.LITERAL:
        return [(op, av)]
    if op is _c.IN:
        return list(av)
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _first_of_sequence(state, sub.data)
    if op is _c.ATOMIC_GROUP:
        return _first_of_sequence(state, av.data)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _first_of_sequence(state, av[2].data)
    if op is _c.BRANCH:
        union: Charset = []
        for alternative in av[1]:
            found = _first_of_sequence(state, alternative.data)
            if found is None or any(kind is _c.NEGATE for kind, _ in found):
                return None
            union.extend(found)
        return union
    return None
