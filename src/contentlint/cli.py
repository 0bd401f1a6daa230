"""The command line: parses arguments and calls the library; nothing here lints.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 could not run (bad option or
configuration, a named path that does not exist, a file that could not be read).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from contentlint._version import __version__

if TYPE_CHECKING:
    from contentlint.baseline import Baseline
    from contentlint.config import Config
    from contentlint.findings import FileResult
    from contentlint.fixes import FixOutcome
    from contentlint.ruleset import RuleSet

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


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
) -> None:
    """Check articles (.md, .markdown, .txt, .html, .htm) in PATHS (default: the current folder)."""
    from contentlint.config import load_config, parse_fail_on
    from contentlint.engine import lint_paths
    from contentlint.findings import RunResult
    from contentlint.reports import FORMATS, render
    from contentlint.ruleset import RuleSet

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
    if grammar is not None:
        config = replace(config, grammar=grammar)
    ruleset = RuleSet(config)
    if any(a.rule.meta.category == "grammar" for a in ruleset.active):
        config = _connect_grammar(config, bool(grammar) or _names_grammar(_split(select + extend_select), ruleset))
        ruleset = RuleSet(config)
    from contentlint.runner import default_jobs

    with _progress() as progress:
        if scheduler is not None:
            results = _check_on_cluster(paths or (".",), config, scheduler, jobs or default_jobs(), not no_cache,
                                        progress)
        else:
            results = list(
                lint_paths(paths or (".",), config, jobs=jobs or default_jobs(), cache=not no_cache,
                           progress=progress)
            )
    for result in results:
        for note in result.notes:
            click.echo(f"{result.path}: warning: {note}", err=True)
    if fmt != "text" or output is not None:  # the text report on the terminal lists them itself
        for result in results:
            if result.error is not None:
                click.echo(f"{result.error.path}: could not be checked: {result.error.reason}", err=True)
    if show_diff:
        sys.exit(_show_fixes(results, ruleset, output, quiet))
    if fix:
        results = _write_fixes(results, ruleset, quiet)
    if write_baseline_path is not None:
        sys.exit(_write_baseline(results, write_baseline_path))
    if baseline is not None and baseline_path is not None:
        results = _without_baseline(results, baseline, baseline_path, quiet)
    run = RunResult(files=results, rules=ruleset.metas, version=__version__, fail_on=config.fail_on)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    # the HTML report shows every article's text, clean ones included
    wants_text = show_source or fmt == "html"
    sources = _sources(results, config.max_file_bytes, every_file=fmt == "html") if wants_text else None
    report = render(fmt, run, color=use_color, show_source=show_source, sources=sources, quiet=quiet,
                    statistics=statistics)
    _emit(report, output)
    if run.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if run.failed() else EXIT_CLEAN)


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
    paths: tuple[str, ...], config: Config, scheduler: str, workers: int, use_cache: bool, progress: _progress
) -> list[FileResult]:
    """The files' results from a Dask cluster, in the same order and with the same findings as locally."""
    try:
        from contentlint.dask import connect, iter_file_results
    except ImportError:
        _fail("--scheduler needs Dask: pip install 'contentlint[dask]'")
    from contentlint.discovery import discover

    files = list(discover(paths, config.exclude))
    cache = None
    if use_cache:
        from contentlint.cache import ResultCache, cache_dir, rules_fingerprint

        cache = ResultCache(cache_dir(config), rules_fingerprint(config))
    try:
        with connect(scheduler, workers) as client:
            return list(iter_file_results(files, config, client, cache=cache, progress=progress))
    finally:
        if cache is not None:
            cache.close()


def _emit(report: str, output: Path | None) -> None:
    if output is not None:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as exc:
            _fail(f"{output}: cannot write the report: {exc.strerror or exc}")
    elif report:
        click.echo(report, nl=not report.endswith("\n"))


