"""The shape every claims rule shares: patterns built from the lexicon, read in context.

A :class:`ClaimPattern` is one way of making a claim (a regex, with the named group ``claim``
as the span to report when it has one), the context checks that cancel it, and an optional
``accept`` test for what a regex cannot say. A :class:`PatternRule` runs its patterns over the
article's blocks and reports each claim once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from contentlint.document import Article
from contentlint.rules.base import Option, Rule, RuleContext
from contentlint.rules.prefilter import Literals, blocks_needing, folded_finditer, folded_search, needed_sets
from contentlint.text.context import CHECKS, skip_reason

Accept = Callable[[Article, re.Match[str]], bool]

ALL_BLOCKS = frozenset({"heading", "paragraph", "list_item", "blockquote", "table_cell", "caption"})
PROSE_BLOCKS = frozenset({"paragraph", "list_item", "blockquote", "table_cell", "caption"})


@dataclass(frozen=True)
class ClaimPattern:
    regex: re.Pattern[str]
    message: str
    suggestion: str
    skip_when: tuple[str, ...]
    accept: Accept | None = None
    scope: frozenset[str] = field(default=ALL_BLOCKS)
    # A cheap pattern that must occur in a block before ``regex`` is tried there: most blocks
    # hold no claim, and one keyword scan costs far less than the full pattern at every position.
    trigger: re.Pattern[str] | None = None
    # The same matches as ``regex`` (groups included), found faster; ``regex`` is what the prefilter
    # reads the required words from (see ``_lexicon.alternation``'s ``grouped``).
    search: re.Pattern[str] | None = None


_Plan = tuple[ClaimPattern, list[str], bool]


def context_option(default: Sequence[str]) -> Option:
    return Option(
        list(default),
        "Context checks that cancel a match (any of: " + ", ".join(CHECKS) + "). "
        "Remove one to flag claims in that context too.",
    )


def word_before(text: str, start: int) -> str:
    """The word just before ``text[start]`` (lower case), or "" at the start of a block."""
    match = re.search(r"([\w'’-]+)\W*$", text[max(0, start - 40) : start])
    return match.group(1).lower() if match else ""


class PatternRule(Rule):
    """Runs :meth:`patterns` over the article and reports claims that no context check cancels."""

    _compiled: ClassVar[tuple[ClaimPattern, ...] | None] = None
    _needed: ClassVar[tuple[tuple[Literals, ...], ...] | None] = None
    # Blocks without a match of this (when set) cannot hold any of the rule's claims.
    block_trigger: ClassVar[re.Pattern[str] | None] = None
    # Claims matching this stay claims even when hedged ("may completely cure" still promises a cure).
    hedge_proof: ClassVar[re.Pattern[str] | None] = None

    @classmethod
    def build_patterns(cls) -> Sequence[ClaimPattern]:
        raise NotImplementedError

    @classmethod
    def patterns(cls) -> tuple[ClaimPattern, ...]:
        if cls.__dict__.get("_compiled") is None:
            cls._compiled = tuple(cls.build_patterns())
        compiled: tuple[ClaimPattern, ...] = cls.__dict__["_compiled"]
        return compiled

    @classmethod
    def literals_needed(cls) -> tuple[tuple[Literals, ...], ...]:
        """For each pattern, the literal sets a block must hold for it (and its triggers) to match there."""
        if cls.__dict__.get("_needed") is None:
            # the pattern's own sets first: they are the most telling, and the rule-wide trigger's
            # (shared by every pattern, often common words) is then looked up only when they pass
            cls._needed = tuple(needed_sets((p.regex, p.trigger, cls.block_trigger)) for p in cls.patterns())
        needed: tuple[tuple[Literals, ...], ...] = cls.__dict__["_needed"]
        return needed

    def check(self, article: Article, ctx: RuleContext) -> None:
        allowed = set(ctx.options.get("skip_when", CHECKS))
        reported: list[tuple[int, int]] = []
        text = article.text
        blocks = article.blocks
        for number, todo in self._plans_by_block(article, allowed):
            block = blocks[number]
            trigger = self.block_trigger
            if trigger is not None and not folded_search(article, trigger, block.start, block.end):
                continue
            for pattern, checks, has_claim in todo:
                if block.kind not in pattern.scope:
                    continue
                if pattern.trigger is not None and not folded_search(article, pattern.trigger, block.start, block.end):
                    continue
                for match in folded_finditer(article, pattern.search or pattern.regex, block.start, block.end):
                    start, end = match.span("claim") if has_claim else match.span()
                    if start < 0 or any(s < end and start < e for s, e in reported):
                        continue
                    if pattern.accept is not None and not pattern.accept(article, match):
                        continue
                    active = checks
                    if self.hedge_proof is not None and self.hedge_proof.search(text, start, end):
                        active = [c for c in checks if c != "hedged"]
                    if active and skip_reason(article, start, end, active):
                        continue
                    if not self.accept_claim(article, ctx, start, end):
                        continue
                    reported.append((start, end))
                    values = {"match": text[start:end]}
                    ctx.report(start, end, pattern.message.format(**values), pattern.suggestion.format(**values))

    def _plans_by_block(self, article: Article, allowed: set[str]) -> list[tuple[int, list[_Plan]]]:
        """The blocks (in order) where some pattern could match, each with those patterns (in order).

        A pattern is tried only in the blocks that hold the literals every match of it (and of its
        triggers) contains: most blocks hold none, and a literal search costs little.
        """
        by_block: dict[int, list[_Plan]] = {}
        for pattern, needed in zip(self.patterns(), self.literals_needed(), strict=True):
            where = blocks_needing(article, needed)
            if where is not None and not where:
                continue
            checks = [c for c in pattern.skip_when if c in allowed and c in CHECKS]
            plan = (pattern, checks, "claim" in pattern.regex.groupindex)
            # patterns come in order, so each block's list is in order
            for number in range(len(article.blocks)) if where is None else where:
                by_block.setdefault(number, []).append(plan)
        return sorted(by_block.items())

    def accept_claim(self, article: Article, ctx: RuleContext, start: int, end: int) -> bool:
        """A last, rule-wide test (for example a document-level one); true by default."""
        return True
