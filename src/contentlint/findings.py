"""Findings: what a rule reports, as immutable values every report format reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

CATEGORIES: tuple[str, ...] = ("spam", "claims", "safety", "attribution", "readability", "grammar")


class Severity(StrEnum):
    """How serious a finding is; ``--fail-on`` compares against this order."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


def slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The functions that set fields ``names`` of a slotted class, bypassing its ``__setattr__``.

    A frozen dataclass's generated ``__init__`` sets each field by ``object.__setattr__``; an
    ``__init__`` calling these setters instead makes the same object about twice as fast, which
    counts for the values made by the thousand per article (spans, findings, sentences)."""
    return tuple(getattr(cls, name).__set__ for name in names)


@dataclass(frozen=True, slots=True, init=False)
class Span:
    """A place in the original file: 1-based lines and columns, end one past the last character.

    Columns count Unicode code points; ``column_utf16`` and ``end_column_utf16`` count UTF-16
    code units, the unit GitHub code scanning assumes. ``offset`` and ``end_offset`` index the
    decoded source text (after any byte-order mark).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    column_utf16: int
    end_column_utf16: int

    def __init__(self, line: int, column: int, end_line: int, end_column: int, offset: int, end_offset: int,
                 column_utf16: int, end_column_utf16: int) -> None:
        _set_line(self, line)
        _set_column(self, column)
        _set_end_line(self, end_line)
        _set_end_column(self, end_column)
        _set_offset(self, offset)
        _set_end_offset(self, end_offset)
        _set_column_utf16(self, column_utf16)
        _set_end_column_utf16(self, end_column_utf16)

    def __reduce__(self) -> tuple[Any, ...]:
        # A frozen slotted dataclass otherwise pickles a field dict, restored by a Python
        # __setstate__ setting one field at a time: a tuple is smaller and rebuilt in C.
        return (Span, (self.line, self.column, self.end_line, self.end_column, self.offset, self.end_offset,
                       self.column_utf16, self.end_column_utf16))


(_set_line, _set_column, _set_end_line, _set_end_column, _set_offset, _set_end_offset, _set_column_utf16,
 _set_end_column_utf16) = slot_setters(Span, "line", "column", "end_line", "end_column", "offset", "end_offset",
                                       "column_utf16", "end_column_utf16")


@dataclass(frozen=True, slots=True)
class Fix:
    """A safe edit: replace ``source[offset:end_offset]`` with ``replacement``."""

    offset: int
    end_offset: int
    replacement: str

    def __reduce__(self) -> tuple[Any, ...]:
        return (Fix, (self.offset, self.end_offset, self.replacement))


@dataclass(frozen=True, slots=True, init=False)
class Finding:
    path: str
    span: Span
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None = None
    text: str = ""
    article_level: bool = False
    fix: Fix | None = None
    extra: tuple[tuple[str, Any], ...] = field(default=())

    def __init__(self, path: str, span: Span, rule: str, name: str, category: str, severity: Severity, message: str,
                 suggestion: str | None = None, text: str = "", article_level: bool = False, fix: Fix | None = None,
                 extra: tuple[tuple[str, Any], ...] = ()) -> None:
        _set_path(self, path)
        _set_span(self, span)
        _set_rule(self, rule)
        _set_name(self, name)
        _set_category(self, category)
        _set_severity(self, severity)
        _set_message(self, message)
        _set_suggestion(self, suggestion)
        _set_text(self, text)
        _set_article_level(self, article_level)
        _set_fix(self, fix)
        _set_extra(self, extra)

    def __reduce__(self) -> tuple[Any, ...]:
        # Findings come back from worker processes by the hundred thousand, each with its own copy
        # of the same path, rule code, name and message: rebuilt with those strings shared.
        return (_shared_finding, (self.path, self.span, self.rule, self.name, self.category, self.severity,
                                  self.message, self.suggestion, self.text, self.article_level, self.fix, self.extra))

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    @property
    def end_line(self) -> int:
        return self.span.end_line

    @property
    def end_column(self) -> int:
        return self.span.end_column

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "text": self.text,
            "article_level": self.article_level,
            "fixable": self.fix is not None,
        }


