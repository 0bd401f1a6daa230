"""The command line: parses arguments and calls the library; nothing here lints.

Exit status: 0 clean, 1 findings at or above ``--fail-on``, 2 could not run (bad option or
configuration, a named path that does not exist, a file that could not be read).
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from contentlint._version import __version__

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
              help="Report format: text, json, sarif, github (more may be installed).")
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
) -> None:
    """Check articles (.md, .markdown, .txt, .html, .htm) in PATHS (default: the current folder)."""
    from contentlint.config import load_config, parse_fail_on
    from contentlint.engine import lint_paths
    from contentlint.findings import RunResult
    from contentlint.reports import FORMATS, render
    from contentlint.ruleset import RuleSet

    if fmt not in FORMATS:
        _fail(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})")
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
    ruleset = RuleSet(config)
    results = list(lint_paths(paths or (".",), config))
    for result in results:
        if result.error is not None:
            click.echo(f"{result.error.path}: could not be checked: {result.error.reason}", err=True)
    run = RunResult(files=results, rules=ruleset.metas, version=__version__, fail_on=config.fail_on)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    report = render(fmt, run, color=use_color)
    if output is not None:
        try:
            output.write_text(report, encoding="utf-8")
        except OSError as exc:
            _fail(f"{output}: cannot write the report: {exc.strerror or exc}")
    else:
        click.echo(report, nl=not report.endswith("\n"))
    if run.errors:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if run.failed() else EXIT_CLEAN)


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Configuration file.")
def list_rules(fmt: str, config_path: Path | None) -> None:
    """List every rule: code, name, category, default severity and summary."""
    from contentlint.config import load_config
    from contentlint.rules.docs import rules_as_json, rules_table
    from contentlint.rules.registry import load_registry

    config = load_config(config_path)
    registry = load_registry(tuple(config.rule_packs))
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


if __name__ == "__main__":  # pragma: no cover
    main()
