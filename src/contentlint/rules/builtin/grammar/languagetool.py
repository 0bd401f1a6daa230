"""GRAM001-GRAM099: grammar, spelling and style issues found by LanguageTool.

What they flag
    Each LanguageTool match in the article's prose (never front matter, code or link targets),
    at its exact line and column. A match's LanguageTool category (or, for categories this table
    does not know, its issue type) decides its code, so each kind can be selected, ignored or given
    another severity like any other rule. The message is LanguageTool's; its replacements are the
    suggestion.

When they run
    Off by default: ``--grammar`` on the command line, ``grammar = true`` in configuration, or
    selecting a GRAM code turns them on. They need a LanguageTool server (see docs/grammar.md);
    the whole article is sent in one request, and the answer is cached by content.

Word list
    ``languagetool.words`` (and ``languagetool.words-file``) name correct words, such as brand and
    drug names, that GRAM001 never reports as misspellings.
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.grammar import GrammarSettings, Issue, issues_for, settings_for
from contentlint.rules.base import Example, Rule, RuleContext, RuleMeta, examples

SPELLING = "GRAM001"
OTHER = "GRAM099"

# LanguageTool category ids (shared by its languages) -> code.
_BY_CATEGORY = {
    "TYPOS": "GRAM001",
    "GRAMMAR": "GRAM002",
    "PUNCTUATION": "GRAM003",
    "STYLE": "GRAM004",
    "REDUNDANCY": "GRAM004",
    "PLAIN_ENGLISH": "GRAM004",
    "REPETITIONS_STYLE": "GRAM004",
    "NONSTANDARD_PHRASES": "GRAM004",
    "WIKIPEDIA": "GRAM004",
    "CREATIVE_WRITING": "GRAM004",
    "TEXT_ANALYSIS": "GRAM004",
    "GENDER_NEUTRALITY": "GRAM004",
    "CONFUSED_WORDS": "GRAM005",
    "FALSE_FRIENDS": "GRAM005",
    "CASING": "GRAM006",
    "TYPOGRAPHY": "GRAM007",
    "COMPOUNDING": "GRAM008",
    "REPETITIONS": "GRAM009",
    "SEMANTICS": "GRAM010",
    "MISC": OTHER,
    "COLLOCATIONS": OTHER,
}
# For categories a language defines for itself: LanguageTool's issue type -> code.
_BY_ISSUE_TYPE = {
    "misspelling": "GRAM001",
    "grammar": "GRAM002",
    "style": "GRAM004",
    "register": "GRAM004",
    "locale-violation": "GRAM004",
    "typographical": "GRAM007",
    "whitespace": "GRAM007",
    "duplication": "GRAM009",
    "inconsistency": "GRAM010",
}
_MAX_SHOWN_REPLACEMENTS = 3


def code_for(issue: Issue) -> str:
    """The GRAM code a LanguageTool match is reported under."""
    if issue.issue_type == "duplication":  # a repeated word is filed under MISC, but it is its own kind
        return "GRAM009"
    code = _BY_CATEGORY.get(issue.category.upper())
    if code is None:
        code = _BY_ISSUE_TYPE.get(issue.issue_type.lower(), OTHER)
    return code


def _quoted(value: str) -> str:
    return f"“{value}”"


def suggestion_for(issue: Issue, code: str, text: str) -> str:
    """What the editor can do: LanguageTool's replacements, else how to reword or silence it."""
    shown = list(issue.replacements[:_MAX_SHOWN_REPLACEMENTS])
    if len(shown) == 1 and shown[0] == "":
        advice = f"Delete {_quoted(text[issue.start : issue.end])}."
    elif len(shown) == 1:
        advice = f"Replace with {_quoted(shown[0])}."
    elif shown:
        advice = "Replace with one of: " + ", ".join(_quoted(r) for r in shown) + "."
    else:
        advice = "Reword this passage."
    if code == SPELLING:
        advice += " If the word is right (a name, brand or drug), add it to languagetool.words."
    elif not shown:
        advice += f" If it is intended, add {issue.rule_id} to languagetool.disabled-rules."
    return advice


def reportable(issue: Issue, code: str, text: str, settings: GrammarSettings) -> bool:
    """Misspellings of words on the project's word list are not reported."""
    return not (code == SPELLING and settings.knows_word(text[issue.start : issue.end]))


class LanguageToolRule(Rule):
    """Reports the LanguageTool matches whose code is this rule's."""

    def check(self, article: Article, ctx: RuleContext) -> None:
        settings = settings_for(ctx.config)
        text = article.text
        for issue in issues_for(text, settings):
            code = code_for(issue)
            if code == self.meta.code and reportable(issue, code, text, settings):
                ctx.report(issue.start, issue.end, issue.message, suggestion_for(issue, code, text))


_RATIONALE = (
    "Spelling and grammar errors make health information harder to understand and less trusted: "
    "readers judge a page's credibility partly by its care with language, and plain-language "
    "guidance for health writing asks for correct, simple sentences. LanguageTool is the "
    "open-source checker used here; its rules and categories are documented with it."
)
_SOURCES = (
    "LanguageTool rules and categories (languagetool.org, community.languagetool.org/rule/list)",
    "Fogg et al., 'What makes Web sites credible?', CHI 2001: typographical errors lower credibility",
    "CDC Clear Communication Index (2019)",
)


