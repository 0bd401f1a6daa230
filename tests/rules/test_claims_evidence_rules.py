"""The evidence-quality rules (CLAIM050-CLAIM054) on articles written for them: positives and
negatives in several phrasings, including the negatives every rule must hold (a sentence that names
the mouse study, "is linked with", a randomised trial reported with its numbers, a quoted claim the
article goes on to question)."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.findings import Finding


def _findings(text: str, code: str, kind: str = "md") -> list[Finding]:
    return [f for f in lint_text(text, kind=kind, config=Config(select=(code,))).findings if f.rule == code]


# --- CLAIM050 animal-study-as-human -----------------------------------------------------------
_MOUSE_STUDY = (
    "Researchers gave the compound to mice bred to develop plaques. The treated mice found their way "
    "through a maze as quickly as young animals did.\n\nThe team said the work took six years."
)


@pytest.mark.parametrize("claim", [
    "The drug reverses memory loss, the team reported.",
    "A common spice halts Alzheimer's disease, the authors wrote.",
    "The new compound restored vision within weeks, according to the team.",
    "Their molecule shrank tumours by the end of the experiment, the team wrote.",
])
def test_animal_result_stated_about_people_is_flagged(claim: str) -> None:
    text = f"{_MOUSE_STUDY}\n\nThe team now plans a patent filing.\n\n{claim}"
    found = _findings(text, "CLAIM050")
    assert len(found) == 1
    assert "animals or cells" in found[0].message and "in mice" in (found[0].suggestion or "")


def test_headline_is_flagged_when_the_lede_does_not_name_the_animals() -> None:
    text = f"# Compound reverses memory loss\n\nThe finding surprised the team.\n\n{_MOUSE_STUDY}"
    found = _findings(text, "CLAIM050")
    assert [(f.line, f.column) for f in found] == [(1, 12)]


@pytest.mark.parametrize("claim", [
    "In mice, the drug reversed memory loss within weeks.",
    "The drug reverses memory loss in mice bred to develop plaques.",
    "The drug may one day reverse memory loss in people.",
    "The drug does not reverse memory loss in every animal.",
    "Can the drug reverse memory loss?",
    "The drug was designed to reverse memory loss.",
])
def test_named_hedged_negated_or_aimed_animal_claims_pass(claim: str) -> None:
    assert _findings(f"{_MOUSE_STUDY}\n\nThe team now plans a patent filing.\n\n{claim}", "CLAIM050") == []


def test_a_neighbouring_sentence_that_names_the_mice_is_enough() -> None:
    text = f"{_MOUSE_STUDY}\n\nThe drug reverses memory loss. That was seen in the mice within a month."
    assert _findings(text, "CLAIM050") == []


def test_quoted_claim_the_article_questions_passes() -> None:
    text = (f"{_MOUSE_STUDY}\n\n\"This drug reverses memory loss,\" the company announced. That is not true: "
            "it has never been tested in people.")
    assert _findings(text, "CLAIM050") == []


def test_a_study_in_people_is_not_an_animal_study() -> None:
    text = ("In a trial of 400 participants, the drug slowed memory loss by 27% over 18 months compared "
            "with placebo. Earlier work in mice had pointed the same way. The drug reverses memory loss in "
            "some patients, the authors said.")
    assert _findings(text, "CLAIM050") == []


# --- CLAIM051 causal-language-for-association -------------------------------------------------
_COHORT = (
    "The researchers followed 90,000 adults for 12 years in an observational cohort. People who ate nuts "
    "most days were less likely to have a heart attack, and nut eating was associated with lower weight."
)


@pytest.mark.parametrize("claim,flagged", [
    ("Nuts prevent heart attacks.", "prevent"),
    ("Eating nuts cuts the risk of heart disease.", "cuts the risk"),
    ("A handful of nuts a day protects against stroke.", "protects against"),
    ("Skipping nuts causes weight gain, the study suggests strongly.", "causes weight gain"),
    ("A diet low in nuts leads to heart disease.", "leads to heart disease"),
])
def test_causal_wording_for_an_association_is_flagged(claim: str, flagged: str) -> None:
    found = _findings(f"{claim}\n\n{_COHORT}", "CLAIM051")
    assert len(found) == 1
    assert f"\"{flagged}\"" in found[0].message and "is linked with" in (found[0].suggestion or "")


@pytest.mark.parametrize("claim", [
    "Eating nuts is linked with a lower rate of heart disease.",
    "Nuts may lower the risk of heart disease.",
    "The study cannot show that nuts prevent heart attacks.",
    "Do nuts prevent heart attacks?",
    "The researchers want to find ways to prevent heart attacks.",
])
def test_association_wording_hedges_and_aims_pass(claim: str) -> None:
    assert _findings(f"{claim}\n\n{_COHORT}", "CLAIM051") == []


def test_a_randomised_trial_may_use_causal_words() -> None:
    text = ("In a randomised trial of 7,400 adults, a Mediterranean diet with nuts cut the risk of stroke "
            "from 2.9% to 1.9% over five years compared with a low-fat diet. Weight was associated with age, "
            "and people who ate more fruit were linked to lower blood pressure.")
    assert _findings(text, "CLAIM051") == []


def test_a_questioned_causal_quote_passes() -> None:
    text = (f"\"Nuts prevent heart attacks,\" a snack maker claims. That is not what the study showed.\n\n{_COHORT}")
    assert _findings(text, "CLAIM051") == []


# --- CLAIM052 early-evidence-as-settled -------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The pilot study of 24 patients proves that the diet reverses type 2 diabetes.",
    "The phase 1 trial confirms that the vaccine is safe and effective.",
    "Results presented at the annual meeting show that the implant works.",
    "The preprint, which has not yet been peer reviewed, conclusively shows a benefit.",
    "In a study of 30 volunteers, the researchers established that the app cuts anxiety.",
])
def test_early_evidence_presented_as_settled_is_flagged(text: str) -> None:
    found = _findings(text, "CLAIM052")
    assert len(found) == 1 and "early or small evidence" in found[0].message


@pytest.mark.parametrize("text", [
    "The pilot study of 24 patients does not prove that the diet works; larger trials are planned.",
    "The phase 1 trial may confirm that the vaccine is safe in a larger group.",
    "Results presented at the annual meeting suggest the implant could help some patients.",
    "In a randomised trial of 4,200 adults, the drug proved that it lowers blood pressure by 8 mm Hg.",
    "Officials confirmed the first case at a press conference, and a preprint is expected next month.",
])
def test_hedged_large_or_event_reports_pass(text: str) -> None:
    assert _findings(text, "CLAIM052") == []


# --- CLAIM053 benefit-without-numbers ---------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Patients who had the injections dramatically improved. They went back to work sooner.",
    "The therapy significantly reduced symptoms of anxiety in the study.",
    "Participants saw a substantial reduction in pain after the course.",
    "The drug greatly improved quality of life for people with lupus.",
    "Symptoms improved markedly in children who took the supplement.",
])
def test_benefit_sized_with_words_only_is_flagged(text: str) -> None:
    found = _findings(text, "CLAIM053")
    assert len(found) == 1 and "how large" in found[0].message


@pytest.mark.parametrize("text", [
    "The therapy significantly reduced symptoms: scores fell from 18 to 11 on a 27-point scale.",
    "Patients dramatically improved. In the randomised trial, 61% on the drug improved against 38% on placebo.",
    "There was no significant improvement in pain.",
    "Did the therapy significantly reduce symptoms?",
    "The new layout dramatically improved the website's loading speed.",
])
def test_benefit_with_figures_negated_or_not_about_health_passes(text: str) -> None:
    assert _findings(text, "CLAIM053") == []


# --- CLAIM054 study-limitations-not-stated ----------------------------------------------------
_STUDY = ("A new study found that walking after meals lowers blood sugar. The researchers followed 40 "
          "participants for two weeks.")


def test_study_reported_without_limits_is_flagged_once_for_the_article() -> None:
    found = _findings(f"{_STUDY} The results were published in a diabetes journal.", "CLAIM054")
    assert len(found) == 1 and found[0].line == 1


@pytest.mark.parametrize("limit", [
    "The study was small and short.",
    "The authors note several limitations.",
    "More long-term research will be needed before doctors recommend it.",
    "An observational study like this cannot prove cause and effect.",
    "Larger trials are needed to confirm the finding.",
    "Whether the same holds for older adults remains unclear.",
])
def test_any_stated_limit_passes(limit: str) -> None:
    assert _findings(f"{_STUDY} {limit}", "CLAIM054") == []


def test_an_article_that_reports_no_study_passes() -> None:
    assert _findings("Walking after meals is a simple habit. Ask your doctor how much activity suits you.",
                     "CLAIM054") == []


# --- speed ------------------------------------------------------------------------------------
def test_articles_without_the_study_signals_skip_the_per_sentence_work() -> None:
    from contentlint.document import parse
    from contentlint.rules.builtin.claims import _evidence as ev

    article = parse("Eat more vegetables. Sleep well. " * 200, "txt", None)
    profile = ev.profile(article)
    assert not (profile.animal_study or profile.observational_study or profile.early_evidence)
    assert ev.profile(article) is profile  # computed once per article


# --- the small-study search ----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "A study of 24 people found it helped. Another, of 12 patients, did not.",
    "The pilot involved only twenty-one adult volunteers, and a trial of 400 people followed.",
    "A study of 24\n\npeople with migraine",  # a match across blocks
    "In 12 ſubjects and in 12 İNDIVIDUALS and 30 KIDS",  # letters matched only case-insensitively
    "Among 24 x_people, of 30 people_ and of 18 (women) or of 12 women-",
    "Trial of a few dozen older women; study in three dozen men, of 40 mentors",
    "",
    "people",
])
def test_small_studies_are_found_as_one_search_of_the_whole_text_finds_them(text: str) -> None:
    from contentlint.rules.builtin.claims import _evidence as ev

    expected = [match.span() for match in ev._SMALL_STUDY.finditer(text)]
    stretched = [m.span() for s, e in ev._small_study_stretches(text) for m in ev._SMALL_STUDY.finditer(text, s, e)]
    assert stretched == expected
