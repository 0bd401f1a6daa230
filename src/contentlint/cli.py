"""The command line: parses arguments and calls the library; nothing here lints.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 could not run (bad option or
configuration, a named path that does not exist, a file that could not be read).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar, cast, overload

import click

from contentlint._version import __version__

if TYPE_CHECKING:
    from contentlint.baseline import Baseline
    from contentlint.config import Config
    from contentlint.findings import FileError, FileResult, Finding, RenderedResult
    from contentlint.fixes import FixOutcome
    from contentlint.reports import PartsRenderer, ReportOptions, Spool, Totals
    from contentlint.ruleset import RuleSet

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_Item = TypeVar("_Item")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(token.strip() for value in values for token in value.split(",") if token.strip())


def _fail(message: str) -> None:
    click.echo(f"contentlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


class _Group(click.Group):
    """Turns every known error into one clear line and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        from contentlint.errors import ContentlintError

        try:
            return super().invoke(ctx)
        except ContentlintError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("contentlint: interrupted", err=True)
            sys.exit(130)


_own_process = False  # set by run(): the command line is the whole process, not a library call


def run() -> None:
    """The ``contentlint`` program and ``python -m contentlint``: :func:`main`, allowed what only
    a process of its own may do (see :func:`_pause_collection`)."""
    global _own_process
    _own_process = True
    main()


def _pause_collection() -> None:
    """Turn garbage collection off until the first file is checked (see :func:`_collecting_after_first`).

    Setting up a check builds a great many long-lived objects (rules, word lists, compiled
    patterns) and next to no garbage, so the collector's passes over them are wasted: a one-file
    run, the pre-commit case, is about a sixth quicker without them. Only the program does this,
    never a library call."""
    if _own_process:
        import gc

        gc.disable()


