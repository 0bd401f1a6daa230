"""The default report: one line a finding, in the ``path:line:col:`` form editors jump to.

    notes/diet.md:3:12: CLAIM001 [error] "Cures diabetes" promises a cure.
      ↳ Say what the evidence shows, e.g. "may help lower blood sugar".

Every piece of article text is neutralised first, so an article cannot send escape sequences
to the reader's terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity
from contentlint.reports import ReportOptions, Totals, Write, neutralise, ordered_findings

_RESET = "\x1b[0m"
_STYLES = {
    "path": "\x1b[1m",
    "code": "\x1b[1;36m",
    "article": "\x1b[35m",
    "hint": "\x1b[32m",
    "gutter": "\x1b[2m",
    "caret": "\x1b[1;31m",
    Severity.ERROR.value: "\x1b[1;31m",
    Severity.WARNING.value: "\x1b[33m",
    Severity.INFO.value: "\x1b[34m",
    "clean": "\x1b[1;32m",
}

RuleCounts = dict[tuple[str, str], list[int]]  # (code, name) -> [findings, fixable findings]

# how much of a long line to show on either side of the flagged text
_CONTEXT = 40
_MAX_MARKED = 100


class _Painter:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        if not self.enabled or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def render(run: RunResult, options: ReportOptions) -> str:
    paint = _Painter(options.color)
    lines: list[str] = []
    totals = Totals.of(run.files)
    if options.statistics:
        lines.extend(_statistics(_tally_rules({}, run.findings), totals.errors, paint))
    else:
        for result in run.files:
            lines.extend(_file_lines(result, options.sources.get(result.path), options, paint))
    if options.quiet:
        while lines and not lines[-1]:
            lines.pop()
        return "".join(line + "\n" for line in lines)
    if lines and lines[-1]:
        lines.append("")
    lines.append(_summary(totals, paint))
    return "\n".join(lines) + "\n"


class Writer:
    """The same report written file by file: blank lines are held back until a line follows
    them, so the end of the report comes out as :func:`render` gives it."""

    def __init__(self, write: Write, rules: Mapping[str, Any], version: str, options: ReportOptions) -> None:
        self.write = write
        self.options = options
        self.paint = _Painter(options.color)
        self.rule_counts: RuleCounts = {}
        self.held_blanks = 0
        self.wrote_lines = False
        self.last_line_blank = False

    def add(self, result: FileResult, source: str | None = None) -> None:
        if self.options.statistics:
            _tally_rules(self.rule_counts, result.findings)
        else:
            self._lines(_file_lines(result, source, self.options, self.paint))

    def add_parts(self, parts: tuple[bytes, ...]) -> None:
        self._lines([part.decode("utf-8", "surrogateescape") for part in parts])

    def finish(self, totals: Totals) -> None:
        if self.options.statistics:
            self._lines(_statistics(self.rule_counts, totals.errors, self.paint))
        if self.options.quiet:
            return
        ending = "\n" * self.held_blanks
        if self.wrote_lines and not self.last_line_blank:
            ending += "\n"
        self.write(ending + _summary(totals, self.paint) + "\n")

    def _lines(self, lines: list[str]) -> None:
        text: list[str] = []
        for line in lines:
            if not line:
                self.held_blanks += 1
                continue
            text.append("\n" * self.held_blanks + line + "\n")
            self.held_blanks = 0
        if lines:
            self.wrote_lines = True
            self.last_line_blank = not lines[-1]
        if text:
            self.write("".join(text))


def parts_key(options: ReportOptions) -> str | None:
    if options.statistics:  # counts per rule, not lines per file
        return None
    return f"text color={options.color} source={options.show_source}"


def file_parts(result: FileResult, source: str | None, options: ReportOptions) -> tuple[str, ...]:
    """A file's lines of the report (an empty string is a blank line)."""
    return tuple(_file_lines(result, source, options, _Painter(options.color)))