(_set_path, _set_span, _set_rule, _set_name, _set_category, _set_severity, _set_message, _set_suggestion, _set_text,
 _set_article_level, _set_fix, _set_extra) = slot_setters(
    Finding, "path", "span", "rule", "name", "category", "severity", "message", "suggestion", "text", "article_level",
    "fix", "extra")


def _shared_finding(path: str, span: Span, rule: str, name: str, category: str, severity: Severity, message: str,
                    suggestion: str | None, text: str, article_level: bool, fix: Fix | None,
                    extra: tuple[tuple[str, Any], ...]) -> Finding:
    if len(_shared) >= _SHARED_MAX:
        _shared.clear()
    share = _shared.setdefault
    return Finding(share(path, path), span, share(rule, rule), share(name, name), share(category, category), severity,
                   share(message, message), None if suggestion is None else share(suggestion, suggestion), text,
                   article_level, fix, extra)


# The strings findings share, about this many at most: a message may quote the article, so the
# table is emptied when full rather than grown with the corpus. (Not sys.intern: interned strings
# are immortal on some Python versions, 3.12.0 to 3.12.4 and free-threaded builds, so they would
# never be freed.)
_SHARED_MAX = 20_000
_shared: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be checked, and why, in words an editor understands."""

    path: str
    reason: str


@dataclass(slots=True)
class FileResult:
    """Everything learned about one file: its findings, its metrics, or why it could not be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)
    error: FileError | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)  # checked, but something was skipped: why
    failed_rules: list[str] = field(default_factory=list)  # codes of rules that stopped with an internal error

    def __reduce__(self) -> tuple[Any, ...]:
        return (FileResult, (self.path, self.findings, self.metrics, self.error, self.title, self.notes,
                             self.failed_rules))


# (rule, category, severity, number of findings), in the order a file's findings are reported
Tally = tuple[tuple[str, str, str, int], ...]


def tally_of(findings: list[Finding]) -> Tally:
    """How many of ``findings`` each rule gave, per category and severity, in first-seen order
    (``findings`` in report order): what a run's totals need of a file whose findings it does not keep."""
    counts: dict[tuple[str, str, Severity], int] = {}
    for finding in findings:
        key = (finding.rule, finding.category, finding.severity)
        counts[key] = counts.get(key, 0) + 1
    # (a severity's value once per key: the enum's ``value`` is slow next to the rest)
    return tuple((rule, category, severity.value, count) for (rule, category, severity), count in counts.items())


@dataclass(frozen=True, slots=True)
class RenderedResult:
    """A checked file as a streamed report needs it: its part of the report, already rendered
    (where it was checked, or kept in the results cache), and the counts of its findings.

    ``cache_data`` is the file's full result as the cache stores it, when the run keeps a cache
    and the result was computed in a worker process (so the parent does not have to encode it).
    """

    path: str
    parts: tuple[bytes, ...]  # in UTF-8, as the report is written
    tally: Tally
    notes: tuple[str, ...] = ()
    cache_data: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (RenderedResult, (self.path, self.parts, self.tally, self.notes, self.cache_data))


@dataclass(slots=True)
class RunResult:
    """The outcome of one run over many files, in a deterministic order, ready for a reporter.

    ``rules`` maps a code to the metadata of every rule that was active (reporters describe them);
    its values are :class:`contentlint.rules.base.RuleMeta`.
    """

    files: list[FileResult]
    rules: dict[str, Any]
    version: str
    fail_on: Severity | None = Severity.ERROR

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def errors(self) -> list[FileError]:
        return [r.error for r in self.files if r.error is not None]

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def failed(self) -> bool:
        if self.fail_on is None:
            return False
        threshold = self.fail_on.rank
        return any(f.severity.rank >= threshold for f in self.findings)
