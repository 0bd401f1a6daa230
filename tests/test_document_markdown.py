"""The Markdown reader: prose only, exact positions in the original file, metadata and comments."""

from __future__ import annotations

import pytest

from contentlint.document import Article, parse
from support import position, read_fixture


@pytest.fixture(scope="module")
def article() -> Article:
    return parse(read_fixture("health_article.md"), "md", "health_article.md")


def test_front_matter_is_metadata_not_prose(article: Article) -> None:
    assert article.metadata["title"] == "Managing Seasonal Allergies"
    assert article.metadata["author"] == "Dr. Jane Doe"
    assert article.metadata["tags"] == ["allergy", "hay fever"]
    assert article.title == "Managing Seasonal Allergies"
    assert "Managing" not in article.text
    assert "Jane Doe" not in article.text


def test_dates_in_front_matter_read_as_iso_text(article: Article) -> None:
    assert article.metadata["date"] == "2024-03-01"


@pytest.mark.parametrize(
    ("needle", "nth", "expected"),
    [
        ("Seasonal allergies", 0, (8, 3, 8, 21)),
        ("about 1 in 5", 0, (12, 21, 12, 33)),  # inside **strong**
        ("in the U.K.", 0, (12, 43, 12, 54)),
        ("NHS", 0, (13, 2, 13, 5)),  # link text
        ("Treatments", 0, (15, 4, 15, 14)),
        ("cetirizine", 0, (17, 27, 17, 37)),  # emphasis in a list item
        ("They take", 0, (19, 3, 19, 12)),  # list item continuation line
        ("says Dr. Lee", 0, (21, 46, 21, 58)),  # blockquote after curly quotes
        ("Cetirizine", 0, (25, 3, 25, 13)),  # table cell
        ("10 mg once a day", 1, (26, 16, 26, 32)),
        ("or see", 0, (28, 26, 28, 32)),  # after inline code
        ("wait", 0, (34, 66, 34, 70)),  # after an emoji: columns count code points
        ("easy", 0, (34, 79, 34, 83)),  # after an em dash and a curly quote
    ],
)
def test_exact_positions(
    article: Article, needle: str, nth: int, expected: tuple[int, int, int, int]
) -> None:
    assert position(article, needle, nth) == expected


def test_span_across_lines_and_link(article: Article) -> None:
    assert position(article, "the U.K., according to the NHS") == (12, 46, 13, 5)


def test_entity_maps_to_whole_source_entity(article: Article) -> None:
    assert position(article, "&") == (18, 49, 18, 54)
    span = article.locate(article.text.index("nose & itching"), article.text.index(" itching"))
    assert article.source[span.offset : span.end_offset] == "nose &amp;"


def test_markup_code_and_link_targets_are_not_prose(article: Article) -> None:
    hidden = ("**", "](", "https://", "nhs.uk", "pip install", "echo", "not prose", "|", "-disable")
    for absent in hidden:
        assert absent not in article.text
    assert "Run or see the code below:" in article.text


def test_blocks_have_kinds(article: Article) -> None:
    kinds = [(block.kind, block.level, article.block_text(block)[:14]) for block in article.blocks]
    assert kinds[:4] == [
        ("heading", 1, "Seasonal aller"),
        ("paragraph", 0, "Hay fever affe"),
        ("heading", 2, "Treatments"),
        ("list_item", 0, "Antihistamines"),
    ]
    assert ("blockquote", 0, "“Most people c") in kinds
    assert sum(1 for kind, _, _ in kinds if kind == "table_cell") == 6


def test_links_record_target_text_and_title(article: Article) -> None:
    (link,) = article.links
    assert link.target == "https://www.nhs.uk/conditions/hay-fever/"
    assert link.title == "NHS hay fever page"
    assert article.text[link.start : link.end] == "NHS"


def test_comments_keep_their_lines(article: Article) -> None:
    found = [(c.body, c.line, c.end_line) for c in article.comments]
    assert found == [("contentlint-disable SPAM001", 10, 10)]


