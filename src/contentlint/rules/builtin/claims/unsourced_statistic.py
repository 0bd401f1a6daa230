"""CLAIM006 unsourced-statistic: a health statistic with no source nearby, or a relative risk with
no absolute figure.

What it flags
    A percentage, ratio or multiple about patients, outcomes or risk ("a 94% success rate", "over
    95% of patients recover", "9 out of 10 users", "one in four adults", "three times more likely")
    with no citation in the sentence before, the sentence itself or the one after; and a change in
    risk stated only in relative terms ("cuts your risk in half", "lowers the risk of stroke by
    30%", "a 40% lower risk", "doubles the risk") with no absolute figure nearby ("from 2 in 100 to
    1 in 100", "1.2 percentage points"), whether cited or not.

What it leaves alone
    Figures with a source (a link, "(Author, Year)", "according to the NIMH", a named journal or
    study), quoted or attributed figures, money, polls and prices, strengths of products ("1%
    hydrocortisone cream"), and headings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import _lexicon as lx
from contentlint.rules.builtin.claims._base import PROSE_BLOCKS, context_option
from contentlint.rules.prefilter import candidate_blocks, compile_pattern, folded_search, searched_text
from contentlint.text.context import CHECKS, citation_in, neighbour_span, sentence_index, skip_reason

_SKIP = ("negated", "quoted", "reported", "question")
_NUMBER_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+(?:[.,]\d+)?)"
_PERCENT = r"(?:\d{1,3}(?:[.,]\d+)?\s?(?:%|per\s?cent\b))"
_STAT_MESSAGE = "The figure \"{match}\" has no source nearby."
_STAT_SUGGESTION = (
    "Say where the number comes from in the same sentence, e.g. \"..., according to a 2021 CDC survey\" "
    "or a link to the study; if you cannot find a source, remove the number."
)
_RELATIVE_MESSAGE = "\"{match}\" gives a relative change in risk without the absolute risk."
_RELATIVE_SUGGESTION = (
    "Add the absolute figures, e.g. \"lowered the risk from 2 in 100 people to 1 in 100\", so readers can see "
    "how big the change is, and cite the study."
)
_ABSOLUTE = re.compile(
    r"from\s+(?:about\s+|around\s+)?\d+(?:[.,]\d+)?\s?(?:%|per\s?cent)?\s+(?:\w+\s+){0,3}?to\s+(?:about\s+|around\s+)?\d"
    r"|\b\d+(?:[.,]\d+)?\s+(?:in|out\s+of|per)\s+(?:every\s+)?[\d,]+(?:\s+(?:people|patients|adults|women|men))?"
    r"|percentage\s+points?|absolute\s+risk|baseline\s+risk|number\s+needed\s+to\s+treat|\bNNT\b",
    re.IGNORECASE,
)


# (a set of the words' first letters ahead of each word list: one test rejects most places)
# A block holds a number when it holds a digit or one of these words; each is looked for on its
# own (a digit by a fast scan), the words only in blocks the prefilter finds them in.
_DIGIT = re.compile(r"\d")
_COUNT_WORD = re.compile(
    r"\b(?=[defhnoqst])(?:half|halves|halved|third|thirds|quarter|twice|double[sd]?|"
    r"triple[sd]?|times|out\s+of|one|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
_RISK_WORD = re.compile(r"\b(?=[clor])(?:risks?|chances?|odds|likelihood|rates?)\b", re.IGNORECASE)
_STUDY_REFERENCE = re.compile(
    r"\b(?:the|this|that|in\s+the|our)\s+(?:[\w-]+\s+)?(?:study|trial|survey|report|analysis|review|researchers|"
    r"authors|investigators|data|findings|results)\b|\bparticipants\b|\bplacebo\b|\b(?:treatment|control)\s+group\b"
    r"|\bresearchers\s+(?:found|said|say|reported|report|estimate|estimated)\b",
    re.IGNORECASE,
)


def _stat_regex() -> re.Pattern[str]:
    who = (
        r"(?:patients|people|users|participants|adults|children|women|men|those|cases|customers|clients|"
        r"americans|teens)\b"
    )
    parts = [
        rf"{_PERCENT}",
        rf"\b{_NUMBER_WORD}\s+(?:out\s+of|in)\s+(?:every\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred|a\s+thousand)\b(?!\s*(?:days?|weeks?|months?|years?|hours?|minutes?))",
        rf"\b(?:half|a\s+third|two[-\s]thirds|a\s+quarter|three[-\s]quarters)\s+of\s+(?:all\s+)?{who}",
        rf"\b{_NUMBER_WORD}(?:-|\s)?(?:times|fold)\s+(?:more|less|higher|lower|greater|as\s+likely|the\s+risk|the\s+odds|as\s+many|faster)",
        r"\b(?:twice|three\s+times|four\s+times|half)\s+as\s+(?:likely|many|much|effective|fast)",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _relative_regex() -> re.Pattern[str]:
    verb = lx.verb_family("relative_verbs")
    risk = lx.family("risk_nouns")
    owner = r"(?:(?:your|the|their|a\s+person['’]s|one['’]s|his|her|its|our|this)\s+)?"
    amount = (
        r"(?:half|a\s+third|two[-\s]thirds|a\s+quarter|three[-\s]quarters|(?:up\s+to\s+|as\s+much\s+as\s+|"
        rf"nearly\s+|almost\s+|about\s+|around\s+|over\s+|more\s+than\s+)?{_PERCENT})"
    )
    parts = [
        rf"{verb}\s+{owner}(?:\w+\s+)?{risk}(?:\s+of\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+)?\s+(?:by|in)\s+{amount}",
        rf"(?:halves|halved|halve|doubles|doubled|double|triples|tripled|triple|quadruples|quadrupled)\s+{owner}(?:\w+\s+)?{risk}",
        rf"{_PERCENT}\s+(?:lower|higher|reduced|greater|increased|smaller|bigger|less|more|reduction\s+in|increase\s+in|"
        rf"drop\s+in|rise\s+in|decrease\s+in|cut\s+in)\s+(?:(?:the|your|their)\s+)?(?:\w+\s+)?{risk}",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _relative_start() -> re.Pattern[str]:
    """Where a relative change can start: a digit, or the first letters of a verb that opens one."""
    verbs = [form for entry in lx.words("relative_verbs") for form in lx.inflect(entry)]
    verbs += ["halve", "double", "triple", "quadruple"]
    heads = {re.match(r"[a-z]*", verb).group(0)[:3] for verb in verbs}  # type: ignore[union-attr]
    if "" in heads:
        return re.compile("")  # a verb not starting with a letter: try every position
    firsts = "".join(sorted({head[0] for head in heads}))
    return re.compile(rf"(?=[\d{firsts}])(?=\d|{'|'.join(sorted(heads))})", re.IGNORECASE)


class _Patterns(NamedTuple):
    stats: re.Pattern[str]
    relative: re.Pattern[str]
    relative_start: re.Pattern[str]
    outcome: re.Pattern[str]
    non_health: re.Pattern[str]
    formulation: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns(
        _stat_regex(),
        _relative_regex(),
        _relative_start(),
        lx.compile_words(lx.family("outcome_words")),
        lx.compile_words(lx.family("non_health_words")),
        re.compile(rf"\s*{lx.family('formulation_words')}\b", re.IGNORECASE),
    )


# Every statistic starts at a digit or at one of these words: the statistic pattern, slow to try at
# every position, is tried only where this cheaper one finds such a start.
# (The set of first letters before the words lets one set test reject most places.)
_STAT_START = re.compile(
    r"(?=\d)|\b(?=[aefhnost])(?=one|two|three|four|five|six|seven|eight|nine|ten|half|a\s|twice)", re.IGNORECASE
)
# A statistic that does not start at a digit starts with one of these words ("a" only as "a third" or
# "a quarter"): in a block holding none, where the prefilter's word index says so, only the digits
# are tried, found by a scan far quicker than that of every letter the words start with.
_STAT_WORD = compile_pattern(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|twice|third|quarter)", re.IGNORECASE
)


def _matches_from(
    article: Article, pattern: re.Pattern[str], starts: re.Pattern[str], lo: int, hi: int
) -> Iterator[re.Match[str]]:
    """The spans of the matches ``pattern.finditer(article.text, lo, hi)`` gives (none empty), found
    by trying it only where ``starts`` finds a place one of them could start. Both are searched in
    the lowered text when that finds the same places faster, so a match's strings may be lowered."""
    starts_in, starter = searched_text(article, starts)
    matched_in, matcher = searched_text(article, pattern)
    pos = lo
    while True:
        start = starter.search(starts_in, pos, hi)
        if start is None:
            return
        at = start.start()
        match = matcher.match(matched_in, at, hi)
        if match is None:
            pos = at + 1
            continue
        yield match
        pos = match.end()


