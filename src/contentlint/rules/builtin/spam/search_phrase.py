"""SPAM004 search-phrase-insertion: a search query pasted into the middle of a sentence.

What it flags
    Link-building and hacked pages splice the search query they target into existing prose, as
    the anchor text of a link or as plain words: "ketamine what is ketamine therapy therapy is
    also showing promise", "...represents best ketamine clinic near me a new option". The rule
    looks for the break in the sentence, not for the words alone:

    * an informational query ("what is", "how to"...) glued to the word before it with no
      punctuation, where that word comes back inside the query (the topic echo);
    * a commercial-intent query ("best ... clinic", "... near me", "buy ... online cheap",
      "... best price") that no article or preposition introduces, so it cannot be part of the
      sentence's grammar.

What it leaves alone
    Grammatical uses: "it is unclear what is causing it", "find the best clinic for you", "a
    pharmacy near me", "never buy medicines online". Query shapes are in
    ``rules/data/spam-search.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.spam._shared import (
    data_list,
    deletion_fix,
    ends_sentence,
    facts,
    line_deletion_fix,
    lowered_text,
    may_match,
    stem,
    stopwords,
    units_touched,
)

_TOKEN = re.compile(r"[#\w][\w'’-]*")
_MAX_QUERY_WORDS = 6
@lru_cache(maxsize=1)
def _shapes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str]]:
    opener = re.compile(r"(?:" + "|".join(data_list("spam-search", "question_openers")) + r")\b")
    heads = sorted(data_list("spam-search", "commercial_heads"), key=len, reverse=True)
    nouns = frozenset(data_list("spam-search", "business_nouns"))
    head = re.compile(r"(?<![\w#-])(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads) + r")\s")
    tail = re.compile(r"(?:" + "|".join(data_list("spam-search", "commercial_tails")) + r")(?![\w-])")
    providers = frozenset(data_list("spam-search", "provider_nouns"))
    return opener, head, tail, nouns, providers


@lru_cache(maxsize=1)
def _after_space() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The opener, head and tail, each after a white-space character."""
    opener, head, tail, _, _ = _shapes()
    return (
        re.compile(rf"\s(?:{opener.pattern})", opener.flags),
        re.compile(rf"\s(?:{head.pattern})", head.flags),
        re.compile(rf"\s(?:{tail.pattern})", tail.flags),
    )


@lru_cache(maxsize=1)
def _wh_governors() -> frozenset[str]:
    return frozenset(data_list("spam-search", "wh_governors"))


class _Sentence:
    """The words of one sentence, and whether only white space separates each from the next."""

    def __init__(self, text: str, start: int, end: int, lowered: str) -> None:
        self.text = text
        self.lowered = lowered  # text.lower(), indexed with offsets of text as it always was
        self.tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
        self.words = [text[s:e].lower().replace("’", "'") for s, e in self.tokens]
        self.joined = [
            i > 0 and not text[self.tokens[i - 1][1] : self.tokens[i][0]].strip() for i in range(len(self.tokens))
        ]

    def index_at(self, offset: int) -> int:
        for i, (s, _) in enumerate(self.tokens):
            if s >= offset:
                return i
        return len(self.tokens)

    def lower(self, i: int) -> bool:
        return not self.text[self.tokens[i][0]].isupper()


def find_insertions(article: Article) -> list[tuple[int, int]]:
    """Spans of ``article.text`` that are search phrases spliced into a sentence."""
    return [(start, end) for start, end, _ in find_insertions_with_seams(article)]


def find_insertions_with_seams(article: Article) -> list[tuple[int, int, bool]]:
    """Like :func:`find_insertions`, with whether both ends of each insertion are certain (a fix
    that deletes it is safe)."""
    known = facts(article)
    if known.insertions is None:
        known.insertions = _find_insertions(article)
    return list(known.insertions)


def _tails(article: Article, lowered: str, aligned: bool) -> Iterator[re.Match[str]]:
    """The commercial tails in the lower-cased text. Where its offsets are the text's, it differs
    from the text the word prefilter reads only in letters a tail's words cannot touch, so an
    article lacking the words a tail needs is not scanned."""
    _, _, spaced_tail = _after_space()
    if not aligned:
        return _shapes()[2].finditer(lowered)
    if not may_match(article, spaced_tail):
        return iter(())
    return spaced_tail.finditer(lowered)


