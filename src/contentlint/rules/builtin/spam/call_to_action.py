"""SPAM001 call-to-action: sales calls to action spliced into an article ("Call Now", "Order Today").

What it flags
    An imperative sales phrase (a verb such as call, book, order, buy, click or schedule followed
    by "now", "today", "here" or a free offer) that interrupts a sentence, stands alone on a line,
    or is written in Title Case the way inserted banners are.

What it leaves alone
    Health instructions such as "call your doctor right away", "call or text 988", "call 911"
    or "contact your healthcare provider": the verb is followed by who to call, not by urgency.
"""

from __future__ import annotations

import re

from contentlint.document import Article
from contentlint.findings import Fix, Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.spam._shared import LazyPattern, candidate_blocks, stopwords
from contentlint.text.context import is_quoted

_VERBS = (
    r"call|phone|ring|book|order|buy|shop|click|tap|act|schedule|reserve|sign\s+up|subscribe|register|"
    r"enrol{1,2}|claim|grab|get\s+started|join|apply|visit\s+us|contact\s+us|call\s+us|dial"
)
_URGENCY = r"now|today|here|right\s+now|immediately|tonight|this\s+week"
# A verb immediately followed by urgency ("Call Now", "order today", "click here").
# Compiled with a lookahead for the letters a match starts with (LazyPattern): most places of a
# candidate block are ruled out by one set test instead of trying each verb.
_CTA = LazyPattern(rf"\b(?:{_VERBS})\s+(?:{_URGENCY})\b(?:\s+(?:for|to)\s+(?:a|your)\s+free\s+\w+)?", re.IGNORECASE)
_HERE = re.compile(r"\bhere\b", re.IGNORECASE)
_POINTER_VERB = re.compile(r"(?:click|tap)\b", re.IGNORECASE)
# Words after which an imperative can start a clause ("so call today", "please order now").
_CLAUSE_OPENERS = frozenset({"and", "or", "but", "so", "then", "please", "just", "simply", "now", "today"})
# Free offers that only sales copy makes ("schedule your free consultation").
_OFFER = re.compile(
    r"\b(?:schedule|book|claim|get|request|reserve)\s+(?:your|a|my)\s+(?:free|complimentary|no-cost)\s+"
    r"(?:consultation|consult|assessment|evaluation|trial|quote|session|screening)\b",
    re.IGNORECASE,
)
# SMS short-code marketing ("Text HEAL to 55555"), but not crisis lines.
_TEXT_CODE = re.compile(r"\btext\s+[\"“']?([A-Z]{2,12})[\"”']?\s+to\s+(\d{5,6})\b", re.IGNORECASE)
_CRISIS_SHORT_CODES = frozenset({"741741", "85258", "686868", "50808", "838255"})
_STANDALONE_MAX_WORDS = 6
# Newsletter and link boxes use the same verbs: "Sign up now" for a newsletter, "To read more, click
# here". They are page furniture (SPAM007's business), not sales, unless the sentence sells something.
_SIGN_UP = re.compile(r"^(?:sign\s+up|subscribe|register|join)\b", re.IGNORECASE)
_NAVIGATION = re.compile(r"^(?:click|tap)\b", re.IGNORECASE)
_NEWSLETTER = re.compile(
    r"\b(?:newsletters?|e-?mails?|inbox|updates|alerts|podcasts?|channel|coverage|news|edition|issue)\b",
    re.IGNORECASE,
)
_SELLING = re.compile(
    r"\b(?:off|discount|free|offer|deal|deals|buy|order|book|booking|consultation|appointment|price|prices|save|sale)\b",
    re.IGNORECASE,
)


def _title_case(phrase: str) -> bool:
    words = [w for w in re.split(r"\s+", phrase) if w]
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