def _collecting_after_first(results: Iterable[_Item]) -> Iterator[_Item]:
    """``results``, with garbage collection resumed as the first arrives, before any worker
    process starts, everything made so far set aside for good (``gc.freeze``): neither the parent
    nor the forked workers scan those objects again, nor copy the pages they share by touching them."""
    iterator = iter(results)
    first = next(iterator, None)
    if _own_process:
        import gc

        if not gc.isenabled():
            gc.freeze()
            gc.enable()
    if first is not None:
        yield first
        yield from iterator


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="contentlint")
def main() -> None:
    """Lint consumer-health articles for spam, unsupported claims, missing risk information,
    weak attribution and poor readability."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", default="text", show_default=True,
              help="Report format: text, json, sarif, github, html, markdown (more may be installed).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of standard output.")
@click.option("--select", multiple=True, metavar="RULES",
              help="Only these rules: codes, code prefixes, rule names or categories (comma-separated).")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Add rules to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms as --select).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default=None,
              help="Exit 1 when a finding is at least this severe [default: error].")
@click.option("--config", "config_path", type=click.Path(path_type=Path),
              help="Configuration file (default: contentlint.toml or [tool.contentlint] in pyproject.toml).")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Print only findings, no summary.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Print the safe fixes as a unified diff and write nothing (exit 1 when there are any).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Report (and fail on) only findings that are not recorded in this baseline file.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Record every current finding in this baseline file and exit 0.")
@click.option("--show-source", is_flag=True,
              help="Show each finding's line with the flagged words underlined.")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: the number of CPU cores].")
@click.option("--no-cache", is_flag=True, help="Check every file again instead of reusing cached results.")
@click.option("--force-exclude", is_flag=True,
              help="Skip files that 'exclude' matches even when they are named (as a pre-commit hook names them).")
@click.option("--grammar/--no-grammar", default=None,
              help="Check grammar and spelling with LanguageTool (GRAM rules; needs a LanguageTool server).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Check on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a cluster "
                   "of --jobs worker processes on this machine (needs contentlint[dask]).")
def check(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    config_path: Path | None,
    color: bool | None,
    quiet: bool,
    fix: bool,
    show_diff: bool,
    baseline_path: Path | None,
    write_baseline_path: Path | None,
    show_source: bool,
    statistics: bool,
    jobs: int | None,
    no_cache: bool,
    grammar: bool | None,
    scheduler: str | None,
    force_exclude: bool,
) -> None:
    """Check articles (.md, .markdown, .txt, .html, .htm) in PATHS (default: the current folder)."""
    from contentlint.config import load_config, parse_fail_on
    from contentlint.regex_cache import keep_compiled_patterns
    from contentlint.reports import FORMATS
    from contentlint.ruleset import RuleSet

    _pause_collection()
    keep_compiled_patterns()  # the rules' long patterns are compiled once, not on every run
    if fmt not in FORMATS:
        _fail(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
    if fix and show_diff:
        _fail("--fix writes the fixes and --diff only shows them: use one of them")
    if statistics and fmt != "text":
        _fail("--statistics works with --format text only")
    baseline = _load_baseline(baseline_path) if baseline_path is not None else None
    config = load_config(config_path)
    overrides: dict[str, Any] = {}
    if select:
        overrides["select"] = _split(select)
    if extend_select:
        overrides["extend_select"] = config.extend_select + _split(extend_select)
    if ignore:
        overrides["ignore"] = config.ignore + _split(ignore)
    config = config.with_overrides(**overrides)
    if fail_on is not None:
        config = replace(config, fail_on=parse_fail_on(fail_on))
    if force_exclude:
        config = replace(config, force_exclude=True)
    if grammar is not None:
        config = replace(config, grammar=grammar)
    ruleset = RuleSet(config)
    if any(a.rule.meta.category == "grammar" for a in ruleset.active):
        config = _connect_grammar(config, bool(grammar) or _names_grammar(_split(select + extend_select), ruleset))
        ruleset = RuleSet(config)
    from contentlint.reports import ReportOptions, parts_renderer
    from contentlint.runner import default_jobs

    # Results are handled one at a time, from checking to the report, and not kept: memory stays
    # flat however many files and findings there are (only the HTML report, which ranks every
    # article and shows its text, keeps every result).
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    options = ReportOptions(color=use_color, show_source=show_source, quiet=quiet, statistics=statistics)
    progress = _Progress()
    report = _Output(output, progress)
    click.get_current_context().call_on_close(report.discard)  # however the run ends
    unreadable: list[FileError] = []
    rule_failures: list[str] = []  # files on which a rule stopped with an internal error
    paths = paths or (".",)
    jobs = jobs or default_jobs()
    plain_report = not (show_diff or fix or write_baseline_path or baseline is not None or scheduler)
    renderer = parts_renderer(fmt, options) if plain_report else None
    if renderer is not None:  # workers render each file's part of the report, and the cache keeps it
        rendered = _checked(paths, config, scheduler, jobs, not no_cache, progress, renderer)
        with progress:
            finish_report = _report(fmt, _noted(rendered, progress, unreadable, rule_failures), ruleset, options,
                                    report)
        _finish(finish_report, report, unreadable, fmt, output, config)
    results = _noted(_checked(paths, config, scheduler, jobs, not no_cache, progress),
                     progress, unreadable, rule_failures)
    if show_diff:
        with progress:
            diffs = _write_diffs(results, ruleset, report)
        _announce(unreadable, fmt, output)
        report.finish()
        sys.exit(_diff_status(diffs, bool(unreadable or rule_failures), quiet))
    fixes = _Fixes()
    if fix:
        results = _fixed(results, ruleset, fixes)
    if write_baseline_path is not None:
        with progress:
            recorded, unreadable_after_fixes = _record_baseline(results, write_baseline_path)
        _announce(unreadable, fmt, output)
        if fix and not quiet:
            fixes.announce()
        sys.exit(_write_baseline(recorded, unreadable_after_fixes or bool(rule_failures), write_baseline_path))
    known = _Known()
    if baseline is not None:
        results = _without_baseline(results, baseline, known)
    with progress:
        finish_report = _report(fmt, results, ruleset, options, report)

    def tell() -> None:
        if fix and not quiet:
            fixes.announce()
        if baseline_path is not None and known.count and not quiet:
            click.echo(f"{_plural(known.count, 'finding')} recorded in {baseline_path} not shown.", err=True)

    _finish(finish_report, report, unreadable, fmt, output, config, tell)


def _finish(
    finish_report: Callable[[], Totals],
    report: _Output,
    unreadable: list[FileError],
    fmt: str,
    output: Path | None,
    config: Config,
    tell: Callable[[], None] | None = None,
) -> NoReturn:
    """Name the unreadable files (then ``tell`` what else there is to say), end the report and
    exit with the run's status."""
    _announce(unreadable, fmt, output)
    if tell is not None:
        tell()
    totals = finish_report()
    report.finish()
    if totals.unreadable or totals.rule_failures:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if totals.failed(config.fail_on) else EXIT_CLEAN)


