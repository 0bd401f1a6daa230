"""Report formats. Reporters never lint: they turn a :class:`RunResult` into text.

Each format is a module exposing ``render(run, options) -> str``; it is imported only when used,
so a run that prints text never pays for SARIF. To add a format, add one line to ``_RENDERERS``.

A format that can be written one file at a time also exposes ``Writer`` (see :class:`ReportWriter`):
the command line hands it each file's result as it arrives and keeps only :class:`Totals`, so a
run's memory does not grow with its findings. Its output is byte for byte what ``render`` gives.

A format whose part for each file does not depend on the files before it also exposes
``file_parts(result, source, options)`` and ``parts_key(options)``, and its writer ``add_parts``
(see :class:`PartsRenderer`): a file's part can then be rendered in the worker process that
checked it and kept in the results cache, so an unchanged file costs a warm run almost nothing.
Such parts travel as UTF-8 bytes, from where they are rendered to the report file, so a warm run
copies bytes instead of decoding and encoding the whole report again.
"""

from __future__ import annotations

import importlib
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from contentlint.findings import CATEGORIES, Severity

if TYPE_CHECKING:
    from contentlint.findings import FileError, FileResult, Finding, RenderedResult, RunResult

# format name -> module that renders it (each module defines ``render(run, options)``)
_RENDERERS: dict[str, str] = {
    "text": "contentlint.reports.text",
    "json": "contentlint.reports.json_report",
    "sarif": "contentlint.reports.sarif",
    "github": "contentlint.reports.github",
    "html": "contentlint.reports.html",
    "markdown": "contentlint.reports.markdown",
}

FORMATS: tuple[str, ...] = tuple(_RENDERERS)


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """How to render: ``sources`` maps a path to its decoded text (for source lines and snippets);
    ``cwd`` is the folder paths are made relative to (the current directory when ``None``).
    ``quiet`` leaves out everything but the findings; ``statistics`` counts findings per rule
    instead of listing them (both for the text format)."""

    color: bool = False
    show_source: bool = False
    cwd: str | None = None
    sources: Mapping[str, str] = field(default_factory=dict)
    quiet: bool = False
    statistics: bool = False

    @property
    def root(self) -> Path:
        """The folder paths are shown from, absolute."""
        return Path(os.path.abspath(self.cwd or os.getcwd()))


Renderer = Callable[["RunResult", ReportOptions], str]


def render(
    fmt: str,
    run: RunResult,
    *,
    color: bool = False,
    show_source: bool = False,
    cwd: str | None = None,
    sources: Mapping[str, str] | None = None,
    quiet: bool = False,
    statistics: bool = False,
) -> str:
    """Render ``run`` in format ``fmt`` (one of :data:`FORMATS`)."""
    options = ReportOptions(
        color=color,
        show_source=show_source,
        cwd=cwd,
        sources=sources or {},
        quiet=quiet,
        statistics=statistics,
    )
    return renderer(fmt)(run, options)


def renderer(fmt: str) -> Renderer:
    """The render function of format ``fmt``, importing its module on first use."""
    try:
        module_name = _RENDERERS[fmt]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown report format {fmt!r} (use one of: {known})") from None
    module = importlib.import_module(module_name)
    return cast(Renderer, module.render)


Write = Callable[[str | bytes], None]
"""Where a writer sends its report: text, or UTF-8 bytes (a file's parts, rendered elsewhere)."""


def utf8(text: str) -> bytes:
    """``text`` as the report holds it. A file name the system could not decode keeps its own
    bytes (Python reads them as lone surrogates), so the report names the file as it is."""
    return text.encode("utf-8", "surrogateescape")


