"""The claims lexicon: word families from ``rules/data/claims-lexicon.yaml`` turned into regex pieces.

Lexicon entries are lemmas; :func:`inflect` adds the regular inflections so that a family such as
``cure_verbs`` matches "cures", "cured" and "curing" without listing them. Phrases match whole
words, case-insensitively, with any white space between words and a hyphen matching a space or
nothing ("side-effect-free", "side effect free").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from contentlint.rules.data import load_yaml_data
from contentlint.rules.prefilter import compile_pattern

_SPECIAL_CHARACTERS = frozenset("'’-")
_UNINFLECTED_HEADS = frozenset({"is", "are", "was", "were", "be", "has", "have", "had"})


def _load() -> dict[str, Any]:
    return load_yaml_data("claims-lexicon.yaml")


def words(key: str) -> tuple[str, ...]:
    """The entries of one list in the lexicon."""
    value = _load().get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"claims lexicon: '{key}' must be a list of strings")
    return tuple(value)


def inflect(entry: str) -> tuple[str, ...]:
    """Forms of a verb entry: the listed ones when it spells them out with "|", else the regular
    third person, past and -ing forms of its first word (the rest of a phrasal verb is kept)."""
    if "|" in entry:
        return tuple(f.strip() for f in entry.split("|") if f.strip())
    head, _, rest = entry.partition(" ")
    if head.lower() in _UNINFLECTED_HEADS:
        return (entry,)
    tail = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = (head, head + "s", head + "d", head[:-1] + "ing")
    elif len(head) > 2 and head.endswith("y") and head[-2] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms = (head, head + "es", head + "ed", head + "ing")
    else:
        forms = (head, head + "s", head + "ed", head + "ing")
    return tuple(f + tail for f in forms)


def phrase_regex(phrase: str) -> str:
    """A phrase as a regex: words joined by any white space, hyphens optional, apostrophes either way."""
    parts = []
    for word in phrase.split():
        if not _SPECIAL_CHARACTERS.intersection(word):
            parts.append(re.escape(word))  # escapes character by character, as the loop below does
            continue
        piece = ""
        for ch in word:
            if ch in "'’":
                piece += "['’]"
            elif ch == "-":
                piece += r"[-‐\s]?"
            else:
                piece += re.escape(ch)
        parts.append(piece)
    return r"\s+".join(parts)


def alternation(phrases: Iterable[str], *, grouped: bool = False) -> str:
    """One non-capturing group matching any of ``phrases``, longest first.

    ``grouped`` gives the same matches found faster (see :func:`_by_first_letter`); the prefilter
    reads fewer words from it, so a pattern built with it serves as a :class:`ClaimPattern`'s
    ``search``, next to the plain ``regex``.
    """
    unique = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if grouped and all(p[0] in _GROUPED_LETTERS for p in unique):
        return _by_first_letter(unique)
    return "(?:" + "|".join(phrase_regex(p) for p in unique) + ")"


_GROUPED_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _by_first_letter(unique: list[str]) -> str:
    """The alternation of ``unique`` with the phrases that start with one letter grouped behind a
    lookahead for that letter: at a position one lookahead per letter is tried instead of every
    phrase. Phrases starting with different letters never match at the same place (not even
    case-insensitively), and within a group they keep their order, so the alternation tries the
    phrases that can match in the same order as the plain one, and matches the same."""
    groups: dict[str, list[str]] = {}
    for phrase in unique:
        groups.setdefault(phrase[0], []).append(phrase_regex(phrase))
    parts = [pieces[0] if len(pieces) == 1 else f"(?={letter})(?:{'|'.join(pieces)})"
             for letter, pieces in groups.items()]
    return "(?:" + "|".join(parts) + ")"


def family(key: str, *, grouped: bool = False) -> str:
    """The alternation of a lexicon list."""
    return alternation(words(key), grouped=grouped)


def verb_family(key: str, *, grouped: bool = False) -> str:
    """The alternation of every inflected form of a lexicon list of verbs."""
    return alternation((form for entry in words(key) for form in inflect(entry)), grouped=grouped)


def compile_words(body: str) -> re.Pattern[str]:
    """``body`` as a case-insensitive pattern that starts and ends on word boundaries."""
    return compile_pattern(rf"(?<![\w'’-]){body}(?![\w'’]|[-‐]\w)", re.IGNORECASE)
