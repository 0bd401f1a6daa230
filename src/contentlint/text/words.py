"""Word spans: runs of letters and digits, keeping inner apostrophes and hyphens ("don't", "COVID-19")."""

from __future__ import annotations

import re

# Letters or digits; an apostrophe or hyphen joins two runs, and so does a decimal point or a
# thousands comma between digits ("2.5", "10,000").
WORD_RE = re.compile(r"[^\W_]+(?:(?:['’\-‐]|(?<=\d)[.,](?=\d))[^\W_]+)*")


def find_words(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word in ``text``."""
    return [match.span() for match in WORD_RE.finditer(text)]
