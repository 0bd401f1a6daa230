"""Context around a match that changes its meaning: negation, quotation, citation, hedging.

Each check answers one question about ``article.text[start:end]`` in its sentence, and any rule
(Python or YAML, through ``skip_when``) can ask it. "There is no cure" is not a cure claim; a claim
in quotation marks that the article goes on to refute is not the article's claim; "studies show"
followed by a citation is attributed evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from contentlint.document import Article

# NegEx-style cues that negate what follows them within a short window of the same sentence.
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|never|nor|neither|without|cannot|can't|can’t|won't|won’t|isn't|isn’t|aren't|aren’t|"
    r"doesn't|doesn’t|don't|don’t|didn't|didn’t|hasn't|hasn’t|haven't|haven’t|wasn't|wasn’t|"
    r"unlikely|none|lack of|absence of|myth that|false that|untrue that|no evidence|no proof)\b",
    re.IGNORECASE,
)
_NEGATION_WINDOW_WORDS = 6
_HEDGES = re.compile(
    r"\b(?:may|might|could|can help|some|many|most|often|usually|generally|possibly|potentially|"
    r"likely|appears?|seems?|suggests?)\b",
    re.IGNORECASE,
)
_CITATION = re.compile(
    r"\[\d+(?:[,–-]\d+)*\]|\(\s*[A-Z][\w'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?\s+(?:19|20)\d\d[a-z]?\s*\)"
    r"|\baccording to\b|\bpublished in\b|\breported in\b|\bet al\.",
    re.IGNORECASE,
)
_QUOTES = {'"': '"', "“": "”", "«": "»"}


def _sentence_bounds(article: Article, index: int) -> tuple[int, int]:
    number = article.sentence_at(index)
    if number < 0:
        return index, index
    sentence = article.sentences[number]
    return sentence.start, sentence.end


def is_negated(article: Article, start: int, end: int) -> bool:
    """A negation cue stands in the few words before the match, in the same sentence."""
    sentence_start, _ = _sentence_bounds(article, start)
    before = article.text[sentence_start:start]
    window = " ".join(before.split()[-_NEGATION_WINDOW_WORDS:])
    return bool(_NEGATION_BEFORE.search(window))


def is_quoted(article: Article, start: int, end: int) -> bool:
    """The match sits inside quotation marks within its sentence."""
    sentence_start, sentence_end = _sentence_bounds(article, start)
    text = article.text
    for opening, closing in _QUOTES.items():
        left = text.rfind(opening, sentence_start, start)
        if left == -1:
            continue
        if opening == closing and text.count(opening, sentence_start, start) % 2 == 0:
            continue
        if text.find(closing, end, max(sentence_end, end) + 1) != -1:
            return True
    return False


def is_cited(article: Article, start: int, end: int) -> bool:
    """A citation (link, reference marker, author-year, 'according to') in this or the next sentence."""
    number = article.sentence_at(start)
    if number < 0:
        return False
    sentences = article.sentences[number : number + 2]
    first, last = sentences[0].start, sentences[-1].end
    if _CITATION.search(article.text, first, last):
        return True
    return any(first <= link.start < last or first < link.end <= last for link in article.links)


def is_hedged(article: Article, start: int, end: int) -> bool:
    sentence_start, sentence_end = _sentence_bounds(article, start)
    return bool(_HEDGES.search(article.text, sentence_start, sentence_end))


def in_heading(article: Article, start: int, end: int) -> bool:
    number = article.block_at(start)
    return number >= 0 and article.blocks[number].kind == "heading"


ContextCheck = Callable[[Article, int, int], bool]

CHECKS: dict[str, ContextCheck] = {
    "negated": is_negated,
    "quoted": is_quoted,
    "cited": is_cited,
    "hedged": is_hedged,
    "heading": in_heading,
}


def skip_reason(article: Article, start: int, end: int, checks: Iterable[str]) -> str | None:
    """The first named check that holds for this match, or None when none does."""
    for name in checks:
        if CHECKS[name](article, start, end):
            return name
    return None