def _find_insertions(article: Article) -> list[tuple[int, int, bool]]:
    text = article.text
    lowered = lowered_text(article)
    # A query starts where an opener, head or tail matches a word that only white space parts
    # from the word before; only sentences holding such a place can hold one, so only they are
    # split into words. The scans look for the white space too: the engine skips to it quickly.
    # Only a word in "#" can follow the word before with nothing between, and only the head "#1"
    # starts so. lower() lengthens only "İ": with one in the text, offsets of text point
    # elsewhere in the lower-cased text, where the space need not be.
    spaced_opener, spaced_head, _ = _after_space()
    _, head, _, _, _ = _shapes()
    aligned = len(lowered) == len(text)
    sentences = article.sentences
    starts = [s.start for s in sentences]
    questions = units_touched(starts, spaced_opener.finditer(text))
    commercial = units_touched(starts, _tails(article, lowered, aligned))
    if any(word in lowered for word in _head_words()):
        heads = spaced_head if aligned and "#" not in text else head
        commercial |= units_touched(starts, heads.finditer(lowered))
    found: list[tuple[int, int, bool]] = []
    for number in sorted(questions | commercial):
        sentence = sentences[number]
        words = _Sentence(text, sentence.start, sentence.end, lowered)
        if number in questions:
            found.extend(_question_queries(words))
        if number in commercial:
            found.extend(_commercial_queries(words))
    found.sort()
    merged: list[tuple[int, int, bool]] = []
    for start, end, certain in found:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2] and certain)
        else:
            merged.append((start, end, certain))
    return merged


@lru_cache(maxsize=1)
def _head_words() -> tuple[str, ...]:
    """The first word of each commercial head: the lower-cased text holds one where a head matches."""
    return tuple({h.split()[0] for h in data_list("spam-search", "commercial_heads")})


def _question_queries(s: _Sentence) -> list[tuple[int, int, bool]]:
    opener = _shapes()[0]
    stop = stopwords()
    spans = []
    for i in range(1, len(s.tokens)):
        if not s.joined[i] or not s.lower(i):
            continue
        match = opener.match(s.text, s.tokens[i][0])
        if match is None:
            continue
        before = s.words[i - 1]
        if before in stop or before in _wh_governors():
            continue
        first = s.index_at(match.end())
        last = first - 1
        j = first
        doubled = False
        while j < len(s.tokens) and j - first < _MAX_QUERY_WORDS and s.joined[j] and s.words[j] not in stop:
            last = j
            if j + 1 < len(s.tokens) and s.words[j + 1] == s.words[j]:
                doubled = True  # "...ketamine therapy therapy is": the sentence resumes at the double
                break
            j += 1
        if last < first:
            continue
        query = {stem(w) for w in s.words[first : last + 1]}
        after = s.words[last + 1] if last + 1 < len(s.words) else ""
        if stem(before) in query or (after and stem(after) in query | {stem(before)}):
            spans.append((s.tokens[i][0], s.tokens[last][1], doubled))
    return spans


def _commercial_queries(s: _Sentence) -> list[tuple[int, int, bool]]:
    _, head, tail, nouns, providers = _shapes()
    stop = stopwords()
    spans = []
    lowered = s.lowered
    for i in range(len(s.tokens)):
        if not s.lower(i):
            continue
        start = s.tokens[i][0]
        tail_match = tail.match(lowered, start)
        if tail_match is not None and s.joined[i]:
            end = s.index_at(tail_match.end()) - 1
            first = i
            seen = {stem(w) for w in s.words[i : end + 1]}
            certain = False
            while first - 1 >= 0 and s.joined[first] and s.lower(first - 1) and first > i - 5:
                word = s.words[first - 1]
                if (word in stop and not head.match(word + " ")) or stem(word) in seen:
                    certain = stem(word) in seen
                    break  # a function word, or the echo of a query word: the sentence resumes
                first -= 1
                seen.add(stem(word))
                if head.match(word + " "):
                    certain = True
                    break  # a query starts on its commercial head
            if first == i and tail_match.group(0).startswith("near"):
                continue
            run = s.words[first : end + 1]
            if tail_match.group(0).startswith("near") and not nouns.intersection(run):
                continue
            if _governed(s, first) and not _echoes(s, first, end):
                continue
            spans.append((s.tokens[first][0], s.tokens[end][1], certain))
            continue
        head_match = head.match(lowered, start)
        if head_match is None or i == 0 or not s.joined[i] or _governed(s, i):
            continue
        j = s.index_at(head_match.end())
        for k in range(j, min(j + 3, len(s.tokens))):
            if not s.joined[k] or not s.lower(k) or s.words[k] in stop:
                break
            if s.words[k] in providers:
                spans.append((start, s.tokens[k][1], True))
                break
    return spans


