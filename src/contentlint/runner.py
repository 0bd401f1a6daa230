"""Checking many files fast: a results cache, and worker processes with the report kept in order.

Files are read in the parent (to look them up in the cache by content) and the rest are checked
in batches by a process pool. Where workers are forked, the parent checks the first file itself
before starting them, so the patterns rules compile on first use are compiled once, not per
worker. Results come back in the order the files were found, whatever the scheduling, and only a
bounded window of batches is in flight, so memory stays flat however large the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from contentlint.config import Config
from contentlint.document import kind_for_path
from contentlint.findings import FileError, FileResult
from contentlint.reading import decode_source, read_bytes
from contentlint.ruleset import RuleSet

if TYPE_CHECKING:  # the cache (sqlite3) and the process pool are imported only by runs that use them
    from contentlint.cache import ResultCache

_BATCH = 8
_WINDOW_PER_JOB = 4
_SERIAL_BELOW = 6  # starting processes costs more than it saves on a handful of files

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    content: bytes
    digest: str


_worker_rules: RuleSet | None = None


def _init_worker(config: Config) -> None:
    global _worker_rules
    if _worker_rules is None or _worker_rules.config != config:
        _worker_rules = RuleSet(config)


def check_content(path: str, content: bytes, ruleset: RuleSet) -> FileResult:
    """Decode and check one file's content (what a worker does)."""
    from contentlint.engine import lint_source

    kind = kind_for_path(path)
    source = decode_source(path, content)
    if isinstance(source, FileError):
        return FileResult(path, error=source)
    if kind is None:
        return FileResult(path, error=FileError(path, "unsupported file type"))
    try:
        return lint_source(source, kind, path, ruleset)
    except RecursionError:
        return FileResult(path, error=FileError(path, "markup nested too deeply to parse"))


def _check_batch(batch: list[Job]) -> list[FileResult]:
    assert _worker_rules is not None
    return [check_content(job.path, job.content, _worker_rules) for job in batch]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def prepare(path: str, config: Config, cache: ResultCache | None) -> FileResult | Job:
    """A cached or unreadable file's result, or the job of checking it."""
    if kind_for_path(path) is None:
        return FileResult(path, error=FileError(path, "unsupported file type: contentlint reads .md, "
                                                      ".markdown, .txt, .html and .htm files"))
    content = read_bytes(path, config.max_file_bytes)
    if isinstance(content, FileError):
        return FileResult(path, error=content)
    digest = cache.digest(content) if cache is not None else ""
    if cache is not None:
        cached = cache.get(path, digest)
        if cached is not None:
            return cached
    return Job(path, content, digest)


def check_files(
    paths: Iterable[str],
    config: Config,
    *,
    jobs: int = 1,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
) -> Iterator[FileResult]:
    """Check every path, yielding results in the order of ``paths``."""
    ruleset = RuleSet(config)  # validates the configuration before any work starts
    paths = list(paths)
    if jobs <= 1 or len(paths) < _SERIAL_BELOW:
        for done, path in enumerate(paths, start=1):
            result = _check_here(path, ruleset, cache)
            if progress:
                progress(done)
            yield result
        return
    global _worker_rules
    _worker_rules = ruleset  # inherited by forked workers; others build their own in _init_worker
    if _workers_fork():
        # The first article compiles the patterns rules build on first use (a tenth of a second or
        # more): checked here, before any worker starts, every forked worker inherits them.
        result = _check_here(paths[0], ruleset, cache)
        if progress:
            progress(1)
        yield result
        paths = paths[1:]
        progress = _shifted(progress, 1)
    yield from _parallel(paths, config, jobs, cache, progress)


def _check_here(path: str, ruleset: RuleSet, cache: ResultCache | None) -> FileResult:
    item = prepare(path, ruleset.config, cache)
    if isinstance(item, FileResult):
        return item
    result = check_content(item.path, item.content, ruleset)
    if cache is not None:
        cache.put(path, item.digest, result)
    return result


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

    def result(self) -> list[FileResult]: ...


def ordered_batches(
    paths: Iterable[str],
    config: Config,
    submit: Callable[[list[Job]], ResultsLater],
    window: int,
    cache: ResultCache | None = None,
    progress: Progress | None = None,
) -> Iterator[FileResult]:
    """Read each file here (looking it up in ``cache``), ``submit`` the rest in batches, and yield
    every result in the order of ``paths`` with at most ``window`` batches in flight."""
    pending: deque[tuple[list[FileResult | Job], ResultsLater | None]] = deque()
    done = 0

    def drain(limit: int) -> Iterator[FileResult]:
        nonlocal done
        while len(pending) > limit:
            items, future = pending.popleft()
            computed = iter(future.result()) if future is not None else iter(())
            for item in items:
                if isinstance(item, FileResult):
                    result = item
                else:
                    result = next(computed)
                    if cache is not None:
                        cache.put(item.path, item.digest, result)
                done += 1
                if progress:
                    progress(done)
                yield result

    batch: list[FileResult | Job] = []
    for path in paths:
        batch.append(prepare(path, config, cache))
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
    paths: list[str], config: Config, jobs: int, cache: ResultCache | None, progress: Progress | None
) -> Iterator[FileResult]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(config,)) as pool:

        def submit(work: list[Job]) -> ResultsLater:
            return pool.submit(_check_batch, work)

        yield from ordered_batches(paths, config, submit, jobs * _WINDOW_PER_JOB, cache, progress)
