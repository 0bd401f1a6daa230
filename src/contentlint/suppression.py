"""In-article suppression: comments and front matter that silence findings.

In Markdown and HTML::

    <!-- contentlint-disable SPAM001 -->        until a matching enable (or the end)
    <!-- contentlint-enable SPAM001 -->
    <!-- contentlint-disable-next-line CLAIM -->  the next non-blank line only

With no codes a directive applies to every rule. Codes may be codes, prefixes, rule names or
categories, separated by commas or spaces. Front matter ``contentlint: {ignore: [...]}`` silences
rules for the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contentlint.document import Article
from contentlint.findings import Finding
from contentlint.rules.selectors import matches

_DIRECTIVE = re.compile(r"^\s*contentlint-(disable-next-line|disable|enable)\b(.*)$", re.DOTALL)
_FOREVER = 1 << 30


@dataclass(frozen=True, slots=True)
class _Range:
    first: int
    last: int
    selectors: tuple[str, ...]


def _selectors(raw: str) -> tuple[str, ...]:
    return tuple(token for token in re.split(r"[\s,]+", raw.strip()) if token)


def _next_content_line(article: Article, after: int) -> int:
    line = after + 1
    while line <= article.line_count and not article.line_text(line).strip():
        line += 1
    return line


class Suppressions:
    def __init__(self, article: Article) -> None:
        self._ranges: list[_Range] = []
        self._file: tuple[str, ...] = ()
        open_ranges: dict[tuple[str, ...], int] = {}
        for comment in article.comments:
            match = _DIRECTIVE.match(comment.body)
            if not match:
                continue
            action, selectors = match.group(1), _selectors(match.group(2))
            if action == "disable-next-line":
                target = _next_content_line(article, comment.end_line)
                self._ranges.append(_Range(target, target, selectors))
            elif action == "disable":
                open_ranges.setdefault(selectors, comment.line)
            else:
                self._close(open_ranges, selectors, comment.line)
        for selectors, first in open_ranges.items():
            self._ranges.append(_Range(first, _FOREVER, selectors))
        settings = article.metadata.get("contentlint")
        if isinstance(settings, dict):
            ignore = settings.get("ignore", [])
            if isinstance(ignore, str):
                ignore = [ignore]
            if isinstance(ignore, list):
                self._file = tuple(str(item) for item in ignore)

    def _close(self, open_ranges: dict[tuple[str, ...], int], selectors: tuple[str, ...], line: int) -> None:
        keys = [selectors] if selectors in open_ranges else ([*open_ranges] if not selectors else [])
        for key in keys:
            self._ranges.append(_Range(open_ranges.pop(key), line, key))

    def __bool__(self) -> bool:
        return bool(self._ranges or self._file)

    def silences(self, finding: Finding) -> bool:
        if any(self._names(selector, finding) for selector in self._file):
            return True
        for item in self._ranges:
            if item.first <= finding.line <= item.last and (
                not item.selectors or any(self._names(s, finding) for s in item.selectors)
            ):
                return True
        return False

    @staticmethod
    def _names(selector: str, finding: Finding) -> bool:
        return matches(selector, finding.rule, finding.name, finding.category)
