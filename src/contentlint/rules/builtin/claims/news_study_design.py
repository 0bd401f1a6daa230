"""CLAIM072 study-design-not-stated: a study is reported without saying what kind of study it was.

What it flags
    A news story or press release that reports a study ("the study", "researchers found",
    "published in"...) and never says what kind of study it was (randomised, placebo-controlled,
    observational, cohort, survey, meta-analysis, phase 2, pilot, in mice, in the lab...). A
    number of participants alone does not say how they were studied. One finding for the article,
    at the first mention of the study.

Why
    HealthNewsReview.org's quality-of-evidence criterion asks whether a story explains the study's
    design and size, because a survey, a mouse study and a randomised trial of thousands support
    very different conclusions; its reviewers often faulted releases for not describing the design
    or for not saying that a study was observational.

Off by default
    A patient page that mentions research in passing need not describe it. Part of the news-review
    set (``--extend-select CLAIM07,ATTR01``).

Options
    ``min_words`` (60), ``data_files`` (add to ``study_designs``).
"""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import RuleMeta, examples
from contentlint.rules.builtin.claims import news_signals as news


class StudyDesignNotStated(news.MissingCriterionRule):
    trigger = "study"
    satisfied_by = ("study_designs",)
    message = "The article reports a study but never says what kind of study it was."
    suggestion = (
        "Say what the study was and how big (e.g. \"a randomised trial of 420 adults, half given a placebo, "
        "followed for a year\" or \"an observational study of 60,000 nurses\"), so readers can judge it."
    )
    meta = RuleMeta(
        code="CLAIM072",
        name="study-design-not-stated",
        category="claims",
        severity=Severity.WARNING,
        summary="A study is reported without saying what kind of study it was (news-review set).",
        description=(
            "Flags a news story or press release that reports a study and never says what kind of study it was "
            "(randomised, placebo-controlled, observational, cohort, survey, meta-analysis, phase 2, pilot, in "
            "mice, in the lab). One finding for the article." + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org's quality-of-evidence criterion asks whether a story explains the strength of "
            "the evidence: a survey, a mouse study and a randomised trial of thousands support very different "
            "conclusions, and readers cannot tell which they are reading about unless the design and size are "
            "stated. Schwitzer (PLoS Medicine 2008) found most stories did not adequately discuss the evidence."
        ),
        sources=(*news.NEWS_REVIEW_SOURCES,
                 "HealthNewsReview.org criterion 3: does the story adequately discuss the quality of the evidence?"),
        fail_examples=examples(
            news.EXAMPLE_STORY + "The findings appear in a neurology journal.",
            news.EXAMPLE_STORY + "In all, 420 adults took part.",
        ),
        pass_examples=examples(
            news.EXAMPLE_STORY + "The randomised trial compared the pill with a placebo.",
            news.EXAMPLE_STORY + "It was an observational study of 420 adults.",
            news.EXAMPLE_STORY + "So far the drug has been tested only in mice.",
        ),
        options=news.study_options(),
        enabled_by_default=False,
    )


RULES = [StudyDesignNotStated]
