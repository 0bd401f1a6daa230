"""CLAIM073 alternatives-not-mentioned: a treatment is discussed with no word on the other options.

What it flags
    A news story or press release that discusses a treatment or test and never mentions what else
    there is or what it was compared with: no "alternatives", "other treatments", "existing drugs",
    "standard care", "compared with", "versus", "instead of", "lifestyle changes", "watchful
    waiting". One finding for the article, at the first mention of the treatment.

Why
    HealthNewsReview.org's alternatives criterion asks whether a story compares the new approach
    with existing ones; a new option is only news if it does better than, or differently from, what
    patients already have. Schwitzer (PLoS Medicine 2008) found most stories did not.

Off by default
    A patient page about one medicine may rightly leave the others to their own pages. Part of the
    news-review set (``--extend-select CLAIM07,ATTR01``).

Options
    ``min_treatment_mentions`` (2), ``min_words`` (60), ``data_files`` (add to ``alternatives``).
"""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import RuleMeta, examples
from contentlint.rules.builtin.claims import news_signals as news


class AlternativesNotMentioned(news.MissingCriterionRule):
    trigger = "treatment"
    satisfied_by = ("alternatives",)
    message = "The article discusses a treatment but says nothing about the other options or what it was compared with."
    suggestion = (
        "Say how it compares with existing options (e.g. \"It worked about as well as the triptans already used, "
        "but with fewer side effects\"), or name the alternatives patients have now."
    )
    meta = RuleMeta(
        code="CLAIM073",
        name="alternatives-not-mentioned",
        category="claims",
        severity=Severity.WARNING,
        summary="A treatment is discussed with no word on the alternatives (news-review set).",
        description=(
            "Flags a news story or press release that discusses a treatment or test and never mentions what else "
            "there is or what it was compared with: no \"alternatives\", \"other treatments\", \"existing drugs\", "
            "\"standard care\", \"compared with\", \"versus\", \"instead of\", \"lifestyle changes\". One finding "
            "for the article." + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org asks whether a story compares the new approach with existing alternatives: a new "
            "option matters only if it does better than, or differently from, what patients already have. "
            "Schwitzer (PLoS Medicine 2008) found most stories did not."
        ),
        sources=(*news.NEWS_REVIEW_SOURCES,
                 "HealthNewsReview.org criterion 7: does the story compare the new approach with alternatives?"),
        fail_examples=examples(news.EXAMPLE_STORY + "Doctors hope to offer it widely."),
        pass_examples=examples(
            news.EXAMPLE_STORY + "It worked about as well as the triptans already in use.",
            news.EXAMPLE_STORY + "Other treatments, such as beta blockers, help many people too.",
            news.EXAMPLE_STORY + "Patients did better on it than on standard care.",
        ),
        options=news.treatment_options(),
        enabled_by_default=False,
    )


RULES = [AlternativesNotMentioned]
