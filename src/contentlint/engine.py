"""The linting pipeline: text -> article -> rules -> findings, for one text or many files.

``lint_text`` and ``lint_paths`` are the library API; the command line calls them too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from contentlint.config import Config
from contentlint.document import Article, DocumentKind, kind_for_path, parse
from contentlint.findings import FileError, FileResult, Finding
from contentlint.metrics import basic_metrics
from contentlint.reading import read_source
from contentlint.rules.base import RuleContext
from contentlint.ruleset import RuleSet
from contentlint.suppression import Suppressions

_KINDS = ("md", "txt", "html")


def check_article(article: Article, ruleset: RuleSet, path: str) -> list[Finding]:
    """Run every active rule for ``path`` on a parsed article; suppressed findings are dropped."""
    findings: list[Finding] = []
    for active in ruleset.for_path(path):
        ctx = RuleContext(article, active.rule.meta, active.severity, active.options, path)
        active.rule.check(article, ctx)
        findings.extend(ctx.findings)
    suppressions = Suppressions(article)
    if suppressions:
        findings = [f for f in findings if not suppressions.silences(f)]
    findings.sort(key=Finding.sort_key)
    return findings


def lint_source(source: str, kind: DocumentKind, path: str, ruleset: RuleSet) -> FileResult:
    article = parse(source, kind, path)
    result = FileResult(path=path, title=article.title)
    if article.text.strip():
        result.findings = check_article(article, ruleset, path)
    result.metrics = basic_metrics(article)
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


def lint_file(path: str, ruleset: RuleSet) -> FileResult:
    """Lint one file on disk; a file that cannot be read gives a result with ``error`` set."""
    kind = kind_for_path(path)
    if kind is None:
        return FileResult(path, error=FileError(path, "unsupported file type: contentlint reads .md, "
                                                      ".markdown, .txt, .html and .htm files"))
    source = read_source(path, ruleset.config.max_file_bytes)
    if isinstance(source, FileError):
        return FileResult(path, error=source)
    try:
        return lint_source(source, kind, path, ruleset)
    except RecursionError:
        return FileResult(path, error=FileError(path, "markup nested too deeply to parse"))


def lint_paths(paths: Iterable[str], config: Config | None = None) -> Iterator[FileResult]:
    """Lint every supported file under ``paths``, one result per file, in a deterministic order.

    Raises :class:`contentlint.errors.ContentlintError` when a named path does not exist or the
    configuration is invalid; a file that cannot be read yields a result with ``error`` set.
    """
    from contentlint.discovery import discover

    resolved = config or Config()
    ruleset = RuleSet(resolved)
    for path in discover(paths, resolved.exclude):
        yield lint_file(path, ruleset)
