#!/usr/bin/env python3
"""What readability costs: CPU milliseconds per 1,000 words for the metrics and each READ rule.

    python bench/readability_cost.py                 # 300 generated articles
    python bench/readability_cost.py --count 1000

Articles come from bench/corpus.py (written to a temporary folder). Every rule runs once on a
warm-up article first, so one-time set-up (the syllable table, word lists) is not counted: the
figure is the cost per article after start-up.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()

    from contentlint.config import Config
    from contentlint.document import kind_for_path, parse
    from contentlint.metrics import compute_metrics
    from contentlint.rules.base import RuleContext
    from contentlint.ruleset import RuleSet

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, str(HERE / "corpus.py"), "--count", str(args.count), "--out", folder],
                       check=True, capture_output=True)
        paths = sorted(p for p in Path(folder).rglob("*") if kind_for_path(p.name))
        articles = [parse(p.read_text(encoding="utf-8"), kind_for_path(p.name) or "txt", str(p)) for p in paths]
    rules = [a for a in RuleSet(Config(select=("readability",))).active]
    warm = articles[0]
    compute_metrics(warm)
    for active in rules:
        active.rule.check(warm, RuleContext(warm, active.rule.meta, active.severity, active.options, "warm"))
    spent: dict[str, float] = defaultdict(float)
    words = 0
    for article in articles[1:]:
        words += len(article.words)
        started = time.process_time()
        compute_metrics(article)
        spent["metrics"] += time.process_time() - started
        for active in rules:
            ctx = RuleContext(article, active.rule.meta, active.severity, active.options, "bench")
            started = time.process_time()
            active.rule.check(article, ctx)
            spent[active.rule.meta.code] += time.process_time() - started
    per_thousand = {name: 1000 * seconds * 1000 / words for name, seconds in spent.items()}
    print(f"{len(articles) - 1} articles, {words} words; CPU ms per 1,000 words after start-up:")
    for name, value in sorted(per_thousand.items()):
        print(f"  {name:<8} {value:6.2f}")
    print(f"  {'total':<8} {sum(per_thousand.values()):6.2f}  (target: under 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