@overload
def _checked(
    paths: tuple[str, ...], config: Config, scheduler: str | None, jobs: int, use_cache: bool, progress: _Progress,
    renderer: None = None,
) -> Iterator[FileResult]: ...


@overload
def _checked(
    paths: tuple[str, ...], config: Config, scheduler: str | None, jobs: int, use_cache: bool, progress: _Progress,
    renderer: PartsRenderer,
) -> Iterator[FileResult | RenderedResult]: ...


def _checked(
    paths: tuple[str, ...],
    config: Config,
    scheduler: str | None,
    jobs: int,
    use_cache: bool,
    progress: _Progress,
    renderer: PartsRenderer | None = None,
) -> Iterator[FileResult | RenderedResult]:
    """Every file's result, in a deterministic order, as it is checked; with a ``renderer``, a
    checked file comes as its part of the report, rendered where it was checked."""
    from contentlint.engine import lint_paths, lint_paths_rendered

    if scheduler is not None:
        return _collecting_after_first(_check_on_cluster(paths, config, scheduler, jobs, use_cache, progress))
    if renderer is not None:
        return _collecting_after_first(
            lint_paths_rendered(paths, config, renderer, jobs=jobs, cache=use_cache, progress=progress))
    return _collecting_after_first(lint_paths(paths, config, jobs=jobs, cache=use_cache, progress=progress))


_Result = TypeVar("_Result", "FileResult", "FileResult | RenderedResult")


def _noted(
    results: Iterable[_Result], progress: _Progress, unreadable: list[FileError], rule_failures: list[str]
) -> Iterator[_Result]:
    """The results, saying on standard error what was skipped in a file as it comes; unreadable
    files are collected to be named at the end, after every note, as before streaming, and the
    files on which a rule failed are collected for the exit status."""
    from contentlint.findings import FileResult

    for result in results:
        if result.notes:
            with progress.hidden():
                for note in result.notes:
                    click.echo(f"{result.path}: warning: {note}", err=True)
        if isinstance(result, FileResult):
            if result.failed_rules:
                rule_failures.append(result.path)
            if result.error is not None:
                unreadable.append(result.error)
        yield result


def _announce(unreadable: list[FileError], fmt: str, output: Path | None) -> None:
    if fmt == "text" and output is None:  # the text report on the terminal lists them itself
        return
    for error in unreadable:
        click.echo(f"{error.path}: could not be checked: {error.reason}", err=True)


def _report(
    fmt: str, results: Iterable[FileResult | RenderedResult], ruleset: RuleSet, options: ReportOptions,
    report: _Output,
) -> Callable[[], Totals]:
    """Write each result into the report as it comes (or, for a format that ranks the articles,
    collect them); returns what finishes the report and gives the run's totals."""
    from contentlint.findings import FileResult, RenderedResult, RunResult
    from contentlint.reports import PartsWriter, Totals, render, writer

    max_bytes = ruleset.config.max_file_bytes
    stream = writer(fmt, report.write, ruleset.metas, __version__, options)
    if stream is None:
        files = [result for result in results if isinstance(result, FileResult)]  # nothing is rendered ahead
        # the HTML report shows every article's text, clean ones included
        wants_text = options.show_source or fmt == "html"
        sources = _sources(files, max_bytes, every_file=fmt == "html") if wants_text else None
        run = RunResult(files=files, rules=ruleset.metas, version=__version__, fail_on=ruleset.config.fail_on)
        text = render(fmt, run, color=options.color, show_source=options.show_source, sources=sources,
                      quiet=options.quiet, statistics=options.statistics)

        def finish_rendered() -> Totals:
            report.write(text)
            return Totals.of(files)

        return finish_rendered
    totals = Totals()
    for result in results:
        if isinstance(result, RenderedResult):
            totals.add_rendered(result)
            cast(PartsWriter, stream).add_parts(result.parts)
            continue
        totals.add(result)
        source = _source(result, max_bytes) if options.show_source and result.findings else None
        stream.add(result, source)

    def finish_streamed() -> Totals:
        stream.finish(totals)
        return totals

    return finish_streamed