def _meta(code: str, name: str, severity: Severity, summary: str, kinds: str,
          fail: tuple[Example, ...], passes: tuple[Example, ...]) -> RuleMeta:
    return RuleMeta(
        code=code,
        name=name,
        category="grammar",
        severity=severity,
        summary=summary,
        description=f"Reports LanguageTool matches {kinds}. Needs a LanguageTool server; off unless "
                    "grammar checking is turned on (--grammar or `grammar = true`).",
        rationale=_RATIONALE,
        sources=_SOURCES,
        fail_examples=fail,
        pass_examples=passes,
        enabled_by_default=False,
    )


class Misspelling(LanguageToolRule):
    meta = _meta(
        "GRAM001", "misspelling", Severity.WARNING, "A word is not in LanguageTool's dictionary.",
        "in its TYPOS category (possible typos); words on languagetool.words are never reported",
        examples("Most people feel better within a few days, but some need a secnd course of antibiotics."),
        examples("Most people feel better within a few days, but some need a second course of antibiotics."),
    )


class GrammarError(LanguageToolRule):
    meta = _meta(
        "GRAM002", "grammar-error", Severity.WARNING, "A sentence breaks a rule of grammar.",
        "in its GRAMMAR category (agreement, verb forms, articles...)",
        examples("Your doctor can tell you whether these medicine are safe during pregnancy."),
        examples("Your doctor can tell you whether these medicines are safe during pregnancy."),
    )


class PunctuationError(LanguageToolRule):
    meta = _meta(
        "GRAM003", "punctuation-error", Severity.WARNING, "Punctuation is missing or misplaced.",
        "in its PUNCTUATION category (missing commas, stray or doubled marks)",
        examples("However the results of the trial were mixed."),
        examples("However, the results of the trial were mixed."),
    )


class StyleHint(LanguageToolRule):
    meta = _meta(
        "GRAM004", "style-hint", Severity.INFO, "A phrase could be shorter or plainer.",
        "in its style categories (STYLE, REDUNDANCY, PLAIN_ENGLISH, REPETITIONS_STYLE, "
        "NONSTANDARD_PHRASES, WIKIPEDIA, CREATIVE_WRITING, TEXT_ANALYSIS, GENDER_NEUTRALITY)",
        examples("In order to reduce the risk of infection, wash your hands often."),
        examples("To reduce the risk of infection, wash your hands often."),
    )


class ConfusedWords(LanguageToolRule):
    meta = _meta(
        "GRAM005", "confused-words", Severity.WARNING, "A word is easily confused with another.",
        "in its CONFUSED_WORDS and FALSE_FRIENDS categories (affect/effect, their/there...)",
        examples("The affect of the medicine usually wears off within six hours."),
        examples("The effect of the medicine usually wears off within six hours."),
    )


class Capitalization(LanguageToolRule):
    meta = _meta(
        "GRAM006", "capitalization", Severity.WARNING, "A word should start with a capital (or not).",
        "in its CASING category (sentence starts, proper nouns)",
        examples("Ibuprofen can upset your stomach. take it with food."),
        examples("Ibuprofen can upset your stomach. Take it with food."),
    )


class Typography(LanguageToolRule):
    meta = _meta(
        "GRAM007", "typography", Severity.INFO, "Spacing or typographic marks are off.",
        "in its TYPOGRAPHY category (spaces before commas, doubled spaces, dashes and quotes)",
        examples("Take one tablet twice a day , with a glass of water."),
        examples("Take one tablet twice a day, with a glass of water."),
    )


class CompoundWord(LanguageToolRule):
    meta = _meta(
        "GRAM008", "compound-word", Severity.WARNING, "A compound is split, joined or hyphenated wrongly.",
        "in its COMPOUNDING category (walk-in, follow-up, well-known)",
        examples("The clinic offers walk in appointments on weekdays."),
        examples("The clinic offers walk-in appointments on weekdays."),
    )


class RepeatedWord(LanguageToolRule):
    meta = _meta(
        "GRAM009", "repeated-word", Severity.WARNING, "A word is repeated by mistake.",
        "of the duplication type or in its REPETITIONS category ('the the')",
        examples("Drink plenty of fluids and rest until the the fever passes."),
        examples("Drink plenty of fluids and rest until the fever passes."),
    )


class SemanticInconsistency(LanguageToolRule):
    meta = _meta(
        "GRAM010", "semantic-inconsistency", Severity.WARNING, "A statement contradicts itself, e.g. a wrong weekday.",
        "in its SEMANTICS category (a weekday that does not match the date...)",
        examples("The clinic reopens on Tuesday, 3 March 2025."),
        examples("The clinic reopens on Monday, 3 March 2025."),
    )


class OtherLanguageIssue(LanguageToolRule):
    meta = _meta(
        "GRAM099", "other-language-issue", Severity.WARNING, "LanguageTool found another kind of slip.",
        "of any other category (MISC, COLLOCATIONS, and categories specific to one language), such as "
        "'a' before a vowel sound",
        examples("The study followed a adult population for ten years."),
        examples("The study followed an adult population for ten years."),
    )


RULES = [
    Misspelling,
    GrammarError,
    PunctuationError,
    StyleHint,
    ConfusedWords,
    Capitalization,
    Typography,
    CompoundWord,
    RepeatedWord,
    SemanticInconsistency,
    OtherLanguageIssue,
]
