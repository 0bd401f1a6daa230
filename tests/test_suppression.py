"""In-article suppression comments and front matter."""

from __future__ import annotations

from contentlint import lint_text
from contentlint.config import Config

CONFIG = Config(select=("SPAM001", "CLAIM001"))


def _rules(text: str, kind: str = "md") -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, kind=kind, config=CONFIG).findings]


def test_disable_and_enable_a_code() -> None:
    text = (
        "A miracle cure, Call Now for details.\n\n"
        "<!-- contentlint-disable SPAM001 -->\n\n"
        "A miracle cure, Call Now for details.\n\n"
        "<!-- contentlint-enable SPAM001 -->\n\n"
        "A miracle cure, Call Now for details.\n"
    )
    assert _rules(text) == [("CLAIM001", 1), ("SPAM001", 1), ("CLAIM001", 5), ("CLAIM001", 9), ("SPAM001", 9)]


def test_disable_next_line_by_category_and_name() -> None:
    text = (
        "<!-- contentlint-disable-next-line claims, call-to-action -->\n"
        "A miracle cure, Call Now for details.\n\n"
        "A miracle cure, Call Now for details.\n"
    )
    assert _rules(text) == [("CLAIM001", 4), ("SPAM001", 4)]


def test_disable_everything_without_codes() -> None:
    text = "<!-- contentlint-disable -->\nA miracle cure, Call Now for details.\n"
    assert _rules(text) == []


def test_html_comments_suppress_too() -> None:
    text = (
        "<html><body>\n<!-- contentlint-disable-next-line SPAM -->\n"
        "<p>A miracle cure, Call Now for details.</p>\n</body></html>\n"
    )
    assert _rules(text, "html") == [("CLAIM001", 3)]


def test_front_matter_ignore() -> None:
    text = "---\ntitle: Test\ncontentlint:\n  ignore: [CLAIM001]\n---\n\nA miracle cure, Call Now for details.\n"
    assert _rules(text) == [("SPAM001", 7)]


def test_directives_are_not_read_from_plain_text() -> None:
    text = "<!-- contentlint-disable -->\nA miracle cure, Call Now for details.\n"
    assert ("SPAM001", 2) in _rules(text, "txt")
