"""Helpers the spam rules share: their data files, safe deletions, topic words and article zones.

The word lists live in ``rules/data/spam-*.yml`` (not scanned as rule packs) and are read once per
process.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
import weakref
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from contentlint.document import Article, Block
from contentlint.findings import Fix
from contentlint.rules import prefilter
from contentlint.rules.builtin.spam._literals import AllOf, anchors, required_marks_of, required_words_of
from contentlint.rules.data import load_yaml_data

# Possessive: nothing follows the repeats, so giving back never finds another match (and the
# engine keeps no states to give back, about a fifth faster).
_WORD = re.compile(r"[^\W\d_]++(?:['’\-][^\W\d_]++)*+")
# _WORD on lower-case text whose word characters are all ASCII
_ASCII_WORD = re.compile(r"[a-z]++(?:['’\-][a-z]++)*+")
# The same with digits: runs of letters and digits, an apostrophe or hyphen between two of them
_ASCII_TOKEN = re.compile(r"[a-z0-9]++(?:['’\-][a-z0-9]++)*+")
_ASCII_DIGIT = re.compile(r"[0-9]")
_ASCII_LETTER = re.compile(r"[a-z]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def load_data(name: str) -> dict[str, Any]:
    """The mapping in ``rules/data/<name>.yml``, loaded once."""
    return load_yaml_data(f"{name}.yml")


def data_list(name: str, key: str) -> tuple[str, ...]:
    value = load_data(name).get(key) or []
    return tuple(str(v) for v in value)


@cache
def phrase_pattern(name: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation of the literal phrases listed under ``key`` (whole words, any white space)."""
    phrases = sorted(set(data_list(name, key)), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


@cache
def regex_list(name: str, key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One alternation of the regular expressions listed under ``key`` (trusted built-in data)."""
    patterns = data_list(name, key)
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", flags)


def stopwords() -> frozenset[str]:
    return _stopwords()


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in data_list("spam-common", "stopwords"))


def words_in(text: str) -> list[str]:
    found = _WORD.findall(text)
    if not found:
        return []
    # Lower-casing the joined words equals lower-casing each: a space ends every case context.
    return " ".join(found).lower().replace("’", "'").split(" ")


def content_words(text: str) -> list[str]:
    stop = stopwords()
    return [w for w in words_in(text) if w not in stop and len(w) > 2]


def stem(word: str) -> str:
    """A crude plural/possessive fold, enough to match "clinics" with "clinic"."""
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def topic_counts(article: Article, numbers: Iterable[int]) -> Counter[str]:
    """How often each stem of a content word occurs in the blocks ``numbers``, stems in order of
    first occurrence (which breaks ties in ``most_common``)."""
    words = block_words(article)
    counts = Counter(map(_TOPIC_STEMS.__getitem__, itertools.chain.from_iterable(words[n] for n in numbers)))
    del counts[""]  # (the other stems keep their order)
    return counts


class _TopicStems(dict[str, str]):
    """The stem of each content word seen (words recur from article to article), "" for other
    words; a word not seen yet is stemmed on its first look-up, so a look-up of every word of an
    article is one C-level pass."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _MAX_TOPIC_STEMS:
            self.clear()
        # stem() changes only words ending in "s"
        found = self[word] = "" if len(word) <= 2 or word in stopwords() else stem(word) if word[-1] == "s" else word
        return found


_TOPIC_STEMS = _TopicStems()
_MAX_TOPIC_STEMS = 200_000


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


_CITATION_MARK = re.compile(r"https?://|www\.|\.(?:org|gov|edu|com|net|int|uk)\b|\b(?:19|20)\d\d\b|doi", re.I)


def reference_blocks(article: Article) -> frozenset[int]:
    """Numbers of the blocks in Sources/References sections: the heading and the citations after it."""
    known = facts(article)
    if known.references is None:
        known.references = _reference_blocks(article)
    return known.references


def _reference_blocks(article: Article) -> frozenset[int]:
    heading = regex_list("spam-common", "reference_headings")
    found: set[int] = set()
    inside = False
    for number, block in enumerate(article.blocks):
        text = article.block_text(block).strip()
        label = heading.match(text)
        if label is not None:
            rest = text[label.end() :].strip()
            if not rest.strip(":") or rest.startswith(":"):
                found.add(number)
                inside = not rest.strip(":")
                continue
        if inside and (block.kind == "list_item" or _is_citation(article, block, text)):
            found.add(number)
            continue
        inside = False
    return frozenset(found)


def _is_citation(article: Article, block: Block, text: str) -> bool:
    if any(block.start <= link.start < block.end for link in article.links):
        return True
    return bool(_CITATION_MARK.search(text))


def maps_verbatim(article: Article, start: int, end: int) -> tuple[int, int] | None:
    """The source offsets of ``text[start:end]`` when the source holds exactly that text."""
    if start >= end:
        return None
    span = article.locate(start, end)
    if article.source[span.offset : span.end_offset] != article.text[start:end]:
        return None
    return span.offset, span.end_offset


def deletion_fix(article: Article, start: int, end: int) -> Fix | None:
    """Delete ``text[start:end]`` and one neighbouring space, so the sentence reads on cleanly."""
    offsets = maps_verbatim(article, start, end)
    if offsets is None:
        return None
    begin, stop = offsets
    source = article.source
    if source[stop : stop + 1] == " ":
        stop += 1
    elif begin > 0 and source[begin - 1] == " ":
        begin -= 1
    return Fix(begin, stop, "")


_HTML_OPEN = re.compile(r"\s*<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>\s*")
_MD_PREFIX = re.compile(r"\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+|>\s*)?")


def line_deletion_fix(article: Article, start: int, end: int) -> Fix | None:
    """Delete the whole source line(s) holding ``text[start:end]`` when nothing else is on them."""
    span = article.locate(start, end)
    source = article.source
    line_start = source.rfind("\n", 0, span.offset) + 1
    line_end = source.find("\n", span.end_offset)
    line_end = len(source) if line_end == -1 else line_end
    prefix = source[line_start : span.offset]
    suffix = source[span.end_offset : line_end].rstrip("\r")
    if article.kind == "html":
        opened = _HTML_OPEN.fullmatch(prefix)
        if prefix.strip() and not (opened and re.fullmatch(rf"\s*</{opened.group(1)}>\s*", suffix)):
            return None
        if not prefix.strip() and suffix.strip():
            return None
    else:
        if not _MD_PREFIX.fullmatch(prefix) or suffix.strip(" \t#*_"):
            return None
    stop = line_end + 1 if line_end < len(source) else line_end
    if stop == len(source) and line_start > 0:
        # the last line: remove the newline before it instead of leaving a dangling one
        return Fix(line_start - 1, line_end, "")
    return Fix(line_start, stop, "")


# --- what several spam rules read from one article, computed once ------------------------------
@dataclass(eq=False, slots=True)
class _Facts:
    folded: str | None = None
    tokens: frozenset[str] | None = None
    block_words: list[list[str]] | None = None
    block_tokens: list[list[str]] | None = None
    references: frozenset[int] | None = None
    insertions: list[tuple[int, int, bool]] | None = None
    ascii_words: bool | None = None
    block_bounds: tuple[list[int], list[int]] | None = None
    sentence_bounds: tuple[list[int], list[int]] | None = None


_FACTS: weakref.WeakKeyDictionary[Article, _Facts] = weakref.WeakKeyDictionary()
# The characters case-insensitive matching equates with an ASCII letter that lower() leaves alone
# or turns into two characters; folding them keeps offsets and the letters a pattern can match.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGITS_TO_SPACES = str.maketrans("0123456789", " " * 10)


def facts(article: Article) -> _Facts:
    global _LAST
    last_article, last_facts = _LAST
    if last_article() is article:  # the rules ask about one article many times in a row
        return last_facts
    found = _FACTS.get(article)
    if found is None:
        found = _FACTS[article] = _Facts()
    _LAST = weakref.ref(article), found
    return found


def _nothing() -> None:
    return None


_LAST: tuple[Callable[[], Article | None], _Facts] = (_nothing, _Facts())


def block_words(article: Article) -> list[list[str]]:
    """:func:`words_in` of each block, made once."""
    known = facts(article)
    if known.block_words is None:
        block_tokens(article)  # makes the words with the tokens where every word character is ASCII
    if known.block_words is None:
        text = article.text
        known.block_words = [words_in(text[b.start : b.end]) for b in article.blocks]
    return known.block_words


def block_word_starts(article: Article, number: int, count: int) -> list[int]:
    """Where each of the first ``count`` words of block ``number`` (:func:`block_words`) starts."""
    block = article.blocks[number]
    found = _WORD.finditer(article.text, block.start, block.end)
    return [match.start() for match in itertools.islice(found, count)]


def _words_of_tokens(article: Article, tokens: list[list[str]]) -> list[list[str]]:
    """:func:`block_words` read from :func:`block_tokens`. Every letter is ASCII, so the
    lower-cased text holds the same words, already lower case: a block's words are its tokens
    once digits are taken out (a block without digits: the tokens themselves)."""
    lowered = lowered_text(article)
    digits = any(digit in lowered for digit in "0123456789")  # (quicker than a search for a class)
    curly = "’" in lowered
    found = []
    for words, block in zip(tokens, article.blocks, strict=True):
        if digits and words and _ASCII_DIGIT.search(lowered, block.start, block.end):
            words = _without_digits(words)
        elif curly and words and lowered.find("’", block.start, block.end) != -1:
            words = _straight(words)
        found.append(words)
    return found


def _straight(words: list[str]) -> list[str]:
    return " ".join(words).replace("’", "'").split(" ")


def _without_digits(tokens: list[str]) -> list[str]:
    """The words (:data:`_ASCII_WORD`, apostrophes made straight) in tokens (:data:`_ASCII_TOKEN`).
    A token's digits become spaces; an apostrophe or hyphen then next to a space (never next to
    another one in a token) no longer stands between two letters and goes too. (Made straight
    first, the tokens are ASCII, which ``translate`` maps quickly.)"""
    spaced = f" {' '.join(tokens)} ".replace("’", "'").translate(_DIGITS_TO_SPACES)
    for joiner in "-'":
        if joiner in spaced:
            spaced = spaced.replace(" " + joiner, " ").replace(joiner + " ", " ")
    return spaced.split()


def block_tokens(article: Article) -> list[list[str]] | None:
    """Each block's runs of letters and digits in the lower-cased text, with an apostrophe
    (straight or curly, kept as written) or a hyphen between two runs joining them ("covid-19",
    "don’t"), made once; None unless every word character of the text is ASCII."""
    if not ascii_words(article):
        return None
    known = facts(article)
    if known.block_tokens is None:
        both = _split_blocks(article)
        if both is None:
            lowered = lowered_text(article)
            tokens = [_ASCII_TOKEN.findall(lowered, b.start, b.end) for b in article.blocks]
            both = tokens, _words_of_tokens(article, tokens)
        known.block_tokens, known.block_words = both
    return known.block_tokens


# Every byte but ASCII letters and digits and the joiners (the curly apostrophe stands in as
# _CURLY, other non-ASCII characters become "?" first) to a space.
_CURLY = "\x01"
_TOKEN_BYTES = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789'-\x01" else 32 for c in range(256))
# A joiner not between two letters or digits (so next to a space, another joiner or an end).
_LONE_JOINER = re.compile(r"['\x01-](?:(?![a-z0-9])|(?<![a-z0-9].))")
_JOINERS = "'’-"


def _split_blocks(article: Article) -> tuple[list[list[str]], list[list[str]]] | None:
    """:func:`block_tokens` and :func:`block_words` from the lower-cased text with every character
    outside a token made a space, at C speed: a block's tokens are then what ``split`` finds in
    it, and its words what ``split`` finds once digits are spaces too. None when a block starts or
    ends on a joiner that a letter outside it joins (a search of the block alone ends the token
    before the joiner) or the text holds the curly apostrophe's stand-in."""
    lowered = lowered_text(article)
    if _CURLY in lowered:
        return None
    curly = "’" in lowered
    spaced = _spaced_tokens(lowered.replace("’", _CURLY) if curly else lowered)
    spaced_words = None  # (None: the words are the tokens)
    if any(digit in lowered for digit in "0123456789"):
        spaced_words = _LONE_JOINER.sub(" ", spaced.translate(_DIGITS_TO_SPACES))
    elif curly:
        spaced_words = spaced
    if curly:
        spaced = spaced.replace(_CURLY, "’")
        spaced_words = spaced_words.replace(_CURLY, "'") if spaced_words is not None else None
    tokens = []
    words = []
    for block in article.blocks:
        piece = spaced[block.start : block.end]
        found = piece.split()
        if found and (found[0][0] in _JOINERS or found[-1][-1] in _JOINERS):
            return None
        tokens.append(found)
        if spaced_words is not None:
            piece_words = spaced_words[block.start : block.end]
            if piece_words != piece:
                found = piece_words.split()
        words.append(found)
    return tokens, words


def _spaced_tokens(lowered: str) -> str:
    """``lowered`` (its curly apostrophes made :data:`_CURLY`) with every character that is not
    part of a token (:data:`_ASCII_TOKEN`) made a space, same positions."""
    spaced = lowered.encode("ascii", "replace").translate(_TOKEN_BYTES).decode("ascii")
    return _LONE_JOINER.sub(" ", spaced)


def article_tokens(article: Article) -> list[str] | None:
    """:func:`block_tokens` of the whole lower-cased text, in order; None unless every word
    character of the text is ASCII."""
    tokens = block_tokens(article)
    if tokens is None:
        return None
    if _blocks_tile(article):
        return list(itertools.chain.from_iterable(tokens))
    return _ASCII_TOKEN.findall(lowered_text(article))


def _blocks_tile(article: Article) -> bool:
    """Whether the blocks come in order with only white space around and between them, so that
    the text's tokens are those of its blocks (none lies outside one or across two)."""
    text = article.text
    starts, ends = _block_bounds(article)
    if not all(map(operator.le, starts, ends)) or not all(map(operator.lt, ends, starts[1:])):
        return False  # a block ends before it starts, or meets or overlaps the next
    around = "".join(map(text.__getitem__, map(slice, [0, *ends], [*starts, len(text)])))
    return not around or around.isspace()


def ascii_words(article: Article) -> bool:
    """Whether every word character of the text (``\\w``: letters, digits, ``_``) is ASCII."""
    known = facts(article)
    if known.ascii_words is None:
        text = article.text
        known.ascii_words = text.isascii() or not any(ch.isalnum() for ch in _non_ascii(text))
    return known.ascii_words


def _non_ascii(text: str) -> set[str]:
    """The characters of ``text`` outside ASCII: in UTF-8 theirs are the bytes from 0x80 on, and
    deleting the others from the bytes is several times quicker than a search of the string."""
    encoded = text.encode("utf-8", "surrogatepass")
    return set(encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))


_ASCII_BYTES = bytes(range(128))


def lowered_text(article: Article) -> str:
    """``article.text.lower()``, made once (the word prefilter's own copy)."""
    return prefilter.lowered_text(article)


def fold(text: str) -> str:
    """``text`` lower-cased character for character, the letters case-insensitive matching takes
    for an ASCII letter folded to it (as :func:`folded_text`)."""
    if text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text):
        return text.lower()
    return text.translate(_FOLD).lower()


