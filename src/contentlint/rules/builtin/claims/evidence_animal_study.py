"""CLAIM050 animal-study-as-human: a result in animals or cells stated as if it were about people.

What it flags
    In an article whose study was in mice, rats, other animals, cells or "in vitro", a benefit
    stated as a fact about a human condition ("the drug reverses memory loss", "compound halts
    Alzheimer's") when neither that sentence nor the one before or after it names the animals or
    the lab.

What it leaves alone
    A sentence that names the mouse study, or has a neighbour that does ("In mice, the drug
    reversed memory loss."); hedged, negated or asked claims ("may one day help people with
    dementia"); aims ("designed to reverse memory loss"); claims the article goes on to question;
    and articles about studies in people.
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import RuleContext, RuleMeta, examples
from contentlint.rules.builtin.claims import _evidence as ev
from contentlint.rules.builtin.claims._base import context_option
from contentlint.text.context import sentence_index

_MESSAGE = "\"{match}\" reads as a result in people, but the study this article reports was in animals or cells."
_SUGGESTION = (
    "Say who the result is about in this sentence, e.g. \"reversed memory loss in mice\", and add that it is "
    "not yet known whether the same happens in people."
)


class AnimalStudyAsHuman(ev.EvidenceRule):
    meta = RuleMeta(
        code="CLAIM050",
        name="animal-study-as-human",
        category="claims",
        severity=Severity.WARNING,
        summary="A result in animals or cells is stated as if it were about people.",
        description=(
            "In an article whose study was in mice, rats, other animals, cells or \"in vitro\" (named at least "
            "twice, and more often than signs of a study in people), flags a benefit stated as a fact about a "
            "human condition (\"the drug reverses memory loss\", \"compound halts Alzheimer's\") when neither "
            "that sentence nor the one before or after it names the animals or the lab. Headlines count: their "
            "neighbour is the first sentence below them. Sentences that name the mouse study, hedged, negated "
            "or asked claims, aims (\"designed to reverse\") and claims the article goes on to question are not "
            "flagged."
        ),
        rationale=(
            "Most treatments that work in animals never work in people. Sumner et al. (BMJ 2014) found that "
            "press releases stated animal or cell results as if about humans in about a third of cases, and "
            "that news stories then did so far more often; Yavchitz et al. (PLoS Medicine 2012) count "
            "extrapolating from animals to people as spin. HealthNewsReview.org's quality-of-evidence criterion "
            "asks that an animal study be named as one where the result is stated."
        ),
        sources=(
            "Sumner et al., 'The association between exaggeration in health related science news and academic "
            "press releases: retrospective observational study', BMJ 2014;349:g7015",
            "Yavchitz et al., 'Misrepresentation of randomized controlled trials in press releases and news "
            "coverage: a cohort study', PLoS Medicine 2012;9(9):e1001308",
            "HealthNewsReview.org criterion 3: does the story adequately discuss the quality of the evidence?",
        ),
        fail_examples=examples(
            "# New drug reverses memory loss\n\nThe compound, tested for twelve weeks, restored normal recall. "
            "Researchers gave it to mice bred to develop plaques.\n\nThe treated mice found their way through "
            "a maze as fast as young animals. The team now plans further tests.\n\nThe drug reverses memory "
            "loss, the team said, and they expect to file a patent this year.",
        ),
        pass_examples=examples(
            "# Drug reverses memory loss in mice\n\nIn mice bred to develop plaques, the drug reversed memory "
            "loss within weeks. The treated mice navigated a maze as fast as young animals.",
            "In a trial of 400 participants, the drug slowed memory loss by 27% over 18 months compared with "
            "placebo.",
        ),
        options={"skip_when": context_option(ev.EvidenceRule.default_skip)},
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        if not ev.profile(article).animal_study:
            return
        text = article.text
        checks = self.skip_checks(ctx)
        flagged: set[int] = set()
        for start, verb_end, phrase in ev.matcher("benefit_verbs").finditer(text):
            outcome = ev.outcome_after(text, verb_end)
            if outcome is None or not ev.stated_as_fact(text, start, phrase) or not self.reportable(article, start):
                continue
            number = sentence_index(article, start)
            lo, hi = ev.sentence_span(article, start, before=1, after=1)
            if number in flagged or ev.found("animal_subjects", text, lo, hi):
                continue
            end = outcome[1]
            if self.cancelled(article, start, end, checks):
                continue
            flagged.add(number)
            ctx.report(start, end, _MESSAGE.format(match=text[start:end]), _SUGGESTION)


RULES = [AnimalStudyAsHuman]
