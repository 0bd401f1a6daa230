"""Phrase matching: a list of phrases becomes a prefix tree of tokens, tried where a phrase can start.

Phrases are literal words (no regex syntax): matched case-insensitively, as whole words, with any
run of white space between words, and with typographic apostrophes matching straight ones.
User-written ``patterns`` go through RE2, which runs in linear time, so no pattern from a rule
pack can make the linter hang.

A text is split once into tokens (a run of word characters or any other single character, with
the one space before it if there is one; or a run of other white space). Words are mostly parted
by one space, so most white space travels inside the word after it and costs no token of its own.
An article's tokens are indexed once for every matcher that searches it, only where some matcher's
phrase may start: by the first token where it is a phrase by itself, else by the first two (a
common first word such as "the" stands in many places, but few of them go on with a phrase).
A matcher tries only the places indexed under its phrases' keys, and from each keeps the longest
phrase that ends on a word boundary: the leftmost-longest matches, without overlaps, that one
regular expression of all the phrases would find, at a fraction of the cost.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, chain, compress
from typing import Any

_APOSTROPHES = "'’‘"
_WORD_CHAR = re.compile(r"\w")
_TOKEN = re.compile(r" ?(?:\w+|[^\w\s])|\s+")
_END = ""  # prefix-tree key marking where a phrase ends (no token is empty)
# Texts at least this long are tokenised and indexed once, shared by every matcher; shorter ones
# are walked token by token.
_INDEXED_LENGTH = 400
_REMEMBERED_TEXTS = 4
_NAMED_LIMIT = 4096

_Tree = dict[str, Any]


def _char_regex(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch in _APOSTROPHES:
        return f"[{_APOSTROPHES}]"
    return re.escape(ch)


def _trie_regex(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, factored on shared prefixes.

    Used where the token walk cannot stand in for it: a text whose lower-cased copy changes
    length, or phrases that differ only in which apostrophe they use.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends_here = "" in node
        branches = [_char_regex(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends_here:
            return f"(?:{body})?"
        return body

    return emit(trie)


def _straight_apostrophes(text: str) -> str:
    if text.isascii():
        return text
    return text.replace("’", "'").replace("‘", "'")


class _Tokens:
    """``searched[start:stop]`` as tokens: token ``i`` is ``searched[bounds[i]:bounds[i + 1]]``.

    Curly apostrophes read as straight ones (both here and in the phrases), so the tokens can be
    compared with a phrase's tokens by plain equality.
    """

    __slots__ = ("_index", "_indexed_version", "bounds", "tokens", "word_before")

    def __init__(self, searched: str, start: int, stop: int) -> None:
        self.tokens: list[str] = _TOKEN.findall(_straight_apostrophes(searched), start, stop)
        self.bounds = list(accumulate(map(len, self.tokens), initial=start))
        self.word_before = start > 0 and _WORD_CHAR.match(searched, start - 1) is not None
        self._index: dict[str, list[int]] = {}
        self._indexed_version = -1

    def index(self, version: int) -> dict[str, list[int]]:
        """Where phrases of some matcher may start, by key (see :func:`_start_keys`), each mapped
        to the numbers of the tokens there, in order; made again if a matcher whose phrases start
        with keys added since (``version`` is when they were added: see :func:`_add_starts`) asks."""
        if self._indexed_version < version:
            tokens = self.tokens
            last = len(tokens) - 1
            index: dict[str, list[int]] = {}
            # most tokens start no phrase: they are passed over in one C-level pass
            for number in compress(range(last + 1), map(_STARTS.__contains__, tokens)):
                token = tokens[number]
                if token in _ALONE:
                    index.setdefault(token, []).append(number)
                if number < last:
                    following = tokens[number + 1]
                    pair = token + following
                    if pair not in _PAIRS:
                        if not following.isspace():
                            continue
                        pair = token + _SPACES
                        if pair not in _PAIRS:
                            continue
                    index.setdefault(pair, []).append(number)
            self._index = index
            self._indexed_version = _starts_version
        return self._index


# Where a phrase may start is known by its first token when that token is a phrase by itself,
# else by its first two tokens, written one after the other (most places where a common word such
# as "the" or "in" stands start no phrase: the word after it tells). Two tokens written together
# are never one token, and never two other tokens. White space other than one space is a token of
# its own: a first token followed by any such white space is keyed as if followed by _SPACES.
# (Keys are strings, not pairs: a string keeps its hash, and each matcher intersects its keys with
# those of each article.)
_SPACES = "\n"
# The keys of the phrases of every matcher that has searched a text: an article's tokens are
# indexed only for these, once for all matchers. The sets only grow, and the version counts the
# times they grew.
_STARTS: set[str] = set()  # first tokens
_ALONE: set[str] = set()  # first tokens that are a whole phrase
_PAIRS: set[str] = set()  # first two tokens
_starts_version = 0


def _start_keys(tree: _Tree) -> tuple[set[str], set[str]]:
    """The keys under which the places where the tree's phrases may start are indexed: first
    tokens that are a phrase by themselves, and first two tokens."""
    alone: set[str] = set()
    pairs: set[str] = set()
    for first, node in tree.items():
        if _END in node:
            alone.add(first)
            continue
        for second in node:
            pairs.add(first + second)
            if second[0] == " ":
                pairs.add(first + _SPACES)
    return alone, pairs


def _add_starts(alone: set[str], pairs: set[str], firsts: Iterable[str]) -> int:
    """Adds phrases' start keys to those indexed; the version from which an index holds them."""
    global _starts_version
    if not (_ALONE.issuperset(alone) and _PAIRS.issuperset(pairs)):
        _ALONE.update(alone)
        _PAIRS.update(pairs)
        _STARTS.update(firsts)
        _starts_version += 1
    return _starts_version


