"""CLAIM071 benefits-not-quantified: a treatment's benefit is claimed and no figure anywhere says
how large it is.

What it flags
    A news story or press release that discusses a treatment or test, says it helps ("improves",
    "reduces", "helped", "lowers"...), and gives no figure for the size of the benefit anywhere:
    no percentage, no "12 of 100", no "one in five", no "twice as", no hazard ratio, no "from 8 to
    5". One finding for the article, at the first mention of the treatment. (A single sentence
    sized with words only is CLAIM053 benefit-without-numbers; a relative risk with no absolute
    figure is CLAIM006's.)

Why
    HealthNewsReview.org's second criterion asks whether a story quantifies the benefits, in
    absolute terms; Schwitzer (PLoS Medicine 2008) found that two stories in three did not. "It
    helped" says nothing about whether it helps one patient in five or one in five hundred.

Off by default
    A patient page may describe what a long-used medicine is for without trial figures. Part of
    the news-review set (``--extend-select CLAIM07,ATTR01``).

Options
    ``min_treatment_mentions`` (2), ``min_words`` (60), ``data_files`` (add to ``quantities``).
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import RuleMeta, examples
from contentlint.rules.builtin.claims import _evidence as ev
from contentlint.rules.builtin.claims import news_signals as news


class BenefitsNotQuantified(news.MissingCriterionRule):
    trigger = "treatment"
    satisfied_by = ("quantities",)
    message = "The article says the treatment helps but never gives a figure for how much."
    suggestion = (
        "Give the size of the benefit in absolute terms (e.g. \"Headaches fell from eight days a month to five, "
        "against six with a placebo\" or \"12 of 100 people improved, against 7 of 100 without it\")."
    )
    meta = RuleMeta(
        code="CLAIM071",
        name="benefits-not-quantified",
        category="claims",
        severity=Severity.WARNING,
        summary="A treatment's benefit is claimed with no figure for its size anywhere (news-review set).",
        description=(
            "Flags a news story or press release that discusses a treatment or test, says it helps (\"improves\", "
            "\"reduces\", \"helped\"), and gives no figure for the size of the benefit anywhere: no percentage, "
            "no \"12 of 100\", \"one in five\", \"twice as\", hazard ratio or \"from 8 to 5\". One finding for "
            "the article." + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org's second criterion asks whether a story quantifies the benefits, preferably "
            "in absolute terms; Schwitzer (PLoS Medicine 2008) found that most stories did not. \"It helped\" "
            "does not tell a reader whether it helps one patient in five or one in five hundred."
        ),
        sources=(*news.NEWS_REVIEW_SOURCES, "HealthNewsReview.org criterion 2: does the story quantify the benefits?"),
        fail_examples=examples(news.EXAMPLE_STORY + "Patients said their lives improved a great deal."),
        pass_examples=examples(
            news.EXAMPLE_STORY + "Migraine days fell from eight a month to five, against six with a placebo.",
            news.EXAMPLE_STORY + "About 40 percent of those on the drug had half as many attacks.",
            news.EXAMPLE_STORY + "Three in ten people on the pill improved, against two in ten on a dummy pill.",
        ),
        options=news.treatment_options(),
        enabled_by_default=False,
    )

    def satisfied(self, article: Article, options: dict[str, object]) -> bool:
        claims_benefit = ev.found("benefit_verbs", article.text, 0, len(article.text)) or ev.found(
            "benefit_changes", article.text, 0, len(article.text))
        return not claims_benefit or super().satisfied(article, options)


RULES = [BenefitsNotQuantified]
