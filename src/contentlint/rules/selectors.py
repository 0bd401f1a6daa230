"""Selectors name rules the way users do: a code, a code prefix, a rule name or a category."""

from __future__ import annotations

from collections.abc import Iterable

from contentlint.findings import CATEGORIES


def matches(selector: str, code: str, name: str, category: str, aliases: Iterable[str] = ()) -> bool:
    """True when ``selector`` names this rule.

    ``ALL`` names every rule; a category (``spam``) every rule in it; a code prefix (``SPAM`` or
    ``SPAM00``) every code that starts with it; a name (``call-to-action``) or alias that rule.
    """
    token = selector.strip()
    if not token:
        return False
    if token.upper() == "ALL":
        return True
    lowered = token.lower()
    if lowered in CATEGORIES:
        return category == lowered
    if lowered == name or lowered in aliases:
        return True
    return token[:1].isalpha() and code.upper().startswith(token.upper())


def is_known(selector: str, rules: Iterable[tuple[str, str, str, tuple[str, ...]]]) -> bool:
    """Whether a selector names at least one of the given (code, name, category, aliases)."""
    return any(matches(selector, code, name, category, aliases) for code, name, category, aliases in rules)