def _governed(s: _Sentence, first: int) -> bool:
    """An article, possessive, number or function word introduces the phrase (it is grammatical)."""
    if first == 0 or not s.joined[first]:
        return True
    before = s.words[first - 1]
    return before in stopwords() or before.endswith("'s") or before[:1].isdigit()


def _echoes(s: _Sentence, first: int, end: int) -> bool:
    return first > 0 and stem(s.words[first - 1]) in {stem(w) for w in s.words[first : end + 1]}


class SearchPhraseInsertion(Rule):
    meta = RuleMeta(
        code="SPAM004",
        name="search-phrase-insertion",
        category="spam",
        severity=Severity.ERROR,
        summary="A search query is pasted into the middle of a sentence (anchor-text insertion).",
        description=(
            "Flags a commercial search query left as the first or last line of the article (\"best cbd oil "
            "near me\" above the title), and search queries spliced into prose where they break the "
            "sentence: an informational "
            "query glued to the word before it that repeats that word (\"ketamine what is ketamine "
            "therapy therapy is also...\"), or a commercial-intent query that no article or preposition "
            "introduces (\"...represents best ketamine clinic near me a new option\", \"buy ... online "
            "cheap\", \"... best price\"). Grammatical uses (\"unclear what is causing it\", \"the best "
            "clinic for you\", \"a pharmacy near me\") are left alone. "
            "Measured: recall 1.00 (8/8 planted) and precision 1.00 on the labelled test corpus; "
            "0 of 1,600 reputable-newsroom articles (HealthStory and ReCOVery reliable sources) flagged."
        ),
        rationale=(
            "Pasting a target query into existing text, usually as a link's anchor text, is a link "
            "scheme: it serves search engines, not readers, and leaves sentences that no longer make "
            "sense. Google's spam policies list keyword-rich anchor text inserted into articles among "
            "link spam, and HONcode asks that promotion be kept apart from health information."
        ),
        sources=(
            "Google Search spam policies: link spam and keyword stuffing",
            "HONcode principle 8: honesty in advertising and editorial policy",
        ),
        fail_examples=examples(
            "Beyond asthma, inhalers what are inhalers used for are also used in chronic lung disease.",
            "For stiff joints, physiotherapy represents best physio clinic near me a useful first step.",
            "Many patients with acne isotretinoin buy isotretinoin online cheap find their skin clears.",
            "top rated knee clinic near me\n\n# Knee Pain: Causes and Care\n\nMost knee pain settles with rest.",
        ),
        pass_examples=examples(
            "It is still unclear what is causing the rise in asthma cases among children.",
            "Ask your doctor to help you find the best clinic for your needs.",
            "Never buy prescription medicines online from sites that do not ask for a prescription.",
            "There is a pharmacy near me that stays open late.",
        ),
        fixable=True,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        for start, end in _query_lines(article):
            ctx.report(
                start,
                end,
                f"\"{article.text[start:end]}\" is a search query left as a line of the article.",
                "Delete the line; give the article a title that says what it is about.",
                fix=line_deletion_fix(article, start, end),
            )
        for start, end, certain in find_insertions_with_seams(article):
            phrase = article.text[start:end]
            ctx.report(
                start,
                end,
                f"\"{phrase}\" is a search phrase pasted into the sentence; it breaks the grammar and "
                "only serves search engines.",
                "Delete the inserted words and reread the sentence; if a link was attached to them, "
                "remove it too.",
                fix=deletion_fix(article, start, end) if certain and not _in_link(article, start, end) else None,
            )


_QUERY_LINE_MAX_WORDS = 10


def _query_lines(article: Article) -> list[tuple[int, int]]:
    """A first or last line that is a commercial search query on its own ("best cbd oil near me"):
    lower case, short, no sentence punctuation, with a query head or tail."""
    _, _, tail, _, _ = _shapes()
    heads = tuple(h.lower() for h in data_list("spam-search", "commercial_heads"))
    blocks = article.blocks
    edges = {0, len(blocks) - 1} if blocks else set()
    found = []
    for number in sorted(edges):
        block = blocks[number]
        text = article.text[block.start : block.end]
        words = text.split()
        if not words or len(words) > _QUERY_LINE_MAX_WORDS or text != text.lower() or ends_sentence(text):
            continue
        if words[0] in heads or tail.search(text.lower()):
            found.append((block.start, block.end))
    return found


def _in_link(article: Article, start: int, end: int) -> bool:
    """Deleting a link's text would leave its markup behind; the editor removes the link by hand."""
    return any(link.start < end and start < link.end for link in article.links)


RULES = [SearchPhraseInsertion]