def folded_text(article: Article) -> str:
    """The text lower-cased character for character (same offsets), with the few characters that
    case-insensitive matching takes for an ASCII letter folded to that letter."""
    known = facts(article)
    if known.folded is None:
        text = article.text
        if text.isascii() or not ("İ" in text or "ı" in text or "ſ" in text):
            known.folded = lowered_text(article)
        else:
            known.folded = fold(text)
    return known.folded


def article_words(article: Article) -> frozenset[str]:
    """The maximal runs of ASCII letters in the folded text; also the pieces of a run that a block
    or sentence end cuts (a scan that stops there sees only the piece)."""
    known = facts(article)
    if known.tokens is None:
        folded = folded_text(article)
        words = _letter_runs(article, folded)
        size = len(folded)
        ends = [b.end for b in article.blocks] + [s.end for s in article.sentences]
        # A letter right after an end is rare: the characters after them all are read at once.
        if ends and _ASCII_LETTER.search("".join(operator.itemgetter(*ends)(folded + " "))):
            for end in ends:
                if 0 < end < size and _is_letter(folded[end - 1]) and _is_letter(folded[end]):
                    words.update(_pieces_around(folded, end))
        known.tokens = frozenset(words)
    return known.tokens


def _letter_runs(article: Article, folded: str) -> set[str]:
    """The maximal runs of ASCII letters in ``folded``."""
    runs = prefilter.alnum_runs(article)
    if runs is not None:
        # The folded text is the lower-cased one here: its runs of letters are the runs of
        # letters and digits (which the word prefilter has already found) cut at the digits.
        if not any(digit in folded for digit in "0123456789"):
            return set(runs)
        return set(" ".join(runs).translate(_DIGITS_TO_SPACES).split())
    letters = folded.encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii")
    return set(letters.split())


