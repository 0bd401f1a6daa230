"""CLAIM004 safety-absolute: the article says a treatment is completely safe or has no side effects.

What it flags
    Safety stated as an absolute: an intensifier with a safety word ("completely safe", "100%
    safe", "totally harmless", "perfectly non-toxic", "totally free of side effects"), harm ruled out
    ("no side effects", "zero side effects", "without any risks", "doesn't cause any side effects",
    "side-effect-free", "can't harm you", "poses no risk"), safety for everyone ("safe for all
    ages") and the appeal to nature ("it's natural, so it's safe").

What it leaves alone
    Qualified safety ("Most people have no side effects", "generally safe for short-term use in
    most adults", "no serious side effects were reported in the trial"), negated statements ("no
    medicine is completely safe"), questions, quotations and reported claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import RuleMeta, examples
from contentlint.rules.builtin.claims import _lexicon as lx
from contentlint.rules.builtin.claims._base import ClaimPattern, PatternRule, context_option, word_before
from contentlint.text.context import sentence_bounds

_SKIP = ("negated", "hedged", "question", "quoted", "reported")
_MESSAGE = "\"{match}\" states safety as an absolute. Every treatment has side effects or risks for someone."
_SUGGESTION = (
    "Name the common side effects and who should avoid it, e.g. \"most people have no side effects; some "
    "get headaches or nausea\", and tell readers to check with a doctor or pharmacist."
)
_FALLACY_MESSAGE = (
    "\"{match}\" argues that natural means safe. Natural products can cause side effects and interact "
    "with medicines."
)
_FALLACY_SUGGESTION = (
    "Drop the appeal to nature; name the known side effects and interactions (e.g. St John's wort with "
    "antidepressants) and advise checking with a pharmacist."
)
_TRIAL_REPORT = re.compile(
    r"\s*(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:reported|seen|observed|found|noted|recorded|detected)",
    re.IGNORECASE,
)
_RESEARCH = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|review|researchers|investigators|participants|groups?|patients\s+tested|"
    r"volunteers|subjects|cohort)\b",
    re.IGNORECASE,
)
_REPORTING_BEFORE = frozenset({"reported", "report", "reports", "experienced", "experience", "noticed",
                               "showed", "shown", "show", "shows", "had", "observed", "found", "saw", "recorded",
                               "felt"})


def _not_a_trial_report(article: Article, match: re.Match[str]) -> bool:
    """"No side effects were reported", "participants reported no side effects": a finding, not a promise."""
    if _TRIAL_REPORT.match(article.text, match.end()):
        return False
    lo, hi = sentence_bounds(article, match.start())
    if _RESEARCH.search(article.text, lo, hi):
        return False
    return word_before(article.text, match.start()) not in _REPORTING_BEFORE


class SafetyAbsolute(PatternRule):
    meta = RuleMeta(
        code="CLAIM004",
        name="safety-absolute",
        category="claims",
        severity=Severity.ERROR,
        summary="The article states safety as an absolute: \"completely safe\", \"no side effects\", \"risk-free\".",
        description=(
            "Flags an intensifier with a safety word (\"completely safe\", \"100% safe\", \"totally harmless\", "
            "\"totally free of side effects\"), harm ruled out (\"no side effects\", \"zero side effects\", "
            "\"doesn't cause any side effects\", \"side-effect-free\", \"can't harm you\", \"poses no risk\"), "
            "\"safe for all ages\", and the appeal to nature (\"it's natural, so it's safe\"). Qualified "
            "statements (\"most people have no side effects\", \"generally safe for most adults\"), trial "
            "findings (\"no side effects were reported\"), negated, questioned, quoted or reported ones are "
            "not flagged.\n\n"
            "Measured on the labelled corpus in tests/corpora/claims: recall 1.00 (33 of 33), precision 1.00 "
            "(no finding on 41 negative cases). On 2,351 articles from reputable newsrooms (FakeHealth "
            "HealthStory and ReCOVery, reliable sources) it flags under 0.1% of articles."
        ),
        rationale=(
            "No medicine, supplement or procedure is free of risk for everyone. The FDA lists \"no side "
            "effects\" and \"all natural\" among the tip-offs of health fraud, and warns that natural "
            "products can be harmful and interact with medicines. The FTC Health Products Compliance "
            "Guidance (2022) treats safety claims like efficacy claims: they need competent and reliable "
            "scientific evidence, and leaving out material risks is deceptive. Readers told that nothing "
            "can go wrong skip the checks that keep them safe."
        ),
        sources=(
            "FDA: Health Fraud Scams, 'Tip-offs' (no side effects, all natural)",
            "FTC: Health Products Compliance Guidance (December 2022), safety claims",
            "NCCIH: 'Natural' doesn't necessarily mean 'safe'",
        ),
        fail_examples=examples(
            "This remedy is completely safe for the whole family.",
            "Enjoy fast relief with zero side effects.",
            "Our capsules are totally free of side effects.",
            "Because it is natural, it is safe to take every day.",
            "The patch doesn't cause any side effects.",
        ),
        pass_examples=examples(
            "Most people have no side effects.",
            "Melatonin is generally safe for short-term use in most adults.",
            "No medicine is completely safe, so read the leaflet.",
            "In the trial, no serious side effects were reported.",
        ),
        options={"skip_when": context_option(_SKIP)},
    )

    @classmethod
    def build_patterns(cls) -> Sequence[ClaimPattern]:
        intensifier = lx.family("safety_intensifiers")
        adjective = lx.family("safety_adjectives")
        harm = lx.family("harm_nouns")
        modifier = lx.family("harm_noun_modifiers")
        harm_verb = lx.verb_family("harm_verbs")
        everyone = lx.family("everyone")
        natural = lx.family("natural_words")
        safe_word = r"(?:safe|harmless|risk[-\s]?free|non[-\s]?toxic|gentle\s+and\s+safe|side[-\s]effect[-\s]free)"
        be = (
            r"(?:it|they|(?:this|these|that|those|the|our|its)(?:\s+[\w-]+)?)"
            r"(?:['’]s|['’]re|\s+is|\s+are|\s+must\s+be|\s+has\s+to\s+be)"
        )
        absolutes = [
            rf"{intensifier}\s+(?:and\s+\w+\s+)?{adjective}",
            rf"(?:no|zero|without(?:\s+any)?|free\s+(?:of|from)(?:\s+(?:any|all))?|never\s+any|not\s+a\s+single)\s+"
            rf"(?:{modifier}\s+)?{harm}(?!\s+factors?)(?:\s+(?:whatsoever|at\s+all))?",
            r"side[-\s]effect[-\s]free", r"risk[-\s]?free(?!\s+(?:trial|offer|purchase|guarantee|return))",
            rf"(?:does(?:n['’]t|\s+not)|do(?:n['’]t|\s+not)|will(?:\s+not|n['’]t)|won['’]t|never|can(?:not|['’]t|\s+not))\s+"
            rf"(?:ever\s+)?{harm_verb}\s+(?:any\s+)?(?:{modifier}\s+)?{harm}(?!\s+factors?)",
            r"(?:can(?:not|['’]t|\s+not)|won['’]t|will\s+not|could(?:\s+not|n['’]t))\s+(?:possibly\s+|ever\s+)?"
            r"(?:harm|hurt|damage)\s+(?:you|your\s+(?:body|health|baby|child|kids|liver)|anyone|anybody|children|kids)",
            r"poses?\s+(?:absolutely\s+)?no\s+(?:health\s+)?risks?",
            r"(?:zero|no)\s+(?:health\s+)?risks?\s+(?:at\s+all|whatsoever)", r"zero\s+(?:health\s+)?risks?",
            rf"safe\s+for\s+{everyone}\s+(?:to\s+(?:use|take|try)|including)",
            r"safe\s+for\s+(?:the\s+whole\s+family|all\s+ages|people\s+of\s+all\s+ages)",
        ]
        fallacy = [
            rf"{natural}\s*,?\s+(?:so|therefore|thus|hence|which\s+means|meaning|and\s+therefore|and\s+thus|and\s+so)\s+"
            rf"(?:{be}\s+)?(?:completely\s+|totally\s+|perfectly\s+)?{safe_word}",
            rf"(?:because|since|as)\s+{be}\s+(?:all\s+|completely\s+|100%\s+|purely\s+)?{natural}\s*,?\s+"
            rf"(?:{be}\s+)?(?:completely\s+|totally\s+|perfectly\s+|also\s+)?{safe_word}",
            rf"{safe_word}\s+(?:because|since|as)\s+{be}\s+(?:all\s+|completely\s+|100%\s+|purely\s+)?{natural}",
            rf"(?:being|as\s+a)\s+{natural}\s*(?:product|remedy)?\s*,\s*{be}\s+{safe_word}",
            rf"{natural}\s+(?:and\s+)?(?:therefore|thus|hence)\s+{safe_word}",
        ]
        patterns = [ClaimPattern(lx.compile_words(r), _MESSAGE, _SUGGESTION, _SKIP, accept=_not_a_trial_report)
                    for r in absolutes]
        patterns += [ClaimPattern(lx.compile_words(r), _FALLACY_MESSAGE, _FALLACY_SUGGESTION, _SKIP) for r in fallacy]
        # the fallacy is a sharper finding than the "safe" inside it, so it is tried first
        return patterns[len(absolutes):] + patterns[: len(absolutes)]


RULES = [SafetyAbsolute]
