"""Grammar and spelling through LanguageTool: settings, connection, and the issues it reports.

The GRAM rules (``contentlint.rules.builtin.grammar``) read :func:`issues_for`; the command line
calls :func:`ensure_available` first so an unreachable LanguageTool is reported once, up front.
Heavy imports (requests, language-tool-python) happen only when a check is actually made.
"""

from __future__ import annotations

from contentlint.grammar.client import Issue, connect_for_run, ensure_available, issues_for, settings_for
from contentlint.grammar.errors import HOW_TO_PROVIDE, LanguageToolUnavailable
from contentlint.grammar.settings import URL_ENV, GrammarSettings, grammar_settings

__all__ = [
    "HOW_TO_PROVIDE",
    "URL_ENV",
    "GrammarSettings",
    "Issue",
    "LanguageToolUnavailable",
    "connect_for_run",
    "ensure_available",
    "grammar_settings",
    "issues_for",
    "settings_for",
]