class _SearchedText:
    """A text as matchers search it: lower-cased once, tokenised once in each form."""

    __slots__ = ("_lowered", "_tokens", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._tokens: dict[bool, _Tokens] = {}

    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def tokens(self, lowered: bool) -> _Tokens:
        found = self._tokens.get(lowered)
        if found is None:
            searched = self.lowered() if lowered else self.text
            found = self._tokens[lowered] = _Tokens(searched, 0, len(searched))
        return found


_remembered: list[_SearchedText] = []


def _searched_text(text: str) -> _SearchedText:
    """The shared view of ``text``: rules search one article with many matchers in turn."""
    for seen in reversed(_remembered):
        if seen.text is text:
            return seen
    view = _SearchedText(text)
    if len(text) >= _INDEXED_LENGTH:
        _remembered.append(view)
        del _remembered[:-_REMEMBERED_TEXTS]
    return view


def lowered_text(text: str) -> str:
    """``text.lower()``, made once for a long text and shared: the matchers search this copy, and
    any other part of the linter that needs an article's text lower-cased can take it from here
    instead of making its own."""
    return _searched_text(text).lowered()


def _straight_token(token: str) -> str:
    """A token with a curly apostrophe as a straight one (an apostrophe is a token of its own,
    after at most one space)."""
    return token[:-1] + "'" if token[-1] in _APOSTROPHES else token


def _prefix_tree(forms: Iterable[str]) -> _Tree | None:
    """The phrases as a tree of tokens; None when two of them differ only in their apostrophes
    at the same place (a regular expression tries those in its own order, which the tree cannot).

    A phrase's first token is also a key with a space before it: in a text, the space before a
    word is part of the word's token."""
    tree: _Tree = {}
    apostrophes: dict[tuple[str, ...], str] = {}
    for form in forms:
        raw = _TOKEN.findall(form)
        node = tree
        for number, token in enumerate(raw):
            if token[-1] in _APOSTROPHES:
                straight = _straight_token(token)
                place = (*map(_straight_token, raw[:number]), straight)
                if apostrophes.setdefault(place, token) != token:
                    return None
                token = straight
            node = node.setdefault(token, {})
        node[_END] = True
    for first in list(tree):
        tree[" " + first] = tree[first]
    return tree


def _end_of(span: tuple[int, int]) -> int:
    return span[1]


def _is_word(token: str) -> bool:
    return _WORD_CHAR.match(token) is not None


def _word_char_at(text: str, index: int) -> bool:
    """Whether a word character stands at ``index`` of ``text``, as ``_WORD_CHAR.match(text,
    index)`` tells, without the cost of calling a regular expression: ``\\w`` is a letter, a
    digit or other number, or "_"."""
    at = max(index, 0)
    char = text[at:at + 1]
    return char.isalnum() or char == "_"


class PhraseMatcher:
    """Finds any of many literal phrases; reports which phrase matched.

    Building one is cheap: its prefix tree is made at the first search. Case-insensitive matchers
    search a lower-cased copy of the text, made once per text for all of them.
    """

    def __init__(self, phrases: Iterable[str], *, case_sensitive: bool = False) -> None:
        unique = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
        self.phrases: tuple[str, ...] = tuple(unique)
        self._lookup: dict[str, str] | None = None  # a match's key -> the phrase as listed
        self._named: dict[str, str] = {}  # text matched -> the phrase as listed
        self._case_sensitive = case_sensitive
        self._forms: list[str] | None = None
        self._tree: _Tree | None = None
        self._tree_made = False
        self._firsts: frozenset[str] = frozenset()
        # a set, not a frozenset: ``dict.keys() & set`` walks the smaller of the two
        self._keys: set[str] = set()
        self._all_firsts_words = True
        self._starts_version = 0  # the version of the shared index that holds this matcher's first tokens
        self._regexes: dict[bool, re.Pattern[str]] = {}
        self._scanned: tuple[str, list[tuple[int, int]], list[int]] | None = None

    @staticmethod
    def _key(text: str, case_sensitive: bool) -> str:
        text = " ".join(text.split())
        for mark in _APOSTROPHES[1:]:
            text = text.replace(mark, "'")
        return text if case_sensitive else text.lower()

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, phrase as listed) for each match in ``text[start:end]``."""
        if not self.phrases:
            return
        stop = len(text) if end is None else end
        spans = self._whole_text_spans(text, start, stop)
        if spans is None:
            spans = self._spans(text, start, stop)
        for match_start, match_end in spans:
            matched = text[match_start:match_end]
            yield match_start, match_end, self._phrase_of(matched)

    def _phrase_of(self, matched: str) -> str:
        """The phrase as listed that ``matched`` (the same few texts match again and again)."""
        phrase = self._named.get(matched)
        if phrase is None:
            phrase = self._listed().get(self._key(matched, self._case_sensitive), matched)
            if len(self._named) >= _NAMED_LIMIT:
                self._named.clear()
            self._named[matched] = phrase
        return phrase

    def _whole_text_spans(self, text: str, start: int, stop: int) -> list[tuple[int, int]] | None:
        """The matches in ``text[start:stop]``, taken from one search of the whole text (rules ask
        block by block, and one search costs far less than one per block); None when that search
        could differ from a search of the range alone: a match crossing either end of the range,
        or a letter just after it that would change where a phrase may end."""
        if stop < len(text) and _word_char_at(text, stop):
            return None
        found, starts = self._whole_text(text)
        if not found:
            return found
        first = bisect.bisect_left(starts, start)
        if first > 0 and found[first - 1][1] > start:
            return None
        last = bisect.bisect_left(starts, stop)
        if last > first and found[last - 1][1] > stop:
            return None
        return found[first:last]

    def _whole_text(self, text: str) -> tuple[list[tuple[int, int]], list[int]]:
        """The matches in the whole of ``text`` and where they start (kept for the last text)."""
        if self._scanned is None or self._scanned[0] is not text:
            found = self._spans(text, 0, len(text))
            self._scanned = (text, found, [s for s, _ in found])
        return self._scanned[1], self._scanned[2]

    def ranges_without_matches(self, text: str, ranges: Sequence[tuple[int, int]]) -> set[int]:
        """The numbers of ``ranges`` in which :meth:`finditer` is sure to find nothing: no match
        in the whole text overlaps the range, and the range does not end inside a word (a search
        of the range alone could then end a phrase where the whole text does not)."""
        found, _ = self._whole_text(text) if self.phrases else ([], [])
        empty: set[int] = set()
        for number, (start, stop) in enumerate(ranges):
            if stop < len(text) and _word_char_at(text, stop):
                continue
            # the first match ending after the range starts (matches neither overlap nor nest)
            first = bisect.bisect_right(found, start, key=_end_of)
            if first < len(found) and found[first][0] < stop:
                continue
            empty.add(number)
        return empty

    def _spans(self, text: str, start: int, stop: int) -> list[tuple[int, int]]:
        """Leftmost-longest matches, without overlaps, in ``text[start:stop]`` read as if the text
        ended at ``stop`` (the characters before ``start`` still decide where a word starts)."""
        view = _searched_text(text)
        lowered = not self._case_sensitive
        if lowered and len(view.lowered()) != len(text):
            # a few characters lower-case to two, which would shift offsets: match case-insensitively
            return [m.span() for m in self._regex(ignore_case=True).finditer(text, start, stop)]
        searched = view.lowered() if lowered else text
        tree = self._prefix_tree()
        if tree is None:
            return [m.span() for m in self._regex(ignore_case=False).finditer(searched, start, stop)]
        if start == 0 and stop == len(text) >= _INDEXED_LENGTH:
            tokens = view.tokens(lowered)
            index = tokens.index(self._starts_version)
            hits = index.keys() & self._keys
            if not hits:
                return []
            places: Iterable[int] = sorted(chain.from_iterable(map(index.__getitem__, hits)))
        else:
            tokens = _Tokens(searched, start, stop)
            firsts = self._firsts
            places = [number for number, token in enumerate(tokens.tokens) if token in firsts]
        return self._walk(tree, tokens, places)

    def _walk(self, tree: _Tree, tokens: _Tokens, places: Iterable[int]) -> list[tuple[int, int]]:
        """From each place in turn (skipping those inside a match already found), the longest
        phrase starting there that ends where a word does: not followed by a word character."""
        words, bounds = tokens.tokens, tokens.bounds
        count = len(words)
        word_at = _WORD_CHAR.match
        # a word token never follows one that ends in a word character, so only a phrase starting
        # with, say, "#" needs to check that no word character stands just before it
        check_before = not self._all_firsts_words
        found: list[tuple[int, int]] = []
        resume = 0
        for start in places:
            if start < resume:
                continue
            spaced = words[start][0] == " "  # the match starts after that space
            if not spaced:
                if start == 0:
                    if tokens.word_before:
                        continue
                elif check_before and word_at(words[start - 1], len(words[start - 1]) - 1):
                    continue
            node, number, longest = tree, start, 0
            while number < count:  # down the tree token by token (inlined: this is the hot loop)
                token = words[number]
                child = node.get(token)
                if child is None:
                    # white space other than one space is a token of its own: the token after it
                    # is read as if one space stood before it
                    number += 1
                    if number == count or not token.isspace():
                        break
                    child = node.get(" " + words[number])
                    if child is None:
                        break
                node = child
                number += 1
                if _END in node:
                    # no word character may follow (:func:`_word_char_at`, inlined)
                    after = words[number][0] if number < count else " "
                    if not (after.isalnum() or after == "_"):
                        longest = number
            if longest:
                found.append((bounds[start] + spaced, bounds[longest]))
                resume = longest
        return found

    def _listed(self) -> dict[str, str]:
        if self._lookup is None:
            self._lookup = {self._key(p, self._case_sensitive): p for p in self.phrases}
        return self._lookup

    def _searched_forms(self) -> list[str]:
        """The phrases as the text is searched for them (lower-cased unless case matters)."""
        if self._forms is None:
            unique = list(self.phrases)
            self._forms = unique if self._case_sensitive else sorted({p.lower() for p in unique})
        return self._forms

    def _prefix_tree(self) -> _Tree | None:
        if not self._tree_made:
            tree = _prefix_tree(self._searched_forms())
            if tree is not None:
                self._firsts = frozenset(tree)
                alone, pairs = _start_keys(tree)
                self._keys = alone | pairs
                self._all_firsts_words = all(_is_word(token) for token in tree if token[0] != " ")
                self._starts_version = _add_starts(alone, pairs, tree)
            self._tree = tree
            self._tree_made = True
        return self._tree

    def _regex(self, *, ignore_case: bool) -> re.Pattern[str]:
        """The same search as one regular expression (compiled only where the walk cannot serve)."""
        regex = self._regexes.get(ignore_case)
        if regex is None:
            pattern = rf"(?<![\w])(?:{_trie_regex(self._searched_forms())})(?![\w])"
            regex = self._regexes[ignore_case] = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
        return regex

    def __bool__(self) -> bool:
        return bool(self.phrases)


class _Utf8:
    """A text encoded once in UTF-8 (as RE2 reads it), with conversions between character and
    byte offsets: only the characters outside ASCII, usually a few, are recorded."""

    __slots__ = ("_byte_at", "_chars_at", "_extra", "data", "text")

    def __init__(self, text: str, data: bytes) -> None:
        self.text = text
        self.data = data
        self._chars_at: list[int] = []  # where each non-ASCII character stands in the text
        self._byte_at: list[int] = []  # ... and where it starts in the bytes
        self._extra = [0]  # bytes beyond one per character, before each non-ASCII character and after the last
        if len(data) != len(text):
            for match in _NON_ASCII.finditer(text):
                code = ord(match.group())
                self._chars_at.append(match.start())
                self._byte_at.append(match.start() + self._extra[-1])
                self._extra.append(self._extra[-1] + (1 if code < 0x800 else 2 if code < 0x10000 else 3))

    def byte_offset(self, index: int) -> int:
        return index + self._extra[bisect.bisect_left(self._chars_at, index)]

    def char_offset(self, offset: int) -> int:
        return offset - self._extra[bisect.bisect_left(self._byte_at, offset)]

    def starts_character(self, offset: int) -> bool:
        return offset >= len(self.data) or not 0x80 <= self.data[offset] < 0xC0


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_encoded: list[_Utf8] = []


def _utf8(text: str) -> _Utf8 | None:
    """The shared UTF-8 form of ``text`` (None when it cannot be encoded: a lone surrogate)."""
    for seen in _encoded:
        if seen.text is text:
            return seen
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    found = _Utf8(text, data)
    _encoded.append(found)
    del _encoded[:-_REMEMBERED_TEXTS]
    return found


def _each_valid(patterns: tuple[str, ...], origin: str) -> bool:
    """True when RE2 compiles every one of ``patterns``; else a ValueError naming the first that fails."""
    import re2

    for pattern in patterns:
        try:
            re2.compile(pattern)
        except Exception as exc:
            raise ValueError(f"{origin}: pattern {pattern!r} is not valid: {exc}") from None
    return True


class SafePatterns:
    """User-written regular expressions compiled with RE2 into one linear-time alternation.

    RE2 works on UTF-8 bytes; each text is encoded once and searched as bytes, which gives the
    same matches as searching the text itself (RE2's wrapper would encode the whole text again on
    every call), except where a pattern matches nothing just before a non-ASCII character: there
    the wrapper steps forward a whole character, so that search is left to the wrapper.
    """

    def __init__(self, patterns: Sequence[str], *, case_sensitive: bool = False, origin: str = "") -> None:
        import re2

        from contentlint.regex_cache import remembered

        self.patterns = tuple(patterns)
        self._regex: Any = None
        if not patterns:
            return
        prefix = "" if case_sensitive else "(?i)"
        # Each pattern is compiled alone first, so that one that is not valid is named, and one
        # that only becomes valid inside the alternation ("a)|(b") is refused; the command line
        # remembers lists that passed.
        remembered("re2-valid", self.patterns, lambda: _each_valid(self.patterns, origin))
        try:
            self._regex = re2.compile(prefix + "|".join(f"(?:{p})" for p in patterns))
        except Exception:
            _each_valid(self.patterns, origin)  # names the pattern at fault
            raise

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        if self._regex is None:
            return
        stop = len(text) if end is None else end
        spans = self._byte_search(text, start, stop)
        if spans is None:
            spans = [match.span() for match in self._regex.finditer(text, start, stop)]
        for match_start, match_end in spans:
            if match_end > match_start:
                yield match_start, match_end, text[match_start:match_end]

    def _byte_search(self, text: str, start: int, stop: int) -> list[tuple[int, int]] | None:
        """The matches' character spans, found in the text's bytes; None where only the wrapper's
        own search of the text is sure to give them."""
        utf8 = _utf8(text)
        if utf8 is None:
            return None
        start = max(0, min(start, len(text)))  # the wrapper's clamping, in characters
        stop = max(0, min(stop, len(text)))
        if start > stop:
            return []
        data, byte_stop = utf8.data, utf8.byte_offset(stop)
        spans: list[tuple[int, int]] = []
        for match in self._regex.finditer(data, utf8.byte_offset(start), byte_stop):
            match_start, match_end = match.span()
            if match_start == match_end and match_end < byte_stop and data[match_end] >= 0x80:
                return None
            if not (utf8.starts_character(match_start) and utf8.starts_character(match_end)):
                return None
            spans.append((utf8.char_offset(match_start), utf8.char_offset(match_end)))
        return spans

    def __bool__(self) -> bool:
        return self._regex is not None
