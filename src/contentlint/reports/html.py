"""The HTML report: one self-contained page an editor opens in a browser, offline.

The overview (counts, charts drawn by pygal, the articles ranked worst first, findings per rule)
is written as HTML. Each article's view is drawn by the page's script, only when opened, from a
JSON payload embedded in the page, so a report of ten thousand articles opens quickly.

Article text is untrusted. Text written into the HTML goes through :func:`html.escape`; the
payload is JSON whose ``<``, ``>``, ``&``, U+2028 and U+2029 are written as ``\\uXXXX`` escapes
so it cannot end its ``<script>`` element; the script puts payload text into the page only as
text nodes, never as markup. A Content-Security-Policy lets the page run its own script alone
(by hash) and load nothing at all.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
from collections import Counter
from collections.abc import Mapping
from html import escape
from importlib import resources
from typing import Any

from contentlint.findings import CATEGORIES, FileResult, Finding, RunResult, Severity
from contentlint.reports import ReportOptions, charts, ordered_findings

# Which metric is "the" reading grade, in order of preference: the first one an article has.
GRADE_METRICS: tuple[tuple[str, str], ...] = (
    ("grade", "reading grade"),
    ("reading_grade", "reading grade"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade"),
    ("smog_index", "SMOG grade"),
    ("coleman_liau_index", "Coleman-Liau grade"),
)

_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                 0x2028: "\\u2028", 0x2029: "\\u2029"}


def render(run: RunResult, options: ReportOptions) -> str:
    checked = [r for r in run.files if r.error is None]
    findings = [f for r in checked for f in r.findings]
    grade_key, grade_label = grade_metric(checked)
    grades = [r.metrics[grade_key] for r in checked if grade_key in r.metrics]
    svg = {
        "categories": charts.severity_by_category(findings),
        "grades": charts.grade_histogram(grades, grade_label),
        "rules": charts.findings_per_rule(findings),
    }
    data = payload(run, options.sources, grade_key)
    return _page(run, data, svg, grade_label)


def grade_metric(results: list[FileResult]) -> tuple[str, str]:
    """The reading-grade metric the articles have (key, label); the first preferred one if none."""
    for key, label in GRADE_METRICS:
        if any(key in r.metrics for r in results):
            return key, label
    return GRADE_METRICS[0]


# A finding in the payload is an array, its fields in this order; messages and suggestions, which
# repeat across a corpus, are indexes into the payload's "texts" (-1: no suggestion).
FINDING_FIELDS = ("rule", "name", "category", "severity", "line", "column", "article", "message", "suggestion")


class _Texts:
    """Each distinct string once: a corpus repeats the same few suggestions many thousand times."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int:
        if text is None:
            return -1
        return self.index.setdefault(text, len(self.index))

    def table(self) -> list[str]:
        return list(self.index)


def payload(run: RunResult, sources: Mapping[str, str], grade_key: str) -> dict[str, Any]:
    """Everything the page's script draws: the articles, worst first, and the rules that fired."""
    texts = _Texts()
    articles = [_article(result, sources.get(result.path), grade_key, texts) for result in run.files]
    articles.sort(key=lambda a: (-a["errors"], -a["warnings"], -a["count"], a["path"]))
    fired = {f.rule for f in run.findings}
    rules = {code: _rule(run.rules[code]) for code in sorted(fired) if code in run.rules}
    return {
        "articles": articles,
        "texts": texts.table(),
        "finding_fields": list(FINDING_FIELDS),
        "rules": rules,
        "categories": list(CATEGORIES),
        "grade_metric": grade_key,
    }


def _article(result: FileResult, source: str | None, grade_key: str, texts: _Texts) -> dict[str, Any]:
    findings = ordered_findings(result)
    severities = Counter(f.severity for f in findings)
    grade = result.metrics.get(grade_key)
    words = result.metrics.get("words")
    return {
        "path": result.path,
        "title": result.title or "",
        "error": result.error.reason if result.error is not None else None,
        "count": len(findings),
        "errors": severities[Severity.ERROR],
        "warnings": severities[Severity.WARNING],
        "grade": _number(grade),
        "words": _number(words),
        "metrics": {k: _number(v) for k, v in sorted(result.metrics.items())},
        "findings": [_finding(f, texts) for f in findings],
        "segments": segments(source, findings) if source is not None else None,
    }


def _finding(finding: Finding, texts: _Texts) -> list[Any]:
    return [
        finding.rule,
        finding.name,
        finding.category,
        finding.severity.value,
        finding.span.line,
        finding.span.column,
        1 if finding.article_level else 0,
        texts(finding.message),
        texts(finding.suggestion),
    ]


def _rule(meta: Any) -> dict[str, Any]:
    return {
        "name": meta.name,
        "summary": meta.summary,
        "description": meta.description,
        "rationale": meta.rationale,
        "sources": list(meta.sources),
    }


def segments(source: str, findings: list[Finding]) -> list[list[Any]]:
    """The source cut where a finding starts or ends: ``[text, [finding indexes covering it]]``.

    Offsets are code points of the source, so the cutting happens here rather than in the
    browser, whose strings count UTF-16 units. Article-level findings point at an anchor rather
    than a problem in the text, so they are listed above the text instead of highlighted in it.
    """
    spans: list[tuple[int, int, int]] = []
    for index, finding in enumerate(findings):
        if finding.article_level:
            continue
        start = min(max(finding.span.offset, 0), len(source))
        end = min(max(finding.span.end_offset, start), len(source))
        if start == end:  # an insertion point: mark the character after it (or before, at the end)
            start, end = (start, start + 1) if start < len(source) else (max(0, start - 1), start)
        if start < end:
            spans.append((start, end, index))
    cuts = sorted({0, len(source)} | {s for s, _, _ in spans} | {e for _, e, _ in spans})
    pieces: list[list[Any]] = []
    for start, end in itertools.pairwise(cuts):
        covering = [i for s, e, i in spans if s <= start and end <= e]
        pieces.append([source[start:end], covering])
    return pieces


