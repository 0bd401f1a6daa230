"""FileResults to plain JSON data and back (for the cache and for process boundaries).

JSON, not pickle: a cache folder may sit inside the folder being checked, and loading a pickle
from there would run whatever code it holds.
"""

from __future__ import annotations

from typing import Any

from contentlint.findings import FileError, FileResult, Finding, Fix, Severity, Span


def finding_to_data(finding: Finding) -> list[Any]:
    s = finding.span
    fix = [finding.fix.offset, finding.fix.end_offset, finding.fix.replacement] if finding.fix else None
    extra = finding.extra
    return [
        [s.line, s.column, s.end_line, s.end_column, s.offset, s.end_offset, s.column_utf16, s.end_column_utf16],
        finding.rule, finding.name, finding.category, _VALUES[finding.severity], finding.message,
        finding.suggestion, finding.text, finding.article_level, fix, [list(pair) for pair in extra] if extra else [],
    ]


_VALUES = {severity: severity.value for severity in Severity}  # quicker than the enum's ``value``


def finding_from_data(path: str, data: list[Any]) -> Finding:
    span, rule, name, category, severity, message, suggestion, text, article_level, fix, extra = data
    return Finding(
        path=path,
        span=Span(*span),
        rule=rule,
        name=name,
        category=category,
        severity=Severity(severity),
        message=message,
        suggestion=suggestion,
        text=text,
        article_level=article_level,
        fix=Fix(*fix) if fix else None,
        extra=tuple((str(k), v) for k, v in extra),
    )


def result_to_data(result: FileResult) -> dict[str, Any]:
    return {
        "findings": [finding_to_data(f) for f in result.findings],
        "metrics": result.metrics,
        "title": result.title,
        "error": result.error.reason if result.error else None,
        "notes": result.notes,
        "failed_rules": result.failed_rules,
    }


def result_from_data(path: str, data: dict[str, Any]) -> FileResult:
    return FileResult(
        path=path,
        findings=[finding_from_data(path, item) for item in data["findings"]],
        metrics=dict(data["metrics"]),
        error=FileError(path, data["error"]) if data.get("error") else None,
        title=data.get("title"),
        notes=list(data.get("notes") or []),
        failed_rules=list(data.get("failed_rules") or []),
    )