def _names_grammar(selectors: tuple[str, ...], ruleset: RuleSet) -> bool:
    """Whether a selector on the command line asks for a grammar rule by name, code or category."""
    return any(
        s.upper() != "ALL" and any(r.meta.category == "grammar" for r in ruleset.registry.select(s))
        for s in selectors
    )


def _connect_grammar(config: Config, asked_on_command_line: bool) -> Config:
    """Reach LanguageTool before checking. Unreachable: exit 2 when the command line asked for
    grammar, else warn and run every other rule."""
    from contentlint.grammar import LanguageToolUnavailable, connect_for_run

    try:
        return connect_for_run(config)
    except LanguageToolUnavailable as exc:
        if asked_on_command_line:
            _fail(str(exc))
        click.echo(f"contentlint: warning: {exc} (grammar rules skipped)", err=True)
        return replace(config, grammar=False, ignore=(*config.ignore, "grammar"))


def _check_on_cluster(
    paths: tuple[str, ...], config: Config, scheduler: str, workers: int, use_cache: bool, progress: _Progress
) -> Iterator[FileResult]:
    """The files' results from a Dask cluster, in the same order and with the same findings as locally."""
    try:
        from contentlint.dask import connect, iter_file_results
    except ImportError:
        _fail("--scheduler needs Dask: pip install 'contentlint[dask]'")
    from contentlint.discovery import discover

    files = list(discover(paths, config.exclude, config.force_exclude))
    cache = None
    if use_cache:
        from contentlint.cache import ResultCache, cache_dir, rules_fingerprint

        cache = ResultCache(cache_dir(config), rules_fingerprint(config))
    try:
        with connect(scheduler, workers) as client:
            yield from iter_file_results(files, config, client, cache=cache, progress=progress)
    finally:
        if cache is not None:
            cache.close()


class _Output:
    """Where the report goes: standard output as it is written, or the ``--output`` file once the
    run is over. The file's text waits in a temporary file beside it (or in memory, then a
    temporary file elsewhere, where that folder cannot be written) and takes its name at the end,
    so a report kept inside the folder being checked is never read half-written, and a run that
    fails leaves it untouched."""

    def __init__(self, path: Path | None, progress: _Progress) -> None:
        self.path = path
        self.progress = progress
        self.to_terminal = path is None and sys.stdout.isatty()
        self.pending: _PendingFile | Spool | None = None
        self.wrote = False  # whether anything went to standard output
        self.ends_line = False  # ... and it ended with a line break

    def write(self, data: str | bytes) -> None:
        """Add text, or UTF-8 bytes (a file's part of the report, rendered elsewhere)."""
        if not data:
            return
        if self.path is not None:
            if self.pending is None:
                self.pending = _PendingFile.beside(self.path) or _spool()
            self.pending.write(data)
            return
        if self.to_terminal:
            with self.progress.hidden():
                _echo(data)
        else:
            _echo(data)
        self.wrote = True
        self.ends_line = data[-1:] in (b"\n", "\n")

    def discard(self) -> None:
        """Remove the text of a report that was not finished."""
        if isinstance(self.pending, _PendingFile):
            self.pending.discard()

    def finish(self) -> None:
        if self.path is None:
            if self.wrote and not self.ends_line:
                click.echo("")
            return
        try:
            if isinstance(self.pending, _PendingFile):
                self.pending.rename_to(self.path)
                return
            with open(self.path, "wb") as target:
                for chunk in self.pending.chunks() if self.pending is not None else ():
                    target.write(chunk)
        except OSError as exc:
            _fail(f"{self.path}: cannot write the report: {exc.strerror or exc}")


def _echo(data: str | bytes) -> None:
    binary = getattr(sys.stdout, "buffer", None) if isinstance(data, bytes) else None
    if binary is None:
        click.echo(data, nl=False)
        return
    sys.stdout.flush()  # the text written before goes first
    binary.write(data)
    binary.flush()  # as click.echo does, so a progress line on the terminal never overtakes it


def _spool() -> Spool:
    from contentlint.reports import Spool

    return Spool()