class CallToAction(Rule):
    meta = RuleMeta(
        code="SPAM001",
        name="call-to-action",
        category="spam",
        severity=Severity.ERROR,
        summary="A sales call to action is spliced into the article.",
        description=(
            "Flags imperative sales phrases such as \"Call Now\", \"Book Today\", \"Click Here\", "
            "\"Order now\", \"Schedule your free consultation\" or \"Text WORD to 12345\" when they interrupt "
            "a sentence, stand alone, or are set in Title Case. Instructions that name who to call "
            "(\"call your doctor\", \"call 911\", \"call or text 988\"), verbs that are not imperatives "
            "(\"we must act now\"), quotations, newsletter sign-ups and \"click here\" links that sell nothing "
            "are not flagged. Measured: recall 1.00 (8/8 planted) and precision 1.00 on the labelled test "
            "corpus; errors on 1"
            " of 1,600 reputable-newsroom articles (HealthStory and ReCOVery reliable"
            " sources) (a \"Click here for 20% off\" sales line)."
        ),
        rationale=(
            "Calls to action inserted into health information turn it into advertising and are a common "
            "sign of a hacked or spun page. The FTC requires advertising to be identifiable as advertising "
            "(FTC Act section 5; Enforcement Policy Statement on Deceptively Formatted Advertisements, 2015), "
            "and HONcode principle 8 asks health sites to separate advertising from editorial content."
        ),
        sources=(
            "FTC Enforcement Policy Statement on Deceptively Formatted Advertisements (2015)",
            "HONcode principle 8: honesty in advertising and editorial policy",
        ),
        fail_examples=examples(
            "For people who have tried other treatments, Call Now ketamine offers a new option.",
            "Physical therapy can ease back pain. Book Today\n\nMost people improve within weeks.",
            "To find out whether you qualify, schedule your free consultation with our team.",
            "Text RELIEF to 55123 for a discount on your first visit.",
        ),
        pass_examples=examples(
            "Call your doctor right away if the rash spreads or you develop a fever.",
            "If you are thinking about suicide, call or text 988 to reach the Suicide & Crisis Lifeline.",
            "Call 911 or go to the nearest emergency room if you have chest pain.",
            "In the US you can text HOME to 741741 to reach a crisis counselor.",
        ),
        options={
            "standalone_max_words": Option(
                _STANDALONE_MAX_WORDS, "A line or sentence this short that holds a call to action counts as one."
            ),
        },
        fixable=True,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        text = article.text
        standalone_max = int(ctx.options.get("standalone_max_words", _STANDALONE_MAX_WORDS))
        blocks = article.blocks
        # Each pattern needs words most blocks lack; the findings keep the block-by-block order.
        scanned = {pattern: set(candidate_blocks(article, pattern)) for pattern in (_CTA, _OFFER, _TEXT_CODE)}
        for number in sorted(set().union(*scanned.values())):
            block = blocks[number]
            if number in scanned[_CTA]:
                for match in _CTA.compiled.finditer(text, block.start, block.end):
                    if self._furniture(article, match.start(), match.end()):
                        continue
                    if is_quoted(article, match.start(), match.end()):
                        continue
                    if self._inserted(article, match.start(), match.end(), standalone_max):
                        self._report(ctx, match.start(), match.end())
            if number in scanned[_OFFER]:
                for match in _OFFER.finditer(text, block.start, block.end):
                    self._report(ctx, match.start(), match.end(), whole_sentence=True)
            if number in scanned[_TEXT_CODE]:
                for match in _TEXT_CODE.finditer(text, block.start, block.end):
                    if match.group(2) not in _CRISIS_SHORT_CODES and match.group(1).isupper():
                        self._report(ctx, match.start(), match.end(), whole_sentence=True)

    @staticmethod
    def _furniture(article: Article, start: int, end: int) -> bool:
        """A newsletter sign-up or a "click here" link, with nothing sold in its sentence or block."""
        phrase = article.text[start:end]
        number = article.block_at(start)
        block = article.block_text(article.blocks[number]) if number >= 0 else phrase
        sentence_number = article.sentence_at(start)
        sentence = article.sentences[sentence_number] if sentence_number >= 0 else None
        if sentence is not None and _SELLING.search(article.text, sentence.start, sentence.end):
            return False
        if _SIGN_UP.match(phrase):
            around = article.blocks[max(0, number - 1) : number + 2] if number >= 0 else []
            nearby = " ".join(article.block_text(b) for b in around) or block
            return bool(_NEWSLETTER.search(nearby)) or len(block.split()) <= _STANDALONE_MAX_WORDS
        if not _NAVIGATION.match(phrase):
            return False
        if sentence is not None and _title_case(phrase):
            before = article.text[sentence.start : start].rstrip()
            if before and before[-1].isalpha():
                return False  # a Title Case banner spliced into running text
        return True

    @staticmethod
    def _inserted(article: Article, start: int, end: int, standalone_max: int) -> bool:
        phrase = article.text[start:end]
        number = article.sentence_at(start)
        if number < 0:
            return True
        sentence = article.sentences[number]
        before = article.text[sentence.start : start].rstrip()
        previous = before.split()[-1].lower().strip("\"“”'‘’(") if before else ""
        if previous and previous[-1:].isalpha() and previous in stopwords():
            return False  # "we must act now", "you can call today": the verb is not an imperative
        if _title_case(phrase):
            return True
        if _HERE.search(phrase) and not _POINTER_VERB.match(phrase):
            return False  # "visit us here", "join us here": a site's own pointer, not a sales banner
        if previous and previous.isalpha() and previous.islower() and previous not in _CLAUSE_OPENERS:
            return False  # "a light schedule today", "my order today": the verb is a noun here
        if phrase[:1].isupper() and before.split()[-1:] and before.split()[-1][:1].isupper():
            return False  # part of a name: "the Defense Production Act immediately"
        words = len(article.text[sentence.start : sentence.end].split())
        if words <= standalone_max:
            return True
        # Spliced: the phrase sits mid-sentence and the sentence runs on after it.
        return bool(before) and not before.endswith((":", "-", "—", "–"))

    @staticmethod
    def _report(ctx: RuleContext, start: int, end: int, *, whole_sentence: bool = False) -> None:
        """Report the phrase, with a fix that deletes it (a spliced banner) or, for an offer that is
        the point of its sentence, the whole sentence: deleting only the offer would break it."""
        article = ctx.article
        phrase = article.text[start:end]
        fix_start, fix_end = start, end
        if whole_sentence:
            number = article.sentence_at(start)
            sentence = article.sentences[number] if number >= 0 else None
            fix_start, fix_end = (sentence.start, sentence.end) if sentence else (start, end)
        ctx.report(
            start,
            end,
            f"Sales call to action \"{phrase}\" is inserted into the article.",
            "Delete it. If readers need to contact a service, say who to contact and why in a full sentence.",
            fix=_deletion(article, fix_start, fix_end),
        )


def _deletion(article: Article, start: int, end: int) -> Fix | None:
    """Delete ``text[start:end]`` and one following space, when it maps one-to-one onto the source."""
    span = article.locate(start, end)
    if article.source[span.offset : span.end_offset] != article.text[start:end]:
        return None
    end_offset = span.end_offset
    if article.source[end_offset : end_offset + 1] == " ":
        end_offset += 1
    return Fix(span.offset, end_offset, "")


RULES = [CallToAction]
