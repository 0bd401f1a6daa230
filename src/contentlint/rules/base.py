"""What a rule is: its documented metadata, its options, and the ``check`` that reports findings.

Python rules subclass :class:`Rule` and set ``meta``; YAML rules are :class:`Rule` instances built
by an engine from a pack. Either way a rule reports through the :class:`RuleContext` it is given,
in coordinates of ``article.text``; the context turns them into exact findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from contentlint.config import Config
from contentlint.document import Article
from contentlint.findings import CATEGORIES, Finding, Fix, Severity, Span


@dataclass(frozen=True, slots=True)
class Option:
    """A rule option: its default (whose type every configured value must have) and meaning."""

    default: Any
    description: str


@dataclass(frozen=True, slots=True)
class Example:
    """An example text; ``kind`` is the document kind it is parsed as."""

    text: str
    kind: str = "md"


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """Everything a user reads about a rule, and what the registry needs to run it.

    ``summary`` is one line; ``description`` says what it flags; ``rationale`` says why, and
    ``sources`` name where that comes from (FTC, FDA, HONcode, WHO, CDC...). Every rule has at
    least one example that must produce a finding of this rule and one that must not.
    """

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    description: str
    rationale: str
    sources: tuple[str, ...]
    fail_examples: tuple[Example, ...]
    pass_examples: tuple[Example, ...]
    options: Mapping[str, Option] = field(default_factory=dict)
    enabled_by_default: bool = True
    fixable: bool = False
    aliases: tuple[str, ...] = ()
    origin: str = "builtin"

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.code}: unknown category {self.category!r}")


class RuleContext:
    """Given to ``Rule.check``: the rule's resolved options and a way to report findings."""

    def __init__(
        self,
        article: Article,
        meta: RuleMeta,
        severity: Severity,
        options: Mapping[str, Any],
        path: str,
        config: Config | None = None,
    ) -> None:
        self.article = article
        self.meta = meta
        self.severity = severity
        self.options = options
        self.path = path
        # The run's settings, for rules backed by a service configured outside their options
        # (the grammar rules read the [languagetool] table).
        self.config = config if config is not None else Config()
        self.findings: list[Finding] = []

    def report(
        self,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        *,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> None:
        """Report ``article.text[start:end]``."""
        span = self.article.locate(start, end)
        self._add(span, self.article.text[start:end], message, suggestion, severity, fix=fix)

    def report_article(
        self,
        message: str,
        suggestion: str | None = None,
        *,
        anchor: tuple[int, int] | None = None,
        severity: Severity | None = None,
    ) -> None:
        """Report something about the whole article (usually missing), pointing at ``anchor``
        (a span of ``article.text``), or at the title or first line when there is none."""
        article = self.article
        if anchor is not None and article.text:
            span = article.locate(*anchor)
            text = article.text[anchor[0] : anchor[1]]
        elif article.blocks:
            first = article.blocks[0]
            span = article.locate(first.start, first.end)
            text = article.text[first.start : first.end]
        else:
            span = article.line_span(1)
            text = ""
        self._add(span, text, message, suggestion, severity, article_level=True)

    def _add(
        self,
        span: Span,
        text: str,
        message: str,
        suggestion: str | None,
        severity: Severity | None,
        *,
        fix: Fix | None = None,
        article_level: bool = False,
    ) -> None:
        meta = self.meta
        # (by position: a finding is made for every report, and keywords cost a lookup each)
        self.findings.append(
            Finding(self.path, span, meta.code, meta.name, meta.category, severity or self.severity, message,
                    suggestion, text, article_level, fix)
        )


class Rule:
    """Base class of every rule. Subclasses set ``meta`` and implement :meth:`check`."""

    meta: RuleMeta

    def check(self, article: Article, ctx: RuleContext) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<Rule {self.meta.code} {self.meta.name}>"


class InstanceRule(Rule):
    """A rule whose metadata is set per instance (YAML rules, rules built from data)."""

    def __init__(self, meta: RuleMeta) -> None:
        self.meta = meta


def severity_of(value: str | Severity) -> Severity:
    return value if isinstance(value, Severity) else Severity.parse(value)


def examples(*texts: str, kind: str = "md") -> tuple[Example, ...]:
    return tuple(Example(t, kind) for t in texts)


RuleIterable = Iterable[Rule]
