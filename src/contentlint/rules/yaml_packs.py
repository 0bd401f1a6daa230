"""YAML rule packs: data rules validated at load time and run by a small set of engines.

A pack is a YAML file with a top-level ``rules:`` list. Each rule names its ``engine``:

``existence``
    Report every match of ``phrases`` (literal, whole words, case-insensitive) or ``patterns``
    (RE2 regular expressions), unless it overlaps a match of ``exceptions`` or one of the
    ``skip_when`` context checks holds (negated, quoted, reported, cited, hedged, question,
    heading: see ``contentlint.text.context.CHECKS``).
``substitution``
    ``swap`` maps a phrase to its replacement; every match is reported with the replacement as
    the suggestion (and as a fix when the rule is ``fixable``).

Every key is checked; an unknown key, a wrong type or a bad pattern is an error naming the file,
the rule and the key.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from contentlint.document import Article, Block
from contentlint.errors import RulePackError
from contentlint.findings import CATEGORIES, Fix
from contentlint.rules.base import Example, InstanceRule, Option, RuleContext, RuleMeta, severity_of
from contentlint.rules.data import load_yaml
from contentlint.rules.phrases import PhraseMatcher, SafePatterns
from contentlint.text.context import CHECKS, skip_reason

ENGINES = ("existence", "substitution")
BLOCK_KINDS = ("heading", "paragraph", "list_item", "blockquote", "table_cell", "caption")

_REQUIRED = ("code", "name", "category", "severity", "engine", "summary", "description", "rationale",
             "sources", "message", "examples")
_OPTIONAL = ("suggestion", "phrases", "patterns", "exceptions", "exception_patterns", "skip_when", "scope",
             "case_sensitive", "swap", "fixable", "enabled", "options", "aliases", "max_per_article")
_ENGINE_KEYS = {
    "existence": ("phrases", "patterns"),
    "substitution": ("swap",),
}


def _fail(path: Path, where: str, problem: str) -> RulePackError:
    return RulePackError(f"{path}: {where}: {problem}")


def _str_list(path: Path, where: str, key: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, where, f"'{key}' must be a list of strings")
    return list(value)


def _text(path: Path, where: str, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, where, f"'{key}' must be a non-empty string")
    return value.strip()


def _is_yaml_error(exc: Exception) -> bool:
    """Whether PyYAML raised ``exc`` (PyYAML is imported only when a pack's text is parsed, so
    it is not imported here when the parsed value came from the cache)."""
    yaml = sys.modules.get("yaml")
    return yaml is not None and isinstance(exc, yaml.YAMLError)


def load_pack(path: Path) -> list[InstanceRule]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path}: cannot read rule pack: {exc}") from None
    except Exception as exc:
        if not _is_yaml_error(exc):
            raise
        raise RulePackError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RulePackError(f"{path}: a rule pack needs a top-level 'rules:' list")
    unknown_top = set(data) - {"rules", "pack", "description"}
    if unknown_top:
        raise RulePackError(f"{path}: unknown top-level key(s): {', '.join(sorted(unknown_top))}")
    return [_build_rule(path, index, entry) for index, entry in enumerate(data["rules"])]


def _build_rule(path: Path, index: int, entry: Any) -> InstanceRule:
    where = f"rules[{index}]"
    if not isinstance(entry, dict):
        raise _fail(path, where, "each rule must be a mapping")
    if isinstance(entry.get("code"), str):
        where = f"rule {entry['code']}"
    missing = [k for k in _REQUIRED if k not in entry]
    if missing:
        raise _fail(path, where, f"missing key(s): {', '.join(missing)}")
    unknown = set(entry) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise _fail(path, where, f"unknown key(s): {', '.join(sorted(unknown))}")
    engine = entry["engine"]
    if engine not in ENGINES:
        raise _fail(path, where, f"'engine' must be one of {', '.join(ENGINES)}, not {engine!r}")
    if not any(entry.get(k) for k in _ENGINE_KEYS[engine]):
        raise _fail(path, where, f"the {engine} engine needs '{' or '.join(_ENGINE_KEYS[engine])}'")
    category = entry["category"]
    if category not in CATEGORIES:
        raise _fail(path, where, f"'category' must be one of {', '.join(CATEGORIES)}")
    try:
        severity = severity_of(str(entry["severity"]))
    except ValueError as exc:
        raise _fail(path, where, f"'severity': {exc}") from None
    examples = entry["examples"]
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"}:
        raise _fail(path, where, "'examples' must be a mapping with 'fail' and 'pass' lists")
    fail = _str_list(path, where, "examples.fail", examples.get("fail"))
    passing = _str_list(path, where, "examples.pass", examples.get("pass"))
    if not fail or not passing:
        raise _fail(path, where, "'examples' needs at least one 'fail' and one 'pass' example")
    skip_when = _str_list(path, where, "skip_when", entry.get("skip_when"))
    for check in skip_when:
        if check not in CHECKS:
            raise _fail(path, where, f"'skip_when': unknown check {check!r} (known: {', '.join(CHECKS)})")
    scope = _str_list(path, where, "scope", entry.get("scope")) or [k for k in BLOCK_KINDS if k != "heading"]
    for kind in scope:
        if kind not in BLOCK_KINDS:
            raise _fail(path, where, f"'scope': unknown block kind {kind!r}")
    options = entry.get("options") or {}
    if not isinstance(options, dict):
        raise _fail(path, where, "'options' must be a mapping of name to {default, description}")
    declared: dict[str, Option] = {}
    for name, spec in options.items():
        if not isinstance(spec, dict) or "default" not in spec:
            raise _fail(path, where, f"'options.{name}' needs a 'default'")
        declared[str(name)] = Option(spec["default"], str(spec.get("description", "")))
    meta = RuleMeta(
        code=_text(path, where, "code", entry["code"]).upper(),
        name=_text(path, where, "name", entry["name"]),
        category=category,
        severity=severity,
        summary=_text(path, where, "summary", entry["summary"]),
        description=_text(path, where, "description", entry["description"]),
        rationale=_text(path, where, "rationale", entry["rationale"]),
        sources=tuple(_str_list(path, where, "sources", entry["sources"])),
        fail_examples=tuple(Example(t) for t in fail),
        pass_examples=tuple(Example(t) for t in passing),
        options=declared,
        enabled_by_default=bool(entry.get("enabled", True)),
        fixable=bool(entry.get("fixable", False)),
        aliases=tuple(_str_list(path, where, "aliases", entry.get("aliases"))),
        origin=f"pack {path.name}",
    )
    case_sensitive = bool(entry.get("case_sensitive", False))
    try:
        exceptions = _Matchers(
            PhraseMatcher(_str_list(path, where, "exceptions", entry.get("exceptions")), case_sensitive=False),
            SafePatterns(_str_list(path, where, "exception_patterns", entry.get("exception_patterns")),
                         origin=f"{path}: {where}: 'exception_patterns'"),
        )
        if engine == "existence":
            matchers = _Matchers(
                PhraseMatcher(_str_list(path, where, "phrases", entry.get("phrases")), case_sensitive=case_sensitive),
                SafePatterns(_str_list(path, where, "patterns", entry.get("patterns")),
                             case_sensitive=case_sensitive, origin=f"{path}: {where}: 'patterns'"),
            )
            swap: dict[str, str] = {}
        else:
            raw_swap = entry.get("swap")
            if not isinstance(raw_swap, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in raw_swap.items()
            ):
                raise _fail(path, where, "'swap' must map phrases to replacements (strings)")
            swap = {" ".join(k.lower().split()): v for k, v in raw_swap.items()}
            matchers = _Matchers(PhraseMatcher(raw_swap, case_sensitive=case_sensitive), SafePatterns([]))
    except ValueError as exc:
        raise RulePackError(str(exc)) from None
    max_per_article = entry.get("max_per_article", 0)
    if not isinstance(max_per_article, int) or max_per_article < 0:
        raise _fail(path, where, "'max_per_article' must be a whole number (0 for no limit)")
    return YamlRule(
        meta,
        matchers=matchers,
        exceptions=exceptions,
        message=_text(path, where, "message", entry["message"]),
        suggestion=str(entry["suggestion"]).strip() if entry.get("suggestion") else None,
        skip_when=tuple(skip_when),
        scope=frozenset(scope),
        swap=swap,
        max_per_article=max_per_article,
    )


class _Matchers:
    def __init__(self, phrases: PhraseMatcher, patterns: SafePatterns) -> None:
        self.phrases = phrases
        self.patterns = patterns

    def blocks_without_matches(self, text: str, blocks: Sequence[Block]) -> set[int]:
        """Numbers of the blocks where :meth:`finditer` is sure to find nothing, told apart in
        one pass over the phrases' matches in the whole text (most blocks hold none)."""
        if self.patterns:
            return set()
        return self.phrases.ranges_without_matches(text, [(block.start, block.end) for block in blocks])

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        # each kind finds non-overlapping matches in order of position: only a mix needs sorting
        if not self.patterns:
            return list(self.phrases.finditer(text, start, end))
        if not self.phrases:
            return list(self.patterns.finditer(text, start, end))
        found = list(self.phrases.finditer(text, start, end)) + list(self.patterns.finditer(text, start, end))
        found.sort()
        return found


