"""READ050 stock-phrase-padding and READ051 stock-phrase: prose padded with the stock phrases of
mass-produced text ("a beacon of hope in the landscape of", "delves deeper", "paved the way").

The lexicon is data (``rules/data/filler.yml``) in three kinds: vocabulary whose use rose sharply in
English writing after 2022 (Kobak et al., 2024), template openings and closings, and empty
metaphors. All phrases are matched in one pass of one compiled pattern. READ050 is a single
article-level finding when the density of these phrases per 1,000 words of prose passes a
threshold calibrated on real news written before such tools existed; READ051 (off by default)
marks every instance for editors who want them highlighted.

The rules measure padding, whoever wrote the text; they say nothing about authorship.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.phrases import PhraseMatcher

KINDS = ("excess_vocabulary", "template_openings_closings", "empty_metaphors")
_BRACES = re.compile(r"\{([^{}]*)\}")
DEFAULT_THRESHOLD = 4.0
DEFAULT_MIN_PHRASES = 3


def expand(entry: str) -> list[str]:
    """``"pav{e,ed} the way"`` -> ``["pave the way", "paved the way"]``."""
    match = _BRACES.search(entry)
    if match is None:
        return [entry]
    head, tail = entry[: match.start()], entry[match.end() :]
    return [form for option in match.group(1).split(",") for form in expand(head + option + tail)]


@cache
def lexicon() -> dict[str, str]:
    """Every phrase form mapped to its kind."""
    from contentlint.rules.data import load_yaml_data

    data = load_yaml_data("filler.yml")
    forms: dict[str, str] = {}
    for kind in KINDS:
        for entry in data.get(kind) or []:
            for form in expand(str(entry)):
                forms.setdefault(" ".join(form.lower().split()), kind)
    return forms


@cache
def _matcher(extra: tuple[str, ...], removed: tuple[str, ...]) -> PhraseMatcher:
    phrases = set(lexicon()) | {p.lower() for e in extra for p in expand(e)}
    phrases -= {p.lower() for e in removed for p in expand(e)}
    return PhraseMatcher(phrases)


def find_stock_phrases(article: Article, extra: tuple[str, ...] = (), removed: tuple[str, ...] = ()
                       ) -> list[tuple[int, int, str, int]]:
    """(start, end, phrase, block number) of every stock phrase in the article's running prose."""
    matcher = _matcher(extra, removed)
    found = []
    for number, block in enumerate(article.blocks):
        if block.kind in ("heading", "table_cell", "caption"):
            continue
        for start, end, phrase in matcher.finditer(article.text, block.start, block.end):
            found.append((start, end, phrase.lower(), number))
    return found


def prose_words(article: Article) -> int:
    kinds = ("paragraph", "list_item", "blockquote")
    return sum(len(article.text[b.start : b.end].split()) for b in article.blocks if b.kind in kinds)


def density(article: Article) -> float:
    """Stock phrases per 1,000 words of prose."""
    words = prose_words(article)
    return 1000 * len(find_stock_phrases(article)) / words if words else 0.0


_OPTIONS = {
    "threshold": Option(DEFAULT_THRESHOLD, "Stock phrases per 1,000 words of prose above which it is flagged."),
    "min_phrases": Option(DEFAULT_MIN_PHRASES, "Fewest stock phrases an article must have to be flagged."),
    "extra_phrases": Option([], "More phrases to count (braces list inflections: \"leverag{e,es,ing}\")."),
    "removed_phrases": Option([], "Phrases from the built-in lexicon not to count."),
}

_SOURCES = (
    "Kobak et al., 'Delving into ChatGPT usage in academic writing through excess vocabulary' (2024)",
    "US Federal Plain Language Guidelines: omit unnecessary words",
    "CDC Clear Communication Index: state the main message plainly",
    "Google Search spam policies: scaled content abuse",
)


