"""ATTR012 funding-not-disclosed: a study is reported and who paid for it is never said.

What it flags
    A news story or press release that reports a study and has no statement of who funded it or of
    the authors' interests: no "funded by", "supported by", "grant from", "sponsored by",
    "conflicts of interest", "disclosed", "consultant for", "has received"... One finding for the
    article, at the first mention of the study.

Why
    HealthNewsReview.org's criterion on independent sources and conflicts of interest asks whether
    the story says who paid for the research and what stake its authors have: industry-funded
    studies favour their sponsor's product more often (Lundh et al., Cochrane Database Syst Rev
    2017). The FTC's endorsement guides rest on the same principle: a reader should know about a
    material connection between a source and what it speaks for.

Off by default
    Patient pages cite guidance rather than single studies. Part of the news-review set
    (``--extend-select CLAIM07,ATTR01``).

Options
    ``min_words`` (60), ``data_files`` (add to ``funding_statements``).
"""

from __future__ import annotations

from contentlint.findings import Severity
from contentlint.rules.base import RuleMeta, examples
from contentlint.rules.builtin.claims import news_signals as news


class FundingNotDisclosed(news.MissingCriterionRule):
    trigger = "study"
    satisfied_by = ("funding_statements",)
    message = "The article reports a study but never says who funded it or whether its authors have a stake in it."
    suggestion = (
        "Say who paid for the study and any ties its authors have (e.g. \"The trial was funded by the drug's "
        "maker, and two authors are paid consultants to the company.\")."
    )
    meta = RuleMeta(
        code="ATTR012",
        name="funding-not-disclosed",
        category="attribution",
        severity=Severity.WARNING,
        summary="A study is reported without who funded it (news-review set).",
        description=(
            "Flags a news story or press release that reports a study and never says who funded it or what "
            "interests its authors have: no \"funded by\", \"supported by\", \"grant from\", \"sponsored by\", "
            "\"conflicts of interest\", \"consultant for\". One finding for the article." + news.NEWS_REVIEW_NOTE
        ),
        rationale=(
            "HealthNewsReview.org asks whether a story identifies conflicts of interest, starting with who paid "
            "for the research: industry-sponsored studies report results favouring the sponsor more often "
            "(Lundh et al., Cochrane 2017). The FTC's endorsement guides rest on the same principle: readers "
            "should know of a material connection between a source and what it speaks for."
        ),
        sources=(
            *news.NEWS_REVIEW_SOURCES,
            "HealthNewsReview.org criterion 6: independent sources and conflicts of interest",
            "Lundh A et al. Industry sponsorship and research outcome. Cochrane Database Syst Rev 2017;MR000033",
            "FTC Guides Concerning the Use of Endorsements and Testimonials, 16 CFR Part 255 (material connections)",
        ),
        fail_examples=examples(news.EXAMPLE_STORY + "The team now plans a second trial."),
        pass_examples=examples(
            news.EXAMPLE_STORY + "The study was funded by the drug's maker.",
            news.EXAMPLE_STORY + "Dr. Ito is a paid consultant for the company.",
            news.EXAMPLE_STORY + "The work was supported by a grant from the National Institutes of Health.",
        ),
        options=news.study_options(),
        enabled_by_default=False,
    )


RULES = [FundingNotDisclosed]
