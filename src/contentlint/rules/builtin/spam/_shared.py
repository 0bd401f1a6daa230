"""Helpers the spam rules share: their data files, safe deletions, topic words and article zones.

The word lists live in ``rules/data/spam-*.yml`` (not scanned as rule packs) and are read once per
process.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from contentlint.document import Article, Block
from contentlint.findings import Fix
from contentlint.rules.data import load_yaml_data

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
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
    return [m.group(0).lower().replace("’", "'") for m in _WORD.finditer(text)]


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


def topic_counts(article: Article, blocks: Iterable[Block]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for block in blocks:
        counts.update(stem(w) for w in content_words(article.block_text(block)))
    return counts


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


_CITATION_MARK = re.compile(r"https?://|www\.|\.(?:org|gov|edu|com|net|int|uk)\b|\b(?:19|20)\d\d\b|doi", re.I)


def reference_blocks(article: Article) -> frozenset[int]:
    """Numbers of the blocks in Sources/References sections: the heading and the citations after it."""
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
