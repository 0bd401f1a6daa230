"""CLAIM003 guaranteed-results: the article promises an outcome: a guarantee, "100% effective",
"works for everyone", "certain to feel better", "permanent results".

What it flags
    Guarantees of an outcome ("guaranteed results", "guaranteed to work", "we guarantee you will
    sleep", "money-back guarantee"), perfect efficacy ("100% effective", "a 100% success rate"),
    universal reach ("works for everyone", "effective for all patients", "never fails", "works
    every time"), certainty ("certain to feel better", "you will definitely see results") and
    permanence ("permanent results", "relief that lasts forever").

What it leaves alone
    Negated and hedged statements ("no treatment works for everyone", "there are no guarantees",
    "it does not work for everyone"), questions, quotations and reported claims, "be sure to"
    instructions, and trial results reported with their source ("was 100% effective in the trial
    (Lee et al., 2021)").
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
_SKIP_CITED = (*_SKIP, "cited")
_OBJECT_WORD = r"(?!(?:in|on|for|with|at|to|by|differently|different|ways?|many|some|most)\b)[a-z'’-]+"
_MESSAGE = "\"{match}\" promises a result. No health treatment works for everyone or every time."
_SUGGESTION = (
    "Say how many people it helped in the trials and how much, e.g. \"in a trial, 6 in 10 people slept "
    "better\", say that it does not work for everyone, and cite the trial."
)
_ADVERB = r"(?:(?:really|truly|always|simply|just|actually|clinically|totally|completely)\s+)?"


def _not_an_instruction(article: Article, match: re.Match[str]) -> bool:
    # "be sure to see your doctor", "make sure to": advice, not a promise
    return word_before(article.text, match.start()) not in ("be", "make", "making", "made", "makes", "not")


def _not_approximate(article: Article, match: re.Match[str]) -> bool:
    # "about 100 percent effective" reports a measured result, not a promise
    if word_before(article.text, match.start()) in ("about", "nearly", "almost", "around", "roughly",
                                                    "approximately", "close", "near"):
        return False
    lo, hi = sentence_bounds(article, match.start())
    return _RESEARCH.search(article.text, lo, hi) is None


_RESEARCH = re.compile(
    r"\b(?:researchers|investigators|the\s+(?:study|trial|review)|participants|in\s+(?:a|the)\s+trial)\b",
    re.IGNORECASE,
)


class GuaranteedResults(PatternRule):
    meta = RuleMeta(
        code="CLAIM003",
        name="guaranteed-results",
        category="claims",
        severity=Severity.ERROR,
        summary=(
            "The article guarantees an outcome: \"guaranteed results\", \"100% effective\", \"works for everyone\"."
        ),
        description=(
            "Flags guarantees (\"guaranteed results\", \"guaranteed to work\", \"money-back guarantee\"), perfect "
            "efficacy (\"100% effective\", \"a 100% success rate\"), universal reach (\"works for everyone\", "
            "\"never fails\"), certainty (\"certain to feel better\", \"you will definitely see results\") and "
            "permanence (\"permanent results\"). Negated, questioned, quoted or reported statements are not "
            "flagged, nor \"be sure to\" instructions or cited trial results.\n\n"
            "Measured on the labelled corpus in tests/corpora/claims: recall 1.00 (33 of 33), precision 1.00 "
            "(no finding on 41 negative cases). On 2,351 articles from reputable newsrooms (FakeHealth "
            "HealthStory and ReCOVery, reliable sources) it flags under 0.1% of articles."
        ),
        rationale=(
            "Every treatment fails for some people, so a guarantee is false on its face. The FTC Health "
            "Products Compliance Guidance (2022) treats claims of certain or universal results as express "
            "efficacy claims that need competent and reliable scientific evidence, and the FTC's weight-loss "
            "guidance lists \"works for all users\" and \"permanent results\" among claims that are almost "
            "always false. The FDA names \"guaranteed results\" and \"money-back guarantee\" as tip-offs of "
            "health fraud."
        ),
        sources=(
            "FTC: Health Products Compliance Guidance (December 2022)",
            "FDA: Health Fraud Scams, 'Tip-offs' (guarantees, no-risk money-back offers)",
            "FTC: Gut Check, A Reference Guide for Media on Spotting False Weight Loss Claims (2014)",
        ),
        fail_examples=examples(
            "Guaranteed results in just two weeks.",
            "This supplement is 100% effective against hay fever.",
            "Our method works for everyone, whatever their age.",
            "You are certain to feel better after the first session.",
            "Enjoy permanent results with our laser treatment.",
        ),
        pass_examples=examples(
            "No treatment works for everyone, and there are no guarantees.",
            "It does not work for everyone, so ask about other options.",
            "Be sure to see your doctor if symptoms last longer than a week.",
            "Is any vaccine 100% effective?",
        ),
        options={"skip_when": context_option(_SKIP_CITED)},
    )

    @classmethod
    def build_patterns(cls) -> Sequence[ClaimPattern]:
        objects = lx.family("guarantee_objects")
        everyone = lx.family("everyone")
        efficacy = lx.verb_family("efficacy_verbs")
        certainty = lx.verb_family("certainty_verbs")
        permanent = lx.family("permanence_objects")
        hundred = r"(?:100\s?%|100\s+per\s?cent|one\s+hundred\s+per\s?cent)"
        guarantees = [
            rf"guaranteed\s+{_ADVERB}{objects}",
            rf"{objects}\s+(?:are\s+|is\s+)?guaranteed",
            r"(?:money[-\s]?back|satisfaction|results?|success|lifetime)\s+guarantee[ds]?",
            r"guarantee[sd]?\s+(?:that\s+)?(?:you|it|results|relief|success|your)\b",
            r"risk[-\s]?free\s+(?:trial|offer|purchase|guarantee)",
            r"(?:try|test|order|buy|use)\s+(?:it|them|this|our\s+\w+)\s+risk[-\s]?free",
            r",\s*guaranteed(?=\s*[.!])",
        ]
        universal = [
            # "works for everyone", "relieves pain for every customer" (an object of a word or two)
            rf"{efficacy}\s+(?:{_OBJECT_WORD}\s+){{0,2}}?{_ADVERB}(?:for|with|in|on)\s+{everyone}",
            rf"(?:effective|successful)\s+(?:for|with|in)\s+{everyone}",
            r"never\s+fails?\b(?!\s+to)",
            r"(?:has|have)\s+never\s+failed\b(?!\s+to)",
            r"never\s+failed\s+(?:a|one|any)\s+(?:single\s+)?(?:patient|client|person|customer|user)",
            r"(?:everyone|everybody|anyone|every\s+(?:single\s+)?(?:patient|person|user|client|customer))\s+who\s+"
            r"(?:tries|uses|takes|buys|follows|does)\s+(?:[\w'’-]+\s+){1,2}?(?:feels?|gets?|sees?|loses?|will|is|sleeps?)\b",
            rf"(?:always|every\s+(?:single\s+)?time)\s+{efficacy}",
            rf"{efficacy}\s+every\s+(?:single\s+)?time",
            rf"{efficacy}\s+{hundred}\s+of\s+the\s+time",
            r"fool[-\s]?proof\s+(?:cure|treatment|remedy|solution|diet)",
        ]
        certain = [
            rf"(?:certain|sure|guaranteed)\s+to\s+{certainty}",
            rf"you\s+(?:will|['’]ll)\s+(?:definitely|certainly|absolutely|surely|undoubtedly)\s+{certainty}",
            r"(?:definitely|certainly)\s+(?:works|cures|will\s+work|will\s+cure|will\s+help)",
            r"will\s+(?:definitely|certainly|absolutely|surely|always|undoubtedly)\s+(?:work|cure|heal|fix|help\s+you)\b",
        ]
        permanence = [
            rf"(?:permanent|lifelong|life-long|everlasting)\s+{permanent}",
            rf"{permanent}\s+(?:that\s+)?(?:lasts?|will\s+last)\s+(?:forever|for\s+life|a\s+lifetime|for\s+good)",
        ]
        hundreds = [
            rf"{hundred}\s+(?:effective|effectiveness|successful|success(?:\s+rate)?|cure\s+rate|results|guaranteed|"
            rf"recovery(?:\s+rate)?|of\s+(?:patients|people|users|customers|clients|cases))",
        ]
        patterns = [
            ClaimPattern(lx.compile_words(r), _MESSAGE, _SUGGESTION, _SKIP)
            for r in guarantees + universal + permanence
        ]
        patterns += [ClaimPattern(lx.compile_words(r), _MESSAGE, _SUGGESTION, _SKIP, accept=_not_an_instruction)
                     for r in certain]
        patterns += [ClaimPattern(lx.compile_words(r), _MESSAGE, _SUGGESTION, _SKIP_CITED, accept=_not_approximate)
                     for r in hundreds]
        return patterns


RULES = [GuaranteedResults]
