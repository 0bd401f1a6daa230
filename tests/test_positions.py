"""Findings point at the exact line and column of the original file, whatever the markup."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config

CONFIG = Config(select=("CLAIM001",))


def _where(text: str, kind: str) -> list[tuple[int, int, int, int]]:
    return [(f.line, f.column, f.end_line, f.end_column) for f in lint_text(text, kind=kind, config=CONFIG).findings]


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("md", "---\ntitle: \"A miracle? no\"\n---\n\n# Sleep\n\nSome *use* this **miracle** tea daily.\n",
         (7, 19, 7, 26)),
        ("md", "# Sleep\n\n- item one\n- a [miracle](https://example.org/miracle) tea\n", (4, 6, 4, 13)),
        ("md", "Emoji first 😀 “quoted” — then miracle tea.\n", (1, 31, 1, 38)),
        ("md", "```\nmiracle in code\n```\n\nThe `miracle` code, then a miracle tea.\n", (5, 28, 5, 35)),
        ("md", "> quoted\r\n> a miracle here\r\n", (2, 5, 2, 12)),
        ("txt", "Title\r\n\r\nCafé 👍🏽 tea is a miracle drink.\r\n", (3, 18, 3, 25)),
        ("html", "<html><head><title>T</title><script>var miracle=1</script></head>"
                 "<body>\n<p>Fish &amp; chips &#8212; a miracle meal.</p></body></html>", (2, 31, 2, 38)),
    ],
)
def test_column_of_the_first_finding(kind: str, text: str, expected: tuple[int, int, int, int]) -> None:
    found = _where(text, kind)
    assert found and found[0] == expected
    line = text.replace("\r\n", "\n").split("\n")[expected[0] - 1]
    assert line[expected[1] - 1 : expected[3] - 1].lower() == "miracle"


def test_bom_is_not_a_column() -> None:
    assert _where("\ufeffA miracle tea.\n", "txt") == [(1, 3, 1, 10)]


def test_utf16_columns_count_astral_characters_twice() -> None:
    (finding,) = lint_text("😀😀 miracle\n", kind="txt", config=CONFIG).findings
    assert (finding.column, finding.span.column_utf16) == (4, 6)
