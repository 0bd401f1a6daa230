"""CLAIM052 early-evidence-as-settled: a pilot, a phase 1 trial, a few dozen people, a conference
abstract or a preprint presented as proof.

What it flags
    In an article that reports early or small evidence (a pilot or feasibility study, a phase 1
    trial, a study of fewer than 50 people, results presented at a meeting, a preprint, results
    not yet peer reviewed or published), wording that presents the result as settled: "proves",
    "confirms that", "establishes that", "shows that it works", "is safe and effective",
    "conclusively", "definitive evidence".

What it leaves alone
    The same wording hedged, negated or asked ("does not prove", "may confirm"), claims the article
    goes on to question, and articles about large or published studies.
"""

from __future__ import annotations

import re

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import _evidence as ev
from contentlint.rules.builtin.claims._base import context_option
from contentlint.rules.prefilter import compile_pattern, may_match
from contentlint.text.context import sentence_index

_MESSAGE = "\"{match}\" presents early or small evidence as settled."
_SUGGESTION = (
    "Say what kind of evidence it is and what it can show, e.g. \"a pilot study of 24 people suggests ... "
    "larger trials are needed to know whether it works\"."
)
_OBJECT = r"(?:that|it|its|the|this|these|our|their|a\s+(?:clear|direct|causal)|how|why)\b"
_SETTLED = compile_pattern(
    rf"\b(?:prove[sd]?|proving|confirm(?:s|ed)?|establish(?:es|ed)?|demonstrate[sd]?)\s+{_OBJECT}"
    r"|\b(?:is|are|was|were|been|be|has|have)\s+(?:now\s+)?(?:been\s+)?proven\b"
    r"|\bproven\s+to\s+(?:work|be|help|reduce|prevent|improve|treat|cure|lower|slow|stop|reverse|boost|protect)\b"
    r"|\b(?:show[sn]?|showed|prove[sd]?|confirm(?:s|ed)?|demonstrate[sd]?)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:works|worked|is\s+effective|was\s+effective|are\s+effective|were\s+effective)\b"
    r"|\b(?:is|are|was|were)\s+(?:both\s+)?safe\s+and\s+effective\b"
    r"|\b(?:conclusively|definitively|unequivocally|beyond\s+(?:any\s+)?doubt)\b"
    r"|\b(?:definitive|conclusive|irrefutable)\s+(?:evidence|proof|answer|results?)\b",
    re.IGNORECASE,
)
# "confirmed the first case", "confirmed cases": reporting of events, not of evidence.
_EVENT_AFTER = re.compile(
    r"\s*(?:the\s+|its\s+|a\s+|this\s+|these\s+)?(?:\w+\s+){0,2}?(?:cases?|deaths?|diagnos\w*|infections?|outbreak|"
    r"appointment|date|dates|plans?|identity|location|meeting|report|reports|news|death)\b",
    re.IGNORECASE,
)

# "trials are needed to confirm that", "making sure it is safe and effective": aims, not results.
_AIM_BEFORE = frozenset({"sure", "ensure", "ensuring", "needed", "need", "needs", "aim", "aims", "hope", "hopes"})


class EarlyEvidenceAsSettled(ev.EvidenceRule):
    meta = RuleMeta(
        code="CLAIM052",
        name="early-evidence-as-settled",
        category="claims",
        severity=Severity.WARNING,
        summary="Early or small evidence (a pilot, phase 1, a few dozen people, a preprint) is presented as proof.",
        description=(
            "In an article that reports early or small evidence (a pilot or feasibility study, a phase 1 trial, a "
            "study of fewer than 50 people, results presented at a meeting or in an abstract, a preprint, results "
            "not yet peer reviewed or published, preliminary or interim results), flags wording that presents "
            "the result as settled: \"proves\", \"confirms that\", \"establishes that\", \"shows that it works\", "
            "\"is safe and effective\", \"conclusively\", \"definitive evidence\". Hedged, negated or asked "
            "wording and claims the article goes on to question are not flagged; nor are reports of confirmed "
            "cases or events."
        ),
        rationale=(
            "Small and early studies often overstate effects that shrink or vanish in larger trials, and "
            "results presented at meetings or posted as preprints have not been through peer review. "
            "Yavchitz et al. (PLoS Medicine 2012) found that spin in press releases, such as claiming benefit "
            "from preliminary results, carried into news coverage; HealthNewsReview.org's quality-of-evidence "
            "criterion asks stories to say when evidence is early, small or unpublished and to avoid "
            "\"proves\" for it."
        ),
        sources=(
            "Yavchitz et al., PLoS Medicine 2012;9(9):e1001308 (spin in press releases and news)",
            "Sumner et al., BMJ 2014;349:g7015",
            "HealthNewsReview.org criterion 3: quality of evidence (small, early, unpublished studies)",
        ),
        fail_examples=examples(
            "The pilot study of 24 patients proves that the diet reverses type 2 diabetes.",
            "Results presented at the annual meeting confirm that the implant works.",
        ),
        pass_examples=examples(
            "The pilot study of 24 patients does not prove that the diet works; larger trials are planned.",
            "In a randomised trial of 4,200 adults published in the BMJ, the drug lowered blood pressure by "
            "8 mm Hg more than placebo.",
        ),
        options={"skip_when": context_option(ev.EvidenceRule.default_skip)},
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        if not ev.profile(article).early_evidence:
            return
        text = article.text
        checks = self.skip_checks(ctx)
        flagged: set[int] = set()
        for match in _SETTLED.finditer(text) if may_match(article, _SETTLED) else ():
            start, end = match.span()
            if match.group(0).lower().startswith("confirm") and _EVENT_AFTER.match(text, end):
                continue
            if not self.reportable(article, start) or not ev.stated_as_fact(text, start, match.group(0), _AIM_BEFORE):
                continue
            number = sentence_index(article, start)
            if number in flagged or self.cancelled(article, start, end, checks):
                continue
            flagged.add(number)
            ctx.report(start, end, _MESSAGE.format(match=text[start:end]), _SUGGESTION)


RULES = [EarlyEvidenceAsSettled]
