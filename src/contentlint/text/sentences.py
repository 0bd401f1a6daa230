"""A fast rule-based sentence splitter.

One compiled regular expression finds every place that could end a sentence (``.``, ``?``,
``!``, an ellipsis, with any closing quotes or brackets, followed by white space); a few checks
on the word before and the word after decide whether it does. Abbreviations are data below.
"""

from __future__ import annotations

import re

# Never end a sentence: titles and Latin abbreviations always followed by more of the sentence.
NEVER_ENDING = frozenset(
    {
        "mr", "mrs", "ms", "mx", "dr", "drs", "prof", "st", "mt", "ft", "rev", "hon", "gen", "gov",
        "sen", "rep", "capt", "lt", "col", "sgt", "supt", "vs", "v", "e.g", "eg", "i.e", "ie",
        "cf", "viz", "approx", "ca", "esp", "incl", "fig", "figs", "dept", "univ", "assn",
        "nr", "resp", "vol", "vols", "ed", "eds", "ch", "sec", "eq", "tab", "ref", "refs",
    }
)
# May end a sentence: end one only when a typical sentence opener follows ("... in the U.S. The").
SOMETIMES_ENDING = frozenset(
    {
        "etc", "inc", "ltd", "co", "corp", "llc", "plc", "bros", "jr", "sr", "al", "u.s", "u.k",
        "u.n", "e.u", "a.m", "p.m", "ph.d", "m.d", "d.o", "b.sc", "m.sc", "r.n", "u.s.a",
    }
)
# End a sentence unless a number follows ("No. 5", "p. 12", "Jan. 3").
BEFORE_NUMBER = frozenset(
    {
        "no", "nos", "p", "pp", "para", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "art", "pt",
    }
)
SENTENCE_OPENERS = frozenset(
    {
        "the", "this", "that", "these", "those", "it", "its", "in", "a", "an", "but", "and", "or",
        "however", "for", "if", "we", "they", "he", "she", "you", "i", "there", "some", "many",
        "most", "more", "when", "while", "as", "so", "also", "our", "your", "his", "her", "their",
        "what", "how", "why", "such", "other", "one", "each", "all", "people", "researchers",
        "after", "before", "since", "although", "though", "yet", "then", "still", "at", "on",
        "by", "with", "to", "from", "about", "according", "over", "under", "only", "not", "no",
    }
)

# A candidate end, and in a lookahead what follows it: the white space and opening marks (group 1)
# and the next word (group 2), so one match tells all the checks need. (A pattern opening with a
# character set lets the engine skip straight to the next mark instead of trying every position,
# and the lookahead after it drops a mark inside a word or number, "2.5" or "e.g", at once.)
# Group 3 is the white space alone: where the next sentence starts.
_AFTER_MARK = r"(?=[\s.!?…\"'”’)\]])[.!?…]*[\"'”’)\]]*(?=((\s+)[\"'“‘(\[]*(\w+)?))"
_CANDIDATE = re.compile(r"[.!?…]" + _AFTER_MARK)
# The same for text whose only mark is the full stop (most blocks): a pattern opening with one
# character is searched several times quicker than one opening with a set.
_FULL_STOP_CANDIDATE = re.compile(r"\." + _AFTER_MARK)
_OPENING = "\"'“‘([{*_"


def _previous_token(text: str, lo: int, at: int) -> str:
    space = text.rfind(" ", lo, at)
    after = max(space + 1, lo)  # a line break or tab matters only after the last space
    space = max(space, text.rfind("\n", after, at), text.rfind("\t", after, at))
    return text[space + 1 : at].lstrip(_OPENING)


def _ends_sentence(text: str, start: int, match: re.Match[str], next_word: str | None) -> bool:
    if not next_word:
        # white space then punctuation or a symbol (a bullet, a dash): end unless an abbreviation
        next_word = ""
    first = next_word[:1]
    if first.islower():
        return False
    found = match.group()
    if found == ".":  # the commonest end by far: a bare full stop
        return _ends_after_full_stop(text, start, match.start(), next_word, first)
    mark = found.rstrip("\"'”’)]")
    if "?" in mark or "!" in mark:
        return True
    if mark.startswith("...") or mark.startswith("…"):
        return first.isupper()
    if len(mark) > 1:  # ".." or similar run
        return True
    if len(found) > len(mark):  # closed by a quote or bracket
        return True
    return _ends_after_full_stop(text, start, match.start(), next_word, first)


def _ends_after_full_stop(text: str, start: int, stop: int, next_word: str, first: str) -> bool:
    """Whether a full stop at ``text[stop]``, before ``next_word``, ends the sentence begun at ``start``."""
    token = _previous_token(text, start, stop)
    word = token.lower()
    if not word:
        return True
    if word in NEVER_ENDING:
        return False
    if word in BEFORE_NUMBER:
        return not first.isdigit()
    if word in SOMETIMES_ENDING:
        return next_word.lower() in SENTENCE_OPENERS
    if len(token) == 1 and token.isupper():
        return not _is_initial(text, start, stop - 1, first)
    # a dotted lower-case abbreviation such as "a.k.a." or "i.v." goes on
    return not ("." in word and word.replace(".", "").isalpha() and word == token)


def _is_initial(text: str, lo: int, letter: int, first: str) -> bool:
    """A capital and a period as in "J. K. Rowling", rather than "vitamin D." ending a sentence."""
    if not first.isupper():
        return False
    before = _previous_token(text, lo, letter - 1) if letter - 1 > lo else ""
    return not before or before[:1].isupper()


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as ``(start, end)`` offsets into ``text``, white space trimmed."""
    spans: list[tuple[int, int]] = []
    begin = start
    # where the current sentence's text starts: ``begin`` past white space (an ended sentence is
    # followed by white space, matched by the candidate, and closed by a mark, never by a space)
    first = -1
    other_marks = text.find("?", start, end) >= 0 or text.find("!", start, end) >= 0 or text.find("…", start, end) >= 0
    for match in (_CANDIDATE if other_marks else _FULL_STOP_CANDIDATE).finditer(text, start, end):
        following, space_end, next_word = match.group(1), match.end(2), match.group(3)
        stop = match.end()
        if next_word is None and stop + len(following) >= end:
            break  # only white space is left
        if _ends_sentence(text, begin, match, next_word):
            if first < 0:
                _append_trimmed(text, begin, stop, spans)
            else:
                spans.append((first, stop))
            begin, first = stop, space_end
    _append_trimmed(text, begin, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
