"""Attribution rules: sources, author and date, in Markdown, HTML and plain text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from contentlint import lint_text
from contentlint.config import Config

_BODY = (
    "Ketamine is an anaesthetic that doctors now also use for depression that has not improved with other "
    "treatment. It is given as a slow infusion into a vein or as a nasal spray, always in a clinic, and people "
    "are watched for about two hours afterwards because it can make them feel detached, dizzy or sick. Many "
    "people notice a change in mood within a day, but the effect often fades after a week or two, so "
    "treatment is usually repeated. It is not suitable for people with uncontrolled high blood pressure, and "
    "nobody yet knows how safe it is to keep using it for many years. "
)


def _findings(text: str, code: str, kind: str = "md", options: dict[str, object] | None = None):  # type: ignore[no-untyped-def]
    config = Config(select=(code,), rule_options={code: options} if options else {})
    return lint_text(text, kind=kind, config=config).findings


# --- ATTR001 no-sources ---------------------------------------------------------------------------------
@pytest.mark.parametrize("source", [
    "According to the CDC, about one in ten adults has depression.",
    "A 2021 review published in The Lancet Psychiatry pooled 24 trials.",
    "Researchers at Yale University first tested it in 2000.",
    "The effect lasted about a week (Zarate et al., 2006).",
    "The effect lasted about a week [1].",
    "See doi:10.1001/archpsyc.63.8.856 for the trial.",
    "The [trial results](https://clinicaltrials.gov/) are public.",
    "\n\n## References\n\n1. Zarate CA. Arch Gen Psychiatry. 2006.",
    "\n\nSources:\n\nNational Institute of Mental Health fact sheet.",
])
def test_a_cited_source_passes(source: str) -> None:
    assert _findings(_BODY + source, "ATTR001") == []


@pytest.mark.parametrize("unsourced", [
    "Studies show that it works for most people.",
    "Experts agree this is the future of psychiatry, and who could argue with that?",
    "Clinical trials have demonstrated its effectiveness.",
])
def test_unsourced_article_is_flagged(unsourced: str) -> None:
    findings = _findings("# Ketamine\n\n" + _BODY + unsourced, "ATTR001")
    assert [f.rule for f in findings] == ["ATTR001"]
    assert findings[0].text == "Ketamine"


@pytest.mark.parametrize("count", [-1, 0, 1, 3, 4, 5, 100])
@pytest.mark.parametrize("text", ["", "  ", "one", " one two\tthree\n\nfour ", "a b c d e " * 30])
def test_the_word_count_stops_early_but_agrees_with_a_full_count(text: str, count: int) -> None:
    from contentlint.rules.builtin.attribution.no_sources import _fewer_words_than

    assert _fewer_words_than(text, count) == (len(text.split()) < count)


def test_short_text_is_not_checked() -> None:
    assert _findings("Ketamine is an anaesthetic.", "ATTR001") == []


# --- ATTR002 missing-author ---------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "kind"), [
    ("---\nauthor: Jane Smith\n---\n# Ketamine\n\n" + _BODY, "md"),
    ("---\nreviewed_by: Dr Ana Ruiz\n---\n# Ketamine\n\n" + _BODY, "md"),
    ("# Ketamine\n\nBy Bonnie Gordon\n\n" + _BODY, "md"),
    ("# Ketamine\n\nWritten by: Dr. Omar Haddad, MD\n\n" + _BODY, "md"),
    ("# Ketamine\n\n" + _BODY + "\n\nMedically reviewed by Dr Li Wei", "md"),
    ("<html><head><meta name=\"author\" content=\"Jo Bloggs\"></head><body><p>" + _BODY + "</p></body></html>", "html"),
    ("Ketamine\n\nby Bonnie Gordon\n\n" + _BODY, "txt"),
])
def test_named_author_passes(text: str, kind: str) -> None:
    assert _findings(text, "ATTR002", kind) == []


def test_missing_author_is_a_warning_in_markdown_and_html_and_info_in_text() -> None:
    assert [f.severity.value for f in _findings("# Ketamine\n\n" + _BODY, "ATTR002")] == ["warning"]
    html = "<html><head><title>Ketamine</title></head><body><p>" + _BODY + "</p></body></html>"
    assert [f.severity.value for f in _findings(html, "ATTR002", "html")] == ["warning"]
    assert [f.severity.value for f in _findings("Ketamine\n\n" + _BODY, "ATTR002", "txt")] == ["info"]
    kept = _findings("Ketamine\n\n" + _BODY, "ATTR002", "txt", {"plain_text_severity": ""})
    assert [f.severity.value for f in kept] == ["warning"]


def test_a_sentence_starting_with_by_is_not_a_byline() -> None:
    text = "# Ketamine\n\nBy the end of the first week, most people felt better.\n\n" + _BODY
    assert [f.rule for f in _findings(text, "ATTR002")] == ["ATTR002"]


# --- ATTR003 missing-or-stale-date ----------------------------------------------------------------------
_RECENT = date.today() - timedelta(days=200)
_OLD = date.today() - timedelta(days=365 * 5)


@pytest.mark.parametrize(("text", "kind"), [
    (f"---\ndate: {_RECENT.isoformat()}\n---\n# Ketamine\n\n{_BODY}", "md"),
    (f"---\nlast_reviewed: '{_RECENT:%d %B %Y}'\n---\n# Ketamine\n\n{_BODY}", "md"),
    (f"# Ketamine\n\n{_BODY}\n\nPage last reviewed: {_RECENT:%d %B %Y}", "md"),
    (f"# Ketamine\n\nUpdated {_RECENT:%B %d, %Y}\n\n{_BODY}", "md"),
    (f"<html><head><meta property=\"article:modified_time\" content=\"{_RECENT.isoformat()}T10:00:00Z\">"
     f"</head><body><p>{_BODY}</p></body></html>", "html"),
    (f"---\ndate: {_OLD.isoformat()}\nupdated: {_RECENT.isoformat()}\n---\n# Ketamine\n\n{_BODY}", "md"),
])
def test_recent_date_passes(text: str, kind: str) -> None:
    assert _findings(text, "ATTR003", kind) == []


def test_missing_date_is_flagged() -> None:
    findings = _findings("# Ketamine\n\n" + _BODY, "ATTR003")
    assert [f.rule for f in findings] == ["ATTR003"]
    assert "no publication" in findings[0].message


def test_stale_review_date_points_at_it() -> None:
    line = f"Last reviewed: {_OLD:%d %B %Y}"
    findings = _findings(f"# Ketamine\n\n{_BODY}\n\n{line}", "ATTR003")
    assert len(findings) == 1
    assert findings[0].text == line
    assert "more than 3 years ago" in findings[0].message


def test_next_review_due_is_not_a_review_date() -> None:
    text = f"# Ketamine\n\n{_BODY}\n\nNext review due: {date.today() + timedelta(days=300):%d %B %Y}"
    assert "no publication" in _findings(text, "ATTR003")[0].message


def test_max_age_years_option() -> None:
    text = f"---\ndate: {_OLD.isoformat()}\n---\n# Ketamine\n\n{_BODY}"
    assert len(_findings(text, "ATTR003")) == 1
    assert _findings(text, "ATTR003", options={"max_age_years": 10}) == []


def test_a_shop_link_is_not_a_source() -> None:
    body = ("Turmeric is a spice. Some people take it for sore joints, and it can upset the stomach. " * 6)
    shop = f"# Turmeric\n\n{body}\n\nBuy it in [our shop](https://example.com/shop/turmeric).\n"
    cited = f"# Turmeric\n\n{body}\n\nSee [the NIH fact sheet](https://www.nccih.nih.gov/health/turmeric).\n"
    assert [f.rule for f in lint_text(shop, config=Config(select=("ATTR001",))).findings] == ["ATTR001"]
    assert lint_text(cited, config=Config(select=("ATTR001",))).findings == []