def _number(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(value, 2)


def script_json(data: Any) -> str:
    """JSON that cannot end or confuse the ``<script>`` element it is embedded in."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(
        _JSON_ESCAPES
    )


def _asset(name: str) -> str:
    return resources.files("contentlint.reports").joinpath("html_assets", name).read_text("utf-8")


def _page(run: RunResult, data: dict[str, Any], svg: dict[str, str], grade_label: str) -> str:
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; img-src 'none'; font-src 'none'; connect-src 'none'; "
        f"style-src 'unsafe-inline'; script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    checked = [a for a in data["articles"] if a["error"] is None]
    title = f"contentlint report: {len(checked)} articles"
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="referrer" content="no-referrer">\n',
            f"<title>{escape(title)}</title>\n<style>\n{_asset('report.css')}</style>\n</head>\n<body>\n",
            _header(run, checked),
            '<main id="overview">\n',
            _summary_tiles(run, checked),
            '<section class="charts">\n',
            "".join(f'<figure class="chart" id="figure-{name}">{markup}</figure>\n' for name, markup in svg.items()),
            "</section>\n",
            _articles_section(grade_label),
            _rules_section(run, data),
            _unreadable_section(data),
            "</main>\n",
            '<main id="article" hidden></main>\n',
            f'<script type="application/json" id="report-data">{script_json(data)}</script>\n',
            f"<script>{script}</script>\n</body>\n</html>\n",
        ]
    )


def _header(run: RunResult, checked: list[dict[str, Any]]) -> str:
    return (
        '<header class="top"><h1><a href="#" class="home">contentlint report</a></h1>'
        f'<p class="meta">{len(checked)} articles checked · contentlint {escape(run.version)}</p>'
        '<p class="legend">'
        + "".join(f'<span class="swatch cat-{escape(c)}">{escape(c)}</span>' for c in CATEGORIES)
        + "</p></header>\n"
    )


def _summary_tiles(run: RunResult, checked: list[dict[str, Any]]) -> str:
    with_findings = sum(1 for a in checked if a["count"])
    tiles = [
        ("articles", len(checked), ""),
        ("with findings", with_findings, ""),
        ("errors", run.count(Severity.ERROR), "sev-error"),
        ("warnings", run.count(Severity.WARNING), "sev-warning"),
        ("info", run.count(Severity.INFO), "sev-info"),
    ]
    unreadable = len(run.files) - len(checked)
    if unreadable:
        tiles.append(("could not be read", unreadable, "sev-error"))
    cells = "".join(
        f'<div class="tile {css}"><span class="number">{value:,}</span><span class="label">{label}</span></div>'
        for label, value, css in tiles
    )
    return f'<section class="tiles">{cells}</section>\n'


def _articles_section(grade_label: str) -> str:
    columns = [
        ("rank", "#", "number"),
        ("title", "Article", "text"),
        ("count", "Findings", "number"),
        ("errors", "Errors", "number"),
        ("warnings", "Warnings", "number"),
        ("grade", grade_label[:1].upper() + grade_label[1:], "number"),
        ("words", "Words", "number"),
    ]
    head = "".join(
        f'<th scope="col" data-key="{key}" data-type="{kind}"><button type="button">{escape(label)}</button></th>'
        for key, label, kind in columns
    )
    return (
        '<section class="articles"><h2>Articles, worst first</h2>'
        '<p class="hint">Ranked by errors, then warnings, then all findings. '
        "Click a column to sort by it, an article to read it with its findings highlighted.</p>"
        '<div class="controls"><input type="search" id="filter" placeholder="Filter by title or path"'
        ' aria-label="Filter articles by title or path"><span id="page-info"></span>'
        '<button type="button" id="prev">Previous</button><button type="button" id="next">Next</button></div>'
        f'<table id="articles"><thead><tr>{head}</tr></thead><tbody></tbody></table></section>\n'
    )


def _rules_section(run: RunResult, data: dict[str, Any]) -> str:
    counts = Counter(f.rule for f in run.findings)
    if not counts:
        return '<section class="rules"><h2>Findings per rule</h2><p>No findings.</p></section>\n'
    names = {f.rule: (f.name, f.category, f.severity.value) for f in run.findings}
    rows = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        name, category, severity = names[code]
        summary = data["rules"].get(code, {}).get("summary", "")
        rows.append(
            f'<tr><td><span class="swatch cat-{escape(category)}">{escape(code)}</span></td>'
            f"<td>{escape(name)}</td><td>{escape(category)}</td>"
            f'<td><span class="sev sev-{escape(severity)}">{escape(severity)}</span></td>'
            f'<td class="number">{count:,}</td><td>{escape(summary)}</td></tr>'
        )
    return (
        '<section class="rules"><h2>Findings per rule</h2><table><thead><tr>'
        '<th>Rule</th><th>Name</th><th>Category</th><th>Severity</th><th class="number">Findings</th>'
        f"<th>What it flags</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>\n"
    )


def _unreadable_section(data: dict[str, Any]) -> str:
    failed = [a for a in data["articles"] if a["error"] is not None]
    if not failed:
        return ""
    items = "".join(f"<li><code>{escape(a['path'])}</code>: {escape(a['error'])}</li>" for a in failed)
    return f'<section class="unreadable"><h2>Files that could not be read</h2><ul>{items}</ul></section>\n'
