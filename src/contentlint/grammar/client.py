"""Asking LanguageTool about an article's prose, through language-tool-python.

One request per article text, answers cached in process by a hash of the text and of every
setting that changes the reply. Every failure (nothing configured, connection refused, time-out,
a reply that is not LanguageTool's JSON) becomes :class:`LanguageToolUnavailable` with one line
that says what happened and what to do; nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint.grammar.errors import LanguageToolUnavailable
from contentlint.grammar.settings import URL_ENV, GrammarSettings, grammar_settings

if TYPE_CHECKING:
    from contentlint.config import Config

_CONNECT_TIMEOUT = 5.0
_MAX_CACHED_TEXTS = 4096
_CHECK_URL_HINT = (
    "check that languagetool.url or CONTENTLINT_LANGUAGETOOL_URL points to a running LanguageTool "
    "server; see docs/grammar.md"
)


@dataclass(frozen=True, slots=True)
class Issue:
    """One LanguageTool match, placed on ``text[start:end]`` (code points of the text sent)."""

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


class _Checker:
    """A connected LanguageTool; after one failure it fails at once instead of waiting again."""

    def __init__(self, tool: Any, url: str, settings: GrammarSettings) -> None:
        self._tool = tool
        self.url = url
        self._settings = settings
        self._failure: str | None = None

    def check(self, text: str) -> tuple[Issue, ...]:
        if self._failure is not None:
            raise LanguageToolUnavailable(self._failure)
        try:
            matches = self._tool.check(text)
            return tuple(_issue(match, text) for match in matches)
        except Exception as exc:  # a remote service: any failure is reported, never a traceback
            self._failure = _explain(exc, self.url, self._settings)
            raise LanguageToolUnavailable(self._failure) from None


_CHECKERS: dict[str, _Checker | LanguageToolUnavailable] = {}
_ANSWERS: OrderedDict[str, tuple[Issue, ...]] = OrderedDict()
_SETTINGS: dict[tuple[str, str, str], GrammarSettings] = {}


def settings_for(config: Config) -> GrammarSettings:
    """The grammar settings of a run (validated once per configuration)."""
    key = (repr(sorted(config.languagetool.items())), str(config.root), os.environ.get(URL_ENV, ""))
    settings = _SETTINGS.get(key)
    if settings is None:
        settings = grammar_settings(config.languagetool, config.root)
        _SETTINGS[key] = settings
    return settings


def ensure_available(settings: GrammarSettings) -> str:
    """Connect to LanguageTool now (starting a local one if that is how it is provided) and
    return its URL; raises :class:`LanguageToolUnavailable` when it cannot be used."""
    return _checker(settings).url


def connect_for_run(config: Config) -> Config:
    """Connect to LanguageTool for a run and return the configuration pinned to its URL, so worker
    processes (and the results cache) use that same server. Raises
    :class:`LanguageToolUnavailable` when none can be used."""
    from dataclasses import replace

    url = ensure_available(settings_for(config))
    return replace(config, languagetool={**config.languagetool, "url": url})


def issues_for(text: str, settings: GrammarSettings) -> list[Issue]:
    """LanguageTool's issues in ``text`` (less any disabled rule or category)."""
    key = hashlib.sha256(f"{settings.request_key()}\x00{text}".encode()).hexdigest()
    answer = _ANSWERS.get(key)
    if answer is None:
        answer = _checker(settings).check(text)
        _ANSWERS[key] = answer
        if len(_ANSWERS) > _MAX_CACHED_TEXTS:
            _ANSWERS.popitem(last=False)
    disabled = set(settings.disabled_rules)
    return [
        issue for issue in answer
        if issue.rule_id.upper() not in disabled
        and issue.category.upper() not in settings.disabled_categories
    ]


def clear_caches() -> None:
    """Forget connections and answers (tests, or a long-lived process whose server changed)."""
    _CHECKERS.clear()
    _ANSWERS.clear()
    _SETTINGS.clear()


def _checker(settings: GrammarSettings) -> _Checker:
    key = f"{settings.request_key()}\x00{settings.timeout}"
    known = _CHECKERS.get(key)
    if known is None:
        try:
            known = _connect(settings)
        except LanguageToolUnavailable as exc:
            known = exc
        _CHECKERS[key] = known
    if isinstance(known, LanguageToolUnavailable):
        raise LanguageToolUnavailable(str(known))
    return known