def md(source: str) -> Article:
    return parse(source, "md")


def test_soft_and_hard_breaks_become_one_space() -> None:
    article = md("one\ntwo  \nthree\\\nfour")
    assert article.text == "one two three four"
    assert position(article, "four") == (4, 1, 4, 5)


def test_crlf_never_reaches_text() -> None:
    article = md("First line\r\nsecond line\r\n\r\n- item one\r\n  goes on\r\n")
    assert "\r" not in article.text
    assert article.text == "First line second line\n\nitem one goes on"
    assert position(article, "second") == (2, 1, 2, 7)
    assert position(article, "goes on") == (5, 3, 5, 10)


def test_byte_order_mark_is_dropped_before_counting_columns() -> None:
    article = md("\ufeffHello **there**")
    assert article.text == "Hello there"
    assert position(article, "there") == (1, 9, 1, 14)


def test_link_text_is_found_after_the_link_not_in_its_title() -> None:
    article = md('[here](/here "a here") here')
    assert article.text == "here here"
    assert position(article, "here", 1) == (1, 24, 1, 28)


def test_images_and_autolinks_are_links_but_not_prose() -> None:
    article = md("See ![a chart of doses](chart.png) and <https://example.org/x> now.")
    assert article.text == "See and now."
    assert [link.target for link in article.links] == ["chart.png", "https://example.org/x"]
    assert position(article, "now") == (1, 64, 1, 67)


def test_reference_links_and_escapes() -> None:
    article = md("Read [the leaflet][l] \\*today\\*.\n\n[l]: https://example.org/leaflet\n")
    assert article.text == "Read the leaflet *today*."
    assert article.links[0].target == "https://example.org/leaflet"
    assert position(article, "*") == (1, 23, 1, 25)
    assert position(article, "today") == (1, 25, 1, 30)


def test_escaped_pipe_in_table_cell() -> None:
    article = md("| a | b |\n|---|---|\n| x \\| y | z |\n")
    assert "x | y" in article.text
    assert position(article, "y") == (3, 8, 3, 9)
    assert position(article, "z") == (3, 12, 3, 13)


def test_html_comments_inline_and_in_blocks() -> None:
    article = md("<!-- contentlint-disable-next-line SPAM001 -->\nText <!-- inline\nnote --> more\n")
    assert [(c.body, c.line, c.end_line) for c in article.comments] == [
        ("contentlint-disable-next-line SPAM001", 1, 1),
        ("inline\nnote", 2, 3),
    ]
    assert "note" not in article.text


def test_title_falls_back_to_first_h1() -> None:
    assert md("## Intro\n\n# Real title\n\ntext").title == "Real title"
    assert md("## Only a subheading\n\ntext").title == "Only a subheading"
    assert md("plain text").title is None


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("- just\n- a list", "not a list of `key: value` pairs"),
        ("title: [unclosed", "not valid YAML"),
    ],
)
def test_broken_front_matter_is_reported_not_raised(front: str, reason: str) -> None:
    article = md(f"---\n{front}\n---\nBody text.\n")
    assert reason in article.metadata["_front_matter_error"]
    assert article.text == "Body text."


def test_tabs_nbsp_and_emoji() -> None:
    article = md("Tab\there\u00a0and 😀 “quoted” — target word")
    assert article.text == "Tab here and 😀 “quoted” — target word"
    assert position(article, "target") == (1, 27, 1, 33)
    span = article.locate(article.text.index("target"), article.text.index("target") + 6)
    assert span.column_utf16 == 28  # the emoji is two UTF-16 units


def test_lone_carriage_return_is_a_line_break() -> None:
    article = md("one\rtwo *three*\rfour")
    assert article.text == "one two three four"
    index = article.text.index("four")
    assert article.source[article.offsets[index] :].startswith("four")


