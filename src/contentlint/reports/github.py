"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=docs/a.md,line=3,col=5,endLine=3,endColumn=12,title=CLAIM001 cure-claim::Message

Properties escape ``% \\r \\n : ,`` and the message escapes ``% \\r \\n`` as the runner expects, so
article text can neither end a command early nor start a new one; other control characters are
shown as visible escapes so they cannot reach the log viewer.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from contentlint.findings import FileResult, Finding, RunResult, Severity
from contentlint.reports import ReportOptions, Totals, Write, neutralise, ordered_findings

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(run: RunResult, options: ReportOptions) -> str:
    root = options.root
    lines: list[str] = []
    for result in run.files:
        lines.extend(_file_commands(result, root))
    return "".join(line + "\n" for line in lines)


class Writer:
    """The commands of :func:`render`, written file by file."""

    def __init__(self, write: Write, rules: Mapping[str, Any], version: str, options: ReportOptions) -> None:
        self.write = write
        self.root = options.root

    def add(self, result: FileResult, source: str | None = None) -> None:
        self.write("".join(line + "\n" for line in _file_commands(result, self.root)))

    def add_parts(self, parts: tuple[bytes, ...]) -> None:
        self.write(b"".join(line + b"\n" for line in parts))

    def finish(self, totals: Totals) -> None:
        pass


def parts_key(options: ReportOptions) -> str:
    return f"github root={options.root}"  # file names are shown relative to it


def file_parts(result: FileResult, source: str | None, options: ReportOptions) -> tuple[str, ...]:
    """A file's workflow commands, one per line."""
    return tuple(_file_commands(result, options.root))


def _file_commands(result: FileResult, root: Path) -> list[str]:
    file = _display_path(result.path, root)
    if result.error is not None:
        properties = {"file": file, "title": "contentlint"}
        message = f"Could not read this file: {neutralise(result.error.reason)}"
        return [_command("error", properties, message)]
    return [_annotation(file, finding) for finding in ordered_findings(result)]


def _annotation(file: str, finding: Finding) -> str:
    span = finding.span
    title = f"{finding.rule} {finding.name}"
    if finding.article_level:
        title += " (article)"
    properties = {
        "file": file,
        "line": str(span.line),
        "col": str(span.column),
        "endLine": str(span.end_line),
        "endColumn": str(span.end_column),
        "title": neutralise(title),
    }
    message = neutralise(finding.message)
    if finding.suggestion:
        message += "\n" + neutralise(finding.suggestion)
    return _command(_COMMANDS[finding.severity], properties, message)


def _command(name: str, properties: dict[str, str], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _display_path(path: str, root: Path) -> str:
    """The path relative to the working folder with forward slashes, as GitHub matches files."""
    absolute = Path(os.path.abspath(os.path.join(root, path)))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return neutralise(path)
    return neutralise(PurePosixPath(*relative.parts).as_posix())
