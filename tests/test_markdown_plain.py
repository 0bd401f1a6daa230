"""Plain Markdown's block tokens, read without markdown-it's block parser, are markdown-it's own;
anything that could be another block is left to markdown-it."""

from __future__ import annotations

import random
from typing import Any

import pytest

from contentlint.document import parse
from contentlint.document.markdown import _normalized, _parser_for
from contentlint.document.markdown_plain import plain_blocks

# tokens the reader passes over (no line map), which plain_blocks leaves out
_PASSED_OVER = {"heading_close", "paragraph_close", "bullet_list_open", "bullet_list_close"}


def _reader_view(token: Any) -> tuple[Any, ...]:
    """What the Markdown reader reads of a token (opening tokens are placed by their contents)."""
    placed = token.map is not None and token.nesting != 1
    return (token.type, token.tag if token.type == "heading_open" else "", list(token.map) if placed else None,
            token.nesting, token.content if token.type in ("inline", "front_matter") else "")


def _markdown_it(text: str) -> list[tuple[Any, ...]]:
    return [_reader_view(t) for t in _parser_for(text).parse(text, {}) if t.type not in _PASSED_OVER]


PLAIN = [
    "",
    "\n\n",
    "Just one line",
    "# Title\n\nA paragraph\nover two lines.\n\n- one\n- two\n\n* star\n+ plus\n\nAfter the list.\n",
    "---\ntitle: x\ndate: 2024-01-01\n---\n\n# Heading #\n\n## Sub ##  \n\n#\n\n# #\n\n###### six\n",
    "---\na: b\n...\nText",
    "---\n---\nText",
    "----\na: b\n  ----\n\nText",
    "Paragraph\n# heading interrupts\n- item interrupts\n\nmore",
    "[link](http://example.org) at the start\n\n- [x] task [a](b)\n",
    "**Bold:** text\n_em_ text\n*em* text\n12 apples\n1234567890. not a list\n",
    "\u00a0\n\nline\u2003with space\u00a0\n   \n",
    "- item\n\n\n- item after blank lines\n\ntext\n  ",
]

NOT_PLAIN = [
    "    code",
    " indented",
    "> quote",
    "```\ncode\n```",
    "a | b\n--|--",
    "Title\n===",
    "Title\n---",
    "***",
    "* * *",
    "1. first",
    "2) second",
    "<div>x</div>",
    "[ref]: http://example.org\n\n[ref]",
    "- item\nlazy continuation",
    "- item\n  continued",
    "- ",
    "- - nested",
    "- # heading",
    "#hashtag",
    "####### seven",
    "---\nnever closed",
    "tab\tinside",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_documents_give_markdown_its_tokens(text: str) -> None:
    blocks = plain_blocks(text)
    assert blocks is not None
    assert [_reader_view(t) for t in blocks] == _markdown_it(text)


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_other_blocks_are_left_to_markdown_it(text: str) -> None:
    assert plain_blocks(text) is None


_LINES = [
    "# Title", "## Sub ##", "# x #", "#", "#tag", "- item", "* star", "+ plus", "- [a](b)", "- *", "- 1. x", "-",
    "---", "***", "_x_ y", "**b** c", "Plain text.", "Text [link](u).", "[Start](x) text", "[r]: http://x", "1. one",
    "10) ten", "12 apples", "===", "> q", "<b>x</b>", "```", "~~~", "    code", " one", "", "", "   ", "\u00a0",
    "...", "x ]: y", "trailing  ", "end \\",
]


def test_random_documents_agree_with_markdown_it() -> None:
    rng = random.Random(7)
    plain = 0
    for _ in range(3000):
        lines = ["---", rng.choice(["a: b", "...", "---", ""])] if rng.random() < 0.3 else []
        lines += [rng.choice(_LINES) for _ in range(rng.randint(1, 10))]
        text = "\n".join(lines) + rng.choice(["", "\n", "\n  "])
        blocks = plain_blocks(text)
        if blocks is not None:
            plain += 1
            assert [_reader_view(t) for t in blocks] == _markdown_it(text), text
    assert plain > 100


def test_articles_are_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    import contentlint.document.markdown_plain as markdown_plain

    text = "---\ntitle: T\n---\n# Head\n\nSee [the guide](https://example.org/a) &amp; more\nhere.\n\n- item *one*\n"
    assert plain_blocks(_normalized(text)) is not None
    plain = parse(text, "md")
    monkeypatch.setattr(markdown_plain, "plain_blocks", lambda text: None)
    parsed = parse(text, "md")
    assert (plain.text, plain.blocks, plain.links, plain.metadata, plain.title) == (
        parsed.text, parsed.blocks, parsed.links, parsed.metadata, parsed.title)
    assert [plain.locate(i, i + 1) for i in range(len(plain.text))] == [
        parsed.locate(i, i + 1) for i in range(len(parsed.text))]
