"""READ002 long-sentence: a sentence of running prose with more than ``max_words`` words.

What it flags
    Each sentence in a paragraph, list item or blockquote longer than ``max_words`` (25 by
    default); the finding spans the whole sentence. URLs and e-mail addresses are not counted as
    words.

What it leaves alone
    Headings, captions and table cells, and sentences at or under the limit.

Severity is ``info``: one long sentence is a suggestion to split it; an article made of them is
what READ001 reports as a warning.
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.text.readability import prose_stats

_MAX_WORDS = 25


class LongSentence(Rule):
    meta = RuleMeta(
        code="READ002",
        name="long-sentence",
        category="readability",
        severity=Severity.INFO,
        summary="A sentence is longer than 25 words (configurable).",
        description=(
            "Flags each sentence of running prose (paragraphs, list items, blockquotes) with more than "
            "`max_words` words, 25 by default, and points at the whole sentence. URLs and e-mail addresses "
            "do not count as words; headings, captions and table cells are not checked."
        ),
        rationale=(
            "Long sentences are the biggest single cause of a high reading grade and the easiest to fix. "
            "The Federal Plain Language Guidelines ask for short sentences that each express one idea, and "
            "the CDC's Simply Put guide recommends sentences of 8 to 10 words and no more than 15 to 20 for "
            "health material."
        ),
        sources=(
            "Federal Plain Language Guidelines (plainlanguage.gov, 2011): write short sentences",
            "CDC: Simply Put, a guide for creating easy-to-understand materials (2010)",
        ),
        fail_examples=examples(
            "Ketamine, which was first developed as an anesthetic for surgery and is now being studied for "
            "several mental health conditions, may help some people whose depression has not improved with "
            "other treatments.",
        ),
        pass_examples=examples(
            "Ketamine was first made for surgery. Doctors now study it for depression. It may help some "
            "people when other treatments have not worked.",
            "# Ketamine, which was first developed as an anesthetic for surgery and is now being studied "
            "for several mental health conditions, may help some people\n\nIt is given in a clinic.",
        ),
        options={"max_words": Option(_MAX_WORDS, "Longest acceptable sentence, in words.")},
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        limit = int(ctx.options.get("max_words", _MAX_WORDS))
        sentences = article.sentences
        # the reading-grade counts already hold every prose sentence's words
        for number, count in prose_stats(article).word_counts:
            if count > limit:
                sentence = sentences[number]
                ctx.report(
                    sentence.start,
                    sentence.end,
                    f"This sentence has {count} words; sentences over {limit} words are hard to follow.",
                    "Split it into shorter sentences, one idea each, or turn a series into a bulleted list.",
                )


RULES = [LongSentence]
