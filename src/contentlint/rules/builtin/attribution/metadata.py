"""Reading authors and dates from an article: front matter, HTML meta, bylines and date lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.prefilter import compile_pattern, may_match

AUTHOR_KEYS = frozenset({
    "author", "authors", "byline", "by", "written_by", "writer", "reviewed_by", "reviewer", "reviewers",
    "medically_reviewed_by", "medical_reviewer", "medical_review", "fact_checked_by", "creator", "creators",
    "dc.creator", "dcterms.creator", "citation_author", "article:author", "og:article:author",
    "parsely-author", "sailthru.author", "contributor", "contributors",
})
DATE_KEYS = frozenset({
    "date", "published", "published_at", "publish_date", "date_published", "datepublished", "pubdate",
    "updated", "updated_at", "last_updated", "lastmod", "last_modified", "modified", "date_modified",
    "datemodified", "reviewed", "last_reviewed", "review_date", "reviewed_on", "date_reviewed",
    "article:published_time", "article:modified_time", "og:updated_time", "citation_publication_date",
    "citation_date", "citation_online_date", "dc.date", "dcterms.date", "dcterms.modified", "dcterms.created",
})

_NAME = (
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s+)?[A-Z][\w'’.-]+"
    r"(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|da|di|la|le|bin|al-\w+)){1,4}"
)
# The lead-in is matched in any case, the name only when capitalised ("By the end of..." is no byline).
_LEAD_INS = (
    r"(?i:by|written\s+by|words\s+by|article\s+by|story\s+by|author|authors|writer|contributor|"
    r"(?:medically\s+|clinically\s+)?reviewed\s+by|fact[- ]checked\s+by|medical\s+reviewer)"
)
_BYLINE_BLOCK = re.compile(rf"^{_LEAD_INS}\s*:?\s+{_NAME}(?:,?\s+[\w.,' ]{{0,40}})?$")
_LEAD_IN = re.compile(_LEAD_INS)
_REVIEWED_INLINE = re.compile(
    rf"\b(?:medically|clinically)\s+reviewed\s+by\s*:?\s+{_NAME}|\b(?:written|authored)\s+by\s*:?\s+{_NAME}",
)
_BYLINE_MAX_WORDS = 14
# The parts of a line that a byline may fill: the line itself, or a part ended by ". ", "|" or "·".
# (?=\.) first: the title lookbehinds are tried only where a full stop stands
_BYLINE_PIECE = re.compile(
    r"[^|·•]+?(?:(?=\.)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMx)(?<!\bSt)(?<!\bMrs)(?<!\bProf)\.(?=\s)|(?=\s*[|·•])|$)"
)
_BYLINE_BLOCKS = 6
_PIECE_SEPARATOR = re.compile("[|·•]")

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTH},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})"
)
_DATE_LINE = compile_pattern(
    rf"\b(?:page\s+)?(?:last\s+)?(?:medically\s+)?(?:reviewed|updated|revised|modified|published|posted|date)"
    rf"(?:\s+on)?\s*:?\s*(?:on\s+)?({_DATE})",
    re.IGNORECASE,
)
_NEXT_REVIEW = re.compile(r"\bnext\s+review\b[^\n]{0,20}$", re.IGNORECASE)


def _is_key(key: Any, keys: frozenset[str]) -> bool:
    name = str(key).strip().lower()
    return name in keys or name.replace("-", "_").replace(" ", "_") in keys


def _values(value: Any) -> list[Any]:
    if isinstance(value, (list, tuple)):
        return [v for v in value if v not in (None, "")]
    return [] if value in (None, "") else [value]


def metadata_author(article: Article) -> str | None:
    for key, value in article.metadata.items():
        if _is_key(key, AUTHOR_KEYS):
            for item in _values(value):
                name = item.get("name") if isinstance(item, dict) else item
                if isinstance(name, str) and name.strip():
                    return name.strip()
    return None


def byline(article: Article) -> tuple[int, int] | None:
    """A byline block near the top or bottom, or an inline "medically reviewed by" line."""
    blocks = article.blocks
    candidates = blocks[:_BYLINE_BLOCKS] + blocks[-3:]
    for block in candidates:
        text = article.block_text(block)
        # A byline may share its line with a date or a reviewer: "By Sam Patel, pharmacist. Last reviewed: ..."
        for start in _piece_starts(text):
            if _LEAD_IN.match(text, start) is None:  # (quicker than finding the piece first)
                continue
            piece = _BYLINE_PIECE.match(text, start)
            if piece is None:
                continue
            candidate = piece.group(0).rstrip(" .")
            if len(candidate.split()) <= _BYLINE_MAX_WORDS:
                match = _BYLINE_BLOCK.match(candidate)
                if match:
                    offset = block.start + start
                    return offset, offset + match.end()
    match = _REVIEWED_INLINE.search(article.text) if may_match(article, _REVIEWED_INLINE) else None
    return (match.start(), match.end()) if match else None


def _piece_starts(text: str) -> list[int]:
    """Where the pieces of a block (see _BYLINE_PIECE) that may open with a lead-in start.

    A piece ends before a separator or after a full stop that white space follows: the next piece
    opens with white space, which no byline does, unless it is the block's first or starts right
    after a separator."""
    if "|" not in text and "·" not in text and "•" not in text:
        return [0]
    return [0, *(match.end() for match in _PIECE_SEPARATOR.finditer(text))]


def parse_date(text: str) -> date | None:
    text = text.strip().rstrip(".")
    iso = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", text)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        numeric = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", text)
        if numeric:
            first, second, number_year = int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3))
            # Month and day order differ by country; any reading gives the right year for staleness.
            month_first, day_first = (first, second) if first <= 12 else (second, first)
            return date(number_year, month_first, min(day_first, 28))
        words = re.findall(r"[A-Za-z]+|\d+", text)
        year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
        month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
        day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), 1)
        if year is not None and month is not None:
            return date(year, month, max(1, min(day, 28)))
        if year is not None and len(words) == 1:
            return date(year, 1, 1)
    except ValueError:
        return None
    return None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return date(int(value), 1, 1)
    if isinstance(value, str):
        return parse_date(value)
    return None


def metadata_dates(article: Article) -> Iterator[tuple[str, Any, date | None]]:
    """(key, raw value, parsed date or None) for every date-like metadata value."""
    for key, value in article.metadata.items():
        if _is_key(key, DATE_KEYS):
            for item in _values(value):
                yield str(key), item, _as_date(item)


def text_dates(article: Article) -> Iterator[tuple[int, int, date]]:
    """Spans and dates of lines such as "Last reviewed: 12 March 2023" (not "Next review due")."""
    if not may_match(article, _DATE_LINE):
        return
    for match in _DATE_LINE.finditer(article.text):
        line_start = article.text.rfind("\n", 0, match.start()) + 1
        if _NEXT_REVIEW.search(article.text[line_start : match.start()]):
            continue
        parsed = parse_date(match.group(1))
        if parsed is not None:
            yield match.start(), match.end(), parsed


def plain_text_severity(article: Article, option: Any) -> Severity | None:
    """The severity for a plain-text file (which rarely carries metadata), or None to keep the rule's."""
    if article.kind != "txt" or not isinstance(option, str) or not option.strip():
        return None
    return Severity.parse(option)
