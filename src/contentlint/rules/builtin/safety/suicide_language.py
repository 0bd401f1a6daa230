"""SAFETY004 unsafe-suicide-language: wording about suicide that safe-messaging guidance asks writers to avoid.

What it flags
    "committed suicide" (suicide is not a crime), "successful" or "completed suicide", "failed" or
    "unsuccessful attempt" in a sentence about suicide, "suicide epidemic", "suicide victim", and
    method details (how a person died) in a sentence about suicide.

Fixes
    Swaps that stay grammatical on their own ("committed suicide" -> "died by suicide", "failed
    suicide attempt" -> "suicide attempt") carry a fix; the others need rewording and only suggest.
    Wording in quotation marks or introduced as the thing to avoid ("instead of ...") is left alone.

Options
    ``data_files`` names YAML files shaped like ``rules/data/suicide-language.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from contentlint.document import Article
from contentlint.findings import Fix, Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.safety.lexicon import Lexicon, as_tuple, lexicon, resolve_files, swaps
from contentlint.text.context import is_quoted

_DATA = "suicide-language.yaml"
# The wording is being discussed, not used ("avoid saying 'committed suicide'").
_METALANGUAGE_BEFORE = re.compile(
    r"\b(?:avoid(?:ing)?(?:\s+(?:saying|writing|using|the\s+(?:phrase|term|words?)))?|instead\s+of|rather\s+than|not\s+say|never\s+say|don'?t\s+say|don’t\s+say|"
    r"the\s+(?:phrase|term|words?|expression)|such\s+as|like)\s*[\"“'‘]?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=16)
def _wording_lists(
    entries: tuple[tuple[str, str, bool], ...],
) -> tuple[dict[str, tuple[str, bool]], Lexicon]:
    """The replacement and fixability of each phrase, and the phrases as one lexicon (made once
    per list, not per article)."""
    by_phrase = {" ".join(p.lower().split()): (r, f) for p, r, f in entries}
    return by_phrase, Lexicon([p for p, _, _ in entries], [], origin=_DATA)


def _keep_case(matched: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if matched[:1].isupper() else replacement


class UnsafeSuicideLanguage(Rule):
    meta = RuleMeta(
        code="SAFETY004",
        name="unsafe-suicide-language",
        category="safety",
        severity=Severity.WARNING,
        summary="Wording about suicide that safe-messaging guidance advises against.",
        description=(
            "Flags \"committed suicide\", \"successful\" or \"completed suicide\", \"failed\" or \"unsuccessful "
            "attempt\" (in a sentence about suicide), \"suicide epidemic\", \"suicide victim\", and details of "
            "the method in a sentence about suicide. Suggests the accepted wording, such as \"died by suicide\", "
            "and fixes the swaps that stay grammatical."
        ),
        rationale=(
            "\"Committed\" frames suicide as a crime or sin, \"successful\" and \"failed\" frame death as an "
            "achievement, \"epidemic\" sensationalises, and describing the method is linked to imitation. "
            "Safe-messaging recommendations ask writers to say \"died by suicide\" and to leave out methods."
        ),
        sources=(
            "Recommendations for Reporting on Suicide (reportingonsuicide.org)",
            "WHO: Preventing suicide: a resource for media professionals (2023 update)",
            "Samaritans media guidelines for reporting suicide",
        ),
        fail_examples=examples(
            "Her brother committed suicide in 2019. If you are struggling, call or text 988.",
            "After a failed attempt at suicide he was treated in hospital. Call or text 988 for help.",
            "Experts warn of a suicide epidemic among teenagers. Call or text 988 if you need help.",
        ),
        pass_examples=examples(
            "Her brother died by suicide in 2019. If you are struggling, call or text 988.",
            "He survived a suicide attempt. If you are struggling, call or text 988.",
            "Say \"died by suicide\" instead of \"committed suicide\". Call or text 988 if you need help.",
            "It was a failed attempt to lose weight before the wedding.",
        ),
        options={
            "data_files": Option([], "YAML files shaped like rules/data/suicide-language.yaml to add to the lists."),
        },
        fixable=True,
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        files = resolve_files(as_tuple(ctx.options.get("data_files", [])))
        mentions = lexicon(_DATA, ("mentions",), files)
        reported: list[tuple[int, int]] = []
        self._wording(article, ctx, swaps(_DATA, "unsafe_wording", files), None, reported)
        self._wording(article, ctx, swaps(_DATA, "attempt_outcome", files), mentions, reported)
        methods = lexicon(_DATA, ("methods",), files)
        for start, end, _ in methods.finditer(article.text):
            if self._about_suicide(article, start, mentions) and not self._discussed(article, start, end):
                ctx.report(
                    start,
                    end,
                    f"\"{article.text[start:end]}\" describes the method of a suicide.",
                    "Leave the method out; say that the person died by suicide and point readers to help "
                    "(e.g. \"call or text 988\").",
                )

    def _wording(
        self,
        article: Article,
        ctx: RuleContext,
        entries: tuple[tuple[str, str, bool], ...],
        needs_mention: Lexicon | None,
        reported: list[tuple[int, int]],
    ) -> None:
        by_phrase, matcher = _wording_lists(entries)
        text = article.text
        for start, end, phrase in matcher.finditer(text):
            if any(s < end and start < e for s, e in reported):
                continue
            if needs_mention is not None and not self._about_suicide(article, start, needs_mention):
                continue
            if self._discussed(article, start, end):
                continue
            replacement, fixable = by_phrase.get(" ".join(phrase.lower().split()), ("", False))
            matched = text[start:end]
            suggestion_text = _keep_case(matched, replacement)
            fix = None
            span = article.locate(start, end)
            if fixable and article.source[span.offset : span.end_offset] == matched:
                fix = Fix(span.offset, span.end_offset, suggestion_text)
            reported.append((start, end))
            ctx.report(
                start,
                end,
                f"\"{matched}\" is wording about suicide that safe-messaging guidance advises against.",
                f"Write \"{suggestion_text}\" instead.",
                fix=fix,
            )

    @staticmethod
    def _about_suicide(article: Article, start: int, mentions: Lexicon) -> bool:
        number = article.sentence_at(start)
        if number < 0:
            return False
        sentence = article.sentences[number]
        return mentions.search(article.text, sentence.start, sentence.end) is not None

    @staticmethod
    def _discussed(article: Article, start: int, end: int) -> bool:
        if is_quoted(article, start, end):
            return True
        number = article.sentence_at(start)
        sentence_start = article.sentences[number].start if number >= 0 else start
        before = " ".join(article.text[sentence_start:start].split()[-4:])
        return bool(_METALANGUAGE_BEFORE.search(before))


RULES = [UnsafeSuicideLanguage]
