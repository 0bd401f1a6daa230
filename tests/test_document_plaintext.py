"""The plain-text reader, and the source map every reader must keep exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.document import DocumentKind, kind_for_path, parse
from support import CORPUS, FIXTURES, position


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()




def test_crlf_text() -> None:
    article = parse(read(FIXTURES / "migraines_crlf.txt"), "txt")
    assert "\r" not in article.text
    assert article.title == "Understanding Migraines"
    assert position(article, "throbbing pain") == (3, 55, 3, 69)
    assert position(article, "side of the head") == (3, 77, 4, 9)
    assert position(article, "5 days a month") == (6, 48, 6, 62)


def test_short_lines_and_sentence_ends_start_blocks() -> None:
    article = parse(read(FIXTURES / "wrapped.txt"), "txt")
    texts = [article.block_text(block) for block in article.blocks]
    assert texts[1].startswith("Drinking enough water matters. The “8 glasses” rule")
    assert texts[1].endswith("activity and health.")
    assert "Save" in texts and "Share" in texts
    assert position(article, "strict target") == (4, 1, 4, 14)
    assert position(article, "popular online") == (3, 55, 3, 69)


def test_bom_is_dropped_and_columns_count_after_it() -> None:
    article = parse("\ufeffHeadline here\n\nBody text goes on.", "txt")
    assert not article.text.startswith("\ufeff")
    assert position(article, "Headline") == (1, 1, 1, 9)
    assert position(article, "Body") == (3, 1, 3, 5)


def test_emoji_curly_quotes_and_dash_before_target() -> None:
    article = parse("Try this 😀 “now” — then stop.\n", "txt")
    assert position(article, "then") == (1, 20, 1, 24)
    span = article.locate(article.text.index("then"), article.text.index("then") + 4)
    assert (span.column_utf16, span.end_column_utf16) == (21, 25)


def test_kind_for_path() -> None:
    assert kind_for_path("a/B.MD") == "md"
    assert kind_for_path("page.htm") == "html"
    assert kind_for_path("notes.txt") == "txt"
    assert kind_for_path("image.png") is None


INLINE_SAMPLES: list[tuple[str, DocumentKind]] = [
    ('[here](/here "a here") here and there', "md"),
    ("* *foo* bar\n* second\n  - nested *em*\n", "md"),
    ("> quote line one\n> line two\n>\n> > nested\n", "md"),
    ("Entities &amp; &copy; &#8217;s and escapes \\* \\_ words", "md"),
    ("| h1 | h2 |\n|----|:--:|\n| a \\| b | `c` |\n| *d* | [e](f) |\n", "md"),
    ("Windows\r\nline\r\n\r\n- item\r\n  more\r\n", "md"),
    ("Ref [link][r] and [short].\n\n[r]: http://r.com\n[short]: http://s.com\n", "md"),
    ("Link [with `code` inside](http://x) and [nested [brackets]](http://y)", "md"),
    ("<div>\nhtml block\n</div>\n\nafter <span>inline</span> html <!-- note --> end", "md"),
    ("<p>It&rsquo;s 7&ndash;9 <i>hours</i>.<br>Don’t&nbsp;skip</p><td>COVID-19", "html"),
    ("Tabs\there and\u00a0nbsp “curly” — dash 😀 emoji target", "txt"),
]


def _all_samples() -> list[tuple[str, str, DocumentKind]]:
    samples: list[tuple[str, str, DocumentKind]] = []
    for path in sorted(FIXTURES.iterdir()) + sorted(CORPUS.glob("*.txt")):
        kind = kind_for_path(path.name)
        if kind is not None:
            samples.append((path.name, read(path), kind))
    samples.extend((f"inline-{i}", source, kind) for i, (source, kind) in enumerate(INLINE_SAMPLES))
    return samples


@pytest.mark.parametrize(("name", "source", "kind"), _all_samples(), ids=[s[0] for s in _all_samples()])
def test_every_word_maps_back_to_its_source(name: str, source: str, kind: DocumentKind) -> None:
    article = parse(source, kind)
    assert article.words, name
    assert "\r" not in article.text
    for word in article.words:
        text = article.text[word.start : word.end]
        if any(article.ends[i] - article.offsets[i] != 1 for i in range(word.start, word.end)):
            continue  # holds an entity or an escape: maps to its longer source
        span = article.locate(word.start, word.end)
        assert source[span.offset : span.end_offset] == text, (name, text)
        assert article.line_text(span.line)[span.column - 1 : span.column - 1 + len(text)] == text
