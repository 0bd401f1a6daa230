"""CLAIM054 study-limitations-not-stated: an article reports a study's results and says nothing
about what the study cannot show.

What it flags
    An article that reports a study (at least three mentions such as "the study", "the researchers",
    "published in", "participants") and has no sentence about its limits: no "limitation",
    "caution", "small study", "cannot prove", "cause and effect", "larger trials", "more research
    is needed", "remains unclear" or the like. The finding is for the whole article and points at
    the first mention of the study.

What it leaves alone
    Articles that state any limitation, and articles that do not report a study.
"""

from __future__ import annotations

import re

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import _evidence as ev
from contentlint.rules.prefilter import compile_pattern, may_match

_MIN_MENTIONS = 1
# Phrasings too varied for a word list: "more long-term research will be needed", "needed to confirm".
_LIMIT_PATTERN = compile_pattern(
    r"\b(?:more|further|larger|additional|bigger|longer|future)\s+(?:[\w-]+\s+){0,2}(?:research|studies|study|"
    r"trials?|work|investigations?|data)\s+(?:(?:is|are|will\s+be|would\s+be|be)\s+)?(?:still\s+)?(?:needed|"
    r"required|necessary|warranted)"
    r"|\b(?:needed|necessary|required)\s+to\s+(?:confirm|determine|establish|see\s+(?:if|whether)|find\s+out|"
    r"understand|know|verify|validate)"
    r"|\bsmall\s+(?:[\w-]+\s+)?(?:study|studies|sample|trial|group|number|cohort)"
    r"|\b(?:study|studies|trial|trials|sample|group)\s+(?:was|were|is|are)\s+(?:\w+\s+)?(?:small|short|limited)"
    r"|\bonly\s+(?:\d+|a\s+few|a\s+handful)\s+(?:[\w-]+\s+)?(?:people|patients|participants|volunteers|mice)",
    re.IGNORECASE,
)
_MESSAGE = "The article reports a study's results but says nothing about the study's limits."
_SUGGESTION = (
    "Add a sentence on what the study cannot show, e.g. \"The study was small and short, and it did not compare "
    "the diet with another one, so larger trials are needed\", or quote the authors' own limitations."
)


class StudyLimitationsNotStated(Rule):
    meta = RuleMeta(
        code="CLAIM054",
        name="study-limitations-not-stated",
        category="claims",
        severity=Severity.INFO,
        summary="A study's results are reported with nothing about the study's limits.",
        description=(
            "Flags an article that reports a study (at least `min_study_mentions` mentions such as \"the "
            "study\", \"the researchers\", \"published in\", \"participants\") and has no word about its limits: "
            "no \"limitation\", \"caveat\", \"caution\", \"small study\", \"not randomised\", \"cannot prove\", "
            "\"cause and effect\", \"larger trials\", \"more research is needed\", \"remains unclear\" or the "
            "like. One finding for the article, at the first mention of the study. Severity: info, since an "
            "article may rightly leave limits to a linked source."
        ),
        rationale=(
            "Every study has limits (size, length, design, who took part), and readers need them to judge a "
            "result. HealthNewsReview.org's quality-of-evidence criterion asks stories to explain the "
            "limitations of the evidence; Yavchitz et al. (PLoS Medicine 2012) found that press releases and "
            "news that leave out limitations overstate benefit, and Sumner et al. (BMJ 2014) that caveats "
            "present in a press release tend to reach the news."
        ),
        sources=(
            "HealthNewsReview.org criterion 3: does the story adequately discuss the quality of the evidence?",
            "Yavchitz et al., PLoS Medicine 2012;9(9):e1001308",
            "Sumner et al., BMJ 2014;349:g7015 (caveats in press releases and news)",
        ),
        fail_examples=examples(
            "A new study found that walking after meals lowers blood sugar. The researchers followed 40 "
            "participants for two weeks. The study was published in Diabetes Care.",
        ),
        pass_examples=examples(
            "A new study found that walking after meals lowers blood sugar. The researchers followed 40 "
            "participants for two weeks. The study was small and short, so larger trials are needed.",
            "Walking after meals is a simple habit. Ask your doctor how much activity suits you.",
        ),
        options={
            "min_study_mentions": Option(_MIN_MENTIONS, "Mentions of a study that make an article a report of one.")
        },
        # For news stories and press releases that report a study; a patient page citing one result
        # need not discuss the study's limits. Turn it on with --extend-select CLAIM054.
        enabled_by_default=False,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        text = article.text
        minimum = int(ctx.options.get("min_study_mentions", _MIN_MENTIONS))
        mentions = []
        for start, end, _ in ev.matcher("study_report_markers").finditer(text):
            mentions.append((start, end))
            if len(mentions) >= minimum:
                break
        if len(mentions) < minimum or ev.found("limitation_markers", text, 0, len(text)):
            return
        if may_match(article, _LIMIT_PATTERN) and _LIMIT_PATTERN.search(text):
            return
        ctx.report_article(_MESSAGE, _SUGGESTION, anchor=mentions[0])


RULES = [StudyLimitationsNotStated]
