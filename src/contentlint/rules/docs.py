"""Rule documentation generated from the registry: the `rules` table, `rule CODE` pages, JSON."""

from __future__ import annotations

import json
from typing import Any

from contentlint.rules.base import Example, RuleMeta
from contentlint.rules.registry import Registry


def rules_table(registry: Registry) -> str:
    rows = [(r.meta.code, r.meta.name, r.meta.category, r.meta.severity.value, r.meta.summary) for r in registry]
    width_code = max((len(r[0]) for r in rows), default=4)
    width_name = max((len(r[1]) for r in rows), default=4)
    lines = []
    for code, name, category, severity, summary in rows:
        lines.append(f"{code:<{width_code}}  {name:<{width_name}}  {category:<11}  {severity:<7}  {summary}")
    lines.append(f"\n{len(rows)} rules. `contentlint rule CODE` shows one rule's documentation.")
    return "\n".join(lines)


def meta_as_dict(meta: RuleMeta) -> dict[str, Any]:
    return {
        "code": meta.code,
        "name": meta.name,
        "category": meta.category,
        "severity": meta.severity.value,
        "summary": meta.summary,
        "description": meta.description,
        "rationale": meta.rationale,
        "sources": list(meta.sources),
        "options": {name: {"default": o.default, "description": o.description} for name, o in meta.options.items()},
        "enabled_by_default": meta.enabled_by_default,
        "fixable": meta.fixable,
        "aliases": list(meta.aliases),
        "examples": {
            "fail": [e.text for e in meta.fail_examples],
            "pass": [e.text for e in meta.pass_examples],
        },
    }


def rules_as_json(registry: Registry) -> str:
    return json.dumps([meta_as_dict(r.meta) for r in registry], indent=2, ensure_ascii=False)


def _example_block(example: Example) -> str:
    fence = "```"
    language = {"md": "markdown", "html": "html"}.get(example.kind, "text")
    return f"{fence}{language}\n{example.text.rstrip()}\n{fence}"


def rule_page(meta: RuleMeta) -> str:
    """One rule's page in Markdown, with fixed sections."""
    parts = [
        f"## {meta.code} {meta.name}",
        "",
        f"Category: `{meta.category}` · default severity: `{meta.severity.value}`"
        + (" · fixable with `--fix`" if meta.fixable else "")
        + ("" if meta.enabled_by_default else " · off by default (turn on with `--extend-select`)"),
        "",
        meta.summary,
        "",
        "### What it flags",
        "",
        meta.description.strip(),
        "",
        "### Why",
        "",
        meta.rationale.strip(),
        "",
        "Sources:",
        "",
        *[f"- {source}" for source in meta.sources],
        "",
        "### Fails",
        "",
        *[_example_block(e) + "\n" for e in meta.fail_examples],
        "### Passes",
        "",
        *[_example_block(e) + "\n" for e in meta.pass_examples],
        "### Options",
        "",
    ]
    if meta.options:
        for name, option in meta.options.items():
            parts.append(f"- `{name}` (default `{option.default!r}`): {option.description}")
    else:
        parts.append("None.")
    return "\n".join(parts).rstrip() + "\n"


REGENERATE_COMMAND = "contentlint rules --format markdown > docs/rules.md"


def rules_markdown(registry: Registry) -> str:
    """Every rule's page in one Markdown document, with an index table first (docs/rules.md)."""
    rules = list(registry)
    parts = [
        "# Rules",
        "",
        f"<!-- Generated from the rule registry by `{REGENERATE_COMMAND}`. Do not edit by hand. -->",
        "",
        f"contentlint has {len(rules)} rules. `contentlint rule CODE` prints one rule's page; "
        "rules marked fixable are repaired by `contentlint check --fix`.",
        "",
        "| Code | Name | Category | Severity | Fixable | Summary |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in rules:
        meta = rule.meta
        anchor = f"{meta.code} {meta.name}".lower().replace(" ", "-")
        summary = meta.summary.replace("|", "\\|")
        parts.append(
            f"| [{meta.code}](#{anchor}) | `{meta.name}` | {meta.category} | {meta.severity.value} | "
            f"{'yes' if meta.fixable else ''} | {summary} |"
        )
    parts.append("")
    for rule in rules:
        parts.append(rule_page(rule.meta))
    return "\n".join(parts).rstrip() + "\n"