@pytest.mark.parametrize(
    "front_matter",
    [
        'title: "Ketamine, explained: what [we] know"\nauthor: Health Desk\ndate: 2024-06-27\n'
        "tags:\n  - mental health\n  - é",
        "draft: yes\ncount: 012\nratio: 1e3\nempty:\nnote: 'a # b'",
        "title: Ketamine: a guide\ntime: 10:30",  # not simple lines: read by PyYAML's own parser
        "- just\n- a list",
        "key: [unclosed",
    ],
)
def test_front_matter_reads_as_pyyaml_reads_it(front_matter: str) -> None:
    import yaml

    from contentlint.document.markdown import FRONT_MATTER_ERROR, _plain, parse_front_matter

    found = parse_front_matter(front_matter)
    try:
        expected = yaml.safe_load(front_matter)
    except yaml.YAMLError:
        assert FRONT_MATTER_ERROR in found
        return
    if isinstance(expected, dict):
        assert found == {str(key): _plain(value) for key, value in expected.items()}
    else:
        assert FRONT_MATTER_ERROR in found


@pytest.mark.parametrize(
    "source",
    [
        "# Title\n\nSome *emphasis* and &amp; an entity,\r\nacross lines. \\* Escaped.\n\n- item 😀 one\n- two\n",
        "---\ntitle: T\n---\n\n| a | b \\| c |\n|---|---|\n| x &lt; y | [link](http://e.x \"t\") |\n",
    ],
)
def test_locate_reads_the_same_place_as_the_offsets(source: str) -> None:
    """The quick path of ``locate`` agrees with reading ``offsets`` and ``ends`` one by one."""
    article = parse(source, "md", "x.md")
    length = len(article.text)
    for start in range(-1, length + 1):
        for end in range(start, min(length, start + 40) + 2):
            first = min(max(start, 0), length - 1)
            last = min(max(end, first + 1), length) - 1
            expected = article.locate_source(article.offsets[first], article.ends[last])
            assert article.locate(start, end) == expected, (start, end)


@pytest.mark.parametrize(
    ("text", "astral"),
    [("plain", False), ("caf\u00e9 \u2014 \uffff", False), ("lone \udc80 surrogate", False),
     ("emoji \U0001f600", True), ("last \U0010ffff", True)],
)
def test_characters_outside_the_bmp_are_noticed(text: str, astral: bool) -> None:
    from contentlint.document.model import _has_astral

    assert _has_astral(text) is astral


@pytest.mark.parametrize(
    "source",
    [
        "Plain words only.\n\nTwo paragraphs.",
        "| a | b |\n|---|---|\n| c | d |\n",
        "```\ncode\n```\n\n~~~\nmore\n~~~\n",
        "Text\n\n    indented code\n\n-     code in a list item\n\n>     code in a quote\n",
        "<div>\nhtml\n</div>\n\n> quoted\n\n[ref]: /target\n\n[ref]\n",
        "***\n\n- item\n\n___\n\nSetext\n===\n\nOther\n---\n",
        "---\ntitle: Front\n---\n\n# Heading\n\nText with a tab\there.\n",
    ],
)
def test_leaving_out_block_rules_a_document_cannot_use_changes_no_token(source: str) -> None:
    from contentlint.document.markdown import _parser, _parser_for

    assert _parser_for(source).parse(source) == _parser().parse(source)
    for line in source.split("\n"):
        assert _parser_for(line).parse(line) == _parser().parse(line)


def test_inline_text_without_markup_characters_is_one_text_token() -> None:
    # the reader takes such text as it is instead of asking markdown-it's inline parser
    import random

    from contentlint.document.markdown import _has_inline_markup, _parser

    md = _parser(())
    pieces = ["word", " ", "  ", "!", "]", "(", ")", "~", "$", "#", "%", "+", "-", ":", "=", ">", "@", "^", "{", "}",
              "|", "'", '"', ".", ",", ";", "?", "/", "\t", "é", "\ufffd", "1", "*", "_", "[", "<", "&", "`", "\\"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        if _has_inline_markup(text):
            continue
        tokens = md.inline.parse(text, md, {}, [])
        assert [(t.type, t.content) for t in tokens] == [("text", text)]
