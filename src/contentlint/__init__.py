"""contentlint: lint consumer-health articles for spam, unsupported claims, missing risk information,
weak attribution and poor readability.

The library API::

    from contentlint import lint_text, lint_paths
    result = lint_text("This miracle pill cures anxiety.", kind="md")
    for finding in result.findings:
        print(finding.line, finding.column, finding.rule, finding.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from contentlint._version import __version__

if TYPE_CHECKING:
    from contentlint.config import Config
    from contentlint.engine import lint_paths, lint_text
    from contentlint.findings import FileResult, Finding, Severity

__all__ = ["Config", "FileResult", "Finding", "Severity", "__version__", "lint_paths", "lint_text"]


def __getattr__(name: str) -> Any:
    # Imported lazily so that `import contentlint` stays cheap for a one-file pre-commit run.
    if name in ("lint_text", "lint_paths"):
        from contentlint import engine

        return getattr(engine, name)
    if name == "Config":
        from contentlint.config import Config

        return Config
    if name in ("FileResult", "Finding", "Severity"):
        from contentlint import findings

        return getattr(findings, name)
    raise AttributeError(f"module 'contentlint' has no attribute {name!r}")
