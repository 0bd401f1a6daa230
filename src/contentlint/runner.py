"""Checking many files fast: a results cache, and worker processes with the report kept in order.

Files are read in the parent (to look them up in the cache by content) and the rest are checked
in batches by a process pool. Where workers are forked, the parent checks the first file itself
before starting them, so the patterns rules compile on first use are compiled once, not per
worker. Results come back in the order the files were found, whatever the scheduling, and only a
bounded window of batches is in flight, so memory stays flat however large the corpus.

Given a :class:`~contentlint.reports.PartsRenderer`, a worker also renders each file's part of
the report and sends back that text with the counts of its findings (a :class:`RenderedResult`)
instead of the findings; the parent only writes it, and keeps it in the cache for the next run.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, overload

from contentlint.config import Config
from contentlint.document import kind_for_path
from contentlint.findings import FileError, FileResult, RenderedResult, tally_of
from contentlint.reading import decode_source, read_bytes
from contentlint.ruleset import RuleSet

if TYPE_CHECKING:  # the cache (sqlite3) and the process pool are imported only by runs that use them
    from contentlint.cache import ResultCache
    from contentlint.reports import PartsRenderer

_BATCH = 8
_WINDOW_PER_JOB = 4
_SERIAL_BELOW = 6  # starting processes costs more than it saves on a handful of files

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    content: bytes
    digest: str  # the content's hash when the run keeps a cache (its result is then kept), else ""


Outcome = FileResult | RenderedResult

_worker_rules: RuleSet | None = None
_worker_renderer: PartsRenderer | None = None


def _init_worker(config: Config, renderer: PartsRenderer | None) -> None:
    global _worker_rules, _worker_renderer
    if _worker_rules is None or _worker_rules.config != config:
        _worker_rules = RuleSet(config)
    _worker_renderer = renderer


def check_content(path: str, content: bytes, ruleset: RuleSet) -> FileResult:
    """Decode and check one file's content (what a worker does)."""
    return _checked_source(path, content, ruleset)[0]


def _checked_source(path: str, content: bytes, ruleset: RuleSet) -> tuple[FileResult, str | None]:
    """The file's result, and its decoded text when it could be decoded."""
    from contentlint.engine import lint_source

    kind = kind_for_path(path)
    source = decode_source(path, content)
    if isinstance(source, FileError):
        return FileResult(path, error=source), None
    if kind is None:
        return FileResult(path, error=FileError(path, "unsupported file type")), source
    try:
        return lint_source(source, kind, path, ruleset), source
    except RecursionError:
        return FileResult(path, error=FileError(path, "markup nested too deeply to parse")), source


def _check_job(job: Job, ruleset: RuleSet, renderer: PartsRenderer | None) -> Outcome:
    result, source = _checked_source(job.path, job.content, ruleset)
    if renderer is None:
        return result
    return rendered(result, source, renderer, keep=job.digest != "")


def rendered(result: FileResult, source: str | None, renderer: PartsRenderer, *, keep: bool = False) -> Outcome:
    """The file's part of the report and the counts of its findings, with its result encoded for
    the cache when ``keep``; the result itself when it must be reported as such (it could not be
    checked, or a rule failed on it: neither is cached)."""
    if result.error is not None or result.failed_rules:
        return result
    from contentlint.reports import ordered_findings

    data = None
    if keep:
        import json

        from contentlint.serialize import result_to_data

        data = json.dumps(result_to_data(result))
    tally = tally_of(ordered_findings(result))
    return RenderedResult(result.path, renderer.parts(result, source), tally, tuple(result.notes), data)


def _check_batch(batch: list[Job]) -> list[Outcome]:
    assert _worker_rules is not None
    return [_check_job(job, _worker_rules, _worker_renderer) for job in batch]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def prepare(
    path: str, config: Config, cache: ResultCache | None, renderer: PartsRenderer | None = None
) -> Outcome | Job:
    """A cached or unreadable file's result, or the job of checking it."""
    if kind_for_path(path) is None:
        return FileResult(path, error=FileError(path, "unsupported file type: contentlint reads .md, "
                                                      ".markdown, .txt, .html and .htm files"))
    content = read_bytes(path, config.max_file_bytes)
    if isinstance(content, FileError):
        return FileResult(path, error=content)
    if cache is None:
        return Job(path, content, "")
    digest = cache.digest(content)
    if renderer is not None:
        done = cache.get_rendered(path, digest, renderer.key)
        if done is not None:
            return done
    cached = cache.get(path, digest)
    if cached is None:
        return Job(path, content, digest)
    if renderer is None:
        return cached
    # checked before, but never reported this way: render it from the cached result
    source = decode_source(path, content)
    outcome = rendered(cached, source if isinstance(source, str) else None, renderer)
    if isinstance(outcome, RenderedResult):
        cache.put_rendered(digest, renderer.key, outcome)
    return outcome


def keep(cache: ResultCache, job: Job, outcome: Outcome, renderer: PartsRenderer | None) -> None:
    """Put a result computed elsewhere into the cache."""
    if isinstance(outcome, FileResult):
        cache.put(job.path, job.digest, outcome)
        return
    if outcome.cache_data is not None:
        cache.put_data(job.path, job.digest, outcome.cache_data)
    if renderer is not None:
        cache.put_rendered(job.digest, renderer.key, outcome)


