"""SAFETY002 harms-not-named: a treatment is discussed but no specific harm is named.

What it flags
    An article that discusses a treatment (a drug, therapy, infusion, procedure, supplement,
    dose...) and names no specific side effect, risk, contraindication or warning. Vague mentions
    ("potential risks", "minimal side effects", "long-term effects") do not count; the finding
    points at the first of them when there is one, so the editor sees where detail is missing.

What counts as naming a harm
    "Common side effects include ...", "should not take it if ...", "contraindicated", a boxed
    warning, drug interactions, or a specific harm ("nausea, dizziness and short-lived
    dissociation", "misuse or addiction", "false positives") in a sentence that frames it as a harm
    ("may cause", "risk of", "reported", "side effects"). A harm that is negated ("without the
    dissociative effects") or that is the condition treated ("relieves nausea") does not count.

Options
    ``min_treatment_mentions`` (default 2): how many treatment words make an article about a
    treatment. ``data_files``: YAML files shaped like ``rules/data/harms.yaml`` and
    ``rules/data/treatments.yaml`` whose lists are added to the built-in ones.
"""

from __future__ import annotations

import re

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.safety.lexicon import Lexicon, as_tuple, lexicon, resolve_files
from contentlint.text.context import is_negated

_HARMS = "harms.yaml"
_TREATMENTS = "treatments.yaml"
_MIN_MENTIONS = 2
# A harm word right after one of these is what the treatment is for ("relief from nausea").
_TARGET_BEFORE = re.compile(
    r"\b(?:treat\w*|reliev\w*|relief|eas(?:e|es|ed|ing)|reduc\w*|lower\w*|alleviat\w*|prevent\w*|"
    r"manag\w*|fight\w*|against|combat\w*|cut\w*|improv\w*|symptoms of|people with|patients with|"
    r"living with|diagnosed with|suffer\w* from|struggl\w* with|cop(?:e|ing) with|battl\w*|"
    r"overcom\w*|recover\w* from|protect\w*|curb\w*|decreas\w*|fewer|less|control\w*|tackl\w*)\b"
    r"[^.!?]*$",
    re.IGNORECASE,
)
_TARGET_WINDOW_WORDS = 6
# A harm counts when its sentence is about the treatment: it names one, refers back to one, or
# reports what happened to the people who had it.
_REFERS_BACK = re.compile(
    r"\b(?:it|its|they|them|this|these|side[- ]effects?|adverse|patients|participants|users|recipients)\b",
    re.IGNORECASE,
)


class _HarmLexicons:
    def __init__(self, files: tuple[str, ...]) -> None:
        paths = resolve_files(files)
        self.named = lexicon(_HARMS, ("named_harms",), paths)
        self.specific = lexicon(_HARMS, ("adverse_effects", "risk_nouns"), paths)
        self.ambiguous = lexicon(_HARMS, ("ambiguous_effects",), paths)
        self.cues = lexicon(_HARMS, ("harm_cues", "tight_cues"), paths)
        self.tight_cues = lexicon(_HARMS, ("tight_cues",), paths)
        self.vague = lexicon(_HARMS, ("vague_harms",), paths)
        self.treatments = lexicon(_TREATMENTS, ("treatments",), paths)


def _sentence(article: Article, index: int) -> tuple[int, int]:
    number = article.sentence_at(index)
    if number < 0:
        return index, index
    sentence = article.sentences[number]
    return sentence.start, sentence.end


def _is_target(article: Article, start: int) -> bool:
    sentence_start, _ = _sentence(article, start)
    before = article.text[sentence_start:start].split()[-_TARGET_WINDOW_WORDS:]
    return bool(_TARGET_BEFORE.search(" ".join(before)))


def _framed(article: Article, start: int, end: int, cues: Lexicon) -> bool:
    sentence_start, sentence_end = _sentence(article, start)
    return any(not (s < end and start < e) for s, e, _ in cues.finditer(article.text, sentence_start, sentence_end))


def _in_name(article: Article, start: int) -> bool:
    """A capitalised word inside a sentence is part of a name ("Journal of Addiction Medicine")."""
    sentence_start, _ = _sentence(article, start)
    return start > sentence_start and article.text[start].isupper()


def _about_treatment(article: Article, start: int, treatments: Lexicon) -> bool:
    sentence_start, sentence_end = _sentence(article, start)
    if _REFERS_BACK.search(article.text, sentence_start, sentence_end):
        return True
    return treatments.search(article.text, sentence_start, sentence_end) is not None


