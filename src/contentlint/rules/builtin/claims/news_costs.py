"""CLAIM070 costs-not-mentioned: a treatment or test is discussed and its cost never is.

What it flags
    A news story or press release (at least ``min_words`` words) that discusses a treatment, test
    or procedure (``min_treatment_mentions`` mentions of a drug, therapy, surgery, device, vaccine,
    screening...) and never mentions what it costs or who pays: no price, no "$", no "cost",
    "expensive", "insurance", "Medicare", "covered by", "out-of-pocket". One finding for the
    article, at the first mention of the treatment.

Why
    HealthNewsReview.org's first criterion asks whether a story discusses the costs of the
    intervention; Schwitzer (PLoS Medicine 2008) found 77% of 500 US stories failed it, the most
    failed criterion of all. A reader cannot weigh a new option without knowing whether it is
    affordable or covered.

Off by default
    A patient page explaining a long-established medicine rarely prices it, and need not. The rule
    belongs to the news-review set (``--extend-select CLAIM07,ATTR01``).

Options
    ``min_treatment_mentions`` (2), ``min_words`` (60), ``data_files`` (extra lists shaped like
    ``rules/data/news-review.yaml``: add to ``cost_mentions``).
"""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import RuleMeta, examples
from contentlint.rules.builtin.claims import news_signals as news


class CostsNotMentioned(news.MissingCriterionRule):
    trigger = "treatment"
    satisfied_by = ("cost_mentions",)
    message = "The article discusses a treatment or test but never says what it costs or who pays for it."
    suggestion = (
        "Say what it costs and whether insurance or the health service covers it (e.g. \"The drug is priced at "
        "about $600 a month; most insurers cover it after other treatments have failed.\"), or that the price "
        "is not yet known."
    )
    meta = RuleMeta(
        code="CLAIM070",
        name="costs-not-mentioned",
        category="claims",
        severity=Severity.WARNING,
        summary="A treatment or test is discussed and its cost is never mentioned (news-review set).",
        description=(
            "Flags a news story or press release that discusses a treatment, test or procedure and never says "
            "what it costs or who pays: no price, no currency amount, no \"cost\", \"expensive\", \"insurance\", "
            "\"Medicare\", \"covered by\" or \"out-of-pocket\". One finding for the article." + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org's first criterion asks whether a story discusses the costs of the intervention, "
            "and Schwitzer (PLoS Medicine 2008) found that 77% of 500 US health stories did not: the criterion "
            "stories failed most. Readers cannot weigh a new option without knowing whether they could afford it "
            "or whether it is covered."
        ),
        sources=(*news.NEWS_REVIEW_SOURCES, "HealthNewsReview.org criterion 1: does the story discuss costs?"),
        fail_examples=examples(news.EXAMPLE_STORY + "Doctors hope to offer it widely."),
        pass_examples=examples(
            news.EXAMPLE_STORY + "The company has not said what the pill will cost.",
            news.EXAMPLE_STORY + "Similar drugs are priced at about $600 a month, and insurers often cover them.",
            news.EXAMPLE_STORY + "It is expensive, and many health plans will not pay for it at first.",
        ),
        options=news.treatment_options(),
        enabled_by_default=False,
    )


RULES = [CostsNotMentioned]