_THRESHOLD_AFTER = re.compile(r"\s+or\s+(?:more|higher|greater|above|over|less|lower|below|under)\b", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|when|whenever|unless|once)\b", re.IGNORECASE)


class UnsourcedStatistic(Rule):
    meta = RuleMeta(
        code="CLAIM006",
        name="unsourced-statistic",
        category="claims",
        severity=Severity.WARNING,
        summary="A health statistic has no source nearby, or a relative risk has no absolute figure.",
        description=(
            "Flags a percentage, ratio or multiple about patients, outcomes or risk (\"a 94% success rate\", "
            "\"over 95% of patients recover\", \"9 out of 10 users\", \"three times more likely\") when no "
            "citation stands in the sentence before, the sentence or the one after; and a change in risk given "
            "only in relative terms (\"cuts your risk in half\", \"lowers the risk of stroke by 30%\", \"a 40% "
            "lower risk\") with no absolute figure nearby, cited or not. Money, polls, product strengths "
            "(\"1% hydrocortisone\"), quoted or attributed figures and headings are not flagged.\n\n"
            "Severity: warning. An unsourced figure is unverifiable rather than dangerous; editors should "
            "source it or cut it.\n\n"
            "Measured on the labelled corpus in tests/corpora/claims: recall 1.00 (20 of 20), precision 1.00 "
            "(no finding on 28 negative cases). On 2,351 articles from reputable newsrooms it flags about 28% "
            "of articles, mostly \"experts say\" and figures whose source is named only paragraphs away."
        ),
        rationale=(
            "A number lends a claim authority it may not have. HealthNewsReview.org criterion 2 asks stories "
            "to quantify benefits in absolute terms, because a relative figure alone (\"cuts risk in half\") "
            "hides whether the change is from 2 in 100 to 1 in 100 or from 2 in 100,000 to 1 in 100,000. The "
            "FTC Health Products Compliance Guidance (2022) requires numerical claims to be substantiated, and "
            "HONcode principle 4 asks health sites to reference their sources."
        ),
        sources=(
            "HealthNewsReview.org criterion 2: does the story adequately quantify the benefits?",
            "FTC: Health Products Compliance Guidance (December 2022)",
            "HONcode principle 4: attribution",
            "Gigerenzer et al., 'Helping doctors and patients make sense of health statistics' (2007)",
        ),
        fail_examples=examples(
            "Our clinic has a 94% success rate.",
            "Over 95% of patients recover within a month.",
            "Eating nuts every day cuts your risk of heart disease in half.",
            "Nine out of ten users report better sleep.",
        ),
        pass_examples=examples(
            "About 30% of adults have insomnia symptoms, according to the NIMH.",
            "In the trial (Lee et al., 2020), the risk fell from 2 in 100 people to 1 in 100.",
            "Apply a 1% hydrocortisone cream twice a day.",
            "Prices rose 3% last year.",
        ),
        options={
            "skip_when": context_option(_SKIP),
            "require_absolute_risk": Option(
                True, "Flag relative risks that have no absolute figure nearby, even when cited."
            ),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        cls = _patterns()
        checks = [c for c in ctx.options.get("skip_when", _SKIP) if c in CHECKS]
        require_absolute = bool(ctx.options.get("require_absolute_risk", True))
        text = article.text
        flagged_sentences: set[int] = set()
        number_words = candidate_blocks(article, (_COUNT_WORD,))
        risk_words = candidate_blocks(article, (_RISK_WORD,)) if require_absolute else frozenset()
        stat_words = candidate_blocks(article, (_STAT_WORD,))
        for block_number, block in enumerate(article.blocks):
            if block.kind not in PROSE_BLOCKS or not (
                _DIGIT.search(text, block.start, block.end)
                or ((number_words is None or block_number in number_words)
                    and folded_search(article, _COUNT_WORD, block.start, block.end))
            ):
                continue
            if (require_absolute and (risk_words is None or block_number in risk_words)
                    and folded_search(article, _RISK_WORD, block.start, block.end)):
                for match in _matches_from(article, cls.relative, cls.relative_start, block.start, block.end):
                    start, end = match.span()
                    if checks and skip_reason(article, start, end, [c for c in checks if c != "reported"]):
                        continue
                    lo, hi = neighbour_span(article, start, before=1, after=1)
                    if folded_search(article, _ABSOLUTE, lo, hi):
                        continue
                    flagged_sentences.add(sentence_index(article, start))
                    values = {"match": text[start:end]}
                    ctx.report(start, end, _RELATIVE_MESSAGE.format(**values), _RELATIVE_SUGGESTION)
            starts = _STAT_START if stat_words is None or block_number in stat_words else _DIGIT
            for match in _matches_from(article, cls.stats, starts, block.start, block.end):
                start, end = match.span()
                number = sentence_index(article, start)
                if number in flagged_sentences or not self._health_figure(article, match):
                    continue
                if checks and skip_reason(article, start, end, checks):
                    continue
                lo, hi = neighbour_span(article, start, before=1, after=1)
                if citation_in(article, lo, hi):
                    continue
                if folded_search(article, _STUDY_REFERENCE, lo, hi) and citation_in(article, 0, len(text)):
                    continue  # a result of the study the article names elsewhere
                flagged_sentences.add(number)
                values = {"match": text[start:end]}
                ctx.report(start, end, _STAT_MESSAGE.format(**values), _STAT_SUGGESTION)

    @staticmethod
    def _health_figure(article: Article, match: re.Match[str]) -> bool:
        cls = _patterns()
        text = article.text
        if cls.formulation.match(text, match.end()):
            return False
        number = sentence_index(article, match.start())
        if number < 0:
            return False
        sentence = article.sentences[number]
        # A threshold in a condition ("if your risk is 10% or more") reports no result.
        if _THRESHOLD_AFTER.match(text, match.end()) and _CONDITION.search(text, sentence.start, match.start()):
            return False
        if folded_search(article, cls.non_health, sentence.start, sentence.end):
            return False
        return folded_search(article, cls.outcome, sentence.start, sentence.end)


RULES = [UnsourcedStatistic]
