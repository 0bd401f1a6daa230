"""Linting a corpus on a Dask cluster: the same rules, configuration and findings as a local run.

Three inputs, one output shape::

    from contentlint.config import Config
    from contentlint.dask import lint_files, lint_records, lint_frame

    run = lint_files(paths, Config())            # files on storage every worker can read
    run = lint_records(bag, Config())            # a Dask bag of (id, text[, kind]) records or dicts
    run = lint_frame(df, Config())               # a Dask dataframe with id and text (and kind) columns
    run.findings.to_parquet("findings/")         # one row per finding
    print(run.summary())                         # articles, findings per rule and severity, errors

The configuration is shipped to the workers and each worker builds its rule set once; rule packs
named in the configuration and plugin rules must be installed or reachable on every worker.
``iter_file_results`` is what ``contentlint check --scheduler`` uses: it reads the files where it
runs, sends their text to the cluster and yields results in the order of the paths.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

try:
    import dask.bag
    import dask.dataframe
    import pandas as pd
    from dask.base import compute
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - exercised by a subprocess test without dask
    raise ImportError(
        "contentlint.dask needs Dask, pandas and pyarrow: pip install 'contentlint[dask]'"
    ) from exc

from contentlint.config import Config
from contentlint.findings import FileError, FileResult
from contentlint.serialize import result_from_data, result_to_data

if TYPE_CHECKING:
    from distributed import Client

    from contentlint.cache import ResultCache
    from contentlint.ruleset import RuleSet

__all__ = [
    "ARTICLE_COLUMNS",
    "FINDING_COLUMNS",
    "CorpusRun",
    "connect",
    "iter_file_results",
    "lint_files",
    "lint_frame",
    "lint_records",
]

FINDING_COLUMNS: tuple[str, ...] = (
    "line", "column", "end_line", "end_column", "rule", "name", "category", "severity",
    "message", "suggestion", "text", "article_level",
)
ARTICLE_COLUMNS: tuple[str, ...] = ("title", "findings", "errors", "warnings", "infos", "error")

_DEFAULT_PARTITION = 64
_WINDOW_PER_WORKER = 4

# One rule set per worker process and configuration: building it loads every rule and pack.
_rulesets: dict[str, RuleSet] = {}


def _ruleset(config: Config) -> RuleSet:
    from contentlint.ruleset import RuleSet

    key = f"{config.fingerprint()}\nroot={config.root!r}"
    ruleset = _rulesets.get(key)
    if ruleset is None:
        ruleset = _rulesets[key] = RuleSet(config)
    return ruleset


def _check(path: str, content: bytes, config: Config) -> dict[str, Any]:
    from contentlint.runner import check_content

    return result_to_data(check_content(path, content, _ruleset(config)))


def _check_text(label: str, text: str, kind: str, config: Config) -> dict[str, Any]:
    from contentlint.engine import lint_text

    if kind not in ("md", "txt", "html"):
        return result_to_data(FileResult(label, error=FileError(label, f"unknown kind {kind!r}: use md, txt or html")))
    return result_to_data(lint_text(text, kind=kind, path=label, ruleset=_ruleset(config)))


# --- partition functions (run on the workers) -----------------------------------------------------


def _lint_path_partition(paths: Sequence[str], config: Config) -> list[tuple[str, dict[str, Any]]]:
    from contentlint.reading import read_bytes

    out: list[tuple[str, dict[str, Any]]] = []
    for path in paths:
        content = read_bytes(path, config.max_file_bytes)
        if isinstance(content, FileError):
            out.append((path, result_to_data(FileResult(path, error=content))))
        else:
            out.append((path, _check(path, content, config)))
    return out


def _record_fields(record: Any, default_kind: str) -> tuple[str, str, str]:
    if isinstance(record, dict):
        return str(record["id"]), str(record["text"]), str(record.get("kind") or default_kind)
    if len(record) == 2:
        return str(record[0]), str(record[1]), default_kind
    return str(record[0]), str(record[1]), str(record[2] or default_kind)


def _lint_record_partition(records: Iterable[Any], config: Config, kind: str) -> list[tuple[str, dict[str, Any]]]:
    out: list[tuple[str, dict[str, Any]]] = []
    for record in records:
        label, text, record_kind = _record_fields(record, kind)
        out.append((label, _check_text(label, text, record_kind, config)))
    return out


def _lint_frame_partition(
    frame: pd.DataFrame, config: Config, id_column: str, text_column: str, kind_column: str | None, kind: str
) -> list[tuple[str, dict[str, Any]]]:
    ids = frame[id_column].tolist()
    texts = frame[text_column].tolist()
    kinds = frame[kind_column].tolist() if kind_column else [kind] * len(ids)
    return _lint_record_partition(zip(ids, texts, kinds, strict=True), config, kind)


# --- turning results into frames ------------------------------------------------------------------


def _findings_meta(id_column: str) -> pd.DataFrame:
    columns = {id_column: "string", **{name: "string" for name in FINDING_COLUMNS}}
    for name in ("line", "column", "end_line", "end_column"):
        columns[name] = "int64"
    columns["article_level"] = "bool"
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def _articles_meta(id_column: str) -> pd.DataFrame:
    columns = {id_column: "string", "title": "string", "findings": "int64", "errors": "int64",
               "warnings": "int64", "infos": "int64", "error": "string"}
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


def _findings_frame(part: list[tuple[str, dict[str, Any]]], id_column: str) -> pd.DataFrame:
    rows = []
    for label, data in part:
        for finding in result_from_data(label, data).findings:
            row = finding.to_dict()
            row[id_column] = row.pop("path")
            rows.append(row)
    meta = _findings_meta(id_column)
    if not rows:
        return meta
    return pd.DataFrame(rows, columns=list(meta.columns)).astype(meta.dtypes.to_dict())


def _articles_frame(part: list[tuple[str, dict[str, Any]]], id_column: str) -> pd.DataFrame:
    rows = []
    for label, data in part:
        result = result_from_data(label, data)
        severities = [f.severity.value for f in result.findings]
        rows.append({
            id_column: label,
            "title": result.title,
            "findings": len(severities),
            "errors": severities.count("error"),
            "warnings": severities.count("warning"),
            "infos": severities.count("info"),
            "error": result.error.reason if result.error else None,
        })
    meta = _articles_meta(id_column)
    if not rows:
        return meta
    return pd.DataFrame(rows, columns=list(meta.columns)).astype(meta.dtypes.to_dict())


@dataclass(frozen=True)
class CorpusRun:
    """The lazy outcome of linting a corpus; nothing runs until a frame is computed or written.

    ``findings`` has one row per finding (the id column, then :data:`FINDING_COLUMNS`);
    ``articles`` one row per article (the id column, then :data:`ARTICLE_COLUMNS`; ``error``
    says why an article could not be checked). Both come from the same tasks, so computing
    them together (as :meth:`summary` does) lints each article once.
    """

    findings: dask.dataframe.DataFrame
    articles: dask.dataframe.DataFrame
    id_column: str

    def summary(self) -> dict[str, Any]:
        """Totals computed on the cluster: articles, findings by rule and severity, unreadable articles."""
        by_rule = self.findings.groupby("rule").size()
        by_severity = self.findings.groupby("severity").size()
        count = self.articles[self.id_column].count()
        failed = self.articles[self.articles["error"].notnull()][self.id_column]
        rules, severities, articles, errors = compute(by_rule, by_severity, count, failed)
        return {
            "articles": int(articles),
            "findings": int(rules.sum()) if len(rules) else 0,
            "by_rule": {str(k): int(v) for k, v in sorted(rules.items())},
            "by_severity": {str(k): int(v) for k, v in sorted(severities.items())},
            "unreadable": sorted(str(v) for v in errors.tolist()),
        }

    def to_parquet(self, path: str, **options: Any) -> None:
        """Write the findings to a Parquet dataset (a folder of part files)."""
        self.findings.to_parquet(path, write_index=False, **options)


def _run(parts: list[Any], id_column: str) -> CorpusRun:
    to_findings = delayed(_findings_frame, pure=True)
    to_articles = delayed(_articles_frame, pure=True)
    findings = dask.dataframe.from_delayed(
        [to_findings(part, id_column) for part in parts], meta=_findings_meta(id_column), verify_meta=False
    )
    articles = dask.dataframe.from_delayed(
        [to_articles(part, id_column) for part in parts], meta=_articles_meta(id_column), verify_meta=False
    )
    return CorpusRun(findings=findings, articles=articles, id_column=id_column)


def lint_files(paths: Iterable[str], config: Config | None = None, *, partition_size: int = _DEFAULT_PARTITION,
               discover: bool = True) -> CorpusRun:
    """Lint files that every worker can read (a shared or mounted file system).

    With ``discover`` (the default) folders are walked here as ``contentlint check`` walks them;
    the file list is split into partitions of ``partition_size`` files each.
    """
    config = config or Config()
    files = list(paths)
    if discover:
        from contentlint.discovery import discover as walk

        files = list(walk(files, config.exclude, config.force_exclude))
    _ruleset(config)  # an invalid configuration fails here, not on every worker
    lint = delayed(_lint_path_partition, pure=True)
    parts = [lint(files[i : i + partition_size], config) for i in range(0, len(files), partition_size)]
    return _run(parts, "path")


def lint_records(records: dask.bag.Bag, config: Config | None = None, *, kind: str = "md") -> CorpusRun:
    """Lint a Dask bag of ``(id, text)`` or ``(id, text, kind)`` tuples, or dicts with those keys.

    ``kind`` (``md``, ``txt`` or ``html``) applies to records that do not name their own.
    """
    config = config or Config()
    _ruleset(config)
    lint = delayed(_lint_record_partition, pure=True)
    parts = [lint(part, config, kind) for part in records.to_delayed()]
    return _run(parts, "id")


def lint_frame(frame: dask.dataframe.DataFrame, config: Config | None = None, *, id_column: str = "id",
               text_column: str = "text", kind_column: str | None = None, kind: str = "md") -> CorpusRun:
    """Lint a Dask dataframe with an id and a text column (and optionally a kind column per row)."""
    config = config or Config()
    _ruleset(config)
    if kind_column is None and "kind" in frame.columns:
        kind_column = "kind"
    lint = delayed(_lint_frame_partition, pure=True)
    parts = [lint(part, config, id_column, text_column, kind_column, kind) for part in frame.to_delayed()]
    return _run(parts, "id")


# --- the command line's job on a cluster ----------------------------------------------------------


@contextmanager
def connect(scheduler: str, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (``tcp://host:8786``), or of a new local cluster
    of ``workers`` single-threaded worker processes when ``scheduler`` is ``local``; both are
    closed on leaving the block. An unreachable scheduler raises :class:`ContentlintError`."""
    from distributed import Client, LocalCluster

    from contentlint.errors import ContentlintError

    if scheduler == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        remote = Client(scheduler, timeout=10)
    except (OSError, ValueError, TimeoutError) as exc:
        raise ContentlintError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with remote as client:
        yield client


