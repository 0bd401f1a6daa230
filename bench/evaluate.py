#!/usr/bin/env python3
"""Measure contentlint on real health news and press releases labelled by others.

Reads the labelled datasets in ``../shared/external`` (HealthStory, HealthRelease, ReCOVery; see
their README) and reports, without copying any article text:

1. false alarms: the share of articles from reliable sources with an error-level spam finding,
   the rules responsible, and the ids and lines to inspect;
2. agreement with HealthNewsReview.org reviewers on HealthRelease criteria (harms, sensational
   language, quality of evidence): balanced accuracy, precision and recall of "the rule fired"
   against the reviewers' "Not Satisfactory";
3. HealthStory: ROC AUC of a severity-weighted count of spam, claims, safety and attribution
   findings for low-rated stories (under 3 stars), beside a length-only baseline.

    python bench/evaluate.py                      # the full run (a few minutes on two cores)
    python bench/evaluate.py --sample 150         # a quick run on part of each dataset (CI)
    python bench/evaluate.py --markdown docs/evaluation-figures.md

Exits 0 with a message when the datasets are absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EXTERNAL = REPO.parent / "shared" / "external"
SEVERITY_WEIGHT = {"error": 3.0, "warning": 2.0, "info": 1.0}
AUC_CATEGORIES = ("spam", "claims", "safety", "attribution")

# Which rules speak to which HealthRelease criterion (by rule name, so codes can move).
CRITERIA_RULES: dict[str, tuple[str, ...]] = {
    "harms": ("harms-not-named",),
    # Reviewers mark a release sensational when its wording outruns its evidence: hype words, and the
    # kinds of spin Sumner et al. (BMJ 2014) and Yavchitz et al. (PLoS Medicine 2012) describe.
    "sensational_language": (
        "hype-wording",
        "animal-study-as-human",
        "causal-language-for-association",
        "early-evidence-as-settled",
        "benefit-without-numbers",
    ),
    # HealthNewsReview's quality-of-evidence question is whether the story explains what kind of study
    # it was and what it cannot show: the two article-level rules that ask exactly that. (The
    # sentence-level spin rules above are about wording that outruns the evidence; each alone agrees
    # with this criterion at chance, see the per-rule table.)
    "evidence_quality": ("study-limitations-not-stated", "study-design-not-stated"),
    # The other criteria, from the news-review rules (reported without a target).
    "costs": ("costs-not-mentioned",),
    "benefits": ("benefits-not-quantified",),
    "funding_coi": ("funding-not-disclosed",),
    "alternatives": ("alternatives-not-mentioned",),
    "availability": ("availability-not-stated",),
}
TARGETS = {"harms": 0.75, "sensational_language": 0.70, "evidence_quality": 0.65}
# The news-review rules (CLAIM070-079, ATTR010-019, and CLAIM054 on study limits) are off by default
# because careful patient pages rightly leave out costs, quoted sources or a study's limits; news
# stories and press releases are what they are for, so the evaluation turns them on, as a user
# linting news would with `--extend-select CLAIM07,ATTR01,CLAIM054`.
NEWS_REVIEW_SELECT = ("CLAIM07", "ATTR01", "CLAIM054")


@dataclass
class Article:
    dataset: str
    article_id: str
    text: str
    labels: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    article: Article
    findings: list[dict[str, Any]]
    words: int
    filler_density: float = 0.0


# --- loading -------------------------------------------------------------------------------------
def _healthstory(folder: Path) -> Iterator[Article]:
    path = folder / "healthstory" / "healthstory_labeled.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("scrape_suspect") or not row.get("text", "").strip():
                continue
            yield Article("healthstory", row["news_id"], f"{row['title']}\n\n{row['text']}\n",
                          {"rating": row["rating"], "words": row.get("text_words", 0)})


def _healthrelease(folder: Path) -> Iterator[Article]:
    path = folder / "healthrelease" / "healthrelease_criteria.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if not row.get("text", "").strip():
                continue
            answers = {c["key"]: _ANSWERS.get(c["answer"], "NA") for c in row.get("criteria", [])}
            yield Article("healthrelease", row["news_id"], f"{row['article_title']}\n\n{row['text']}\n", answers)


_ANSWERS = {"Satisfactory": "S", "Not Satisfactory": "NS", "Not Applicable": "NA", "S": "S", "NS": "NS", "NA": "NA"}


def _recovery(folder: Path) -> Iterator[Article]:
    path = folder / "recovery" / "recovery-news-merged.csv"
    csv.field_size_limit(10**9)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["body_dup_count"] != "1" or row.get("mojibake") == "1" or not row["body_text"].strip():
                continue
            yield Article("recovery", row["rid"], f"{row['title']}\n\n{row['body_text']}\n",
                          {"reliable": row["reliability"] == "1", "publisher": row["publisher"]})


def _take(items: Iterable[Article], sample: int | None) -> list[Article]:
    chosen = list(items)
    if sample is not None and len(chosen) > sample:
        step = len(chosen) / sample
        chosen = [chosen[int(i * step)] for i in range(sample)]
    return chosen


# --- linting -------------------------------------------------------------------------------------
_CONFIG: Any = None


def _config() -> Any:
    global _CONFIG
    if _CONFIG is None:
        from contentlint.config import Config

        _CONFIG = Config(extend_select=NEWS_REVIEW_SELECT)
    return _CONFIG


def _lint(article: Article) -> Outcome:
    from contentlint import lint_text
    from contentlint.document import parse
    from contentlint.rules.builtin.readability.stock_phrases import density

    result = lint_text(article.text, kind="txt", path=f"{article.dataset}/{article.article_id}.txt",
                       config=_config())
    findings = [f.to_dict() for f in result.findings]
    return Outcome(article, findings, int(result.metrics.get("words", 0)), density(parse(article.text, "txt")))


def lint_all(articles: list[Article], jobs: int) -> list[Outcome]:
    if jobs <= 1:
        return [_lint(a) for a in articles]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_lint, articles, chunksize=16))


# --- statistics ----------------------------------------------------------------------------------
def balanced_accuracy(truth: list[bool], predicted: list[bool]) -> dict[str, float]:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    tn = sum(not t and not p for t, p in zip(truth, predicted, strict=True))
    fp = sum(not t and p for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    recall = tp / (tp + fn) if tp + fn else 0.0
    specificity = tn / (tn + fp) if tn + fp else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    return {"balanced_accuracy": (recall + specificity) / 2, "precision": precision, "recall": recall,
            "specificity": specificity, "n": float(len(truth)), "positives": float(tp + fn)}


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    ranked = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum, index = 0.0, 0
    while index < len(ranked):
        end = index
        while end < len(ranked) and ranked[end][0] == ranked[index][0]:
            end += 1
        average_rank = (index + 1 + end) / 2
        rank_sum += average_rank * sum(1 for _, label in ranked[index:end] if label == 1)
        index = end
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def fired(outcome: Outcome, names: Iterable[str]) -> bool:
    wanted = set(names)
    return any(f["name"] in wanted for f in outcome.findings)


def severity_score(outcome: Outcome) -> float:
    return sum(SEVERITY_WEIGHT[f["severity"]] for f in outcome.findings if f["category"] in AUC_CATEGORIES)


# --- the report ----------------------------------------------------------------------------------
def false_alarms(outcomes: list[Outcome]) -> dict[str, Any]:
    reliable = [o for o in outcomes if (o.article.dataset == "healthstory" and o.article.labels["rating"] >= 3)
                or (o.article.dataset == "recovery" and o.article.labels["reliable"])]
    flagged: list[tuple[str, str, int]] = []
    by_rule: Counter[str] = Counter()
    for outcome in reliable:
        errors = [f for f in outcome.findings if f["category"] == "spam" and f["severity"] == "error"]
        if errors:
            for rule in {f"{f['rule']} {f['name']}" for f in errors}:
                by_rule[rule] += 1
            first = errors[0]
            flagged.append((outcome.article.article_id, f"{first['rule']} {first['name']}", first["line"]))
    return {"articles": len(reliable), "flagged": len(flagged),
            "share": len(flagged) / len(reliable) if reliable else 0.0,
            "by_rule": dict(by_rule.most_common()), "inspect": flagged[:40]}


def release_agreement(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    releases = [o for o in outcomes if o.article.dataset == "healthrelease"]
    figures: dict[str, dict[str, float]] = {}
    for criterion, names in CRITERIA_RULES.items():
        rated = [o for o in releases if o.article.labels.get(criterion) in ("S", "NS")]
        truth = [o.article.labels[criterion] == "NS" for o in rated]
        figures[criterion] = balanced_accuracy(truth, [fired(o, names) for o in rated])
    return figures


def rule_agreement(outcomes: list[Outcome]) -> dict[str, dict[str, dict[str, float]]]:
    """For each criterion, how often each of its rules fires on releases rated Not Satisfactory and on
    those rated Satisfactory: which rules carry the agreement and which only add noise."""
    releases = [o for o in outcomes if o.article.dataset == "healthrelease"]
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for criterion, names in CRITERIA_RULES.items():
        rated = [o for o in releases if o.article.labels.get(criterion) in ("S", "NS")]
        truth = [o.article.labels[criterion] == "NS" for o in rated]
        figures[criterion] = {name: balanced_accuracy(truth, [fired(o, (name,)) for o in rated]) for name in names}
    return figures


def _news_review_score(outcome: Outcome) -> float:
    return sum(SEVERITY_WEIGHT[f["severity"]] for f in outcome.findings
               if f["rule"].startswith(NEWS_REVIEW_SELECT))


def _rate(outcome: Outcome) -> float:
    return severity_score(outcome) * 1000 / max(outcome.words, 1)


def story_auc(outcomes: list[Outcome]) -> dict[str, float]:
    stories = [o for o in outcomes if o.article.dataset == "healthstory"]
    low = [o for o in stories if o.article.labels["rating"] < 3]
    rest = [o for o in stories if o.article.labels["rating"] >= 3]
    return {
        "findings_auc": roc_auc([severity_score(o) for o in low], [severity_score(o) for o in rest]),
        # The count grows with length and longer stories are rated higher; the rate per 1,000 words does not.
        "rate_auc": roc_auc([_rate(o) for o in low], [_rate(o) for o in rest]),
        # Shorter stories tend to be rated lower: the baseline scores a story by how short it is.
        "length_auc": roc_auc([-float(o.words) for o in low], [-float(o.words) for o in rest]),
        # The news-review rules alone: one finding at most per criterion and article, so no length effect.
        "news_review_auc": roc_auc([_news_review_score(o) for o in low], [_news_review_score(o) for o in rest]),
        "low_rated": float(len(low)),
        "rest": float(len(rest)),
    }


def filler_distribution(outcomes: list[Outcome]) -> dict[str, float]:
    """Stock-phrase density per 1,000 words over every article (all published 2009-2020), and the
    share the stock-phrase-padding rule flags."""
    densities = sorted(o.filler_density for o in outcomes)
    if not densities:
        return {}

    def percentile(p: float) -> float:
        return densities[int(p * (len(densities) - 1))]

    flagged = sum(1 for o in outcomes if fired(o, ("stock-phrase-padding",)))
    return {"articles": float(len(outcomes)), "median": percentile(0.5), "p90": percentile(0.9),
            "p99": percentile(0.99), "flagged": float(flagged), "share": flagged / len(outcomes)}


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


def markdown_report(figures: dict[str, Any]) -> str:
    meta, alarms, releases, auc = figures["meta"], figures["false_alarms"], figures["release"], figures["auc"]
    lines = [
        f"Measured {meta['date']} with contentlint {meta['version']} on {meta['articles']} articles "
        f"(HealthStory {meta['sizes'].get('healthstory', 0)}, HealthRelease {meta['sizes'].get('healthrelease', 0)}, "
        f"ReCOVery {meta['sizes'].get('recovery', 0)}){' (sample)' if meta['sample'] else ''}, "
        f"in {meta['seconds']:.0f} s.",
        "",
        "| figure | measured | target | met |",
        "|---|---|---|---|",
        f"| reliable articles with an error-level spam finding | {alarms['share']:.2%} "
        f"({alarms['flagged']} of {alarms['articles']}) | at most 1% | {_met(alarms['share'] <= 0.01)} |",
    ]
    targets = TARGETS
    for criterion, values in releases.items():
        if criterion not in targets:
            continue
        lines.append(
            f"| HealthRelease {criterion.replace('_', ' ')}: balanced accuracy (precision / recall) | "
            f"{values['balanced_accuracy']:.2f} ({values['precision']:.2f} / {values['recall']:.2f}; "
            f"n={int(values['n'])}) | {targets[criterion]:.2f} or more | "
            f"{_met(values['balanced_accuracy'] >= targets[criterion])} |"
        )
    lines.append(f"| HealthStory AUC, low-rated vs rest | {auc['findings_auc']:.2f} "
                 f"(length alone {auc['length_auc']:.2f}; the same score per 1,000 words {auc['rate_auc']:.2f}; "
                 f"the news-review rules alone {auc['news_review_auc']:.2f}) | "
                 f"0.75 or more | {_met(auc['findings_auc'] >= 0.75)} |")
    filler = figures.get("filler") or {}
    if filler:
        lines.append(f"| articles flagged for stock-phrase padding (density per 1,000 words: median "
                     f"{filler['median']:.2f}, 90th percentile {filler['p90']:.2f}, 99th {filler['p99']:.2f}) | "
                     f"{filler['share']:.2%} ({int(filler['flagged'])} of {int(filler['articles'])}) | at most 0.5% | "
                     f"{_met(filler['share'] <= 0.005)} |")
    others = [c for c in releases if c not in targets]
    if others:
        lines += ["", "The other HealthRelease criteria, from the news-review rules (no target): balanced accuracy "
                  "(precision / recall).", "", "| criterion | rules | balanced accuracy | precision / recall | n |",
                  "|---|---|---|---|---|"]
        for criterion in others:
            values = releases[criterion]
            lines.append(f"| {criterion.replace('_', ' ')} | {', '.join(CRITERIA_RULES[criterion])} | "
                         f"{values['balanced_accuracy']:.2f} | {values['precision']:.2f} / {values['recall']:.2f} | "
                         f"{int(values['n'])} |")
    per_rule = figures.get("release_rules") or {}
    if per_rule:
        lines += ["", "HealthRelease, each rule alone: balanced accuracy (share of Not Satisfactory releases it fires "
                  "on / share of Satisfactory ones).", "", "| criterion | rule | balanced accuracy | fires on NS | "
                  "fires on S |", "|---|---|---|---|---|"]
        for criterion, rules in per_rule.items():
            for name, values in rules.items():
                lines.append(f"| {criterion.replace('_', ' ')} | {name} | {values['balanced_accuracy']:.2f} | "
                             f"{values['recall']:.2f} | {1 - values['specificity']:.2f} |")
    if alarms["by_rule"]:
        lines += ["", "Rules behind the error-level spam findings on reliable articles: "
                  + ", ".join(f"{rule} ({count})" for rule, count in alarms["by_rule"].items()) + "."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--external", type=Path, default=DEFAULT_EXTERNAL)
    parser.add_argument("--sample", type=int, default=None, help="at most this many articles per dataset")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--json", type=Path, help="write every figure as JSON here")
    parser.add_argument("--markdown", type=Path, help="write the summary table as Markdown here")
    args = parser.parse_args()
    if not (args.external / "README.md").is_file():
        print(f"evaluate: no labelled datasets at {args.external}; nothing to measure.")
        return 0
    started = time.perf_counter()
    datasets = {
        "healthstory": _take(_healthstory(args.external), args.sample),
        "healthrelease": _take(_healthrelease(args.external), args.sample),
        "recovery": _take(_recovery(args.external), args.sample),
    }
    articles = [a for items in datasets.values() for a in items]
    outcomes = lint_all(articles, args.jobs)
    from contentlint import __version__

    figures: dict[str, Any] = {
        "meta": {"date": datetime.date.today().isoformat(), "version": __version__, "articles": len(articles),
                 "sizes": {k: len(v) for k, v in datasets.items()}, "sample": args.sample,
                 "seconds": time.perf_counter() - started},
        "false_alarms": false_alarms(outcomes),
        "release": release_agreement(outcomes),
        "release_rules": rule_agreement(outcomes),
        "auc": story_auc(outcomes),
        "filler": filler_distribution(outcomes),
    }
    by_rule: dict[str, int] = defaultdict(int)
    for outcome in outcomes:
        for finding in outcome.findings:
            by_rule[f"{finding['rule']} {finding['name']}"] += 1
    figures["findings_per_rule"] = dict(sorted(by_rule.items()))
    report = markdown_report(figures)
    print(report)
    print("Inspect (id, rule, line):", *figures["false_alarms"]["inspect"][:15], sep="\n  ")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
