"""SAFETY003 missing-disclaimer: a health article never tells readers to take advice about their own case.

What it flags
    An article about a treatment or condition that nowhere says it is not a substitute for
    professional medical advice, or that readers should talk to a doctor, pharmacist or other
    qualified professional about their situation.

What counts
    Any of the many phrasings reputable publishers use: "This article is for information only and
    does not replace advice from your doctor", "not a substitute for professional medical advice",
    "talk to your doctor or pharmacist about your situation", "always seek the advice of your
    physician", "this content does not constitute medical advice", "ask your GP whether ...".
    Saying a treatment is "given under the supervision of professionals" does not count: it tells
    readers nothing about their own case.

Options
    ``min_treatment_mentions`` (default 2): how many treatment words make an article a health
    article. ``extra_phrases`` adds your house wording; ``data_files`` names YAML files shaped
    like ``rules/data/disclaimers.yaml``.
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.safety.lexicon import as_tuple, lexicon, resolve_files, title_anchor

_MIN_MENTIONS = 2


class MissingDisclaimer(Rule):
    meta = RuleMeta(
        code="SAFETY003",
        name="missing-disclaimer",
        category="safety",
        severity=Severity.WARNING,
        summary="The article never says it does not replace advice from a doctor or other professional.",
        description=(
            "Flags a health article (one that discusses treatments) with no statement that it is not a "
            "substitute for professional medical advice and no advice to talk to a doctor, pharmacist or "
            "other qualified professional about the reader's own situation. Many phrasings count: \"for "
            "information only and does not replace advice from your doctor\", \"talk to your doctor or "
            "pharmacist\", \"always seek the advice of your physician\", \"does not constitute medical advice\"."
        ),
        rationale=(
            "HONcode principle 2 (complementarity) asks health sites to say that their information supports, "
            "and does not replace, the relationship between a patient and their doctor; NHS, MedlinePlus and "
            "Mayo Clinic pages all carry such a statement. Without it readers may act on general information "
            "that does not fit their case."
        ),
        sources=(
            "HONcode principle 2: complementarity",
            "MedlinePlus and NHS website medical disclaimers",
        ),
        fail_examples=examples(
            "Ketamine therapy is given as an infusion. The dose depends on your weight, and the treatment is "
            "given under the supervision of qualified professionals.",
        ),
        pass_examples=examples(
            "Ketamine therapy is given as an infusion. The dose depends on your weight.\n\nThis article is "
            "for information only and does not replace advice from your doctor.",
            "Statins lower cholesterol. Most people take the tablets once a day. Talk to your doctor or "
            "pharmacist about whether this medicine is right for you.",
            "Antibiotics treat bacterial infections. This content does not constitute medical advice.",
            "Walking every day improves mood and sleep.",
        ),
        options={
            "min_treatment_mentions": Option(
                _MIN_MENTIONS, "How many treatment words (drug, therapy, dose...) make an article a health article."
            ),
            "extra_phrases": Option([], "Further phrases that count as a disclaimer (your house wording)."),
            "data_files": Option([], "YAML files shaped like rules/data/disclaimers.yaml to add to the list."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        files = resolve_files(as_tuple(ctx.options.get("data_files", [])))
        treatments = lexicon("treatments.yaml", ("treatments",), files)
        if len(treatments.finditer(article.text)) < int(ctx.options.get("min_treatment_mentions", _MIN_MENTIONS)):
            return
        extra = as_tuple(ctx.options.get("extra_phrases", []))
        disclaimers = lexicon("disclaimers.yaml", ("disclaimers",), files, extra)
        if disclaimers.has_match(article.text):
            return
        ctx.report_article(
            "The article gives health information but never says it does not replace advice from a doctor "
            "or other professional.",
            "Add a line such as \"This article is for information only and does not replace advice from your "
            "doctor. Talk to your doctor or pharmacist about your situation.\"",
            anchor=title_anchor(article),
        )


RULES = [MissingDisclaimer]
