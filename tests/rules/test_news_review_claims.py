"""News-review claims rules (CLAIM070-CLAIM074): the HealthNewsReview.org criteria a news story or
press release fails when it leaves out costs, the size of a benefit, the study's design, the
alternatives or whether a treatment is available. Off by default; turned on with extend-select."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.document import kind_for_path

# A story about a study of a treatment that leaves out every criterion the rules look for.
_STORY = (
    "A new nasal spray eased the symptoms of seasonal allergies, scientists reported this week. "
    "The research team gave the spray to volunteers during the spring pollen season and asked them to keep "
    "a diary of sneezing, itching and blocked noses. Those who used the spray said they felt much better and "
    "slept through the night. The treatment works by calming the immune cells that overreact to pollen, the "
    "study's senior author, Dr. Priya Shah, said in an interview. She hopes the spray will help people who "
    "dread the spring. "
)
# The same story's subject outside a study: a short patient page with no study, no quotes.
_PATIENT_PAGE = (
    "Hay fever is an allergy to pollen. It causes sneezing, a runny or blocked nose and itchy eyes. A "
    "pharmacist can help you choose an antihistamine tablet or a steroid nasal spray. Start using the spray a "
    "few weeks before your symptoms usually begin. Some antihistamines can make you drowsy, so do not drive "
    "if they affect you. See a GP if your symptoms do not improve with treatment from a pharmacy. "
)


def _codes(text: str, code: str, options: dict[str, object] | None = None) -> list[str]:
    config = Config(select=(code,), rule_options={code: options} if options else {})
    return [f.rule for f in lint_text(text, kind="txt", config=config).findings]


def test_news_review_rules_are_off_by_default() -> None:
    result = lint_text(_STORY, kind="txt")
    assert not [f for f in result.findings if f.rule.startswith(("CLAIM07", "ATTR01"))]


def test_extend_select_turns_the_set_on() -> None:
    result = lint_text(_STORY, kind="txt", config=Config(extend_select=("CLAIM07", "ATTR01")))
    found = {f.rule for f in result.findings}
    assert {"CLAIM070", "CLAIM071", "CLAIM072", "CLAIM073", "CLAIM074", "ATTR010", "ATTR011", "ATTR012"} <= found
    # One finding per rule and article.
    news = [f.rule for f in result.findings if f.rule.startswith(("CLAIM07", "ATTR01"))]
    assert len(news) == len(set(news))


CAREFUL = sorted((Path(__file__).parents[1] / "corpora" / "careful").iterdir())


@pytest.mark.parametrize("path", CAREFUL, ids=lambda p: p.name)
def test_careful_pages_stay_clean_by_default(path: Path) -> None:
    kind = kind_for_path(path.name)
    assert kind is not None
    result = lint_text(path.read_text(encoding="utf-8"), kind=kind, path=path.name)
    assert not [f for f in result.findings if f.rule.startswith(("CLAIM07", "ATTR01"))]


# --- CLAIM070 costs-not-mentioned ---------------------------------------------------------------
def test_costs_missing_is_flagged() -> None:
    assert _codes(_STORY, "CLAIM070") == ["CLAIM070"]


@pytest.mark.parametrize("sentence", [
    "The spray is expected to cost about $40 a month.",
    "Its price has not been set.",
    "Insurers have not said whether they will cover it.",
    "It will be cheaper than the allergy shots now offered.",
    "Patients may face high out-of-pocket charges.",
    "Medicare does not yet pay for it.",
    "A course would cost £25.",
])
def test_any_word_on_cost_passes(sentence: str) -> None:
    assert _codes(_STORY + sentence, "CLAIM070") == []


def test_no_treatment_no_cost_finding() -> None:
    text = ("Pollen counts rose sharply this week across the region, forecasters said. The warm, dry weather "
            "let grasses release pollen early, and the wind carried it into towns. Counts are expected to stay "
            "high until the weekend rain. Gardeners said the lawns had never looked so green, and parks were "
            "busy with families enjoying the sun before the weather turns again next week. ")
    assert _codes(text, "CLAIM070") == []


def test_short_items_are_not_checked() -> None:
    assert _codes("The new drug, a nasal spray, eased allergy symptoms in a small study.", "CLAIM070") == []
    assert _codes(_STORY, "CLAIM070", {"min_words": 500}) == []


# --- CLAIM071 benefits-not-quantified -----------------------------------------------------------
def test_unquantified_benefit_is_flagged() -> None:
    assert _codes(_STORY, "CLAIM071") == ["CLAIM071"]


@pytest.mark.parametrize("sentence", [
    "Sneezing fell by 30% compared with a dummy spray.",
    "Symptom scores dropped from 12 to 7 points.",
    "Seven in ten users improved, against four in ten on a placebo.",
    "Users were twice as likely to sleep through the night.",
    "Half of the volunteers had no symptoms by the second week.",
    "12 of the 40 volunteers had no symptoms at all.",
])
def test_a_figure_for_the_benefit_passes(sentence: str) -> None:
    assert _codes(_STORY + sentence, "CLAIM071") == []


def test_no_benefit_claimed_no_finding() -> None:
    text = ("A drug company has started a trial of a nasal spray for hay fever. The treatment will be given to "
            "volunteers in the spring, and the medication will be compared with a dummy spray. The researchers "
            "will record sneezing and blocked noses in a diary, and the results are due next year, the study's "
            "organisers said. People interested in taking part can ask their allergy clinic. ")
    assert _codes(text, "CLAIM071") == []


# --- CLAIM072 study-design-not-stated -----------------------------------------------------------
def test_undescribed_study_is_flagged() -> None:
    assert _codes(_STORY, "CLAIM072") == ["CLAIM072"]


def test_a_head_count_alone_is_not_a_design() -> None:
    assert _codes(_STORY + "In all, 230 adults took part.", "CLAIM072") == ["CLAIM072"]


@pytest.mark.parametrize("sentence", [
    "It was a randomised, placebo-controlled trial.",
    "Half the volunteers were given a dummy spray, a placebo, without knowing it.",
    "The study was observational: users chose the spray themselves.",
    "This was a small pilot study.",
    "The findings come from a survey of allergy clinics.",
    "So far the spray has been tested only in mice.",
    "The phase 2 trial ran for eight weeks.",
])
def test_a_stated_design_passes(sentence: str) -> None:
    assert _codes(_STORY + sentence, "CLAIM072") == []


def test_no_study_no_design_finding() -> None:
    assert _codes(_PATIENT_PAGE, "CLAIM072") == []


# --- CLAIM073 alternatives-not-mentioned --------------------------------------------------------
def test_missing_alternatives_are_flagged() -> None:
    assert _codes(_STORY, "CLAIM073") == ["CLAIM073"]


@pytest.mark.parametrize("sentence", [
    "Antihistamine tablets and steroid sprays are the usual alternatives.",
    "It has not been compared with existing treatments.",
    "The new spray worked better than a standard steroid spray.",
    "Other treatments, such as allergy shots, take years to work.",
    "Whether it beats the standard of care is unknown.",
])
def test_any_word_on_alternatives_passes(sentence: str) -> None:
    assert _codes(_STORY + sentence, "CLAIM073") == []


# --- CLAIM074 availability-not-stated -----------------------------------------------------------
def test_missing_availability_is_flagged() -> None:
    assert _codes(_STORY, "CLAIM074") == ["CLAIM074"]


@pytest.mark.parametrize("sentence", [
    "The spray is not yet approved.",
    "It is not available outside the trial.",
    "The company will ask the FDA to approve it next year.",
    "Larger trials are planned before it could reach pharmacies.",
    "The spray remains experimental.",
    "It could take five years to reach patients.",
])
def test_any_word_on_availability_passes(sentence: str) -> None:
    assert _codes(_STORY + sentence, "CLAIM074") == []


def test_availability_needs_a_study() -> None:
    assert _codes(_PATIENT_PAGE, "CLAIM074") == []


def test_user_data_files_extend_the_lists(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text("cost_mentions:\n  - NHS prescription\n", encoding="utf-8")
    text = _STORY + "It will be given on an NHS prescription."
    assert _codes(text, "CLAIM070") == ["CLAIM070"]
    assert _codes(text, "CLAIM070", {"data_files": [str(extra)]}) == []
