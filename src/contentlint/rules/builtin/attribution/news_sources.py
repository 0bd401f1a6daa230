"""ATTR010 single-source and ATTR011 no-independent-source: whose word a health story rests on.

ATTR010 single-source
    A news story or press release that reports a study or discusses a treatment and quotes or
    paraphrases at most ``max_sources`` distinct named people or bodies ("Smith said", "said Dr.
    Jane Smith", "according to the American Heart Association"). One finding for the article.

ATTR011 no-independent-source
    A story that reports a study and has no one from outside it: no "who was not involved in the
    study", "independent expert", "not affiliated with", "cautioned that"... One finding for the
    article, at the first mention of the study.

Why
    HealthNewsReview.org asks whether a story uses independent sources and identifies conflicts of
    interest; Schwitzer (PLoS Medicine 2008) found half of 500 stories relied on a single source or
    failed to disclose a source's stake. A study's own authors and funders are the people least
    likely to point out its weaknesses.

Off by default
    Patient pages rarely quote anyone and should not have to. Both rules belong to the news-review
    set (``--extend-select CLAIM07,ATTR01``).

Options
    ``max_sources`` (1, ATTR010), ``min_words`` (60), ``data_files`` (ATTR011: add to
    ``independence_markers`` in the shape of ``rules/data/news-review.yaml``).
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import news_signals as news

_MAX_SOURCES = 1
_OUTSIDE_VOICE = (
    "Dr. Ana Ruiz, a neurologist who was not involved in the study, said the results were encouraging but "
    "that the trial was short."
)


class SingleSource(Rule):
    meta = RuleMeta(
        code="ATTR010",
        name="single-source",
        category="attribution",
        severity=Severity.WARNING,
        summary="A health story quotes one source or none (news-review set).",
        description=(
            "Flags a news story or press release that reports a study or discusses a treatment and quotes or "
            "paraphrases at most `max_sources` distinct named people or bodies (\"Smith said\", \"said Dr. Jane "
            "Smith\", \"according to the American Heart Association\"). One finding for the article."
            + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org asks whether a story uses independent sources; Schwitzer (PLoS Medicine 2008) "
            "found that half of 500 US health stories relied on a single source or did not disclose a source's "
            "conflicts of interest. A story told by one voice, often the study's author or the company, gives "
            "readers no second view."
        ),
        sources=(*news.NEWS_REVIEW_SOURCES,
                 "HealthNewsReview.org criterion 6: does the story use independent sources and identify conflicts "
                 "of interest?"),
        fail_examples=examples(
            news.EXAMPLE_STORY + "He expects the drug to help many people.",
            "A new pill for migraine helped people have fewer headaches in a study published on Monday. The "
            "researchers gave the drug to adults with frequent attacks and tracked how often headaches came back. "
            "People who took the medication reported fewer bad days and slept better. The treatment works by "
            "blocking a protein involved in migraine pain, and the team hopes to test it in children next.",
        ),
        pass_examples=examples(
            news.EXAMPLE_STORY + _OUTSIDE_VOICE,
            news.EXAMPLE_STORY + "\"It is a real step forward,\" said Sara Cole of the Migraine Trust.",
        ),
        options={
            "max_sources": Option(_MAX_SOURCES, "A story with at most this many distinct named sources is flagged."),
            "min_words": news.words_option(),
        },
        enabled_by_default=False,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        options = dict(ctx.options)
        if not news.long_enough(article, options):
            return
        anchor = news.study_mention(article)
        if anchor is None:
            mentions = news.treatment_mentions(article, options, news.MIN_TREATMENT_MENTIONS)
            anchor = mentions[0] if mentions else None
        if anchor is None:
            return
        names = news.speakers(article)
        if len(names) > int(str(options.get("max_sources", _MAX_SOURCES))):
            return
        if names:
            message = "The story quotes only one source; nobody else gives a view."
        else:
            message = "The story quotes no one by name: readers cannot tell whose claims these are."
        ctx.report_article(
            message,
            "Add a named source with no stake in the work (an independent specialist, a patient group, a "
            "guideline body) and say who each speaker is, e.g. \"Dr. Ana Ruiz, a neurologist who was not "
            "involved in the study, said ...\".",
            anchor=anchor,
        )


class NoIndependentSource(news.MissingCriterionRule):
    trigger = "study"
    satisfied_by = ("independence_markers",)
    message = "The article reports a study but no one from outside the study comments on it."
    suggestion = (
        "Quote an expert who was not involved in the study, and say so (e.g. \"" + _OUTSIDE_VOICE + "\")."
    )
    meta = RuleMeta(
        code="ATTR011",
        name="no-independent-source",
        category="attribution",
        severity=Severity.WARNING,
        summary="A study is reported with no independent voice (news-review set).",
        description=(
            "Flags a news story or press release that reports a study and has no one from outside it: no \"who "
            "was not involved in the study\", \"independent expert\", \"not affiliated with\", \"cautioned "
            "that\"... One finding for the article." + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org asks whether a story uses independent sources: a study's authors, their "
            "institution and their funders are the people least likely to point out its weaknesses. Schwitzer "
            "(PLoS Medicine 2008) found half of 500 stories relied on a single source or did not disclose "
            "conflicts of interest."
        ),
        sources=(*news.NEWS_REVIEW_SOURCES,
                 "HealthNewsReview.org criterion 6: does the story use independent sources and identify conflicts "
                 "of interest?"),
        fail_examples=examples(news.EXAMPLE_STORY + "\"We are delighted,\" said Mia Park, a co-author."),
        pass_examples=examples(
            news.EXAMPLE_STORY + _OUTSIDE_VOICE,
            news.EXAMPLE_STORY + "Independent experts said the trial was too short to be sure.",
            news.EXAMPLE_STORY + "Dr. Leo Grant, who was not part of the research, was sceptical.",
        ),
        options=news.study_options(),
        enabled_by_default=False,
    )


RULES = [SingleSource, NoIndependentSource]
