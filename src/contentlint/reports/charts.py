"""The overview charts of the HTML report, drawn by pygal as inline SVG.

pygal is an optional dependency (``contentlint[report]``); :func:`require_pygal` explains how to
install it. Every chart is made safe to inline in a page that may make no request: pygal's
tooltip script is switched off, its comments (which name its web site) are dropped, and the XML
namespace declarations are removed because the HTML parser puts an inline ``<svg>`` in the SVG
namespace by itself. pygal's own ``<script>`` (its configuration, for the tooltips) is dropped too:
the page runs only its own script.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

from contentlint.errors import ContentlintError
from contentlint.findings import CATEGORIES, Finding, Severity

# The reading grade most plain-language guidance for patient information aims at or below.
TARGET_GRADE = 8.0

SEVERITY_COLOURS = {Severity.ERROR: "#c62828", Severity.WARNING: "#ef8f00", Severity.INFO: "#1f6fbf"}
_BELOW_TARGET, _ABOVE_TARGET, _TARGET_MARK = "#2e8b57", "#d9822b", "#222222"
_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
_NAMESPACES = (' xmlns="http://www.w3.org/2000/svg"', ' xmlns:xlink="http://www.w3.org/1999/xlink"')
_MAX_RULES = 15


class MissingReportDependency(ContentlintError):
    """The optional chart library is not installed."""


def require_pygal() -> Any:
    try:
        import pygal
    except ImportError:
        raise MissingReportDependency(
            "the HTML report draws its charts with pygal, which is not installed: "
            "run `pip install 'contentlint[report]'`"
        ) from None
    return pygal


def severity_by_category(findings: Sequence[Finding]) -> str:
    """A stacked bar a category, one colour a severity."""
    pygal = require_pygal()
    counts = Counter((f.category, f.severity) for f in findings)
    categories = list(CATEGORIES) + sorted({f.category for f in findings} - set(CATEGORIES))
    severities = (Severity.ERROR, Severity.WARNING, Severity.INFO)
    chart = pygal.StackedBar(
        **_common(pygal, "Findings per category and severity", [SEVERITY_COLOURS[s] for s in severities])
    )
    chart.x_labels = categories
    for severity in severities:
        chart.add(severity.value, [counts.get((c, severity), 0) or None for c in categories])
    totals = Counter(f.category for f in findings)
    chart.y_labels = integer_ticks(max(totals.values(), default=0))
    return _svg(chart, "categories")


def grade_histogram(grades: Sequence[float], metric_label: str) -> str:
    """Articles per whole reading grade, split at the target, with the target drawn as a line."""
    pygal = require_pygal()
    title = f"Reading grade per article (target: {TARGET_GRADE:g} or lower)"
    chart = pygal.Histogram(**_common(pygal, title, [_BELOW_TARGET, _ABOVE_TARGET, _TARGET_MARK]))
    chart.print_values = False
    bins = Counter(math.floor(g) for g in grades if math.isfinite(g))
    # an empty bin a grade below the target keeps the target line clear of the axis
    low = int(min([TARGET_GRADE, *bins])) - 1
    below = [(0, low, low + 1)] + [(n, b, b + 1) for b, n in sorted(bins.items()) if b + 1 <= TARGET_GRADE]
    above: list[tuple[int, float, float]] = [(n, b, b + 1) for b, n in sorted(bins.items()) if b + 1 > TARGET_GRADE]
    chart.add(f"at or below grade {TARGET_GRADE:g}", below)
    chart.add(f"above grade {TARGET_GRADE:g}", above or [(0, low, low + 1)])
    tallest = max(bins.values(), default=1)
    chart.y_labels = integer_ticks(tallest)
    # a bar one twentieth of a grade wide reads as the target line, drawn by the library itself
    chart.add(f"target (grade {TARGET_GRADE:g})", [(tallest, TARGET_GRADE - 0.025, TARGET_GRADE + 0.025)])
    chart.x_title = f"{metric_label} (US school year)"
    chart.y_title = "articles"
    return _svg(chart, "grades")


def findings_per_rule(findings: Sequence[Finding]) -> str:
    """The rules that fired most, most frequent at the top."""
    pygal = require_pygal()
    counts = Counter(f.rule for f in findings)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:_MAX_RULES]
    title = "Findings per rule" if len(counts) <= _MAX_RULES else f"Findings per rule (top {_MAX_RULES})"
    chart = pygal.HorizontalBar(**_common(pygal, title, ["#5b5ea6"], height=max(220, 60 + 28 * len(top))))
    names = {f.rule: f.name for f in findings}
    # a horizontal bar chart lists its first label at the bottom
    chart.x_labels = [f"{code} {names[code]}" for code, _ in reversed(top)]
    chart.add("findings", [n for _, n in reversed(top)])
    chart.y_labels = integer_ticks(top[0][1] if top else 0)
    chart.show_legend = False
    return _svg(chart, "rules")


def integer_ticks(maximum: int, most: int = 6) -> list[int]:
    """Whole-number axis labels from 0 to at least ``maximum`` (counts have no fractions)."""
    step, multipliers = 1, itertools.cycle((2, 2.5, 2))  # 1, 2, 5, 10, 20, 50 ...
    while maximum / step > most:
        step = round(step * next(multipliers))
    top = max(step, -(-maximum // step) * step)
    return list(range(0, top + 1, step))


def _common(pygal: Any, title: str, colours: list[str], *, height: int = 360) -> dict[str, Any]:
    style = pygal.style.Style(
        background="transparent",
        plot_background="transparent",
        foreground="#333333",
        foreground_strong="#111111",
        foreground_subtle="#dddddd",
        font_family=_FONT,
        title_font_size=18,
        label_font_size=14,
        major_label_font_size=14,
        legend_font_size=14,
        value_font_size=14,
        colors=tuple(colours),
    )
    return {
        "title": title,
        "style": style,
        "width": 560,
        "height": height,
        "js": [],
        "disable_xml_declaration": True,
        "print_values": True,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "explicit_size": True,
        "margin": 12,
        "no_data_text": "nothing to show",
        "print_zeroes": False,
        "truncate_label": -1,
        "truncate_legend": -1,
    }


def _svg(chart: Any, name: str) -> str:
    # pygal prefixes the chart's CSS with its id: a fixed id keeps the page reproducible
    chart.uuid = name
    chart.add_xml_filter(_drop_comments_and_scripts)
    svg = str(chart.render(is_unicode=True))
    for declaration in _NAMESPACES:
        svg = svg.replace(declaration, "", 1)
    return svg


def _drop_comments_and_scripts(root: Any) -> Any:
    for parent in list(root.iter()):
        for child in list(parent):
            # comments and processing instructions have a callable, not a string, as their tag
            if not isinstance(child.tag, str) or child.tag.rsplit("}", 1)[-1] == "script":
                parent.remove(child)
    return root
