"""ATTR001 no-sources: the article cites nothing.

What it flags
    An article with no reference section, no outbound link, no citation marker ("[1]", "(Smith
    et al., 2021)", a DOI or PMID), and no named study, journal, researcher or health organisation
    ("according to the CDC", "published in JAMA Psychiatry", "researchers at Yale University").

Options
    ``min_words`` (default 100): shorter texts (snippets, captions) are not checked.
    ``extra_sources`` adds names that count as a source (your organisation's experts, say);
    ``data_files`` names YAML files shaped like ``rules/data/sources.yaml``.
"""

from __future__ import annotations

import re

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.safety.lexicon import as_tuple, lexicon, resolve_files, title_anchor

_DATA = "sources.yaml"
_MIN_WORDS = 100
_HEADING_MAX_WORDS = 4
_EXAMPLE = (
    "Ketamine is an anaesthetic that doctors now also use for depression that has not improved with other "
    "treatment. It is given as a slow infusion into a vein or as a nasal spray, always in a clinic, and people "
    "are watched for about two hours afterwards because it can make them feel detached, dizzy or sick. Many "
    "people notice a change in mood within a day, but the effect often fades after a week or two, so "
    "treatment is usually repeated. It is not suitable for people with uncontrolled high blood pressure or a "
    "history of psychosis, and it is not yet known how safe it is to use for years. "
)


def _fewer_words_than(text: str, count: int) -> bool:
    """Whether ``text`` holds fewer than ``count`` words (split no further than that tells)."""
    return len(text.split(None, count)) < count


def _has_reference_section(article: Article, headings: frozenset[str]) -> bool:
    for block in article.blocks[:-1]:
        if block.kind not in ("heading", "paragraph"):
            continue
        # split one word past the limit: a longer block is no heading, and its other words are not needed
        words = article.block_text(block).strip().rstrip(":").split(None, _HEADING_MAX_WORDS)
        if not words or len(words) > _HEADING_MAX_WORDS:
            continue
        if " ".join(words).lower() in headings:
            return True
    return False


# A link that sells rather than sources: "[our shop](...)", ".../checkout", "buy now".
_SALES_LINK_TEXT = re.compile(
    r"^\s*(?:our|buy|order|shop|book|get)\b|\b(?:shop|store|discount|coupon|deal)\b", re.IGNORECASE
)
_SALES_LINK_PATH = re.compile(r"/(?:shop|store|cart|checkout|buy|order|products?)(?:/|$|\?)", re.IGNORECASE)


def _has_outbound_link(article: Article) -> bool:
    for link in article.links:
        if not link.target.lower().startswith(("http://", "https://", "www.")):
            continue
        label = article.text[link.start : link.end]
        if _SALES_LINK_TEXT.search(label) or _SALES_LINK_PATH.search(link.target):
            continue
        return True
    return False


class NoSources(Rule):
    meta = RuleMeta(
        code="ATTR001",
        name="no-sources",
        category="attribution",
        severity=Severity.WARNING,
        summary="The article cites no source: no references, links, named studies or organisations.",
        description=(
            "Flags an article that gives readers no way to check it: no reference section, no outbound link, "
            "no citation marker (\"[1]\", \"(Smith et al., 2021)\", a DOI or PMID), and no named study, "
            "journal, researcher or health organisation (\"according to the CDC\", \"published in JAMA\"). "
            "A link that sells (\"our shop\", a checkout or product page) does not count as a source."
        ),
        rationale=(
            "HONcode principle 4 (attribution) and the JAMA benchmarks for health websites (Silberg et al., "
            "1997) require health information to cite its sources so readers can check it; DISCERN asks "
            "whether it is clear what sources were used. Unsourced health content cannot be verified."
        ),
        sources=(
            "HONcode principle 4: attribution",
            "Silberg WM, Lundberg GD, Musacchio RA. JAMA 1997;277:1244-5 (JAMA benchmarks: attribution)",
            "DISCERN instrument, question 4",
        ),
        fail_examples=examples(
            _EXAMPLE + "Studies suggest it works quickly for many people, and clinics are opening everywhere.",
        ),
        pass_examples=examples(
            _EXAMPLE + "A 2023 trial published in the New England Journal of Medicine compared it with ECT.",
            _EXAMPLE + "\n\n## References\n\n1. Anand A, et al. N Engl J Med. 2023;388:2315-25.",
            _EXAMPLE + "According to the [FDA](https://www.fda.gov/), esketamine needs a certified clinic.",
        ),
        options={
            "min_words": Option(_MIN_WORDS, "Articles shorter than this many words are not checked."),
            "extra_sources": Option([], "Further names that count as a cited source."),
            "data_files": Option([], "YAML files shaped like rules/data/sources.yaml to add to the lists."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        if _fewer_words_than(article.text, int(ctx.options.get("min_words", _MIN_WORDS))):
            return
        files = resolve_files(as_tuple(ctx.options.get("data_files", [])))
        if _has_outbound_link(article):
            return
        headings = frozenset(p.lower() for p in lexicon(_DATA, ("reference_headings",), files).phrase_list)
        if _has_reference_section(article, headings):
            return
        cited = lexicon(_DATA, ("citations", "organisations"), files, as_tuple(ctx.options.get("extra_sources", [])))
        if cited.has_match(article.text):
            return
        ctx.report_article(
            "The article cites no source: no references, links, named studies or organisations.",
            "Name the evidence behind each health claim (the study, journal and year, or the health body such "
            "as the NHS, CDC or WHO) and add a reference list or links to it.",
            anchor=title_anchor(article),
        )


RULES = [NoSources]
