"""ATTR003 missing-or-stale-date: no date, or a review date older than the limit.

What it flags
    An article with no publication, update or review date in its front matter or HTML meta
    (``date``, ``last_reviewed``, ``updated``, ``article:modified_time``...) or its text ("Last
    reviewed: 12 March 2023", "Updated June 2024"), or whose most recent such date is more than
    ``max_age_years`` (default 3) before today. "Next review due" dates are not review dates.

Severity
    Plain-text files rarely carry metadata, so there the finding is ``info`` (option
    ``plain_text_severity``; set it to "" to keep the rule's severity).
"""

from __future__ import annotations

from datetime import date

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.attribution.metadata import metadata_dates, plain_text_severity, text_dates
from contentlint.rules.builtin.safety.lexicon import title_anchor

_MAX_AGE_YEARS = 3
_DAYS_PER_YEAR = 365.25


class MissingOrStaleDate(Rule):
    meta = RuleMeta(
        code="ATTR003",
        name="missing-or-stale-date",
        category="attribution",
        severity=Severity.WARNING,
        summary="The article has no date, or was last reviewed too long ago.",
        description=(
            "Flags an article with no publication, update or review date (front matter date, last_reviewed or "
            "updated; HTML meta such as article:modified_time; or a line such as \"Last reviewed: 12 March "
            "2023\"), or whose most recent date is more than max_age_years (default 3) before today. In "
            "plain-text files the finding is info, since they rarely carry metadata."
        ),
        rationale=(
            "Medical advice changes; readers need to know how current a page is. HONcode principle 4 asks "
            "for the date a page was last modified, the JAMA benchmarks list currency, and publishers such as "
            "the NHS review pages every three years."
        ),
        sources=(
            "HONcode principle 4: attribution (date of last modification)",
            "Silberg WM, Lundberg GD, Musacchio RA. JAMA 1997;277:1244-5 (JAMA benchmarks: currency)",
            "NHS website content standards: page review dates",
        ),
        fail_examples=examples(
            "# Ketamine therapy\n\nKetamine is given as an infusion in a clinic.",
            "# Ketamine therapy\n\nKetamine is given as an infusion.\n\nLast reviewed: 4 May 2009",
        ),
        # Dated 1 January of the current year, so the examples stay recent and the generated
        # documentation changes once a year, not every day.
        pass_examples=examples(
            f"---\ndate: {date.today().year}-01-01\n---\n# Ketamine therapy\n\nKetamine is given as an infusion.",
            f"# Ketamine therapy\n\nKetamine is given as an infusion.\n\n"
            f"Page last reviewed: 1 January {date.today().year}",
        ),
        options={
            "max_age_years": Option(_MAX_AGE_YEARS, "A review date older than this many years is stale."),
            "plain_text_severity": Option("info", "Severity in .txt files (\"\" keeps the rule's severity)."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        severity = plain_text_severity(article, ctx.options.get("plain_text_severity", "info"))
        found: list[tuple[date, tuple[int, int] | None]] = []
        unreadable: list[str] = []
        for key, raw, parsed in metadata_dates(article):
            if parsed is None:
                unreadable.append(f"{key}: {raw}")
            else:
                found.append((parsed, None))
        found.extend((parsed, (start, end)) for start, end, parsed in text_dates(article))
        if not found:
            detail = f" (could not read {unreadable[0]!r})" if unreadable else ""
            ctx.report_article(
                f"The article has no publication, update or review date{detail}.",
                "Add the date it was last reviewed, in the text (\"Last reviewed: 12 March 2025\") or the front "
                "matter (last_reviewed: 2025-03-12), and review it at least every few years.",
                anchor=title_anchor(article),
                severity=severity,
            )
            return
        today = date.today()
        latest, where = max(found, key=lambda item: item[0])
        max_years = float(ctx.options.get("max_age_years", _MAX_AGE_YEARS))
        age_years = (today - latest).days / _DAYS_PER_YEAR
        if age_years <= max_years:
            return
        ctx.report_article(
            f"The article was last dated {latest:%d %B %Y}, more than {max_years:g} years ago.",
            "Review the article against current guidance and update its review date.",
            anchor=where or title_anchor(article),
            severity=severity,
        )


RULES = [MissingOrStaleDate]
