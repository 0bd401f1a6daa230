"""The HTML reader: visible prose only, entities mapped to their source, title and meta as metadata."""

from __future__ import annotations

import pytest

from contentlint.document import Article, parse
from support import FIXTURES, position


def source_of(article: Article, needle: str) -> str:
    index = article.text.index(needle)
    span = article.locate(index, index + len(needle))
    return article.source[span.offset : span.end_offset]


@pytest.fixture(scope="module")
def page() -> Article:
    with open(FIXTURES / "clinic_page.html", encoding="utf-8", newline="") as handle:
        return parse(handle.read(), "html", "clinic_page.html")


def test_title_and_meta_are_metadata(page: Article) -> None:
    assert page.title == "Sleep & Your Health"
    assert page.metadata["title"] == "Sleep & Your Health"
    assert page.metadata["author"] == "Dr. Sam Patel"
    assert page.metadata["description"] == "How much sleep adults need."
    assert page.metadata["article:published_time"] == "2024-05-10T09:00:00Z"
    assert page.metadata["citation_author"] == "Patel, Sam"


def test_head_script_style_code_and_noscript_are_not_prose(page: Article) -> None:
    hidden = ("Sleep & Your Health", "font-family", "Cure insomnia", "sleep(8)", "Enable JavaScript", "A bed")
    for absent in hidden:
        assert absent not in page.text


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("How much sleep", (16, 9, 16, 23)),
        ("7–9", (18, 25, 18, 34)),  # &ndash; is one character of text, seven of source
        ("It’s", (18, 51, 18, 61)),
        ("after illness", (19, 8, 19, 21)),
        ("CDC", (19, 81, 19, 84)),  # the link text, not the title attribute before it
        ("2 p.m.", (22, 35, 22, 41)),
        ("diet & exercise", (24, 45, 24, 64)),
        ("18–60", (26, 55, 26, 66)),
        ("A quiet", (27, 56, 27, 63)),
    ],
)
def test_exact_positions(page: Article, needle: str, expected: tuple[int, int, int, int]) -> None:
    assert position(page, needle) == expected


def test_entities_map_to_their_whole_source(page: Article) -> None:
    assert source_of(page, "It’s") == "It&#8217;s"
    assert source_of(page, "diet & exercise") == "diet &amp; exercise"
    index = page.text.index("need more") + len("need")
    assert page.text[index] == " "  # &nbsp; reads as a space
    span = page.locate(index, index + 1)
    assert page.source[span.offset : span.end_offset] == "&nbsp;"
    assert (span.line, span.column, span.end_column) == (18, 76, 82)


def test_blocks_follow_the_markup(page: Article) -> None:
    kinds = [(block.kind, block.level, page.block_text(block)) for block in page.blocks]
    assert ("heading", 1, "How much sleep do adults need?") in kinds
    assert ("list_item", 0, "Avoid caffeine after 2 p.m.") in kinds
    assert ("blockquote", 0, "Sleep is as important as diet & exercise.") in kinds
    assert ("table_cell", 0, "18–60") in kinds
    assert ("caption", 0, "A quiet, dark room helps.") in kinds
    paragraph = next(text for kind, _, text in kinds if text.startswith("Most adults"))
    assert paragraph.endswith("after illness, says the CDC.")
    assert "  " not in page.text and "\n" not in paragraph


def test_links_and_comments(page: Article) -> None:
    cdc = next(link for link in page.links if "cdc.gov" in link.target)
    assert page.text[cdc.start : cdc.end] == "CDC"
    assert cdc.title == "CDC"
    assert "bed.png" in [link.target for link in page.links]
    assert [(c.body, c.line, c.end_line) for c in page.comments] == [("contentlint-disable CLAIM001", 17, 17)]


def html(source: str) -> Article:
    return parse(source, "html")


def test_title_falls_back_to_first_h1() -> None:
    assert html("<body><h2>Sub</h2><h1>Main heading</h1><p>x</p></body>").title == "Main heading"
    assert html("<p>no heading</p>").title is None


def test_repeated_meta_names_collect_into_a_list() -> None:
    page = html('<meta name="citation_author" content="A"><meta name="citation_author" content="B"><p>x')
    assert page.metadata["citation_author"] == ["A", "B"]


def test_br_is_a_space_and_inline_tags_join_words() -> None:
    page = html("<p>one<br>two <b>th</b>ree</p>")
    assert page.text == "one two three"
    assert position(page, "three") == (1, 18, 1, 27)


def test_unclosed_tags_still_make_blocks() -> None:
    page = html("<ul><li>first<li>second</ul><p>para one<p>para two")
    assert [(b.kind, page.block_text(b)) for b in page.blocks] == [
        ("list_item", "first"),
        ("list_item", "second"),
        ("paragraph", "para one"),
        ("paragraph", "para two"),
    ]


def test_body_text_without_a_closing_head() -> None:
    page = html("<html><head><title>T</title><p>Visible text")
    assert page.text == "Visible text"
    assert page.title == "T"


def test_legacy_entity_without_semicolon() -> None:
    page = html("<p>&copy2024 &amp &bogus; end</p>")
    assert page.text == "©2024 & &bogus; end"
    assert source_of(page, "©") == "&copy"
    assert source_of(page, "2024") == "2024"


def test_crlf_positions() -> None:
    page = html("<p>first\r\nsecond</p>\r\n<p>third</p>")
    assert "\r" not in page.text
    assert page.text == "first second\n\nthird"
    assert position(page, "second") == (2, 1, 2, 7)
    assert position(page, "third") == (3, 4, 3, 9)


def test_bom_is_dropped() -> None:
    page = html("\ufeff<p>Hello</p>")
    assert position(page, "Hello") == (1, 4, 1, 9)


def test_multiline_comment_lines() -> None:
    page = html("<p>a</p>\n<!-- one\ntwo\nthree -->\n<p>b</p>")
    assert [(c.line, c.end_line) for c in page.comments] == [(2, 4)]


@pytest.mark.parametrize(
    "source",
    [
        "<p>unclosed <b",
        "<<<>>>&&&#;",
        "<p a='>x",
        "</p></div>text",
        "<![CDATA[x]]>y",
        "<!--never closed",
        "&#99999999; &#xZZ;",
        "<svg><title>t</title></svg>z",
        "<script>never closed",
        "<table><td>cell<tr><th>h</table></table></p>",
        "\x00<p>\x00</p>",
        "",
    ],
)
def test_broken_markup_never_raises(source: str) -> None:
    page = html(source)
    assert "\r" not in page.text
    for index, char in enumerate(page.text):
        assert 0 <= page.offsets[index] <= page.ends[index] <= len(source), char
