"""A short Markdown summary for ``$GITHUB_STEP_SUMMARY`` and pull-request comments.

Counts per category and severity, the worst articles, and the first findings with links to their
lines. Inside GitHub Actions (``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY`` and ``GITHUB_SHA`` set)
the links point at the file on GitHub; elsewhere they are relative.

Article text, titles, paths and messages are untrusted: Markdown punctuation is backslash-escaped,
``<``, ``>`` and ``&`` become entities (GitHub renders HTML in Markdown), line breaks become
spaces, and a word joiner is put after ``@`` and ``#`` and into ``://`` and ``www.`` so an article
cannot mention a GitHub user, reference an issue or turn into a live link.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from contentlint.findings import CATEGORIES, FileResult, Finding, RunResult, Severity
from contentlint.reports import ReportOptions, Totals, Write, neutralise, ordered_findings

WORST_ARTICLES = 10
FIRST_FINDINGS = 25
_MAX_TEXT = 160
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}

# what can open or close inline Markdown mid-line (emphasis, code, links, tables, strikethrough, maths)
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~$])")
# what GitHub turns into a mention, an issue reference or a live link even after escaping
_GITHUB_LINKING = re.compile(r"(?i)(@|#|:(?=//)|\bwww(?=\.))")
_WORD_JOINER = "\u2060"


def render(run: RunResult, options: ReportOptions) -> str:
    summary = Writer(lambda text: None, run.rules, run.version, options)
    for result in run.files:
        summary.add(result)
    return summary.text()


class Writer:
    """The summary of :func:`render`, gathered as results arrive: counts, the worst articles so
    far and the first findings of each severity, never every result."""

    def __init__(self, write: Write, rules: Mapping[str, Any], version: str, options: ReportOptions) -> None:
        self.write = write
        self.root = options.root
        self.base = _blob_base()
        self.articles = 0
        self.findings = 0
        self.counts: Counter[tuple[str, Severity]] = Counter()
        self.worst: list[tuple[tuple[int, int, int, str], str]] = []  # (badness, table row), worst first
        self.with_findings = 0
        self.first: dict[Severity, list[Finding]] = {severity: [] for severity in _SEVERITIES}
        self.unreadable: list[FileResult] = []

    def add(self, result: FileResult, source: str | None = None) -> None:
        if result.error is not None:
            self.unreadable.append(result)
            return
        self.articles += 1
        if not result.findings:
            return
        findings = ordered_findings(result)
        self.findings += len(findings)
        self.counts.update((f.category, f.severity) for f in findings)
        for finding in findings:
            first = self.first.get(finding.severity)
            if first is not None and len(first) < FIRST_FINDINGS:
                first.append(finding)
        self.with_findings += 1
        self.worst.append(_worst_row(result, self.root, self.base))
        self.worst.sort(key=lambda row: row[0])
        del self.worst[WORST_ARTICLES:]

    def finish(self, totals: Totals) -> None:
        self.write(self.text())

    def text(self) -> str:
        parts = [_headline(self.articles, self.findings, self._by_severity(), self.with_findings)]
        if self.findings:
            parts.append(_category_table(self.counts))
            parts.append(_worst_articles([row for _, row in self.worst], self.with_findings))
            shown = [f for severity in _SEVERITIES for f in self.first[severity]][:FIRST_FINDINGS]
            parts.append(_first_findings(shown, self.findings, self.root, self.base))
        if self.unreadable:
            parts.append(_unreadable(self.unreadable, self.root))
        return "\n\n".join(parts) + "\n"

    def _by_severity(self) -> Counter[Severity]:
        by_severity: Counter[Severity] = Counter()
        for (_, severity), count in self.counts.items():
            by_severity[severity] += count
        return by_severity


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line, safe from HTML, mentions and autolinks."""
    text = neutralise(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return _GITHUB_LINKING.sub(lambda m: m.group() + _WORD_JOINER, text)


def _headline(articles: int, findings: int, severities: Counter[Severity], affected: int) -> str:
    counted = _plural(articles, "article")
    if not findings:
        return f"## contentlint: no problems found in {counted}"
    listed = ", ".join(f"{_plural(severities[s], s.value)}" for s in _SEVERITIES if severities[s])
    return f"## contentlint: {_plural(findings, 'problem')} ({listed}) in {affected} of {counted}"


def _category_table(counts: Counter[tuple[str, Severity]]) -> str:
    categories = list(CATEGORIES) + sorted({category for category, _ in counts} - set(CATEGORIES))
    lines = ["| Category | Errors | Warnings | Info | Total |", "| --- | ---: | ---: | ---: | ---: |"]
    for category in categories:
        row = [counts[(category, s)] for s in _SEVERITIES]
        if sum(row):
            cells = " | ".join(str(n) for n in row)
            lines.append(f"| {escape(category)} | {cells} | {sum(row)} |")
    return "\n".join(lines)


def _worst_row(result: FileResult, root: Path, base: str | None) -> tuple[tuple[int, int, int, str], str]:
    """How bad an article is (sorting first when worst) and its row in the table."""
    severities = Counter(f.severity for f in result.findings)
    errors, warnings = severities[Severity.ERROR], severities[Severity.WARNING]
    path = _display_path(result.path, root)
    label = escape(_shorten(result.title)) if result.title else escape(path)
    link = _link(label, path, None, base)
    row = f"| {link} | {len(result.findings)} | {errors} | {warnings} |"
    return (-errors, -warnings, -len(result.findings), result.path), row


def _worst_articles(rows: list[str], with_findings: int) -> str:
    lines = [
        f"### Worst articles ({min(with_findings, WORST_ARTICLES)} of {with_findings} with findings)",
        "",
        "| Article | Findings | Errors | Warnings |",
        "| --- | ---: | ---: | ---: |",
    ]
    return "\n".join(lines + rows)


def _first_findings(shown: list[Finding], total: int, root: Path, base: str | None) -> str:
    """The first findings, errors first (then in file and line order)."""
    title = "### Findings" if total <= FIRST_FINDINGS else f"### First {len(shown)} of {total} findings"
    lines = [title, ""]
    for finding in shown:
        path = _display_path(finding.path, root)
        where = _link(f"{escape(path)}:{finding.line}:{finding.column}", path, finding.line, base)
        scope = " (whole article)" if finding.article_level else ""
        lines.append(
            f"- {_ICONS[finding.severity]} {where} **{escape(finding.rule)}** {escape(finding.name)}{scope}: "
            f"{escape(_shorten(finding.message))}"
        )
        if finding.suggestion:
            lines.append(f"  ↳ {escape(_shorten(finding.suggestion))}")
    return "\n".join(lines)


def _unreadable(results: list[FileResult], root: Path) -> str:
    lines = ["### Files that could not be read", ""]
    for result in results:
        reason = result.error.reason if result.error is not None else ""
        lines.append(f"- {escape(_display_path(result.path, root))}: {escape(reason)}")
    return "\n".join(lines)


def _link(label: str, path: str, line: int | None, base: str | None) -> str:
    target = quote(path, safe="/", errors="surrogateescape")
    if base is not None:
        target = f"{base}/{target}"
    if line is not None:
        target += f"#L{line}"
    return f"[{label}](<{target}>)"


def _blob_base() -> str | None:
    """The web address of the checked-out commit's files, inside GitHub Actions."""
    server = os.environ.get("GITHUB_SERVER_URL", "").rstrip("/")
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    sha = os.environ.get("GITHUB_SHA", "")
    if not (server and re.fullmatch(r"[\w.-]+/[\w.-]+", repository) and re.fullmatch(r"[0-9a-f]{7,64}", sha)):
        return None
    return f"{server}/{repository}/blob/{sha}"


def _display_path(path: str, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return PurePosixPath(absolute.relative_to(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1].rstrip() + "…"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