def named_harm(article: Article, lexicons: _HarmLexicons) -> tuple[int, int] | None:
    """The first place the article names a specific harm, or None."""
    text = article.text
    for start, end, _ in lexicons.named.finditer(text):
        if not is_negated(article, start, end) and not _is_target(article, start):
            return start, end
    for source, cues in ((lexicons.specific, lexicons.cues), (lexicons.ambiguous, lexicons.tight_cues)):
        for start, end, _ in source.finditer(text):
            if _in_name(article, start) or is_negated(article, start, end) or _is_target(article, start):
                continue
            if _framed(article, start, end, cues) and _about_treatment(article, start, lexicons.treatments):
                return start, end
    return None


class HarmsNotNamed(Rule):
    meta = RuleMeta(
        code="SAFETY002",
        name="harms-not-named",
        category="safety",
        severity=Severity.WARNING,
        summary="A treatment is discussed but no specific side effect, risk or warning is named.",
        description=(
            "Flags an article that discusses a treatment (drug, therapy, infusion, procedure, supplement, "
            "dose) and never names a specific harm: a side effect, a risk such as addiction or overdose, a "
            "drug interaction, who should not use it, or a warning. Vague wording (\"potential risks\", "
            "\"minimal side effects\", \"long-term effects\") is not naming a harm; negated harms (\"without "
            "side effects\") and the condition being treated (\"relieves nausea\") do not count either."
        ),
        rationale=(
            "Readers cannot weigh a treatment without knowing what it can do to them. HealthNewsReview.org "
            "rates a story unsatisfactory when it does not explain the harms, DISCERN asks whether the risks "
            "of each treatment are described, and HONcode requires balanced information. Content that "
            "lists only benefits is advertising."
        ),
        sources=(
            "HealthNewsReview.org review criteria: 'Does the story adequately explain the harms?'",
            "DISCERN instrument, question 10: 'Does it describe the risks of each treatment?'",
            "HONcode principle 5: justifiability (balanced claims)",
        ),
        fail_examples=examples(
            "Ketamine therapy offers fast relief. The drug is given as an infusion in a clinic, and the dose "
            "is tailored to each patient. Close monitoring helps mitigate potential risks.",
            "Our supplement supports joint health. Take two capsules a day; each dose contains turmeric. "
            "Most people notice results within weeks of starting the supplement.",
        ),
        pass_examples=examples(
            "Ketamine therapy is given as an infusion. The dose is set by the clinic. Common side effects "
            "include nausea, dizziness and a short-lived feeling of detachment.",
            "Esketamine is a nasal spray used with an oral antidepressant. It carries a risk of misuse, so "
            "the drug is only given in a certified clinic, and you should not drive on the day of a dose.",
            "Paracetamol is a safe painkiller for most people, but taking more than the recommended dose "
            "can cause serious liver damage. Check other medicines for paracetamol before you take them.",
            "Walking every day improves mood and sleep for many people.",
        ),
        options={
            "min_treatment_mentions": Option(
                _MIN_MENTIONS, "How many treatment words (drug, therapy, dose...) make an article about a treatment."
            ),
            "data_files": Option([], "YAML files shaped like rules/data/harms.yaml or treatments.yaml, added to them."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        lexicons = _HarmLexicons(as_tuple(ctx.options.get("data_files", [])))
        treatments = lexicons.treatments.finditer(article.text)
        if len(treatments) < int(ctx.options.get("min_treatment_mentions", _MIN_MENTIONS)):
            return
        if named_harm(article, lexicons) is not None:
            return
        vague = lexicons.vague.search(article.text)
        if vague is not None:
            start, end, _ = vague
            ctx.report_article(
                f"The article speaks of \"{article.text[start:end]}\" but never names a specific side effect, "
                "risk or warning.",
                "Name the common and the serious side effects, who should not use it, and what to watch for "
                "(e.g. \"Common side effects include nausea and dizziness; it is not suitable during "
                "pregnancy.\"), and cite the source.",
                anchor=(start, end),
            )
            return
        start, end, _ = treatments[0]
        ctx.report_article(
            "The article discusses a treatment but names no side effect, risk or warning.",
            "Add what can go wrong: the common and serious side effects, who should not use it, and any "
            "interactions or warnings, with a source (e.g. \"Common side effects include nausea and "
            "headache.\").",
            anchor=(start, end),
        )


RULES = [HarmsNotNamed]