def _check_batch(batch: list[tuple[str, bytes]], config: Config) -> list[dict[str, Any]]:
    return [_check(path, content, config) for path, content in batch]


class _Decoded:
    """A Dask future of a batch's results as JSON data, read back as FileResults."""

    def __init__(self, future: Any, paths: list[str]) -> None:
        self._future = future
        self._paths = paths

    def result(self) -> list[FileResult]:
        return [result_from_data(path, data) for path, data in zip(self._paths, self._future.result(), strict=True)]


def iter_file_results(
    files: Iterable[str],
    config: Config,
    client: Client,
    *,
    cache: ResultCache | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[FileResult]:
    """Check ``files`` on the cluster behind ``client``, yielding results in the order of ``files``.

    Files are read here (the workers need not see them) and looked up in ``cache`` first; only a
    bounded window of batches is in flight, so memory stays flat however many files there are.
    """
    from contentlint.runner import Job, ordered_batches

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    shipped = client.scatter(config, broadcast=True)

    def submit(work: list[Job]) -> _Decoded:
        future = client.submit(_check_batch, [(job.path, job.content) for job in work], shipped, pure=False)
        return _Decoded(future, [job.path for job in work])

    yield from ordered_batches(files, config, submit, workers * _WINDOW_PER_WORKER, cache, progress)
