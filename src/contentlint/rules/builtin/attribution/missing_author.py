"""ATTR002 missing-author: no author or medical reviewer is named.

What it flags
    An article with no author or reviewer in its front matter (``author``, ``reviewed_by``...),
    its HTML ``<meta name="author">`` (or ``citation_author``, ``article:author``), or its text (a
    byline such as "By Bonnie Gordon" near the top or bottom, or "Medically reviewed by Dr ...").

Severity
    Plain-text files rarely carry metadata, so there the finding is ``info`` (option
    ``plain_text_severity``; set it to "" to keep the rule's severity).
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.attribution.metadata import byline, metadata_author, plain_text_severity
from contentlint.rules.builtin.safety.lexicon import title_anchor


class MissingAuthor(Rule):
    meta = RuleMeta(
        code="ATTR002",
        name="missing-author",
        category="attribution",
        severity=Severity.WARNING,
        summary="No author or medical reviewer is named.",
        description=(
            "Flags an article that names no author or medical reviewer: none in the front matter (author, "
            "reviewed_by), the HTML meta tags (author, citation_author, article:author) or the text (a byline "
            "such as \"By Bonnie Gordon\" near the top or bottom, or \"Medically reviewed by Dr ...\"). In "
            "plain-text files the finding is info, since they rarely carry metadata."
        ),
        rationale=(
            "Readers judge health information partly by who wrote it and whether a qualified person checked "
            "it. HONcode principle 1 (authority) and the JAMA benchmarks (authorship: authors and "
            "contributors, their affiliations and credentials) ask every health page to name them."
        ),
        sources=(
            "HONcode principle 1: authority",
            "Silberg WM, Lundberg GD, Musacchio RA. JAMA 1997;277:1244-5 (JAMA benchmarks: authorship)",
        ),
        fail_examples=examples(
            "# Ketamine therapy\n\nKetamine is given as an infusion in a clinic.",
        ),
        pass_examples=examples(
            "---\nauthor: Jane Smith\n---\n# Ketamine therapy\n\nKetamine is given as an infusion in a clinic.",
            "# Ketamine therapy\n\nBy Bonnie Gordon\n\nKetamine is given as an infusion in a clinic.",
            "# Ketamine therapy\n\nKetamine is given as an infusion.\n\nMedically reviewed by Dr Ana Ruiz, MD.",
        ),
        options={
            "plain_text_severity": Option("info", "Severity in .txt files (\"\" keeps the rule's severity)."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        if metadata_author(article) or byline(article):
            return
        ctx.report_article(
            "The article names no author or medical reviewer.",
            "Add a byline with the author's name and credentials (e.g. \"By Jane Smith, RN\"), and the "
            "qualified professional who reviewed it, in the text or the front matter (author, reviewed_by).",
            anchor=title_anchor(article),
            severity=plain_text_severity(article, ctx.options.get("plain_text_severity", "info")),
        )


RULES = [MissingAuthor]
