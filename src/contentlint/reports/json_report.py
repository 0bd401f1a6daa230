"""The JSON report: every finding, unreadable file, per-file metrics and a summary.

Keys come in a fixed order and findings in the order of the text report, so two runs over the
same files give byte-identical output. ``</`` is written ``<\\/`` (the same string to any JSON
reader) so the report can be embedded in an HTML ``<script>`` block as it is.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from contentlint.findings import CATEGORIES, RunResult, Severity
from contentlint.reports import ReportOptions, ordered_findings


def render(run: RunResult, options: ReportOptions) -> str:
    return dumps(report(run)) + "\n"


def report(run: RunResult) -> dict[str, Any]:
    """The report as plain data."""
    findings = [f for result in run.files for f in ordered_findings(result)]
    checked = [r for r in run.files if r.error is None]
    by_category = dict.fromkeys(CATEGORIES, 0)
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_category[finding.category] = by_category.get(finding.category, 0) + 1
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {
        "version": run.version,
        "findings": [f.to_dict() for f in findings],
        "errors": [{"path": e.path, "reason": e.reason} for e in run.errors],
        "files": [
            {
                "path": r.path,
                "title": r.title,
                "metrics": {k: finite_or_none(v) for k, v in sorted(r.metrics.items())},
                "findings": len(r.findings),
            }
            for r in checked
        ],
        "summary": {
            "files": len(checked),
            "findings": len(findings),
            "error": run.count(Severity.ERROR),
            "warning": run.count(Severity.WARNING),
            "info": run.count(Severity.INFO),
            "unreadable": len(run.files) - len(checked),
            "by_category": by_category,
            "by_rule": dict(sorted(by_rule.items())),
        },
    }


# Characters JSON may leave raw that still act on a terminal (DEL, C1 controls such as CSI),
# reorder what is shown (bidirectional controls), or end a JavaScript line (U+2028, U+2029).
_RAW_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def dumps(data: Any) -> str:
    """JSON safe to print on a terminal and to embed in an HTML ``<script>`` element.

    The replacements only ever apply inside strings, where ``\\/`` and ``\\uXXXX`` are escapes
    every JSON reader decodes back to the original characters.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    text = _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text.replace("</", "<\\/")


def finite_or_none(value: float) -> float | None:
    """JSON has no NaN or infinity; a metric that could not be computed is ``null``."""
    return value if math.isfinite(value) else None
