"""READ002 long-sentence: each sentence over the limit, located exactly."""

from __future__ import annotations

from contentlint import lint_text
from contentlint.config import Config
from contentlint.findings import Finding, Severity

LONG = ("Ketamine, which was first developed as an anesthetic for surgery and is now studied for several "
        "mental health conditions, may help some people whose depression has not improved with other treatments.")


def long_sentences(text: str, kind: str = "md", **options: object) -> list[Finding]:
    config = Config(select=("READ002",), rule_options={"READ002": dict(options)} if options else {})
    return lint_text(text, kind=kind, config=config).findings


def test_long_sentence_is_located_exactly() -> None:
    text = "# Ketamine\n\nIt is given in a clinic. " + LONG + " Most people go home the same day.\n"
    (finding,) = long_sentences(text)
    assert finding.severity is Severity.INFO
    assert finding.text == LONG
    assert (finding.line, finding.column) == (3, len("It is given in a clinic. ") + 1)
    assert finding.end_column == finding.column + len(LONG)
    assert "31 words" in finding.message and "25" in finding.message


def test_limit_is_configurable_and_inclusive() -> None:
    twenty = " ".join(["word"] * 19) + " end."
    assert long_sentences(twenty, max_words=20) == []
    assert len(long_sentences(twenty, max_words=19)) == 1


def test_headings_and_urls_do_not_count() -> None:
    assert long_sentences("# " + LONG.rstrip(".") + "\n\nShort text here.\n") == []
    linked = "Read the guide at https://example.org/a/very/long/path/with-many-words-in-it-for-testing today."
    assert long_sentences(linked, max_words=5) == []


def test_each_long_sentence_is_reported() -> None:
    assert len(long_sentences(LONG + " " + LONG)) == 2
