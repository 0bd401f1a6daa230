"""SARIF 2.1.0, the format GitHub code scanning and many editors import.

Columns are counted in UTF-16 code units (``run.columnKind``), as GitHub expects. Files under
the working folder get URIs relative to ``%SRCROOT%``; others get absolute ``file://`` URIs.
Each result carries a fingerprint built from the rule, the file and the flagged words, so an
alert keeps its identity when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

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
from contentlint.reports.json_report import dumps, finite_or_none, nested

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/contentlint/contentlint"
FINGERPRINT_KEY = "contentlintFingerprint/v1"
ROOT_ID = "%SRCROOT%"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# GitHub's own severity scale for results that are not security alerts
_PROBLEM_SEVERITY = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}


def render(run: RunResult, options: ReportOptions) -> str:
    return dumps(report(run, options)) + "\n"


def report(run: RunResult, options: ReportOptions) -> dict[str, Any]:
    """The SARIF log as plain data."""
    root = options.root
    findings = [f for result in run.files for f in ordered_findings(result)]
    descriptors = _rule_descriptors(run.rules, _first_unknown(run.rules, findings))
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    seen: Counter[tuple[str, str, str]] = Counter()
    locations: dict[str, dict[str, Any]] = {}
    results = [_result(f, index[f.rule], root, options.sources.get(f.path), seen, locations) for f in findings]
    sarif_run = _run_head(run.version, descriptors, Totals.of(run.files).errors, root)
    sarif_run["results"] = results
    metrics = {r.path: _metrics(r) for r in run.files if r.metrics}
    if metrics:
        sarif_run["properties"] = {"metrics": metrics}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]}


def _run_head(version: str, descriptors: list[dict[str, Any]], errors: list[FileError], root: Path) -> dict[str, Any]:
    """Everything of the run that comes before its results."""
    return {
        "tool": {
            "driver": {
                "name": "contentlint",
                "version": version,
                "semanticVersion": version,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [_invocation(errors, root)],
        "originalUriBaseIds": {ROOT_ID: {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "utf16CodeUnits",
    }


def _metrics(result: FileResult) -> dict[str, float | None]:
    return {k: finite_or_none(v) for k, v in sorted(result.metrics.items())}


# Where a result's rule index goes until the rules are all known: the rule's code in hexadecimal
# between NULs (NUL never appears in JSON text, and hexadecimal digits are safe in any code).
_INDEX_MARK = "\0"
_INDEX_PLACEHOLDER = '"ruleIndex": -1'


def _marked(code: str) -> str:
    return f'"ruleIndex": {_INDEX_MARK}{code.encode("utf-8").hex()}{_INDEX_MARK}'


class Writer:
    """The log of :func:`render`, written as results arrive.

    The rule descriptors and the unreadable files come before the results in the log, and a rule
    that reported without being active adds a descriptor (shifting the indexes after it), so the
    results wait in a temporary file with a mark for their rule until the run is over.
    Fingerprints count repeated words within a file, as a run names each file once.
    """

    def __init__(self, write: Write, rules: Mapping[str, Any], version: str, options: ReportOptions) -> None:
        self.write = write
        self.rules = rules
        self.version = version
        self.options = replace(options, cwd=str(options.root), sources={})
        self.root = options.root
        self.results = Spool()
        self.metrics = Spool()
        self.any_result = False
        self.any_metrics = False
        self.unknown: dict[str, dict[str, Any]] = {}  # descriptors of rules that reported without being active

    def add(self, result: FileResult, source: str | None = None) -> None:
        self.add_parts(utf8_parts(file_parts(result, source, self.options)))

    def add_parts(self, parts: tuple[bytes, ...]) -> None:
        results, metrics, rules = parts
        if results:
            self.results.write(results if self.any_result else results[1:])  # the first item has no comma
            self.any_result = True
        if metrics:
            self.metrics.write(metrics if self.any_metrics else metrics[1:])
            self.any_metrics = True
        for code, descriptor in json.loads(rules).items() if rules else ():
            if code not in self.rules:
                self.unknown.setdefault(code, descriptor)

    def finish(self, totals: Totals) -> None:
        descriptors = _rules_with(self.rules, self.unknown)
        by_mark = {d["id"].encode("utf-8").hex().encode(): str(i).encode() for i, d in enumerate(descriptors)}
        head = _run_head(self.version, descriptors, totals.errors, self.root)
        text = "{\n  \"$schema\": " + dumps(SCHEMA_URI) + ',\n  "version": "2.1.0",\n  "runs": [\n    {'
        text += "".join(f"\n      {dumps(key)}: {nested(value, 3)}," for key, value in head.items())
        self.write(text + '\n      "results": [')
        for chunk in _with_rule_indexes(self.results.chunks(), by_mark):
            self.write(chunk)
        text = "\n      ]" if self.any_result else "]"
        if self.any_metrics:
            self.write(text + ',\n      "properties": {\n        "metrics": {')
            self.metrics.copy_to(self.write)
            text = "\n        }\n      }"
        self.write(text + "\n    }\n  ]\n}\n")


def parts_key(options: ReportOptions) -> str:
    return f"sarif root={options.root} source={options.show_source}"


def file_parts(result: FileResult, source: str | None, options: ReportOptions) -> tuple[str, ...]:
    """A file's results (each marked with its rule until the rule indexes are known), its
    metrics entry, each written as if it followed another item, and the descriptors a rule
    that is not active would need, as JSON."""
    root = options.root
    if not options.show_source:
        source = None
    seen: Counter[tuple[str, str, str]] = Counter()
    locations: dict[str, dict[str, Any]] = {}
    items = []
    descriptors: dict[str, dict[str, Any]] = {}
    for finding in ordered_findings(result):
        if finding.rule not in descriptors:
            descriptors[finding.rule] = _describe_unknown(finding)
        text = dumps(_result(finding, -1, root, source, seen, locations))
        items.append(json_array_item(text.replace(_INDEX_PLACEHOLDER, _marked(finding.rule), 1), 4, first=False))
    metrics = ""
    if result.metrics:
        metrics = json_array_item(dumps(result.path) + ": " + dumps(_metrics(result)), 5, first=False)
    return "".join(items), metrics, json.dumps(descriptors) if descriptors else ""


def _rules_with(rules: Mapping[str, Any], unknown: Mapping[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every active rule's descriptor and the given ones of rules that reported, by code."""
    codes = sorted(set(rules) | set(unknown))
    return [_describe(rules[code]) if code in rules else unknown[code] for code in codes]


