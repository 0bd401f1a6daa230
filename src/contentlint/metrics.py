"""Per-article metrics shown in reports and by ``contentlint stats``: size and reading grades.

Every metric is measured on the article's running prose as described in
:mod:`contentlint.text.readability`; a grade that cannot be computed (no prose) is NaN, which the
JSON and SARIF reports write as ``null``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from contentlint.config import Config
from contentlint.document import Article, kind_for_path, parse
from contentlint.findings import FileError, FileResult

METRIC_NAMES: tuple[str, ...] = (
    "words",
    "sentences",
    "average_sentence_length",
    "flesch_kincaid_grade",
    "smog_index",
    "flesch_reading_ease",
)
# Metrics that add up over a corpus; the others are averaged over its articles.
ADDITIVE = frozenset({"words", "sentences"})


def compute_metrics(article: Article) -> dict[str, float]:
    from contentlint.text.readability import flesch_kincaid_grade, flesch_reading_ease, prose_stats, smog_index

    counts = prose_stats(article).counts if article.text.strip() else None
    if counts is None or not counts.sentences:
        return {"words": 0.0, "sentences": 0.0, "average_sentence_length": math.nan,
                "flesch_kincaid_grade": math.nan, "smog_index": math.nan, "flesch_reading_ease": math.nan}
    return {
        "words": float(counts.words),
        "sentences": float(counts.sentences),
        "average_sentence_length": round(counts.words / counts.sentences, 2),
        "flesch_kincaid_grade": round(flesch_kincaid_grade(counts), 2),
        "smog_index": round(smog_index(counts), 2),
        "flesch_reading_ease": round(flesch_reading_ease(counts), 2),
    }


def measure_paths(paths: Iterable[str], config: Config | None = None) -> Iterator[FileResult]:
    """Metrics (no findings) of every supported file under ``paths``, in a deterministic order."""
    from contentlint.discovery import discover
    from contentlint.reading import read_source

    resolved = config or Config()
    for path in discover(paths, resolved.exclude, resolved.force_exclude):
        kind = kind_for_path(path)
        if kind is None:
            yield FileResult(path, error=FileError(path, "unsupported file type"))
            continue
        source = read_source(path, resolved.max_file_bytes)
        if isinstance(source, FileError):
            yield FileResult(path, error=source)
            continue
        try:
            article = parse(source, kind, path)
        except RecursionError:
            yield FileResult(path, error=FileError(path, "markup nested too deeply to parse"))
            continue
        yield FileResult(path, metrics=compute_metrics(article), title=article.title)


def corpus_summary(results: Sequence[FileResult]) -> dict[str, dict[str, float]]:
    """``total`` of the additive metrics and ``mean`` of every metric over the measured articles
    (an article without prose is left out of a mean it has no value for)."""
    measured = [r.metrics for r in results if r.error is None]
    total = {name: float(sum(m.get(name, 0.0) for m in measured)) for name in ADDITIVE}
    mean: dict[str, float] = {}
    for name in METRIC_NAMES:
        values = [m[name] for m in measured if name in m and math.isfinite(m[name])]
        mean[name] = round(sum(values) / len(values), 2) if values else math.nan
    return {"total": dict(sorted(total.items())), "mean": mean}


def stats_report(results: Sequence[FileResult]) -> dict[str, Any]:
    """``contentlint stats --format json`` as plain data (NaN stays NaN; the writer makes it null)."""
    return {
        "files": [
            {"path": r.path, "title": r.title, "metrics": {n: r.metrics.get(n, math.nan) for n in METRIC_NAMES}}
            for r in results
            if r.error is None
        ],
        "errors": [{"path": r.error.path, "reason": r.error.reason} for r in results if r.error is not None],
        "corpus": {"files": sum(1 for r in results if r.error is None), **corpus_summary(results)},
    }


def metrics_table(results: Sequence[FileResult]) -> str:
    """A plain-text table: one row per article, then the corpus total and mean."""
    headers = ("path", "words", "sentences", "avg len", "FK grade", "SMOG", "ease")
    rows = [[_printable(r.path), *(_cell(r.metrics.get(n, math.nan), n) for n in METRIC_NAMES)]
            for r in results if r.error is None]
    summary = corpus_summary(results)
    rows.append(["TOTAL", *(_cell(summary["total"][n], n) if n in ADDITIVE else "" for n in METRIC_NAMES)])
    rows.append(["MEAN", *(_cell(summary["mean"][n], "mean") for n in METRIC_NAMES)])
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))]).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in rows[:-2])
    out.append(line(["-" * w for w in widths]))
    out.extend(line(row) for row in rows[-2:])
    return "\n".join(out)


def _cell(value: float, name: str) -> str:
    if not math.isfinite(value):
        return "-"
    if name in ADDITIVE:
        return f"{value:,.0f}"
    return f"{value:.1f}"


def _printable(text: str) -> str:
    """A path shown on a terminal: control characters become visible escapes."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
