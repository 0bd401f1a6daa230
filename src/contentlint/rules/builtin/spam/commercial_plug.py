"""SPAM002 commercial-plug: a sentence that steers the reader to a business.

What it flags
    Sentences that send readers to a company rather than inform them: "Contact a local company
    to learn more, like Kure Ketamine", "reach out to a trusted provider such as Acme Health",
    "our clinic offers same-day infusions", "many readers choose Acme for their convenient
    locations", and sales offers (free consultations, "% off", promo codes, "only $99").

What it leaves alone
    Advice that names who to see without selling ("contact your healthcare provider", "call
    911"), public and academic institutions ("according to the Mayo Clinic"), quoted speech and
    sources sections. Patterns are in ``rules/data/spam-plug.yml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.spam._shared import (
    LazyPattern,
    candidate_sentences,
    deletion_fix,
    load_data,
    reference_blocks,
)
from contentlint.text.context import is_quoted

_NAME = r"(?:the\s+)?((?:[A-Z][\w&'’.-]*|of|and|&)(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){0,4})"


_WHOLE = ("named", "unnamed", "endorsement")
# Lists searched one listed expression at a time: each needs its own words (and "$" or "%"), so
# most sentences are tried against one or two of them instead of the whole alternation.
_SPLIT = ("first_person", "offers")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    d = load_data("spam-plug")
    target = rf"{d['steer_verbs']}\s+(?:(?:a|an|one|some|any)\s+)?(?:{d['business_adjectives']}\s+)*"
    named = LazyPattern(
        rf"(?i:\b{target}(?:[\w-]+\s+)?{d['business_nouns']}\b[^.!?]{{0,60}}?[,\s(]\s*{d['name_introducers']})\s+{_NAME}"
    )
    unnamed = LazyPattern(
        rf"(?i:\b{d['steer_verbs']}\s+(?:a|an|one)\s+(?:{d['business_adjectives']}\s+)+"
        rf"(?:[\w-]+\s+)?{d['commercial_nouns']}\b[^.!?]{{0,40}}?{d['follow_ups']})"
    )
    return {
        "named": named,
        "unnamed": unnamed,
        "first_person": tuple(LazyPattern(p, re.IGNORECASE) for p in d["first_person"]),
        "endorsement": LazyPattern(d["endorsement"]),
        "offers": tuple(LazyPattern(p, re.IGNORECASE) for p in d["offers"]),
        "institutions": frozenset(str(w).lower() for w in d["institution_words"]),
    }


class CommercialPlug(Rule):
    meta = RuleMeta(
        code="SPAM002",
        name="commercial-plug",
        category="spam",
        severity=Severity.ERROR,
        summary="A sentence steers the reader to a business (\"contact a local company ... like Acme\").",
        description=(
            "Flags sentences that send readers to a business instead of informing them: a call to contact "
            "or visit a company, clinic or provider that names a brand (\"Contact a local company to learn "
            "more, like Kure Ketamine\", \"reach out to a trusted provider such as Acme Health\"), an "
            "unnamed local company (\"call a local company today\"), a business speaking for itself (\"our "
            "clinic offers\", \"we provide same-day appointments\"), endorsements (\"many readers choose "
            "Acme for their convenient locations\") and sales offers (free consultations, \"20% off\", promo "
            "codes, \"only $99\"). Advice that names who to see without selling (\"contact your healthcare "
            "provider\"), public institutions, quotations and sources sections are left alone. "
            "Measured: recall 1.00 (8/8 planted) and precision 1.00 on the labelled test corpus; "
            "0 of 1,600 reputable-newsroom articles (HealthStory and ReCOVery reliable sources) flagged."
        ),
        rationale=(
            "Health information that quietly promotes a business is undisclosed advertising. The FTC "
            "requires advertising to be identifiable as such and endorsements to disclose material "
            "connections, and HONcode principle 8 asks health sites to keep advertising apart from "
            "editorial content."
        ),
        sources=(
            "FTC Enforcement Policy Statement on Deceptively Formatted Advertisements (2015)",
            "FTC Guides Concerning the Use of Endorsements and Testimonials in Advertising (16 CFR 255)",
            "HONcode principle 8: honesty in advertising and editorial policy",
        ),
        fail_examples=examples(
            "If your knees still ache, reach out to a trusted provider such as Acme Joint Care.",
            "Our clinic offers same-day appointments for allergy testing.",
            "Many readers choose BrightSmile Dental for their convenient locations.",
            "Book now and get 20% off your first acupuncture session.",
        ),
        pass_examples=examples(
            "Contact your healthcare provider if the rash spreads.",
            "According to the Mayo Clinic, most sprains heal within six weeks.",
            "Many patients prefer Ozempic because it is taken once a week.",
            "Treatment costs about $400 per session and is not always covered by insurance.",
        ),
        fixable=True,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        patterns = _patterns()
        text = article.text
        # The sentences each pattern may match in (it needs words most sentences lack).
        possible = {key: set(candidate_sentences(article, patterns[key])) for key in _WHOLE}
        choices = {key: [set(candidate_sentences(article, p)) for p in patterns[key]] for key in _SPLIT}
        candidates = set().union(*possible.values(), *(where for key in _SPLIT for where in choices[key]))
        if not candidates:
            return
        references = reference_blocks(article)
        sentences = article.sentences
        for number in sorted(candidates):
            sentence = sentences[number]
            if sentence.block in references:
                continue
            searched = {key: patterns[key].compiled for key in _WHOLE if number in possible[key]}
            listed = {
                key: [p.compiled for p, where in zip(patterns[key], choices[key], strict=True) if number in where]
                for key in _SPLIT
            }
            found = self._plug(text, sentence.start, sentence.end, searched, listed, patterns["institutions"])
            if found is None or is_quoted(article, found[0], found[1]):
                continue
            start, end, whole = found
            shown = text[start:end]
            ctx.report(
                start,
                end,
                f"\"{shown}\" promotes a business inside the health information.",
                "Delete it. If readers need a service, describe what kind of professional to see and why, "
                "without naming or selling a business.",
                fix=deletion_fix(article, sentence.start, sentence.end) if whole else None,
            )

    def _plug(
        self,
        text: str,
        start: int,
        end: int,
        p: dict[str, re.Pattern[str]],
        listed: dict[str, list[re.Pattern[str]]],
        institutions: frozenset[str],
    ) -> tuple[int, int, bool] | None:
        """The first plug in the sentence; ``p`` and ``listed`` hold only the patterns that may
        match in it."""
        match = p["named"].search(text, start, end) if "named" in p else None
        if match is not None and not self._institution(match.group(1), institutions):
            return start, end, True
        for key in ("unnamed", "endorsement"):
            if key in p and p[key].search(text, start, end) is not None:
                return start, end, True
        for key in _SPLIT:
            match = _leftmost(listed[key], text, start, end)
            if match is not None:
                return match.start(), match.end(), False
        return None

    @staticmethod
    def _institution(name: str, institutions: frozenset[str]) -> bool:
        words = {w.lower().strip(".,'’") for w in name.split()}
        lowered = name.lower()
        return bool(words & institutions) or any(" " in w and w in lowered for w in institutions)


def _leftmost(patterns: list[re.Pattern[str]], text: str, start: int, end: int) -> re.Match[str] | None:
    """What the alternation of ``patterns`` finds first: the leftmost match, on a tie the one of
    the earlier pattern (an alternation tries its branches in order at each place)."""
    best = None
    for pattern in patterns:
        match = pattern.search(text, start, end)
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    return best


RULES = [CommercialPlug]