class StockPhrasePadding(Rule):
    meta = RuleMeta(
        code="READ050",
        name="stock-phrase-padding",
        category="readability",
        severity=Severity.WARNING,
        summary="The article is padded with stock phrases.",
        description=(
            "An article-level finding when stock phrases (\"a beacon of hope\", \"delves deeper\", \"paved the "
            "way\", \"in the realm of\", \"in today's fast-paced world\") occur more often than `threshold` per "
            "1,000 words of prose and at least `min_phrases` times. It points at the densest paragraph and names "
            "the phrases found. The lexicon (rules/data/filler.yml) has three kinds: vocabulary whose use rose "
            "sharply after 2022, template openings and closings, and empty metaphors; inflections are matched. "
            "Calibration: on 3,977 real news stories and press releases published 2009-2020 (the evaluation "
            "set described in docs/evaluation.md), the density has median 0.0, 90th percentile 1.05 and 99th "
            "percentile 3.26 per 1,000 words; the default threshold of 4.0 with at least 3 phrases flags 2 of them "
            "(0.05%), and flags four of the five sample articles (11 to 38 per 1,000 words; the fifth was "
            "put through a synonym spinner, which the spam rules catch). The rule measures padding, whoever "
            "wrote the text; it makes no claim about authorship."
        ),
        rationale=(
            "Padding hides how little an article says and makes patient information longer and harder to read. "
            "Plain-language guidance asks writers to omit unnecessary words and state the main message plainly, "
            "and search engines treat pages mass-produced with little value as scaled content abuse."
        ),
        sources=_SOURCES,
        fail_examples=examples(
            "In today's fast-paced world, sleep apps have emerged as a beacon of hope. As research delves deeper "
            "into the realm of rest, they have paved the way for a paradigm shift in the landscape of insomnia "
            "care. It is important to note that this journey towards healing is not one-size-fits-all.",
        ),
        pass_examples=examples(
            "Insomnia means trouble falling or staying asleep. Cognitive behavioural therapy for insomnia helps "
            "most people within six weeks. Sleeping pills can help for a few nights but can cause drowsiness the "
            "next day. Talk to your GP if poor sleep lasts more than three months.",
            "The landscape around the clinic is flat, and the walk from the station takes ten minutes.",
        ),
        options=_OPTIONS,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        extra = tuple(str(p) for p in ctx.options["extra_phrases"])
        removed = tuple(str(p) for p in ctx.options["removed_phrases"])
        found = find_stock_phrases(article, extra, removed)
        if len(found) < int(ctx.options["min_phrases"]):
            return
        words = prose_words(article)
        if not words:
            return
        per_thousand = 1000 * len(found) / words
        if per_thousand <= float(ctx.options["threshold"]):
            return
        per_block = Counter(number for _, _, _, number in found)
        densest = max(per_block, key=lambda n: (per_block[n], -n))
        block = article.blocks[densest]
        counts = Counter(phrase for _, _, phrase, _ in found)
        named = ", ".join(f"\"{p}\"" + (f" ({n}x)" if n > 1 else "") for p, n in counts.most_common(4))
        ctx.report_article(
            f"The article is padded with stock phrases: {len(found)} in {words} words "
            f"({per_thousand:.1f} per 1,000 words; threshold {float(ctx.options['threshold']):.1f}), "
            f"such as {named}. The densest paragraph starts here.",
            "Cut the padding: say what the treatment does, for whom, and with what evidence.",
            anchor=(block.start, block.end),
        )


class StockPhrase(Rule):
    meta = RuleMeta(
        code="READ051",
        name="stock-phrase",
        category="readability",
        severity=Severity.INFO,
        summary="A stock phrase that pads the text.",
        description=(
            "Marks every stock phrase from the READ050 lexicon (rules/data/filler.yml), for editors who want each "
            "instance highlighted. Off by default: turn it on with `--extend-select READ051`."
        ),
        rationale=StockPhrasePadding.meta.rationale,
        sources=_SOURCES,
        fail_examples=examples("Ketamine therapy stands as a beacon of hope for many."),
        pass_examples=examples("Ketamine can ease depression within hours for some people."),
        options={k: v for k, v in _OPTIONS.items() if k in ("extra_phrases", "removed_phrases")},
        enabled_by_default=False,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        extra = tuple(str(p) for p in ctx.options["extra_phrases"])
        removed = tuple(str(p) for p in ctx.options["removed_phrases"])
        for start, end, _, _ in find_stock_phrases(article, extra, removed):
            ctx.report(
                start,
                end,
                f"\"{article.text[start:end]}\" is a stock phrase that adds words but no information.",
                "Cut it, or replace it with the concrete fact it stands for.",
            )


RULES = [StockPhrasePadding, StockPhrase]
