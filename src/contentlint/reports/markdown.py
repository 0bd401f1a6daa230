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
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from contentlint.findings import CATEGORIES, FileResult, Finding, RunResult, Severity
from contentlint.reports import ReportOptions, neutralise, ordered_findings

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
    root = Path(os.path.abspath(options.cwd or os.getcwd()))
    base = _blob_base()
    checked = [r for r in run.files if r.error is None]
    findings = [f for r in checked for f in ordered_findings(r)]
    parts = [_headline(run, checked, findings)]
    if findings:
        parts.append(_category_table(findings))
        parts.append(_worst_articles(checked, root, base))
        parts.append(_first_findings(findings, root, base))
    unreadable = [r for r in run.files if r.error is not None]
    if unreadable:
        parts.append(_unreadable(unreadable, root))
    return "\n\n".join(parts) + "\n"


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line, safe from HTML, mentions and autolinks."""
    text = neutralise(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return _GITHUB_LINKING.sub(lambda m: m.group() + _WORD_JOINER, text)


def _headline(run: RunResult, checked: list[FileResult], findings: list[Finding]) -> str:
    articles = _plural(len(checked), "article")
    if not findings:
        return f"## contentlint: no problems found in {articles}"
    counts = Counter(f.severity for f in findings)
    severities = ", ".join(f"{_plural(counts[s], s.value)}" for s in _SEVERITIES if counts[s])
    affected = len({f.path for f in findings})
    return (
        f"## contentlint: {_plural(len(findings), 'problem')} ({severities}) "
        f"in {affected} of {articles}"
    )


def _category_table(findings: list[Finding]) -> str:
    counts = Counter((f.category, f.severity) for f in findings)
    categories = list(CATEGORIES) + sorted({f.category for f in findings} - set(CATEGORIES))
    lines = ["| Category | Errors | Warnings | Info | Total |", "| --- | ---: | ---: | ---: | ---: |"]
    for category in categories:
        row = [counts[(category, s)] for s in _SEVERITIES]
        if sum(row):
            cells = " | ".join(str(n) for n in row)
            lines.append(f"| {escape(category)} | {cells} | {sum(row)} |")
    return "\n".join(lines)


def _worst_articles(checked: list[FileResult], root: Path, base: str | None) -> str:
    def badness(result: FileResult) -> tuple[int, int, int, str]:
        severities = Counter(f.severity for f in result.findings)
        errors, warnings = severities[Severity.ERROR], severities[Severity.WARNING]
        return (-errors, -warnings, -len(result.findings), result.path)

    worst = sorted((r for r in checked if r.findings), key=badness)
    lines = [
        f"### Worst articles ({min(len(worst), WORST_ARTICLES)} of {len(worst)} with findings)",
        "",
        "| Article | Findings | Errors | Warnings |",
        "| --- | ---: | ---: | ---: |",
    ]
    for result in worst[:WORST_ARTICLES]:
        severities = Counter(f.severity for f in result.findings)
        path = _display_path(result.path, root)
        label = escape(_shorten(result.title)) if result.title else escape(path)
        link = _link(label, path, None, base)
        counts = f"{len(result.findings)} | {severities[Severity.ERROR]} | {severities[Severity.WARNING]}"
        lines.append(f"| {link} | {counts} |")
    return "\n".join(lines)


def _first_findings(findings: list[Finding], root: Path, base: str | None) -> str:
    ranked = sorted(findings, key=lambda f: -f.severity.rank)  # stable: keeps file and line order
    shown = ranked[:FIRST_FINDINGS]
    title = "### Findings" if len(findings) <= FIRST_FINDINGS else f"### First {len(shown)} of {len(findings)} findings"
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
    target = quote(path, safe="/")
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
