"""The default report: one line a finding, in the ``path:line:col:`` form editors jump to.

    notes/diet.md:3:12: CLAIM001 [error] "Cures diabetes" promises a cure.
      ↳ Say what the evidence shows, e.g. "may help lower blood sugar".

Every piece of article text is neutralised first, so an article cannot send escape sequences
to the reader's terminal.
"""

from __future__ import annotations

import unicodedata

from contentlint.findings import FileResult, Finding, RunResult, Severity
from contentlint.reports import ReportOptions, neutralise, ordered_findings

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
    if options.statistics:
        lines.extend(_statistics(run, paint))
    else:
        for result in run.files:
            lines.extend(_file_lines(result, options, paint))
    if options.quiet:
        while lines and not lines[-1]:
            lines.pop()
        return "".join(line + "\n" for line in lines)
    if lines and lines[-1]:
        lines.append("")
    lines.append(_summary(run, paint))
    return "\n".join(lines) + "\n"


def _file_lines(result: FileResult, options: ReportOptions, paint: _Painter) -> list[str]:
    path = neutralise(result.path)
    if result.error is not None:
        reason = neutralise(result.error.reason)
        return [f"{paint('path', path)}: {paint('error', 'error')}: {reason}"]
    lines: list[str] = []
    source = options.sources.get(result.path) if options.show_source else None
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


def _statistics(run: RunResult, paint: _Painter) -> list[str]:
    """One line a rule that reported: how many findings, most first, and how many --fix can fix."""
    counts: dict[tuple[str, str], list[int]] = {}
    for finding in run.findings:
        tally = counts.setdefault((finding.rule, finding.name), [0, 0])
        tally[0] += 1
        tally[1] += finding.fix is not None
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
    for error in run.errors:
        reason = neutralise(error.reason)
        lines.append(f"{paint('path', neutralise(error.path))}: {paint('error', 'error')}: {reason}")
    return lines


def _summary(run: RunResult, paint: _Painter) -> str:
    checked = sum(1 for r in run.files if r.error is None)
    unreadable = len(run.files) - checked
    total = len(run.findings)
    files = _plural(checked, "file")
    if total == 0:
        text = paint("clean", "No problems found") + f" in {files}"
    else:
        errors = run.count(Severity.ERROR)
        warnings = run.count(Severity.WARNING)
        infos = run.count(Severity.INFO)
        style = "error" if errors else "warning" if warnings else "info"
        counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {infos} info"
        text = f"{paint(style, _plural(total, 'problem'))} ({counts}) in {files}"
    if unreadable:
        verb = "could not be read"
        text += f"; {paint('error', _plural(unreadable, 'file'))} {verb}"
    return text + "."


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