def _fix_outcomes(results: list[FileResult], ruleset: RuleSet) -> list[FileResult | FixOutcome]:
    """Each result, or the outcome of fixing its file when it has fixable findings."""
    from contentlint.findings import FileError
    from contentlint.fixes import fix_file

    outcomes: list[FileResult | FixOutcome] = []
    for result in results:
        if result.error is None and any(f.fix is not None for f in result.findings):
            outcome = fix_file(result.path, ruleset)
            outcomes.append(replace(result, error=outcome) if isinstance(outcome, FileError) else outcome)
        else:
            outcomes.append(result)
    return outcomes


def _show_fixes(results: list[FileResult], ruleset: RuleSet, output: Path | None, quiet: bool) -> int:
    from contentlint.fixes import FixOutcome

    outcomes = [o for o in _fix_outcomes(results, ruleset) if isinstance(o, FixOutcome) and o.changed]
    _emit("".join(o.diff() for o in outcomes), output)
    if not quiet:
        count = sum(o.applied for o in outcomes)
        click.echo(f"{_plural(count, 'fix', 'fixes')} would be applied to {_plural(len(outcomes), 'file')} "
                   "(run with --fix to apply).", err=True)
    if any(r.error is not None for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if outcomes else EXIT_CLEAN


def _write_fixes(results: list[FileResult], ruleset: RuleSet, quiet: bool) -> list[FileResult]:
    """Fix and save every file with fixable findings; the results then describe the fixed files."""
    from contentlint.findings import FileError, FileResult
    from contentlint.fixes import FixOutcome

    fixed: list[FileResult] = []
    applied = files = 0
    for outcome in _fix_outcomes(results, ruleset):
        if not isinstance(outcome, FixOutcome):
            fixed.append(outcome)
            continue
        if outcome.changed:
            try:
                outcome.write()
            except OSError as exc:
                reason = f"cannot write the fixes: {exc.strerror or exc}"
                fixed.append(FileResult(outcome.path, error=FileError(outcome.path, reason)))
                continue
            applied += outcome.applied
            files += 1
        fixed.append(outcome.result)
    if not quiet:
        click.echo(f"Fixed {_plural(applied, 'problem')} in {_plural(files, 'file')}.", err=True)
    return fixed


def _write_baseline(results: list[FileResult], path: Path) -> int:
    from contentlint.baseline import Baseline

    baseline = Baseline.from_findings((f for r in results for f in r.findings), path.parent)
    baseline.write(path)
    click.echo(f"Recorded {_plural(len(baseline), 'finding')} in {path}.", err=True)
    return EXIT_ERROR if any(r.error is not None for r in results) else EXIT_CLEAN


def _load_baseline(path: Path) -> Baseline:
    """Read the baseline before checking anything, so a wrong path fails at once."""
    from contentlint.baseline import Baseline

    return Baseline.load(path)


def _without_baseline(results: list[FileResult], baseline: Baseline, path: Path, quiet: bool) -> list[FileResult]:
    new = baseline.new_findings(results)
    known = sum(len(r.findings) for r in results) - sum(len(r.findings) for r in new)
    if known and not quiet:
        click.echo(f"{_plural(known, 'finding')} recorded in {path} not shown.", err=True)
    return new


def _sources(results: list[FileResult], max_bytes: int, every_file: bool = False) -> dict[str, str]:
    """The text of every file with findings (of every readable file with ``every_file``)."""
    from contentlint.reading import read_source

    sources: dict[str, str] = {}
    for result in results:
        if result.findings or (every_file and result.error is None):
            text = read_source(result.path, max_bytes)
            if isinstance(text, str):
                sources[result.path] = text
    return sources


def _plural(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


class _progress:
    """A one-line progress count on standard error, only when it is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int) -> None:
        if self.enabled and done % 50 == 0:
            sys.stderr.write(f"\rcontentlint: {done} files checked")
            sys.stderr.flush()
            self.shown = True

    def __enter__(self) -> _progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


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
    main()
