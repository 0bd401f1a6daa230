"""Report formats. Reporters never lint: they turn a :class:`RunResult` into text.

Each format is a module exposing ``render(run, options) -> str``; it is imported only when used,
so a run that prints text never pays for SARIF. To add a format, add one line to ``_RENDERERS``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from contentlint.findings import FileResult, Finding, RunResult

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


def ordered_findings(result: FileResult) -> list[Finding]:
    """A file's findings by line, then column, then rule code: the order every format uses."""
    return sorted(result.findings, key=lambda f: (f.span.line, f.span.column, f.rule))


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