def _with_rule_indexes(chunks: Iterator[bytes], by_mark: dict[bytes, bytes]) -> Iterator[bytes]:
    """The spooled results with each mark replaced by its rule's index (a mark may straddle chunks)."""
    mark = _INDEX_MARK.encode()
    carry = b""
    for chunk in chunks:
        parts = (carry + chunk).split(mark)
        carry = b""
        if len(parts) % 2 == 0:  # the chunk ends inside a mark
            carry = mark + parts.pop()
        for i in range(1, len(parts), 2):
            parts[i] = by_mark[parts[i]]
        yield b"".join(parts)


def _first_unknown(rules: Mapping[str, Any], findings: Iterable[Finding]) -> dict[str, Finding]:
    """The first finding of each rule that reported without being among ``rules``."""
    first: dict[str, Finding] = {}
    for finding in findings:
        if finding.rule not in rules:
            first.setdefault(finding.rule, finding)
    return first


def _rule_descriptors(rules: Mapping[str, Any], unknown: Mapping[str, Finding]) -> list[dict[str, Any]]:
    """Every active rule and every rule that reported, by code."""
    codes = sorted(set(rules) | set(unknown))
    return [_describe(rules[code]) if code in rules else _describe_unknown(unknown[code]) for code in codes]


def _describe(meta: Any) -> dict[str, Any]:
    """A reportingDescriptor from a :class:`~contentlint.rules.base.RuleMeta`."""
    sources = list(meta.sources)
    help_text = f"{meta.description}\n\nWhy: {meta.rationale}"
    help_markdown = f"{meta.description}\n\n**Why:** {meta.rationale}"
    if sources:
        help_text += "\n\nSources: " + "; ".join(sources)
        help_markdown += "\n\n**Sources:**\n\n" + "\n".join(f"- {s}" for s in sources)
    properties: dict[str, Any] = {
        "tags": [meta.category],
        "problem.severity": _PROBLEM_SEVERITY[meta.severity],
    }
    precision = getattr(meta, "precision", None)
    if precision:
        properties["precision"] = precision
    descriptor: dict[str, Any] = {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.description},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": _LEVELS[meta.severity]},
        "properties": properties,
    }
    help_uri = getattr(meta, "help_uri", None)
    if help_uri:
        descriptor["helpUri"] = help_uri
    return descriptor


def _describe_unknown(finding: Finding) -> dict[str, Any]:
    """A minimal descriptor for a rule that reported but whose metadata the run does not carry."""
    return {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": finding.name},
        "defaultConfiguration": {"level": _LEVELS[finding.severity]},
        "properties": {"tags": [finding.category], "problem.severity": _PROBLEM_SEVERITY[finding.severity]},
    }


def _result(
    finding: Finding,
    rule_index: int,
    root: Path,
    source: str | None,
    seen: Counter[tuple[str, str, str]],
    locations: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    span = finding.span
    message = finding.message
    if finding.suggestion:
        message = f"{message} {finding.suggestion}"
    region: dict[str, Any] = {
        "startLine": span.line,
        "startColumn": span.column_utf16,
        "endLine": span.end_line,
        "endColumn": span.end_column_utf16,
    }
    snippet = _snippet(finding, source)
    if snippet:
        region["snippet"] = {"text": snippet}

    location = locations.get(finding.path)
    if location is None:  # the same for every finding of a file
        location = locations[finding.path] = artifact_location(finding.path, root)
    # identical words flagged twice in one file stay distinct: the n-th occurrence gets ":n"
    words = "" if finding.article_level else " ".join(finding.text.split())
    key = (finding.rule, location["uri"], words)
    seen[key] += 1
    digest = hashlib.sha256("\0".join(key).encode("utf-8")).hexdigest()[:32]

    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{seen[key]}"},
    }
    if finding.article_level:
        result["properties"] = {"articleLevel": True}
    return result


def _snippet(finding: Finding, source: str | None) -> str:
    """The exact text of the region from the source when it is known, else the flagged prose."""
    span = finding.span
    if source is not None and 0 <= span.offset <= span.end_offset <= len(source):
        return source[span.offset : span.end_offset]
    return finding.text


def artifact_location(path: str, root: Path) -> dict[str, Any]:
    """A URI relative to ``%SRCROOT%`` for files under ``root``, else an absolute ``file://`` URI."""
    absolute = Path(os.path.abspath(os.path.join(root, path)))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    posix = PurePosixPath(*relative.parts).as_posix()
    # a name the system could not decode is quoted from its own bytes, as as_uri() does
    return {"uri": quote(posix, safe="/", errors="surrogateescape"), "uriBaseId": ROOT_ID}


def _invocation(errors: list[FileError], root: Path) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": True}
    notifications = [
        {
            "level": "error",
            "message": {"text": f"Could not read this file: {error.reason}"},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error.path, root)}}],
        }
        for error in errors
    ]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
