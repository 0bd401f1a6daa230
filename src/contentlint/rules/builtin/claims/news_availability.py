"""CLAIM074 availability-not-stated: a treatment is reported as news with no word on whether
patients can get it.

What it flags
    A news story or press release that reports a study of a treatment or test (both a study and a
    treatment are mentioned) and never says whether it is approved, available, prescribed, still
    experimental, in further trials or years away. One finding for the article, at the first
    mention of the treatment.

Why
    HealthNewsReview.org's availability criterion asks whether a story establishes the true
    availability of the treatment: readers who hear of a promising result ask their doctor for
    something that may not exist outside a trial for years, if ever.

Off by default
    A patient page about a medicine in everyday use need not say that it is available. Part of the
    news-review set (``--extend-select CLAIM07,ATTR01``).

Options
    ``min_treatment_mentions`` (2), ``min_words`` (60), ``data_files`` (add to ``availability``).
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import RuleMeta, examples
from contentlint.rules.builtin.claims import news_signals as news


class AvailabilityNotStated(news.MissingCriterionRule):
    trigger = "treatment"
    satisfied_by = ("availability",)
    message = "The article reports a treatment's results but never says whether patients can get it."
    suggestion = (
        "Say where it stands (e.g. \"The drug is not yet approved; a larger trial is due to report in 2027\" or "
        "\"It is available on prescription\")."
    )
    meta = RuleMeta(
        code="CLAIM074",
        name="availability-not-stated",
        category="claims",
        severity=Severity.WARNING,
        summary="A treatment's results are reported with no word on its availability (news-review set).",
        description=(
            "Flags a news story or press release that reports a study of a treatment or test and never says "
            "whether it is approved, available, prescribed, still experimental, in further trials or years away. "
            "One finding for the article." + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org asks whether a story establishes the availability of the treatment: readers "
            "who hear of a promising result ask for something that may not exist outside a trial for years."
        ),
        sources=(*news.NEWS_REVIEW_SOURCES,
                 "HealthNewsReview.org criterion 8: does the story establish the availability of the treatment?"),
        fail_examples=examples(news.EXAMPLE_STORY + "Doctors hope to offer it widely."),
        pass_examples=examples(
            news.EXAMPLE_STORY + "The pill is not yet approved, and a larger trial starts next year.",
            news.EXAMPLE_STORY + "It is already available on prescription in Europe.",
            news.EXAMPLE_STORY + "The drug remains experimental.",
        ),
        options=news.treatment_options(),
        enabled_by_default=False,
    )

    def anchor(self, article: Article, options: dict[str, object]) -> tuple[int, int] | None:
        return super().anchor(article, options) if news.study_mention(article) is not None else None


RULES = [AvailabilityNotStated]