class _PendingFile:
    """A report being written to a hidden temporary file in its target's folder; removed at exit
    unless it was renamed to the target."""

    def __init__(self, file: IO[bytes]) -> None:
        import weakref

        self.file = file
        self._cleanup = weakref.finalize(self, _remove_quietly, file.name)

    @classmethod
    def beside(cls, target: Path) -> _PendingFile | None:
        import tempfile

        if target.is_symlink() or (target.exists() and not target.is_file()):
            return None  # written through as before, not replaced
        try:
            file = tempfile.NamedTemporaryFile(  # noqa: SIM115 (renamed or removed by the owner)
                mode="wb", dir=target.parent, prefix=f".{target.name}.",
                suffix=".tmp", delete=False,
            )
        except OSError:
            return None
        return cls(file)

    def write(self, data: str | bytes) -> None:
        from contentlint.reports import utf8

        self.file.write(utf8(data) if isinstance(data, str) else data)

    def discard(self) -> None:
        self.file.close()
        self._cleanup()  # removes the file, once

    def rename_to(self, target: Path) -> None:
        import os

        self.file.close()
        try:
            mode = target.stat().st_mode & 0o7777  # an existing report keeps its permissions
        except OSError:
            mode = 0o666 & ~_umask()  # as a new file written directly would have
        os.chmod(self.file.name, mode)
        os.replace(self.file.name, target)
        self._cleanup.detach()


def _umask() -> int:
    import os

    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        Path(name).unlink()


def _fix_outcome(result: FileResult, ruleset: RuleSet) -> FileResult | FixOutcome:
    """The result, or the outcome of fixing its file when it has fixable findings."""
    from contentlint.findings import FileError
    from contentlint.fixes import fix_file

    if result.error is None and any(f.fix is not None for f in result.findings):
        outcome = fix_file(result.path, ruleset)
        return replace(result, error=outcome) if isinstance(outcome, FileError) else outcome
    return result


class _Fixes:
    """How many fixes were applied (or would be) to how many files."""

    def __init__(self) -> None:
        self.applied = 0
        self.files = 0

    def count(self, outcome: FixOutcome) -> None:
        self.applied += outcome.applied
        self.files += 1

    def announce(self) -> None:
        click.echo(f"Fixed {_plural(self.applied, 'problem')} in {_plural(self.files, 'file')}.", err=True)


def _write_diffs(results: Iterable[FileResult], ruleset: RuleSet, report: _Output) -> _Fixes:
    from contentlint.fixes import FixOutcome

    fixes = _Fixes()
    for result in results:
        outcome = _fix_outcome(result, ruleset)
        if isinstance(outcome, FixOutcome) and outcome.changed:
            report.write(outcome.diff())
            fixes.count(outcome)
    return fixes


def _diff_status(fixes: _Fixes, incomplete: bool, quiet: bool) -> int:
    if not quiet:
        click.echo(f"{_plural(fixes.applied, 'fix', 'fixes')} would be applied to {_plural(fixes.files, 'file')} "
                   "(run with --fix to apply).", err=True)
    if incomplete:
        return EXIT_ERROR
    return EXIT_FINDINGS if fixes.files else EXIT_CLEAN


def _fixed(results: Iterable[FileResult], ruleset: RuleSet, fixes: _Fixes) -> Iterator[FileResult]:
    """Fix and save each file with fixable findings; its result then describes the fixed file."""
    from contentlint.findings import FileError, FileResult
    from contentlint.fixes import FixOutcome

    for result in results:
        outcome = _fix_outcome(result, ruleset)
        if not isinstance(outcome, FixOutcome):
            yield outcome
            continue
        if outcome.changed:
            try:
                outcome.write()
            except OSError as exc:
                reason = f"cannot write the fixes: {exc.strerror or exc}"
                yield FileResult(outcome.path, error=FileError(outcome.path, reason))
                continue
            fixes.count(outcome)
        yield outcome.result


def _record_baseline(results: Iterable[FileResult], path: Path) -> tuple[Baseline, bool]:
    """The baseline of every finding, and whether a file could not be read."""
    from contentlint.baseline import Baseline

    unreadable = False

    def findings() -> Iterator[Finding]:
        nonlocal unreadable
        for result in results:
            unreadable = unreadable or result.error is not None
            yield from result.findings

    return Baseline.from_findings(findings(), path.parent), unreadable


