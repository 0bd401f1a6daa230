"""Grammar settings: the ``[languagetool]`` configuration table, validated in one place.

Keys (kebab-case or snake_case)::

    [languagetool]
    url = "http://localhost:8081"        # a LanguageTool server; else CONTENTLINT_LANGUAGETOOL_URL
    language = "en-US"                   # LanguageTool language code
    disabled-rules = ["EN_QUOTES"]       # LanguageTool rule ids never reported
    disabled-categories = ["STYLE"]      # LanguageTool category ids never reported
    words = ["Spravato", "esketamine"]   # correct words: never reported as misspellings
    words-file = "words.txt"             # more such words, one a line ('#' starts a comment)
    picky = false                        # LanguageTool's stricter level
    timeout = 15                         # seconds to wait for one reply
    start-timeout = 60                   # seconds to wait for a local LanguageTool to start
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from contentlint.errors import ConfigError

URL_ENV = "CONTENTLINT_LANGUAGETOOL_URL"
DEFAULT_LANGUAGE = "en-US"
DEFAULT_TIMEOUT = 15.0
DEFAULT_START_TIMEOUT = 60.0
_WHERE = "languagetool"


@dataclass(frozen=True)
class GrammarSettings:
    """Everything that decides which LanguageTool is asked and what it reports."""

    url: str | None = None
    language: str = DEFAULT_LANGUAGE
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()
    picky: bool = False
    timeout: float = DEFAULT_TIMEOUT
    start_timeout: float = DEFAULT_START_TIMEOUT

    def request_key(self) -> str:
        """What, besides the text, changes LanguageTool's reply (the word list is applied after)."""
        return "\x1f".join([
            self.url or "<local>",
            self.language,
            ",".join(sorted(self.disabled_rules)),
            ",".join(sorted(self.disabled_categories)),
            "picky" if self.picky else "default",
        ])

    def knows_word(self, word: str) -> bool:
        """Whether ``word`` is on the project's word list (case-insensitive; a possessive counts)."""
        folded = word.strip().casefold()
        for suffix in ("'s", "’s"):
            if folded.endswith(suffix):
                folded = folded[: -len(suffix)]
                break
        return folded in self.words


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{_WHERE}.{key}: expected a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _seconds(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 600:
        raise ConfigError(f"{_WHERE}.{key}: expected a number of seconds between 0 and 600")
    return float(value)


def _words_file(value: Any, base: Path) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{_WHERE}.words-file: expected a file name")
    path = (base / value).resolve()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{_WHERE}.words-file: cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{_WHERE}.words-file: {path} is not UTF-8 text") from None
    return [line.split("#", 1)[0].strip() for line in lines]


_KNOWN = ("url", "language", "disabled-rules", "disabled-categories", "words", "words-file", "picky",
          "timeout", "start-timeout")


def grammar_settings(table: Mapping[str, Any], base: Path | None = None,
                     environ: Mapping[str, str] | None = None) -> GrammarSettings:
    """Validate a ``[languagetool]`` table; ``words-file`` resolves against ``base``.

    The server URL comes from the table, else from the ``CONTENTLINT_LANGUAGETOOL_URL`` variable.
    """
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    words: list[str] = []
    for raw_key, value in table.items():
        key = str(raw_key).replace("_", "-")
        if key == "url":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{_WHERE}.url: expected a URL such as \"http://localhost:8081\"")
            values["url"] = value.strip()
        elif key == "language":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{_WHERE}.language: expected a LanguageTool language code such as \"en-US\"")
            values["language"] = value.strip()
        elif key in ("disabled-rules", "disabled-categories"):
            values[key.replace("-", "_")] = tuple(v.upper() for v in _strings(key, value))
        elif key == "words":
            words.extend(_strings(key, value))
        elif key == "words-file":
            words.extend(_words_file(value, base or Path.cwd()))
        elif key == "picky":
            if not isinstance(value, bool):
                raise ConfigError(f"{_WHERE}.picky: expected true or false")
            values["picky"] = value
        elif key in ("timeout", "start-timeout"):
            values[key.replace("-", "_")] = _seconds(key, value)
        else:
            raise ConfigError(f"{_WHERE}: unknown key '{raw_key}' (known keys: {', '.join(_KNOWN)})")
    if "url" not in values and env.get(URL_ENV, "").strip():
        values["url"] = env[URL_ENV].strip()
    return GrammarSettings(**values, words=frozenset(w.casefold() for w in words if w))
