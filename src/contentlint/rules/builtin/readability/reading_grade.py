"""READ001 reading-grade: the article reads above the target school grade.

What it flags
    An article whose running prose (paragraphs, list items, blockquotes; never headings, front
    matter, code, URLs or list fragments) scores above the target grade. The grade is SMOG when
    the article has at least 30 sentences and Flesch-Kincaid otherwise (``formula`` can force
    one). The finding points at the sentence that raises the grade most and names the others:
    the sentences whose removal would lower the grade the most.

What it leaves alone
    Articles shorter than ``min_words`` words of prose: grade formulas need a sample to mean
    anything.
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.text.readability import FORMULAS, SentenceStats, prose_stats

_TARGET = 8
_MIN_WORDS = 80
_SHOWN_SENTENCES = 3
_QUOTED_WORDS = 8


def quote_start(text: str, words: int = _QUOTED_WORDS) -> str:
    """The first few words of a sentence, for a message."""
    parts = text.split()
    head = " ".join(parts[:words])
    return f"“{head}…”" if len(parts) > words else f"“{head}”"


class ReadingGrade(Rule):
    meta = RuleMeta(
        code="READ001",
        name="reading-grade",
        category="readability",
        severity=Severity.WARNING,
        summary="The article reads above the target school grade (8 by default).",
        description=(
            "Computes the reading grade of the article's running prose (paragraphs, list items and "
            "blockquotes; headings, front matter, code, URLs and list fragments are left out) and flags "
            "the article when it is above the target. The grade is SMOG when the article has at least 30 "
            "sentences and Flesch-Kincaid otherwise, with textstat's formulas and syllable counts from the "
            "CMU Pronouncing Dictionary. The message names the formula and the sentences that raise the "
            "grade most, and the finding points at the hardest one."
        ),
        rationale=(
            "Most adults read comfortably at about grade 8, and many patients read below it, so patient "
            "material should be written at grade 6 to 8: the AMA recommends grade 6, the NIH below grade 8, "
            "and the CDC Clear Communication Index asks for plain language. SMOG is the formula most often "
            "recommended for health material; Flesch-Kincaid is the most widely used."
        ),
        sources=(
            "CDC Clear Communication Index (2019)",
            "NIH / NLM MedlinePlus: How to Write Easy-to-Read Health Materials",
            "AMA: Health Literacy and Patient Safety (Weiss, 2007): write at grade 6",
            "McLaughlin, SMOG Grading: a New Readability Formula (1969)",
        ),
        fail_examples=examples(
            "Pharmacological interventions targeting glutamatergic neurotransmission have demonstrated "
            "considerable therapeutic potential for individuals experiencing treatment-resistant depressive "
            "disorders. Administration of subanesthetic concentrations, typically delivered intravenously "
            "under continuous medical supervision, frequently produces measurable symptomatic amelioration "
            "within several hours. Nevertheless, comprehensive longitudinal evaluation regarding sustained "
            "effectiveness, cognitive consequences and potential dependency remains considerably limited. "
            "Consequently, practitioners recommend individualized assessment, appropriate psychiatric "
            "monitoring and thorough consideration of alternative evidence-based modalities before initiating "
            "this particular therapeutic approach. Additionally, insurance reimbursement policies vary "
            "substantially across jurisdictions, creating significant financial accessibility barriers.",
        ),
        pass_examples=examples(
            "Depression is more than feeling sad for a few days. It can make it hard to sleep, eat or enjoy "
            "the things you used to like. Many people feel tired all the time. Some find it hard to think "
            "clearly. Depression is common, and it can be treated. Talking therapy helps many people. "
            "Medicine can help too. Your doctor can talk with you about what might work best for you. It may "
            "take a few weeks before you feel better, so try to keep going. If you have thoughts of harming "
            "yourself, get help right away. You can call or text 988 at any time, day or night.",
        ),
        options={
            "target": Option(_TARGET, "Highest acceptable reading grade."),
            "formula": Option(
                "auto", "auto (SMOG from 30 sentences, else Flesch-Kincaid), smog or flesch-kincaid."
            ),
            "min_words": Option(_MIN_WORDS, "Articles with fewer words of prose are not graded."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        stats = prose_stats(article)
        counts = stats.counts
        if counts.words < int(ctx.options.get("min_words", _MIN_WORDS)):
            return
        target = int(ctx.options.get("target", _TARGET))
        choice = str(ctx.options.get("formula", "auto")).lower()
        formula = stats.formula(choice if choice in FORMULAS else "auto")
        grade = round(stats.grade(formula), 1)
        if not grade > target:
            return
        raisers = [s for drop, s in stats.raisers(formula) if drop > 0][:_SHOWN_SENTENCES]
        message = (
            f"Reading grade {grade:.1f} ({formula}, {counts.sentences} sentences, {counts.words} words) "
            f"is above the target of grade {target}."
        )
        if raisers:
            message += " The sentences that raise it most: " + "; ".join(
                self._describe(article, s) for s in raisers
            ) + "."
        suggestion = (
            f"Aim for grade {target} or lower: split long sentences (15 to 20 words is plenty), use everyday "
            "words instead of medical terms, and explain any term you must keep. Start with the sentences named."
        )
        anchor = (raisers[0].start, raisers[0].end) if raisers else None
        ctx.report_article(message, suggestion, anchor=anchor)

    @staticmethod
    def _describe(article: Article, sentence: SentenceStats) -> str:
        line = article.locate(sentence.start, sentence.end).line
        return f"line {line} {quote_start(article.text[sentence.start : sentence.end])}"


RULES = [ReadingGrade]