@overload
def check_files(
    paths: Iterable[str], config: Config, *, jobs: int = ..., cache: ResultCache | None = ...,
    progress: Progress | None = ..., renderer: None = ...,
) -> Iterator[FileResult]: ...


@overload
def check_files(
    paths: Iterable[str], config: Config, *, jobs: int = ..., cache: ResultCache | None = ...,
    progress: Progress | None = ..., renderer: PartsRenderer,
) -> Iterator[Outcome]: ...


def check_files(
    paths: Iterable[str],
    config: Config,
    *,
    jobs: int = 1,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
    renderer: PartsRenderer | None = None,
) -> Iterator[Outcome]:
    """Check every path, yielding results in the order of ``paths``; with a ``renderer``, a file
    that was checked yields its rendered part of the report (see :class:`RenderedResult`)."""
    ruleset = RuleSet(config)  # validates the configuration before any work starts
    paths = list(paths)
    if jobs <= 1 or len(paths) < _SERIAL_BELOW:
        for done, path in enumerate(paths, start=1):
            result = _check_here(path, ruleset, cache, renderer)
            if progress:
                progress(done)
            yield result
        return
    global _worker_rules, _worker_renderer
    # inherited by forked workers; others build their own in _init_worker
    _worker_rules, _worker_renderer = ruleset, renderer
    if _workers_fork():
        # The first article compiles the patterns rules build on first use (a tenth of a second or
        # more): checked here, before any worker starts, every forked worker inherits them.
        result = _check_here(paths[0], ruleset, cache, renderer)
        if progress:
            progress(1)
        yield result
        paths = paths[1:]
        progress = _shifted(progress, 1)
    yield from _parallel(paths, config, jobs, cache, progress, renderer)


def _check_here(path: str, ruleset: RuleSet, cache: ResultCache | None, renderer: PartsRenderer | None) -> Outcome:
    item = prepare(path, ruleset.config, cache, renderer)
    if not isinstance(item, Job):
        return item
    outcome = _check_job(item, ruleset, renderer)
    if cache is not None:
        keep(cache, item, outcome, renderer)
    return outcome


def _workers_fork() -> bool:
    import multiprocessing

    return multiprocessing.get_start_method() == "fork"


def _shifted(progress: Progress | None, by: int) -> Progress | None:
    if progress is None:
        return None
    report = progress
    return lambda done: report(done + by)


class ResultsLater(Protocol):
    """A future of a batch's results: a process-pool future or a Dask future, possibly adapted."""

    def result(self) -> Sequence[Outcome]: ...


@overload
def ordered_batches(
    paths: Iterable[str], config: Config, submit: Callable[[list[Job]], ResultsLater], window: int,
    cache: ResultCache | None = ..., progress: Progress | None = ..., renderer: None = ...,
) -> Iterator[FileResult]: ...


@overload
def ordered_batches(
    paths: Iterable[str], config: Config, submit: Callable[[list[Job]], ResultsLater], window: int,
    cache: ResultCache | None = ..., progress: Progress | None = ..., *, renderer: PartsRenderer,
) -> Iterator[Outcome]: ...


def ordered_batches(
    paths: Iterable[str],
    config: Config,
    submit: Callable[[list[Job]], ResultsLater],
    window: int,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
    renderer: PartsRenderer | None = None,
) -> Iterator[Outcome]:
    """Read each file here (looking it up in ``cache``), ``submit`` the rest in batches, and yield
    every result in the order of ``paths`` with at most ``window`` batches in flight."""
    pending: deque[tuple[list[Outcome | Job], ResultsLater | None]] = deque()
    done = 0

    def drain(limit: int) -> Iterator[Outcome]:
        nonlocal done
        while len(pending) > limit:
            items, future = pending.popleft()
            computed = iter(future.result()) if future is not None else iter(())
            for item in items:
                if isinstance(item, Job):
                    result = next(computed)
                    if cache is not None:
                        keep(cache, item, result, renderer)
                else:
                    result = item
                done += 1
                if progress:
                    progress(done)
                yield result

    batch: list[Outcome | Job] = []
    for path in paths:
        batch.append(prepare(path, config, cache, renderer))
        if len(batch) == _BATCH:
            work = [item for item in batch if isinstance(item, Job)]
            pending.append((batch, submit(work) if work else None))
            batch = []
            yield from drain(window)
    if batch:
        work = [item for item in batch if isinstance(item, Job)]
        pending.append((batch, submit(work) if work else None))
    yield from drain(0)


def _parallel(
    paths: list[str],
    config: Config,
    jobs: int,
    cache: ResultCache | None,
    progress: Progress | None,
    renderer: PartsRenderer | None,
) -> Iterator[Outcome]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config, renderer)) as pool:

        def submit(work: list[Job]) -> ResultsLater:
            return pool.submit(_check_batch, work)

        yield from ordered_batches(paths, config, submit, jobs * _WINDOW_PER_JOB, cache, progress, renderer=renderer)