def utf8_parts(parts: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(map(utf8, parts))


class ReportWriter(Protocol):
    """A report written as results arrive: ``add`` each file's result in run order (with its
    decoded text when snippets or source lines are wanted), then ``finish`` with the totals."""

    def add(self, result: FileResult, source: str | None = None) -> None: ...

    def finish(self, totals: Totals) -> None: ...


WriterFactory = Callable[[Write, "Mapping[str, Any]", str, ReportOptions], ReportWriter]


def writer(
    fmt: str, write: Write, rules: Mapping[str, Any], version: str, options: ReportOptions
) -> ReportWriter | None:
    """A writer of format ``fmt`` sending its text to ``write``; ``None`` when the format needs
    every result at once (the HTML report ranks every article and shows its text)."""
    renderer(fmt)  # an unknown format fails the same way as with render
    factory = getattr(importlib.import_module(_RENDERERS[fmt]), "Writer", None)
    return None if factory is None else cast(WriterFactory, factory)(write, rules, version, options)


class PartsWriter(ReportWriter, Protocol):
    """A writer that also takes a file's part of the report rendered elsewhere by ``file_parts``
    (encoded by :func:`utf8_parts`)."""

    def add_parts(self, parts: tuple[bytes, ...]) -> None: ...


PartsFunction = Callable[["FileResult", "str | None", ReportOptions], "tuple[str, ...]"]


@dataclass(frozen=True, slots=True)
class PartsRenderer:
    """Renders a file's part of a report of format ``fmt`` away from its writer: in the worker
    that checked the file, or once for the results cache. ``key`` names everything the parts
    depend on besides the file's result (the format, its options, the folder paths are shown
    from), so cached parts are reused only by a report that would render them the same."""

    fmt: str
    options: ReportOptions
    key: str

    def parts(self, result: FileResult, source: str | None) -> tuple[bytes, ...]:
        """The file's parts of the report, in UTF-8."""
        module = importlib.import_module(_RENDERERS[self.fmt])
        return utf8_parts(cast(PartsFunction, module.file_parts)(result, source, self.options))


def parts_renderer(fmt: str, options: ReportOptions) -> PartsRenderer | None:
    """The renderer of format ``fmt``'s per-file parts with ``options``, or ``None`` when the
    format (or these options, such as ``--statistics``) has no part of its own for each file."""
    module = importlib.import_module(_RENDERERS[fmt])
    key_of = getattr(module, "parts_key", None)
    if key_of is None:
        return None
    settled = replace(options, cwd=options.cwd or os.getcwd(), sources={})
    key = cast(Callable[[ReportOptions], "str | None"], key_of)(settled)
    return None if key is None else PartsRenderer(fmt, settled, key)


_SEVERITIES = {severity.value: severity for severity in Severity}


@dataclass(slots=True)
class Totals:
    """What summaries and the exit status need of a run, counted one file at a time."""

    checked: int = 0
    unreadable: int = 0
    rule_failures: int = 0  # files on which a rule stopped with an internal error
    findings: int = 0
    severities: Counter[Severity] = field(default_factory=Counter)
    categories: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    rules: dict[str, int] = field(default_factory=dict)
    errors: list[FileError] = field(default_factory=list)

    @classmethod
    def of(cls, results: Iterable[FileResult]) -> Totals:
        totals = cls()
        for result in results:
            totals.add(result)
        return totals

    def add(self, result: FileResult) -> None:
        if result.error is None:
            self.checked += 1
        else:
            self.unreadable += 1
            self.errors.append(result.error)
        if result.failed_rules:
            self.rule_failures += 1
        # in report order, so categories outside CATEGORIES are listed as the reports meet them
        for finding in ordered_findings(result):
            self.findings += 1
            self.severities[finding.severity] += 1
            self.categories[finding.category] = self.categories.get(finding.category, 0) + 1
            self.rules[finding.rule] = self.rules.get(finding.rule, 0) + 1

    def add_rendered(self, result: RenderedResult) -> None:
        """Count a file checked and rendered elsewhere, from its tally."""
        self.checked += 1
        for rule, category, severity, count in result.tally:
            self.findings += count
            self.severities[_SEVERITIES[severity]] += count
            self.categories[category] = self.categories.get(category, 0) + count
            self.rules[rule] = self.rules.get(rule, 0) + count

    def failed(self, fail_on: Severity | None) -> bool:
        """Whether a finding is at least as severe as ``fail_on`` (never when it is ``None``)."""
        if fail_on is None:
            return False
        return any(count and severity.rank >= fail_on.rank for severity, count in self.severities.items())


class Spool:
    """Part of a report kept for its end, in UTF-8: in memory while small and in a temporary file
    after."""

    _IN_MEMORY = 1 << 20
    _CHUNK = 1 << 20

    def __init__(self) -> None:
        import tempfile  # only runs that hold text back need it

        # closed by chunks(), which reads it back
        self._file = tempfile.SpooledTemporaryFile(max_size=self._IN_MEMORY)  # noqa: SIM115

    def write(self, data: str | bytes) -> None:
        self._file.write(utf8(data) if isinstance(data, str) else data)

    def chunks(self) -> Iterator[bytes]:
        """What was written, in pieces of about a megabyte (a piece may end inside a character);
        the spool is closed afterwards."""
        with self._file:
            self._file.seek(0)
            while chunk := self._file.read(self._CHUNK):
                yield chunk

    def copy_to(self, write: Write) -> None:
        for chunk in self.chunks():
            write(chunk)


def json_array_item(text: str, depth: int, *, first: bool) -> str:
    """An item of an indented JSON array ``depth`` levels deep, as ``json.dumps(indent=2)`` places
    it (``text`` is the item dumped on its own): after the opening bracket or a comma."""
    indent = "  " * depth
    return ("\n" if first else ",\n") + indent + text.replace("\n", "\n" + indent)


def ordered_findings(result: FileResult) -> list[Finding]:
    """A file's findings by line, then column, then rule code: the order every format uses."""
    return sorted(result.findings, key=_REPORT_ORDER)


_REPORT_ORDER = attrgetter("span.line", "span.column", "rule")  # (line, column, rule), made in C


# C0 controls, DEL, C1 controls (ESC, CSI ...) and the bidirectional overrides and isolates
# that can make a terminal or a web page show text in a different order than it is stored.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c\u2028\u2029")


def neutralise(text: str) -> str:
    """Make untrusted text safe to print on one line: line breaks and tabs become spaces, other
    control characters become visible escapes such as ``\\x1b`` so they cannot drive a terminal."""
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _WHITESPACE_CONTROLS:
        return " "
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
