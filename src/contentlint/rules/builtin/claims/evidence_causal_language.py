"""CLAIM051 causal-language-for-association: cause-and-effect wording for a link an observational
study found.

What it flags
    In an article that reports an observational study (a cohort, a survey, records, "linked to",
    "associated with") and no randomised trial, wording that says the exposure causes the outcome:
    "coffee prevents liver cancer", "cuts the risk of dementia", "protects against stroke",
    "causes weight gain", "leads to heart disease".

What it leaves alone
    "is linked with", "is associated with", hedged ("may lower the risk"), negated or asked
    claims, aims ("to prevent"), claims the article goes on to question, and articles that report
    a randomised trial or an experiment in animals, where causal wording can be earned.
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import _evidence as ev
from contentlint.rules.builtin.claims._base import context_option
from contentlint.text.context import sentence_index

_MESSAGE = "\"{match}\" says one thing causes another, but the study this article reports only found a link."
_SUGGESTION = (
    "Write what the study found, e.g. \"coffee drinking is linked with a lower rate of liver cancer\", and say "
    "that an observational study cannot show cause and effect."
)

# "a gene that increases the risk", "a condition which causes pain": background, not the study's finding.
_BACKGROUND_BEFORE = frozenset({"that", "which", "frequently", "often", "commonly", "usually", "known"})


class CausalLanguageForAssociation(ev.EvidenceRule):
    meta = RuleMeta(
        code="CLAIM051",
        name="causal-language-for-association",
        category="claims",
        severity=Severity.WARNING,
        summary=(
            "Cause-and-effect wording (\"prevents\", \"cuts the risk of\") for a link an observational study found."
        ),
        description=(
            "In an article that reports an observational study (at least two signs such as \"cohort\", "
            "\"survey\", \"medical records\", \"linked to\", \"associated with\") and no randomised trial or "
            "animal experiment, flags wording that states cause: \"prevents\", \"cuts/lowers/raises the risk of\", "
            "\"protects against\", \"wards off\", and \"causes\", \"leads to\", \"triggers\" followed by a health "
            "outcome. \"Is linked with\", hedged (\"may lower the risk\"), negated or asked claims, aims (\"to "
            "prevent\") and claims the article goes on to question are not flagged."
        ),
        rationale=(
            "An observational study can show that two things go together, not that one causes the other: "
            "people who drink coffee differ from those who do not in many ways. Sumner et al. (BMJ 2014) found "
            "causal claims drawn from correlational results in a third of academic press releases, and that "
            "news stories were far more likely to exaggerate when the release did. Yavchitz et al. (PLoS "
            "Medicine 2012) count such wording as spin, and HealthNewsReview.org's quality-of-evidence "
            "criterion asks stories not to use causal language for observational findings."
        ),
        sources=(
            "Sumner et al., BMJ 2014;349:g7015 (causal claims from correlational evidence)",
            "Yavchitz et al., PLoS Medicine 2012;9(9):e1001308 (spin in press releases and news)",
            "HealthNewsReview.org criterion 3 and its primer 'Does the language fit the evidence? Association "
            "versus causation'",
        ),
        fail_examples=examples(
            "Coffee prevents liver cancer. In a cohort of 200,000 adults followed for ten years, those who "
            "drank three cups a day were less likely to develop it. Drinking coffee was associated with a "
            "lower rate of liver disease too.",
        ),
        pass_examples=examples(
            "Coffee is linked with a lower rate of liver cancer. In a cohort of 200,000 adults followed for ten "
            "years, coffee drinking was associated with fewer cases.",
            "In a randomised trial of 3,000 adults, the vaccine cut the risk of shingles from 3.2% to 0.3% "
            "compared with placebo. Side effects were linked to the injection site.",
        ),
        options={"skip_when": context_option(ev.EvidenceRule.default_skip)},
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        if not ev.profile(article).observational_study:
            return
        text = article.text
        checks = self.skip_checks(ctx)
        flagged: set[int] = set()
        candidates = [(s, e, p, False) for s, e, p in ev.matcher("causal_phrases").finditer(text)]
        candidates += [(s, e, p, True) for s, e, p in ev.matcher("causal_verbs").finditer(text)]
        for start, end, phrase, needs_outcome in sorted(candidates):
            if needs_outcome:
                outcome = ev.outcome_after(text, end)
                if outcome is None:
                    continue
                end = outcome[1]
            if not ev.stated_as_fact(text, start, phrase, _BACKGROUND_BEFORE) or not self.reportable(article, start):
                continue
            number = sentence_index(article, start)
            if number in flagged or self.cancelled(article, start, end, checks):
                continue
            flagged.add(number)
            ctx.report(start, end, _MESSAGE.format(match=text[start:end]), _SUGGESTION)


RULES = [CausalLanguageForAssociation]
