"""The linting pipeline: text -> article -> rules -> findings, for one text or many files.

``lint_text`` and ``lint_paths`` are the library API; the command line calls them too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from operator import attrgetter
from typing import TYPE_CHECKING, cast

from contentlint.config import Config
from contentlint.document import Article, DocumentKind, parse
from contentlint.document.markdown import FRONT_MATTER_ERROR
from contentlint.errors import ContentlintError
from contentlint.findings import FileResult, Finding, RenderedResult
from contentlint.metrics import compute_metrics
from contentlint.rules.base import RuleContext
from contentlint.ruleset import RuleSet
from contentlint.suppression import Suppressions

if TYPE_CHECKING:
    from contentlint.cache import ResultCache
    from contentlint.reports import PartsRenderer

_KINDS = ("md", "txt", "html")


def check_article(
    article: Article, ruleset: RuleSet, path: str, failures: list[tuple[str, str]] | None = None
) -> list[Finding]:
    """Run every active rule for ``path`` on a parsed article; suppressed findings are dropped.

    A rule that stops with an unexpected error loses its findings for this article only: the other
    rules still run, and (code, error) is added to ``failures`` (raised again when not given).
    Errors the user must act on (:class:`ContentlintError`: no LanguageTool, say) stop the run."""
    findings: list[Finding] = []
    for active in ruleset.for_path(path):
        ctx = RuleContext(article, active.rule.meta, active.severity, active.options, path,
                          config=ruleset.config)
        try:
            active.rule.check(article, ctx)
        except ContentlintError:
            raise
        except Exception as exc:
            if failures is None:
                raise
            failures.append((active.rule.meta.code, f"{type(exc).__name__}: {exc}"))
            continue
        findings.extend(ctx.findings)
    suppressions = Suppressions(article)
    if suppressions:
        findings = [f for f in findings if not suppressions.silences(f)]
    findings.sort(key=_FINDING_ORDER)
    return findings


_FINDING_ORDER = attrgetter("path", "span.line", "span.column", "rule")  # Finding.sort_key, made in C


def lint_source(source: str, kind: DocumentKind, path: str, ruleset: RuleSet) -> FileResult:
    article = parse(source, kind, path)
    result = FileResult(path=path, title=article.title)
    if article.text.strip():
        failures: list[tuple[str, str]] = []
        result.findings = check_article(article, ruleset, path, failures)
        for code, error in failures:
            result.failed_rules.append(code)
            result.notes.append(f"rule {code} stopped with an internal error on this article ({error}), so its "
                                "findings here are missing; the other rules ran. Please report this with the file.")
    result.metrics = compute_metrics(article)
    front_matter_error = article.metadata.get(FRONT_MATTER_ERROR)
    if front_matter_error:
        result.notes.append(f"{front_matter_error}; it was ignored and the article was checked without it")
    return result


def lint_text(
    text: str,
    *,
    kind: str = "md",
    path: str | None = None,
    config: Config | None = None,
    ruleset: RuleSet | None = None,
) -> FileResult:
    """Lint one article given as text. ``kind`` is ``md``, ``txt`` or ``html``."""
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {kind!r}")
    rules = ruleset or RuleSet(config or Config())
    return lint_source(text, cast(DocumentKind, kind), path or f"<text>.{kind}", rules)


def lint_paths(
    paths: Iterable[str],
    config: Config | None = None,
    *,
    jobs: int = 1,
    cache: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Iterator[FileResult]:
    """Lint every supported file under ``paths``, one result per file, in a deterministic order.

    ``jobs`` > 1 checks files in that many worker processes; ``cache`` reuses the results of files
    whose content, settings and rules have not changed (see :mod:`contentlint.cache`). Raises
    :class:`contentlint.errors.ContentlintError` when a named path does not exist or the
    configuration is invalid; a file that cannot be read yields a result with ``error`` set.
    """
    from contentlint.runner import check_files

    resolved = config or Config()
    files = _discovered(paths, resolved)
    with _results_cache(resolved, cache) as result_cache:
        yield from check_files(files, resolved, jobs=jobs, cache=result_cache, progress=progress)


def lint_paths_rendered(
    paths: Iterable[str],
    config: Config,
    renderer: PartsRenderer,
    *,
    jobs: int = 1,
    cache: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Iterator[FileResult | RenderedResult]:
    """:func:`lint_paths` for a streamed report: a checked file comes as its part of the report,
    rendered by ``renderer`` (in the worker that checked it, or kept in the cache), with the
    counts of its findings; a file that could not be checked, or on which a rule failed, comes
    as its :class:`FileResult`."""
    from contentlint.runner import check_files

    files = _discovered(paths, config)
    with _results_cache(config, cache) as result_cache:
        yield from check_files(files, config, jobs=jobs, cache=result_cache, progress=progress, renderer=renderer)


def _discovered(paths: Iterable[str], config: Config) -> list[str]:
    from contentlint.discovery import discover

    return list(discover(paths, config.exclude, config.force_exclude))


@contextmanager
def _results_cache(config: Config, wanted: bool) -> Iterator[ResultCache | None]:
    if not wanted:
        yield None
        return
    from contentlint.cache import ResultCache, cache_dir, rules_fingerprint

    result_cache = ResultCache(cache_dir(config), rules_fingerprint(config))
    try:
        yield result_cache
    finally:
        result_cache.close()
