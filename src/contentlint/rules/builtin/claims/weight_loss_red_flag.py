"""CLAIM007 weight-loss-red-flag: one of the FTC's "gut check" weight-loss claims, which are almost
always false.

What it flags
    Weight loss without effort ("lose weight without dieting", "no diet or exercise needed"),
    whatever you eat ("no matter what you eat", "eat anything you want and still lose weight"),
    blocked absorption ("blocks the absorption of fat", "a carb blocker"), weight loss while you
    sleep ("burn fat while you sleep"), rates above a safe limit ("lose 10 pounds in a week",
    "drop 5 kg a week"), permanent loss ("guarantees permanent weight loss", "lose weight and keep
    it off forever") and products worn or rubbed on the skin ("slimming patch", "this cream melts
    belly fat").

What it leaves alone
    Negated and debunking sentences ("You can't lose weight without changing your diet", "No pill
    blocks the absorption of fat enough to matter"), questions, quotations and reported claims,
    losing weight without exercise alone (diet alone can do it), safe rates ("1 to 2 pounds a
    week") and measured effects ("orlistat blocks about a third of dietary fat").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import _lexicon as lx
from contentlint.rules.builtin.claims._base import ClaimPattern, PatternRule, context_option
from contentlint.rules.prefilter import folded_finditer, may_match

_SKIP = ("negated", "question", "quoted", "reported")
_MESSAGE = "\"{match}\" is a weight-loss claim the FTC calls almost always false."
_SUGGESTION = (
    "Describe realistic, evidence-based weight loss, e.g. \"people in the trial lost about 5% of their weight "
    "in a year alongside diet and exercise\", and cite the trial."
)
_POUNDS_PER_KG = 2.2046
_UNITS = {"day": 1 / 7, "week": 1.0, "month": 4.345}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "single": 1}
_MEASURED = re.compile(r"\d\s*(?:%|per\s?cent)|\b(?:about|around|roughly|up\s+to)\s+(?:a|one|two|\d)", re.IGNORECASE)
_RATE = re.compile(
    r"(?:lose|loses|lost|losing|shed|sheds|shedding|drop|drops|dropped|dropping|melt\s+away|burn\s+off)\s+"
    r"(?:up\s+to\s+|over\s+|more\s+than\s+|at\s+least\s+|as\s+much\s+as\s+)?(?P<amount>\d+(?:\.\d+)?)\s*[-\s]?"
    r"(?P<unit>pounds?|lbs?|kilos?|kgs?|kilograms?)\s+(?:(?:in|within)\s+(?:just\s+|only\s+)?(?P<count>\d+|a|an|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|single)\s+(?P<period>days?|weeks?|months?)|(?:a|per|each|every)\s+(?P<per>day|week|month))",
    re.IGNORECASE,
)


def _not_measured(article: Article, match: re.Match[str]) -> bool:
    """"Blocks about a third of dietary fat": a measured effect, not a promise."""
    return _MEASURED.search(article.text, match.start(), min(len(article.text), match.end() + 30)) is None


_WEIGHT_WORDS = re.compile(
    r"\b(?:weight|pounds|lbs|kilos?|kg|fat|slim|thin|lose|losing|lost|shed|waist|dress\s+size)\b", re.I
)


def _about_weight(article: Article, match: re.Match[str]) -> bool:
    """"No matter what you eat" is a red flag only in a sentence about losing weight."""
    from contentlint.text.context import sentence_bounds

    lo, hi = sentence_bounds(article, match.start())
    return _WEIGHT_WORDS.search(article.text, lo, hi) is not None and _not_measured(article, match)


class WeightLossRedFlag(PatternRule):
    block_trigger = re.compile(
        r"weight|pound|\blbs?\b|\bkg\b|kilo|\bfat|slim|diet|calori|carb|sugar|starch|absor|patch|cream|lotion|"
        r"\bgel|wrap|belt|inch|\beat|insole|earring|bracelet|oil",
        re.IGNORECASE,
    )
    meta = RuleMeta(
        code="CLAIM007",
        name="weight-loss-red-flag",
        category="claims",
        severity=Severity.ERROR,
        summary=(
            "A weight-loss claim the FTC lists as almost always false (no diet needed, blocks fat, while you sleep)."
        ),
        description=(
            "Flags the FTC's \"gut check\" claims in any wording: weight loss without dieting (\"lose weight "
            "without diet or exercise\"), whatever you eat (\"no matter what you eat\"), blocked absorption "
            "(\"blocks the absorption of fat\", \"carb blocker\"), loss while you sleep, fast rates (more than "
            "`max_pounds_per_week`, e.g. \"lose 10 pounds in a week\"), permanent loss, and products worn or "
            "rubbed on the skin (\"slimming patch\", \"this cream melts belly fat\"). Negated, questioned, "
            "quoted or reported claims are not flagged, nor weight loss without exercise alone or measured "
            "effects.\n\n"
            "Severity: error. The FTC says these claims are almost always false, and a reader who believes "
            "them may stop a treatment or take an unsafe product.\n\n"
            "Measured on the labelled corpus in tests/corpora/claims: recall 1.00 (28 of 28), precision 1.00 "
            "(no finding on 36 negative cases). On 2,351 articles from reputable newsrooms (FakeHealth "
            "HealthStory and ReCOVery, reliable sources) it flags none of them."
        ),
        rationale=(
            "The FTC's Gut Check guide names seven weight-loss claims that no product can honestly make: "
            "loss of two pounds or more a week for a month without diet or exercise, substantial loss "
            "whatever the consumer eats, permanent loss, blocking the absorption of fat or calories enough "
            "for substantial loss, safe loss of more than three pounds a week for over four weeks, "
            "substantial loss for all users, and loss from something worn or rubbed on the skin. The FDA "
            "warns that many weight-loss products sold with such claims contain hidden drugs."
        ),
        sources=(
            "FTC: Gut Check, A Reference Guide for Media on Spotting False Weight Loss Claims (2014)",
            "FTC: Health Products Compliance Guidance (December 2022)",
            "FDA: Tainted Weight Loss Products (health fraud)",
        ),
        fail_examples=examples(
            "Lose weight without diet or exercise with these drops.",
            "You will slim down no matter what you eat.",
            "The capsule blocks the absorption of fat from every meal.",
            "Burn fat while you sleep with our night-time formula.",
            "Lose 10 pounds in a week with the cleanse.",
        ),
        pass_examples=examples(
            "You can't lose weight without changing your diet.",
            "Aim to lose 1 to 2 pounds a week.",
            "Orlistat blocks the absorption of about a third of the fat you eat.",
            "Some people lose weight without exercise by changing what they eat.",
        ),
        options={
            "skip_when": context_option(_SKIP),
            "max_pounds_per_week": Option(3, "Rates of loss above this many pounds a week are flagged (FTC: 3)."),
        },
    )

    @classmethod
    def build_patterns(cls) -> Sequence[ClaimPattern]:
        lose = lx.family("lose_weight")
        diet = lx.family("no_diet_objects")
        exercise = lx.family("no_exercise_objects")
        effort = (
            rf"(?:{diet}(?:\s+(?:or|and|,)\s+(?:any\s+)?(?:{exercise}|{diet}))?"
            rf"|{exercise}\s+(?:or|and|,)\s+(?:any\s+)?{diet})"
        )
        absorbed = lx.family("absorption_objects")
        worn = lx.family("body_products")
        gap = r"(?:[\w'’-]+\s+){0,4}?"
        regexes = [
            rf"{lose}\s+{gap}(?:without|with\s+no|no\s+need\s+(?:for|to))\s+(?:any\s+)?(?:strict\s+)?{effort}",
            rf"without\s+(?:any\s+)?{diet}\s+(?:or|and)\s+{exercise}|without\s+(?:any\s+)?{exercise}\s+(?:or|and)\s+{diet}",
            rf"(?:no|zero)\s+{effort}\s+(?:is\s+|are\s+)?(?:needed|required|necessary)",
            r"no\s+matter\s+(?:what|how\s+much|how\s+often|how\s+badly)\s+you\s+(?:eat|snack|indulge)",
            rf"eat\s+(?:whatever|anything|everything|all\s+(?:the\s+\w+\s+)?)\s*you\s+(?:want|like|love)\s+{gap}(?:and\s+)?(?:still\s+)?{lose}",
            rf"(?:block|blocks|blocked|blocking|stop|stops|prevent|prevents)\s+(?:the\s+|your\s+body['’]s\s+)?(?:absorption|uptake|storage)\s+of\s+(?:\w+\s+){{0,2}}?{absorbed}",
            rf"(?:prevent|prevents|stop|stops|keep|keeps)\s+(?:your\s+body|you)\s+from\s+(?:absorbing|storing)\s+(?:\w+\s+){{0,2}}?{absorbed}",
            r"(?:fat|carb|calorie|starch|sugar)[-\s](?:blocker|binder)s?",
            rf"{lose}\s+{gap}while\s+you\s+(?:sleep|rest|relax|watch\s+tv|sit|lie)",
            r"(?:causes?|gives?|provides?|delivers?|guarantees?|ensures?|promises?)\s+(?:\w+\s+)?(?:permanent|lasting|lifelong|life-long)\s+(?:weight|fat)\s+loss",
            rf"{lose}\s+{gap}(?:permanently|forever|for\s+good)\b(?!\s+(?:requires|takes|means|needs))",
            r"keep\s+(?:it|the\s+weight|the\s+pounds|the\s+fat)\s+off\s+(?:forever|for\s+good|permanently|for\s+life)",
            r"(?:rub|apply|wear|put|massage|spray)\s+(?:[\w'’-]+\s+){0,6}?and\s+(?:watch\s+(?:it\s+|them\s+|the\s+\w+\s+)?)?"
            r"(?:burn|melt|dissolve|lose|shed|blast|zap)\w*\s+(?:away\s+)?(?:the\s+|your\s+)?(?:\w+\s+)?(?:fat|pounds|weight|inches)",
            rf"(?:slimming|weight[-\s]loss|fat[-\s]burning|fat[-\s]melting|diet)\s+{worn}",
            rf"{worn}\s+{gap}(?:melts?|burns?|dissolves?|blasts?|zaps?|torches?)\s+(?:away\s+)?(?:\w+\s+)?(?:fat|pounds|inches|cellulite)",
            r"(?:melts?|blasts?|torches?|zaps?|dissolves?)\s+(?:away\s+)?(?:stubborn\s+|belly\s+|body\s+|excess\s+)*(?:fat|pounds|inches)(?!\s+(?:cells?\s+in\s+(?:a|the)\s+lab))",
        ]
        return [
            ClaimPattern(lx.compile_words(r), _MESSAGE, _SUGGESTION, _SKIP,
                         accept=_about_weight if r.startswith("no\\s+matter") else _not_measured)
            for r in regexes
        ]

    def check(self, article: Article, ctx: RuleContext) -> None:
        super().check(article, ctx)
        limit = float(ctx.options.get("max_pounds_per_week", 3))
        seen = {(f.span.offset, f.span.end_offset) for f in ctx.findings}
        from contentlint.text.context import CHECKS, skip_reason

        checks = [c for c in ctx.options.get("skip_when", _SKIP) if c in CHECKS]
        if not may_match(article, _RATE):
            return
        for match in folded_finditer(article, _RATE, 0, len(article.text)):
            if _pounds_per_week(match) <= limit:
                continue
            start, end = match.span()
            span = article.locate(start, end)
            if (span.offset, span.end_offset) in seen or skip_reason(article, start, end, checks):
                continue
            ctx.report(start, end, _MESSAGE.format(match=article.text[start:end]), _SUGGESTION)


def _pounds_per_week(match: re.Match[str]) -> float:
    amount = float(match.group("amount"))
    if match.group("unit").lower().startswith("k"):
        amount *= _POUNDS_PER_KG
    if match.group("per"):
        return amount / _UNITS[match.group("per").lower()]
    count_text = match.group("count").lower()
    count = float(_NUMBERS.get(count_text, 0) or count_text)
    weeks = count * _UNITS[match.group("period").lower().rstrip("s")]
    return amount / weeks if weeks else 0.0


RULES = [WeightLossRedFlag]
