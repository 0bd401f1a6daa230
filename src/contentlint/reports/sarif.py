"""SARIF 2.1.0, the format GitHub code scanning and many editors import.

Columns are counted in UTF-16 code units (``run.columnKind``), as GitHub expects. Files under
the working folder get URIs relative to ``%SRCROOT%``; others get absolute ``file://`` URIs.
Each result carries a fingerprint built from the rule, the file and the flagged words, so an
alert keeps its identity when lines above it move.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from contentlint.findings import Finding, RunResult, Severity
from contentlint.reports import ReportOptions, ordered_findings
from contentlint.reports.json_report import dumps, finite_or_none

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
    root = Path(os.path.abspath(options.cwd or os.getcwd()))
    findings = [f for result in run.files for f in ordered_findings(result)]
    descriptors = _rule_descriptors(run, findings)
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    seen: Counter[tuple[str, str, str]] = Counter()
    results = [_result(f, index[f.rule], root, options, seen) for f in findings]

    sarif_run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "contentlint",
                "version": run.version,
                "semanticVersion": run.version,
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }
        },
        "invocations": [_invocation(run, root)],
        "originalUriBaseIds": {ROOT_ID: {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "utf16CodeUnits",
        "results": results,
    }
    metrics = {
        r.path: {k: finite_or_none(v) for k, v in sorted(r.metrics.items())} for r in run.files if r.metrics
    }
    if metrics:
        sarif_run["properties"] = {"metrics": metrics}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]}


def _rule_descriptors(run: RunResult, findings: list[Finding]) -> list[dict[str, Any]]:
    """Every active rule and every rule that reported, by code."""
    first_finding: dict[str, Finding] = {}
    for finding in findings:
        first_finding.setdefault(finding.rule, finding)
    codes = sorted(set(run.rules) | set(first_finding))
    return [
        _describe(run.rules[code]) if code in run.rules else _describe_unknown(first_finding[code])
        for code in codes
    ]


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
    options: ReportOptions,
    seen: Counter[tuple[str, str, str]],
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
    snippet = _snippet(finding, options)
    if snippet:
        region["snippet"] = {"text": snippet}

    location = artifact_location(finding.path, root)
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


def _snippet(finding: Finding, options: ReportOptions) -> str:
    """The exact text of the region from the source when it is known, else the flagged prose."""
    source = options.sources.get(finding.path)
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
    return {"uri": quote(posix, safe="/"), "uriBaseId": ROOT_ID}


def _invocation(run: RunResult, root: Path) -> dict[str, Any]:
    invocation: dict[str, Any] = {"executionSuccessful": True}
    notifications = [
        {
            "level": "error",
            "message": {"text": f"Could not read this file: {error.reason}"},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(error.path, root)}}],
        }
        for error in run.errors
    ]
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
