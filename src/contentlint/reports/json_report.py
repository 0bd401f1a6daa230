"""The JSON report: every finding, unreadable file, per-file metrics and a summary.

Keys come in a fixed order and findings in the order of the text report, so two runs over the
same files give byte-identical output. ``</`` is written ``<\\/`` (the same string to any JSON
reader) so the report can be embedded in an HTML ``<script>`` block as it is.

:class:`Writer` writes the same text file by file: each finding as it arrives, the per-file
entries into a temporary file (they come after the findings), the summary from the totals.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring  # the C encoder json.dumps itself uses
from typing import Any

from contentlint.findings import FileError, FileResult, Finding, RunResult, Severity
from contentlint.reports import (
    ReportOptions,
    Spool,
    Totals,
    Write,
    json_array_item,
    ordered_findings,
    utf8_parts,
)


def render(run: RunResult, options: ReportOptions) -> str:
    return dumps(report(run)) + "\n"


def report(run: RunResult) -> dict[str, Any]:
    """The report as plain data."""
    totals = Totals.of(run.files)
    return {
        "version": run.version,
        "findings": [f.to_dict() for result in run.files for f in ordered_findings(result)],
        "errors": _errors(totals.errors),
        "files": [_file_entry(r) for r in run.files if r.error is None],
        "summary": _summary(totals),
    }


def _errors(errors: list[FileError]) -> list[dict[str, str]]:
    return [{"path": e.path, "reason": e.reason} for e in errors]


def _file_entry(result: FileResult) -> dict[str, Any]:
    return {
        "path": result.path,
        "title": result.title,
        "metrics": {k: finite_or_none(v) for k, v in sorted(result.metrics.items())},
        "findings": len(result.findings),
    }


def _summary(totals: Totals) -> dict[str, Any]:
    return {
        "files": totals.checked,
        "findings": totals.findings,
        "error": totals.severities[Severity.ERROR],
        "warning": totals.severities[Severity.WARNING],
        "info": totals.severities[Severity.INFO],
        "unreadable": totals.unreadable,
        "by_category": totals.categories,
        "by_rule": dict(sorted(totals.rules.items())),
    }


class Writer:
    """The report of :func:`render`, written as results arrive."""

    def __init__(self, write: Write, rules: Mapping[str, Any], version: str, options: ReportOptions) -> None:
        self.write = write
        self.files = Spool()
        self.findings = False  # whether a finding has been written
        self.files_written = False
        write('{\n  "version": ' + dumps(version) + ',\n  "findings": [')

    def add(self, result: FileResult, source: str | None = None) -> None:
        self.add_parts(utf8_parts(file_parts(result, source, _NO_OPTIONS)))

    def add_parts(self, parts: tuple[bytes, ...]) -> None:
        findings, entry = parts
        if findings:
            self.write(findings if self.findings else findings[1:])  # the first item has no comma
            self.findings = True
        if entry:
            self.files.write(entry if self.files_written else entry[1:])
            self.files_written = True

    def finish(self, totals: Totals) -> None:
        self.write(("\n  ]" if self.findings else "]") + ',\n  "errors": ' + nested(_errors(totals.errors), 1)
                   + ',\n  "files": [')
        self.files.copy_to(self.write)
        self.write(("\n  ]" if self.files_written else "]") + ',\n  "summary": ' + nested(_summary(totals), 1)
                   + "\n}\n")


_NO_OPTIONS = ReportOptions()


def parts_key(options: ReportOptions) -> str:
    return "json"  # paths are written as given, and no option changes a file's part


def file_parts(result: FileResult, source: str | None, options: ReportOptions) -> tuple[str, ...]:
    """A file's findings and its entry in "files", each item written as if it followed another
    (``Writer.add_parts`` drops the comma of the report's first item)."""
    findings = "".join(map(_finding_item, ordered_findings(result)))
    entry = json_array_item(dumps(_file_entry(result)), 2, first=False) if result.error is None else ""
    return findings, entry


_FINDING_KEYS = ("path", "line", "column", "end_line", "end_column", "rule", "name", "category", "severity",
                 "message", "suggestion", "text", "article_level", "fixable")  # as Finding.to_dict has them
_FINDING_TEMPLATE = ",\n    {{\n" + ",\n".join(f'      "{key}": {{}}' for key in _FINDING_KEYS) + "\n    }}"


def _finding_item(finding: Finding) -> str:
    """``json_array_item(dumps(finding.to_dict()), 2, first=False)``, written straight from the
    finding (a report has tens of thousands of them)."""
    span = finding.span
    suggestion = finding.suggestion
    try:
        return _FINDING_TEMPLATE.format(
            _json_string(finding.path), int(span.line), int(span.column), int(span.end_line),
            int(span.end_column), _json_string(finding.rule), _json_string(finding.name),
            _json_string(finding.category), _json_string(finding.severity),
            _json_string(finding.message), "null" if suggestion is None else _json_string(suggestion),
            _json_string(finding.text), "true" if finding.article_level else "false",
            "false" if finding.fix is None else "true",
        )
    except TypeError:  # a value that is not a string (from a plugin): the general path
        return json_array_item(dumps(finding.to_dict()), 2, first=False)


def _json_string(text: str) -> str:
    """``text`` as :func:`dumps` writes a string (the escapes it adds never span two strings), kept
    for the strings findings repeat: a file's path, rule names, messages, suggestions, flagged text
    (a few hundred distinct ones in thousands of findings). A Severity is written as its value."""
    encoded = _JSON_STRINGS.get(text)
    if encoded is None:
        encoded = encode_basestring(text)
        # Most strings are ASCII (known without a scan): of the characters to escape, only "<" and
        # DEL can stand in them, and looking for two characters is quicker than for a character set.
        if ("<" in encoded or "\x7f" in encoded) if encoded.isascii() else _NEEDS_ESCAPING.search(encoded):
            encoded = _made_safe(encoded)
        if len(text) <= _JSON_STRING_KEPT:
            if len(_JSON_STRINGS) >= _JSON_STRINGS_MAX:
                _JSON_STRINGS.clear()
            _JSON_STRINGS[text] = encoded
    return encoded


_JSON_STRINGS: dict[str, str] = {}
_JSON_STRINGS_MAX = 2048  # strings kept at most (emptied when full, so memory stays bounded)
_JSON_STRING_KEPT = 1000  # the longest string kept


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def nested(value: Any, depth: int) -> str:
    """``value`` as :func:`dumps` writes it ``depth`` levels deep in a larger document."""
    return dumps(value).replace("\n", "\n" + "  " * depth)


# Characters JSON may leave raw that still act on a terminal (DEL, C1 controls such as CSI),
# reorder what is shown (bidirectional controls), or end a JavaScript line (U+2028, U+2029).
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_NEEDS_ESCAPING = re.compile("[<\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(data: Any) -> str:
    """JSON safe to print on a terminal and to embed in an HTML ``<script>`` element.

    The replacements only ever apply inside strings, where ``\\/`` and ``\\uXXXX`` are escapes
    every JSON reader decodes back to the original characters.
    """
    try:
        text = _flat_object(data) if type(data) is dict else None
        if text is None:
            text = _indented(data, 0)
    except _NotPlain:
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    return _made_safe(text)


def _made_safe(text: str) -> str:
    """JSON ``text`` with the characters a terminal or an HTML page would act on escaped."""
    return _RAW_UNSAFE.sub(_unicode_escape, text).replace("</", "<\\/")


# json.dumps with an indent runs its pure-Python encoder, which is slow on reports of many
# findings; plain data (objects, arrays, strings, integers, booleans, null) is written the same
# way here several times faster, and anything else (floats, enums...) is left to json.dumps.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__,
    float: lambda value: _finite(value).__repr__(),
}


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise _NotPlain  # json.dumps then refuses it, as allow_nan=False asks
    return value


_KEY_PREFIXES: dict[tuple[Any, ...], list[str]] = {}  # by an object's keys: '  "key": ' for each


def _flat_object(data: dict[Any, Any]) -> str | None:
    """:func:`_indented` for a non-empty object of scalars (a finding), its keys' text made once
    for each set of keys; None for any other object."""
    keys = tuple(data)
    prefixes = _KEY_PREFIXES.get(keys)
    if prefixes is None:
        if not keys or any(type(key) is not str for key in keys):
            return None
        if len(_KEY_PREFIXES) >= 64:
            _KEY_PREFIXES.clear()
        prefixes = _KEY_PREFIXES[keys] = [f"  {encode_basestring(key)}: " for key in keys]
    try:
        values = [_SCALARS[type(value)](value) for value in data.values()]
    except KeyError:
        return None
    return "{\n" + ",\n".join(map(str.__add__, prefixes, values)) + "\n}"


class _NotPlain(Exception):
    """A value :func:`_indented` leaves to ``json.dumps``."""


def _indented(value: Any, level: int) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` for plain data, ``level`` levels deep."""
    kind = type(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = "\n" + "  " * (level + 1)
        parts = []
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain
            parts.append(encode_basestring(key) + ": " + _indented(item, level + 1))
        return "{" + inner + ("," + inner).join(parts) + "\n" + "  " * level + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = "\n" + "  " * (level + 1)
        items = [_indented(item, level + 1) for item in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + "  " * level + "]"
    scalar = _SCALARS.get(kind)
    if scalar is None:
        raise _NotPlain
    return scalar(value)


def finite_or_none(value: float) -> float | None:
    """JSON has no NaN or infinity; a metric that could not be computed is ``null``."""
    return value if math.isfinite(value) else None
