"""Why the grammar check could not run, in one line an editor can act on."""

from __future__ import annotations

from contentlint.errors import ContentlintError

HOW_TO_PROVIDE = (
    "set languagetool.url in contentlint.toml or CONTENTLINT_LANGUAGETOOL_URL to a LanguageTool server "
    "(e.g. http://localhost:8081), or install Java and set LTP_JAR_DIR_PATH to an unpacked LanguageTool "
    "folder; see docs/grammar.md"
)


class LanguageToolUnavailable(ContentlintError):
    """No LanguageTool could be reached, or it did not answer usably."""