class YamlRule(InstanceRule):
    """A rule defined in a YAML pack, run by the existence or substitution engine."""

    def __init__(
        self,
        meta: RuleMeta,
        *,
        matchers: _Matchers,
        exceptions: _Matchers,
        message: str,
        suggestion: str | None,
        skip_when: tuple[str, ...],
        scope: frozenset[str],
        swap: Mapping[str, str],
        max_per_article: int,
    ) -> None:
        super().__init__(meta)
        self.matchers = matchers
        self.exceptions = exceptions
        self.message = message
        self.suggestion = suggestion
        self.skip_when = skip_when
        self.scope = scope
        self.swap = swap
        self.max_per_article = max_per_article

    def check(self, article: Article, ctx: RuleContext) -> None:
        text = article.text
        reported = 0
        blocks = article.blocks
        without = self.matchers.blocks_without_matches(text, blocks)
        for number, block in enumerate(blocks):
            if block.kind not in self.scope or number in without:
                continue
            excluded: list[tuple[int, int, str]] | None = None  # found when the block has a match
            last_end = -1
            for start, end, phrase in self.matchers.finditer(text, block.start, block.end):
                if start < last_end:
                    continue
                if excluded is None:
                    excluded = self.exceptions.finditer(text, block.start, block.end)
                if any(s < end and start < e for s, e, _ in excluded):
                    continue
                if self.skip_when and skip_reason(article, start, end, self.skip_when):
                    continue
                last_end = end
                self._report(ctx, text, start, end, phrase)
                reported += 1
                if self.max_per_article and reported >= self.max_per_article:
                    return

    def _report(self, ctx: RuleContext, text: str, start: int, end: int, phrase: str) -> None:
        matched = text[start:end]
        replacement = self.swap.get(" ".join(phrase.lower().split()), "") if self.swap else ""
        if replacement and matched[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        values = {"match": matched, "phrase": phrase, "replacement": replacement}
        message = self.message.format_map(_Defaulting(values))
        suggestion = self.suggestion.format_map(_Defaulting(values)) if self.suggestion else None
        fix = None
        if self.meta.fixable and self.swap:
            span = ctx.article.locate(start, end)
            fix = Fix(span.offset, span.end_offset, replacement)
        ctx.report(start, end, message, suggestion, fix=fix)


class _Defaulting(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