def api_base(url: str) -> str:
    """The server's root URL as language-tool-python expects it (it appends ``v2/`` itself)."""
    base = url.strip().rstrip("/")
    if base.endswith("/v2"):
        base = base[: -len("/v2")]
    if "://" not in base:
        base = f"http://{base}"
    return base + "/"


def _connect(settings: GrammarSettings) -> _Checker:
    if settings.url:
        url = settings.url
    else:
        from contentlint.grammar.local import start_local_languagetool

        url = start_local_languagetool(settings)
    from language_tool_python import LanguageTool

    # language-tool-python waits 300 s for every reply; a linter must never hang that long.
    bounded = type("BoundedLanguageTool", (LanguageTool,),
                   {"_TIMEOUT": (min(_CONNECT_TIMEOUT, settings.timeout), settings.timeout)})
    try:
        tool = bounded(language=settings.language, remote_server=api_base(url))
    except Exception as exc:  # the first request (its list of languages) tells whether it is usable
        raise LanguageToolUnavailable(_explain(exc, url, settings)) from None
    tool.disabled_rules = set(settings.disabled_rules)
    tool.disabled_categories = set(settings.disabled_categories)
    tool.picky = settings.picky
    return _Checker(tool, url, settings)


def _issue(match: Any, text: str) -> Issue:
    start = int(match.offset)  # language-tool-python has already turned UTF-16 units into code points
    end = _advance_utf16(text, start, int(match.error_length))
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"a match at offset {start} lies outside the {len(text)}-character text")
    return Issue(
        start=start,
        end=end,
        rule_id=str(match.rule_id),
        category=str(match.category),
        issue_type=str(match.rule_issue_type),
        message=str(match.message),
        replacements=tuple(str(r) for r in match.replacements),
    )


def _advance_utf16(text: str, start: int, units: int) -> int:
    """The code-point index ``units`` UTF-16 code units after ``start`` (LanguageTool counts in Java)."""
    index, counted = start, 0
    while counted < units and index < len(text):
        counted += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


def _causes(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or any(current is s for s in seen):
            continue
        seen.append(current)
        pending.extend([current.__cause__, current.__context__])
        pending.extend(a for a in current.args if isinstance(a, BaseException))
    return seen


def _printable(text: str, limit: int = 80) -> str:
    """Server text made safe for one terminal line."""
    cleaned = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _explain(exc: BaseException, url: str, settings: GrammarSettings) -> str:
    import requests
    from language_tool_python.exceptions import RateLimitError

    causes = _causes(exc)
    where = _printable(url, 200)
    if any(isinstance(c, requests.exceptions.Timeout | TimeoutError) for c in causes):
        problem = f"LanguageTool at {where} did not answer within {settings.timeout:g} seconds"
    elif any(isinstance(c, requests.exceptions.ConnectionError | ConnectionError) for c in causes):
        refused = any(isinstance(c, ConnectionRefusedError) or "refused" in str(c).lower() for c in causes)
        problem = f"cannot reach LanguageTool at {where} ({'connection refused' if refused else 'no connection'})"
    elif any(isinstance(c, RateLimitError) for c in causes):
        problem = f"LanguageTool at {where} refused the request (rate limit exceeded)"
    elif isinstance(exc, ValueError) and "unsupported language" in str(exc):
        return (f"grammar checking is not possible: LanguageTool at {where} does not support the language "
                f"'{_printable(settings.language)}'; set languagetool.language to one it supports (e.g. en-US)")
    elif any(isinstance(c, requests.exceptions.RequestException) for c in causes) and not any(
        isinstance(c, ValueError) for c in causes  # requests' JSON errors are also ValueErrors: garbage
    ):
        problem = f"cannot reach LanguageTool at {where} ({_printable(type(causes[-1]).__name__)})"
    else:
        detail = _printable(str(exc)) or type(exc).__name__
        problem = f"LanguageTool at {where} gave a reply that is not a LanguageTool answer ({detail})"
    return f"grammar checking is not possible: {problem}; {_CHECK_URL_HINT}"