def _file_lines(result: FileResult, source: str | None, options: ReportOptions, paint: _Painter) -> list[str]:
    path = neutralise(result.path)
    if result.error is not None:
        reason = neutralise(result.error.reason)
        return [f"{paint('path', path)}: {paint('error', 'error')}: {reason}"]
    lines: list[str] = []
    if not options.show_source:
        source = None
    for finding in ordered_findings(result):
        lines.append(_headline(path, finding, paint))
        if source is not None:
            lines.extend(_excerpt(source, finding, paint))
        if finding.suggestion:
            lines.append(f"  {paint('hint', '↳')} {neutralise(finding.suggestion)}")
        if source is not None:
            lines.append("")  # excerpts are easier to scan with space between findings
    return lines


def _headline(path: str, finding: Finding, paint: _Painter) -> str:
    severity = finding.severity.value
    where = f"{paint('path', path)}:{finding.span.line}:{finding.span.column}:"
    scope = f" {paint('article', '(article)')}" if finding.article_level else ""
    label = paint(severity, f"[{severity}]")
    return f"{where} {paint('code', neutralise(finding.rule))} {label}{scope} {neutralise(finding.message)}"


def _excerpt(source: str, finding: Finding, paint: _Painter) -> list[str]:
    """The flagged line with carets under the flagged text, trimmed around it when long."""
    start, end = finding.span.offset, finding.span.end_offset
    if not 0 <= start <= len(source):
        return []
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", start)
    if line_end == -1:
        line_end = len(source)
    line = source[line_start:line_end].rstrip("\r")
    mark_from = start - line_start
    mark_to = max(mark_from, min(end, line_start + len(line)) - line_start)

    shown_from = max(0, mark_from - _CONTEXT)
    marked_to = min(mark_to, mark_from + _MAX_MARKED)
    shown_to = min(len(line), marked_to + _CONTEXT)
    before = ("…" if shown_from > 0 else "") + neutralise(line[shown_from:mark_from])
    marked = neutralise(line[mark_from:marked_to])
    after = neutralise(line[marked_to:shown_to]) + ("…" if shown_to < len(line) else "")

    number = str(finding.span.line)
    gutter = paint("gutter", f"{number} |")
    blank_gutter = paint("gutter", " " * len(number) + " |")
    carets = "^" * max(1, _width(marked))
    return [
        f"    {gutter} {before}{marked}{after}".rstrip(),
        f"    {blank_gutter} {' ' * _width(before)}{paint('caret', carets)}",
    ]


def _width(text: str) -> int:
    """Terminal columns ``text`` takes: wide East Asian characters and most emoji take two,
    combining marks and format characters none."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _tally_rules(counts: RuleCounts, findings: Iterable[Finding]) -> RuleCounts:
    """Count ``findings`` into ``counts``."""
    for finding in findings:
        tally = counts.setdefault((finding.rule, finding.name), [0, 0])
        tally[0] += 1
        tally[1] += finding.fix is not None
    return counts


def _statistics(counts: RuleCounts, errors: list[FileError], paint: _Painter) -> list[str]:
    """One line a rule that reported: how many findings, most first, and how many --fix can fix."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1][0], item[0][0]))
    width_count = max((len(str(total)) for (total, _) in counts.values()), default=1)
    width_code = max((len(neutralise(code)) for (code, _) in counts), default=1)
    lines = []
    for (code, name), (total, fixable) in ordered:
        fixes = f" ({fixable} fixable with --fix)" if fixable else ""
        code_text = neutralise(code)
        padding = " " * (width_code - len(code_text))
        count = f"{total:>{width_count}}"
        lines.append(f"{count}  {paint('code', code_text)}{padding}  {neutralise(name)}{fixes}")
    for error in errors:
        reason = neutralise(error.reason)
        lines.append(f"{paint('path', neutralise(error.path))}: {paint('error', 'error')}: {reason}")
    return lines


def _summary(totals: Totals, paint: _Painter) -> str:
    files = _plural(totals.checked, "file")
    if totals.findings == 0:
        text = paint("clean", "No problems found") + f" in {files}"
    else:
        errors = totals.severities[Severity.ERROR]
        warnings = totals.severities[Severity.WARNING]
        infos = totals.severities[Severity.INFO]
        style = "error" if errors else "warning" if warnings else "info"
        counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {infos} info"
        text = f"{paint(style, _plural(totals.findings, 'problem'))} ({counts}) in {files}"
    if totals.unreadable:
        verb = "could not be read"
        text += f"; {paint('error', _plural(totals.unreadable, 'file'))} {verb}"
    return text + "."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