def _write_baseline(baseline: Baseline, incomplete: bool, path: Path) -> int:
    baseline.write(path)
    click.echo(f"Recorded {_plural(len(baseline), 'finding')} in {path}.", err=True)
    return EXIT_ERROR if incomplete else EXIT_CLEAN


def _load_baseline(path: Path) -> Baseline:
    """Read the baseline before checking anything, so a wrong path fails at once."""
    from contentlint.baseline import Baseline

    return Baseline.load(path)


class _Known:
    """How many findings the baseline excused."""

    count = 0


def _without_baseline(results: Iterable[FileResult], baseline: Baseline, known: _Known) -> Iterator[FileResult]:
    def counted() -> Iterator[FileResult]:
        for result in results:
            known.count += len(result.findings)
            yield result

    for result in baseline.filter(counted()):
        known.count -= len(result.findings)
        yield result


def _source(result: FileResult, max_bytes: int) -> str | None:
    from contentlint.reading import read_source

    text = read_source(result.path, max_bytes)
    return text if isinstance(text, str) else None


def _sources(results: list[FileResult], max_bytes: int, every_file: bool = False) -> dict[str, str]:
    """The text of every file with findings (of every readable file with ``every_file``)."""
    sources: dict[str, str] = {}
    for result in results:
        if result.findings or (every_file and result.error is None):
            text = _source(result, max_bytes)
            if text is not None:
                sources[result.path] = text
    return sources


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


class _Progress:
    """A one-line count of checked files on standard error, only when it is a terminal. It steps
    aside while anything else is written to the terminal (the report, a note) and comes back."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.line = ""

    def __call__(self, done: int) -> None:
        if self.enabled and done % 50 == 0:
            self.line = f"\rcontentlint: {done} files checked"
            sys.stderr.write(self.line)
            sys.stderr.flush()

    @contextlib.contextmanager
    def hidden(self) -> Iterator[None]:
        if not self.line:
            yield
            return
        self._clear()
        try:
            yield
        finally:
            sys.stdout.flush()
            sys.stderr.write(self.line)
            sys.stderr.flush()

    def _clear(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.line:
            self._clear()
            self.line = ""


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file.")
def list_rules(fmt: str, config_path: Path | None) -> None:
    """List every rule: code, name, category, default severity and summary."""
    from contentlint.config import load_config
    from contentlint.rules.docs import rules_as_json, rules_markdown, rules_table
    from contentlint.rules.registry import load_registry

    config = load_config(config_path)
    registry = load_registry(tuple(config.rule_packs))
    if fmt == "markdown":
        click.echo(rules_markdown(registry), nl=False)
        return
    click.echo(rules_as_json(registry) if fmt == "json" else rules_table(registry))


@main.command("rule")
@click.argument("code")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file.")
def show_rule(code: str, config_path: Path | None) -> None:
    """Print the documentation of one rule (by code or name)."""
    from contentlint.config import load_config
    from contentlint.rules.docs import rule_page
    from contentlint.rules.registry import load_registry

    config = load_config(config_path)
    registry = load_registry(tuple(config.rule_packs))
    rule = registry.get(code)
    if rule is None:
        _fail(f"no rule is called '{code}' (see `contentlint rules`)")
        return
    click.echo(rule_page(rule.meta))


@main.command("stats")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file.")
def stats(paths: tuple[str, ...], fmt: str, config_path: Path | None) -> None:
    """Show reading metrics (words, sentences, grades, reading ease) per article in PATHS and for the corpus."""
    from contentlint.config import load_config
    from contentlint.metrics import measure_paths, metrics_table, stats_report
    from contentlint.reports.json_report import dumps

    results = list(measure_paths(paths or (".",), load_config(config_path)))
    for result in results:
        if result.error is not None:
            click.echo(f"{result.error.path}: could not be measured: {result.error.reason}", err=True)
    if fmt == "json":
        click.echo(dumps(_finite(stats_report(results))))
    else:
        click.echo(metrics_table(results))
    sys.exit(EXIT_ERROR if any(r.error is not None for r in results) else EXIT_CLEAN)


def _finite(value: Any) -> Any:
    """JSON has no NaN: a metric that cannot be computed becomes null."""
    if isinstance(value, float):
        return value if value == value and abs(value) != float("inf") else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


if __name__ == "__main__":  # pragma: no cover
    run()
