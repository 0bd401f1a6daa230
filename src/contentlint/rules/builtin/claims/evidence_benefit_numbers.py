"""CLAIM053 benefit-without-numbers: a benefit described as large with no figure to size it.

What it flags
    "dramatically improved", "significantly reduced symptoms", "a substantial reduction in pain",
    "improved markedly" about health, when neither that sentence nor the next gives a number.

What it leaves alone
    The same wording with a figure in the sentence or the next one ("significantly reduced
    symptoms, from 12 to 7 points on the scale"), negated or asked claims ("no significant
    improvement"), and sentences about prices, traffic or websites. A relative risk with no
    absolute figure is CLAIM006 unsourced-statistic's to report.
"""

from __future__ import annotations

import re

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import _evidence as ev
from contentlint.rules.builtin.claims._base import context_option
from contentlint.text.context import sentence_index

_MESSAGE = "\"{match}\" says the benefit is large without saying how large."
_SUGGESTION = (
    "Give the size of the benefit in numbers, e.g. \"pain scores fell from 6 to 4 out of 10, compared with 6 to 5 "
    "on placebo\", or describe it without the intensifier."
)
_SKIP = ("negated", "question")
_NEAR_WORDS = 2


def _pairs(text: str) -> list[tuple[int, int]]:
    """Spans where a size word and a benefit word stand within two words of each other."""
    sizes = list(ev.matcher("size_words").finditer(text))
    if not sizes:
        return []
    changes = list(ev.matcher("benefit_changes").finditer(text))
    spans: list[tuple[int, int]] = []
    j = 0
    for s_start, s_end, _ in sizes:
        while j < len(changes) and changes[j][1] < s_start - 40:
            j += 1
        for c_start, c_end, _ in changes[j:]:
            if c_start > s_end + 40:
                break
            lo, hi = (s_end, c_start) if s_start < c_start else (c_end, s_start)
            gap = text[lo:hi]
            if hi >= lo and len(gap.split()) <= _NEAR_WORDS and not re.search(r"[.;:!?,()]", gap):
                spans.append((min(s_start, c_start), max(s_end, c_end)))
                break
    return spans


class BenefitWithoutNumbers(ev.EvidenceRule):
    default_skip = _SKIP
    meta = RuleMeta(
        code="CLAIM053",
        name="benefit-without-numbers",
        category="claims",
        severity=Severity.WARNING,
        summary="A benefit is called large (\"dramatically improved\", \"significantly reduced\") with no figure.",
        description=(
            "Flags a size word (\"dramatically\", \"significantly\", \"substantial\", \"markedly\", \"greatly\", "
            "\"major\") within two words of a benefit (\"improved\", \"reduced\", \"reduction\", \"relief\", "
            "\"survival\") in a sentence about health (patients, symptoms, treatment, risk...) when neither that "
            "sentence nor the next gives a number. Negated or asked claims (\"no significant improvement\") are "
            "not flagged. A relative risk with no absolute figure is reported by CLAIM006 unsourced-statistic."
        ),
        rationale=(
            "Readers cannot weigh a benefit that has no size: \"significantly\" may mean statistically "
            "detectable but too small to notice. HealthNewsReview.org's criterion on benefits asks stories to "
            "quantify them, in absolute terms; Yavchitz et al. (PLoS Medicine 2012) count claims of benefit "
            "without the results that support them as spin, and Sumner et al. (BMJ 2014) trace such "
            "exaggeration from press releases into the news."
        ),
        sources=(
            "HealthNewsReview.org criterion 2: does the story adequately quantify the benefits?",
            "Yavchitz et al., PLoS Medicine 2012;9(9):e1001308 (spin in press releases and news)",
            "Sumner et al., BMJ 2014;349:g7015",
        ),
        fail_examples=examples(
            "Patients who had the injections dramatically improved. They returned to work sooner.",
            "The therapy significantly reduced symptoms of anxiety in the study.",
        ),
        pass_examples=examples(
            "The therapy significantly reduced symptoms: scores fell from 18 to 11 on a 27-point scale.",
            "In the randomised trial, 61% of patients on the drug improved, against 38% on placebo.",
            "There was no significant improvement in pain.",
        ),
        options={"skip_when": context_option(_SKIP)},
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        text = article.text
        checks = self.skip_checks(ctx)
        flagged: set[int] = set()
        for start, end in _pairs(text):
            number = sentence_index(article, start)
            if number < 0 or number in flagged or not self.reportable(article, start):
                continue
            sentence = article.sentences[number]
            if not ev.found("health_context", text, sentence.start, sentence.end):
                continue
            lo, hi = ev.sentence_span(article, start, after=1)
            if ev.has_figure(text, lo, hi) or self.cancelled(article, start, end, checks):
                continue
            flagged.add(number)
            ctx.report(start, end, _MESSAGE.format(match=text[start:end]), _SUGGESTION)


RULES = [BenefitWithoutNumbers]