def _is_letter(ch: str) -> bool:
    return "a" <= ch <= "z"


def _pieces_around(folded: str, cut: int) -> tuple[str, str]:
    start = cut
    while start > 0 and _is_letter(folded[start - 1]):
        start -= 1
    end = cut
    while end < len(folded) and _is_letter(folded[end]):
        end += 1
    return folded[start:cut], folded[cut:end]


class LazyPattern:
    """A regular expression compiled on first use: the word prefilter reads what it needs from
    the source, so an article without those words never pays for compiling it. A case-insensitive
    one is compiled with a lookahead for the letters its matches start with (same matches; most
    places are ruled out by one set test)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            lead = prefilter.first_letters_lead(self.pattern, self.flags)
            self._compiled = re.compile(lead + self.pattern, self.flags)
        return self._compiled


AnyPattern = re.Pattern[str] | LazyPattern


def _anchor_words(article: Article, pattern: AnyPattern) -> frozenset[str] | None:
    """Words of the article one of which a match of ``pattern`` must include; empty when the
    pattern cannot match, None when nothing narrows it."""
    marks = required_marks_of(pattern.pattern, pattern.flags)
    if marks and any(mark not in article.text for mark in marks):
        return frozenset()  # a "$" or "%" every match holds, say
    need = required_words_of(pattern.pattern, pattern.flags)
    if need is None:
        return None
    return anchors(need, article_words(article)) or frozenset()


def _units_holding(words: frozenset[str], folded: str, starts: list[int], ends: list[int]) -> list[int]:
    """Numbers of the units (sorted by start) whose span holds one of ``words`` in ``folded``."""
    found: set[int] = set()
    for word in words:
        at = folded.find(word)
        while at != -1:
            number = bisect.bisect_right(starts, at) - 1
            if number >= 0 and at < ends[number]:
                found.add(number)
                at = folded.find(word, ends[number])
            else:
                at = folded.find(word, at + 1)
    return sorted(found)


def units_touched(starts: list[int], matches: Iterable[re.Match[str]]) -> set[int]:
    """Numbers of the units (blocks or sentences, by their sorted ``starts``) that overlap a match.
    A place where the scanned pattern matches is the start of a match found or lies inside one,
    so every unit holding such a place is among them."""
    touched: set[int] = set()
    for match in matches:
        first = max(bisect.bisect_right(starts, match.start()) - 1, 0)
        last = bisect.bisect_left(starts, max(match.end(), match.start() + 1))
        touched.update(range(first, min(last, len(starts))))
    return touched


def blocks_holding(article: Article, words: frozenset[str]) -> list[int]:
    """Numbers of the blocks whose folded text holds one of ``words``, in order."""
    return _units_holding(words, folded_text(article), *_block_bounds(article))


def candidate_blocks(article: Article, pattern: AnyPattern) -> Iterable[int]:
    """Numbers of the blocks ``pattern`` may match in, in order (a superset, never missing one)."""
    return _candidates(article, pattern, *_block_bounds(article))


def candidate_sentences(article: Article, pattern: AnyPattern) -> Iterable[int]:
    """Numbers of the sentences ``pattern`` may match in, in order (a superset)."""
    known = facts(article)
    if known.sentence_bounds is None:
        sentences = article.sentences
        known.sentence_bounds = [s.start for s in sentences], [s.end for s in sentences]
    return _candidates(article, pattern, *known.sentence_bounds)


def _block_bounds(article: Article) -> tuple[list[int], list[int]]:
    """Where each block starts and ends, made once."""
    known = facts(article)
    if known.block_bounds is None:
        blocks = article.blocks
        known.block_bounds = [b.start for b in blocks], [b.end for b in blocks]
    return known.block_bounds


def _candidates(article: Article, pattern: AnyPattern, starts: list[int], ends: list[int]) -> Iterable[int]:
    anchors = _anchor_words(article, pattern)
    if anchors is None:
        return range(len(starts))
    if not anchors:
        return ()
    folded = folded_text(article)
    found = _units_holding(anchors, folded, starts, ends)
    need = required_words_of(pattern.pattern, pattern.flags)
    if isinstance(need, AllOf) and len(need.words) > 1:
        # A match holds every one of these words, so its unit does too.
        found = [n for n in found if all(folded.find(w, starts[n], ends[n]) != -1 for w in need.words)]
    return found


def may_match(article: Article, pattern: AnyPattern) -> bool:
    """False when ``pattern`` cannot match anywhere in the article (it lacks a required word)."""
    return _anchor_words(article, pattern) != frozenset()
