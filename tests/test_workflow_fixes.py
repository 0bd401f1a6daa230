"""Autofix: ``check --fix`` writes safe fixes, ``check --diff`` shows them without writing.

Three layers: the applier on its own (order, overlaps, spacing), every rule that declares itself
fixable (its fixes must exist, be idempotent and never add problems, in Markdown, plain text and
HTML alike), and each kind of fix end to end on files on disk through the command line.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.engine import lint_source
from contentlint.findings import Finding, Fix
from contentlint.fixes import apply_fixes, fix_source, fixes_of
from contentlint.rules.base import Example, Rule
from contentlint.rules.docs import rule_page
from contentlint.rules.registry import load_registry
from contentlint.ruleset import RuleSet
from support import run_cli

# grammar rules need a LanguageTool server; every other family runs offline
OFFLINE = ("spam", "claims", "safety", "attribution", "readability")
FIXABLE: list[Rule] = [rule for rule in load_registry() if rule.meta.fixable]



def cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    return run_cli(*args, cwd=cwd)


# --- the applier ---------------------------------------------------------------------------------


def _fix(source: str, needle: str, replacement: str = "") -> Fix:
    start = source.index(needle)
    return Fix(start, start + len(needle), replacement)


def test_fixes_apply_in_position_order_whatever_order_they_come_in() -> None:
    source = "one two three four"
    fixes = [_fix(source, "four", "4"), _fix(source, "one", "1"), _fix(source, "three", "3")]
    assert apply_fixes(source, fixes) == ("1 two 3 4", 3)
    assert apply_fixes(source, list(reversed(fixes))) == ("1 two 3 4", 3)


def test_an_overlapping_fix_is_left_for_the_next_pass() -> None:
    source = "take the the tablets"
    first = _fix(source, "the the", "the")
    overlapping = Fix(first.offset + 4, first.end_offset + 9, "THE TABLETS")
    assert apply_fixes(source, [overlapping, first]) == ("take the tablets", 1)


def test_fixes_outside_the_text_and_no_op_fixes_are_not_counted() -> None:
    source = "short text"
    assert apply_fixes(source, [Fix(5, 99, ""), Fix(-1, 2, ""), Fix(6, 10, "text")]) == (source, 0)


def test_identical_fixes_from_two_findings_apply_once() -> None:
    source = "Take the the tablets."
    fix = _fix(source, "the ")
    assert apply_fixes(source, [fix, fix]) == ("Take the tablets.", 1)


@pytest.mark.parametrize(
    ("source", "needle", "expected"),
    [
        # mid-sentence: one space left between the words either side
        ("treatments, Call Now ketamine helps", "Call Now", "treatments, ketamine helps"),
        ("treatments, Call Now ketamine helps", "Call Now ", "treatments, ketamine helps"),
        # end of a line: no space left dangling, a Markdown hard break (two spaces) kept
        ("ease back pain. Book Today\n\nMore.", "Book Today", "ease back pain.\n\nMore."),
        ("ease back pain. Book Today  \nMore.", "Book Today", "ease back pain.  \nMore."),
        # before punctuation or a closing tag
        ("it helps (Call Now) a lot", "Call Now", "it helps () a lot"),
        ("see a GP Call Now.", "Call Now", "see a GP."),
        ("<p>ease back pain. Book Today</p>", "Book Today", "<p>ease back pain.</p>"),
        # start of a line: indentation kept, the space after dropped
        ("  - Call now, then rest.", "Call now,", "  - then rest."),
        # a line left blank goes, and so does the extra blank line around it
        ("Intro.\n\nCall Now\n\nMore.\n", "Call Now", "Intro.\n\nMore.\n"),
        ("Intro.\r\n\r\nCall Now\r\n\r\nMore.\r\n", "Call Now", "Intro.\r\n\r\nMore.\r\n"),
        ("Intro.\n\nCall Now", "Call Now", "Intro.\n"),
        ("Call Now\nIntro.", "Call Now", "Intro."),
    ],
)
def test_a_deletion_repairs_the_spacing_it_leaves(source: str, needle: str, expected: str) -> None:
    assert apply_fixes(source, [_fix(source, needle)])[0] == expected


def test_replacements_keep_the_spacing_as_it_is() -> None:
    source = "He committed suicide  in 2019."
    assert apply_fixes(source, [_fix(source, "committed suicide", "died by suicide")])[0] == (
        "He died by suicide  in 2019."
    )


# --- every fixable rule --------------------------------------------------------------------------


def _as_html(text: str) -> str:
    """A Markdown or plain-text example as the HTML page a CMS would publish."""
    elements = []
    for paragraph in text.split("\n\n"):
        paragraph = paragraph.strip("\n")
        if not paragraph.strip():
            continue
        if paragraph.startswith("# "):
            elements.append(f"<h1>{html.escape(paragraph[2:], quote=False)}</h1>")
        else:
            elements.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
    return "<!DOCTYPE html>\n<html><body>\n" + "\n".join(elements) + "\n</body></html>\n"


def _variants(example: Example) -> list[tuple[str, str]]:
    """The example in its own kind and as the other kinds it can be written as."""
    if example.kind == "html":
        return [("html", example.text)]
    other = "txt" if example.kind == "md" else "md"
    return [(example.kind, example.text), (other, example.text), ("html", _as_html(example.text))]


def _offline_rules() -> RuleSet:
    return RuleSet(Config(select=OFFLINE))


def test_some_rules_are_fixable() -> None:
    codes = {rule.meta.code for rule in FIXABLE}
    assert "SPAM001" in codes


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.meta.code)
def test_a_fixable_rule_says_so_and_fixes_one_of_its_examples(rule: Rule) -> None:
    assert "fixable with `--fix`" in rule_page(rule.meta)
    only_this = RuleSet(Config(select=(rule.meta.code,)))
    applied = 0
    for example in rule.meta.fail_examples:
        outcome = fix_source(example.text, example.kind, f"example.{example.kind}", only_this)  # type: ignore[arg-type]
        applied += outcome.applied
    assert applied, f"{rule.meta.code} is marked fixable but fixes none of its own fail examples"


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda r: r.meta.code)
def test_fixes_are_idempotent_and_never_add_problems(rule: Rule) -> None:
    ruleset = _offline_rules()
    for example in rule.meta.fail_examples:
        for kind, source in _variants(example):
            path = f"article.{kind}"
            first = fix_source(source, kind, path, ruleset)  # type: ignore[arg-type]
            context = f"{rule.meta.code} on {kind}: {source!r} -> {first.fixed!r}"
            assert not fixes_of(first.result.findings), f"fixable findings left after fixing: {context}"
            second = fix_source(first.fixed, kind, path, ruleset)  # type: ignore[arg-type]
            assert (second.fixed, second.applied) == (first.fixed, 0), f"second run changed it: {context}"
            if first.applied:
                before = Counter(f.rule for f in _lint(source, kind, ruleset))
                after = Counter(f.rule for f in first.result.findings)
                added = {code: n for code, n in after.items() if n > before[code]}
                assert not added, f"fixing added {added}: {context}"


def _lint(source: str, kind: str, ruleset: RuleSet) -> list[Finding]:
    return lint_source(source, kind, f"article.{kind}", ruleset).findings  # type: ignore[arg-type]


# --- each kind of fix, end to end ----------------------------------------------------------------

TITLE = "Everyday health"
# (rule, paragraphs before, paragraphs after): the fix must give exactly the "after" article
CASES = {
    "spliced call to action": (
        "SPAM001",
        ["For people who have tried other treatments, Call Now ketamine offers a new option.",
         "Ask your doctor whether it suits you."],
        ["For people who have tried other treatments, ketamine offers a new option.",
         "Ask your doctor whether it suits you."],
    ),
    "call to action ending a paragraph": (
        "SPAM001",
        ["Physical therapy can ease back pain. Book Today", "Most people improve within weeks."],
        ["Physical therapy can ease back pain.", "Most people improve within weeks."],
    ),
    "search phrase": (
        "SPAM004",
        ["For stiff joints, physiotherapy represents best physio clinic near me a useful first step."],
        ["For stiff joints, physiotherapy represents a useful first step."],
    ),
    "repeated word": (
        "SPAM005",
        ["Take the the tablets with food to avoid an upset stomach."],
        ["Take the tablets with food to avoid an upset stomach."],
    ),
    "page chrome": (
        "SPAM007",
        ["Use your preventer inhaler every day, even when you feel well, so the airways stay calm.",
         "Share this:", "Facebook", "Twitter"],
        ["Use your preventer inhaler every day, even when you feel well, so the airways stay calm."],
    ),
    "spinner phrase": (
        "SPAM009",
        ["Screening helps find bosom malignancy early, when it is easiest to treat."],
        ["Screening helps find breast cancer early, when it is easiest to treat."],
    ),
    "stigmatising suicide wording": (
        "SAFETY004",
        ["Her brother committed suicide in 2019. If you are struggling, call or text 988."],
        ["Her brother died by suicide in 2019. If you are struggling, call or text 988."],
    ),
}


def article(kind: str, paragraphs: list[str]) -> str:
    if kind == "html":
        return _as_html("# " + TITLE + "\n\n" + "\n\n".join(paragraphs))
    title = f"# {TITLE}" if kind == "md" else TITLE
    return "\n\n".join([title, *paragraphs]) + "\n"


@pytest.mark.parametrize("kind", ["md", "txt", "html"])
@pytest.mark.parametrize("case", list(CASES))
def test_fix_writes_the_repaired_article(case: str, kind: str, tmp_path: Path) -> None:
    code, before, after = CASES[case]
    path = tmp_path / f"article.{kind}"
    path.write_text(article(kind, before), encoding="utf-8")

    status, out, err = cli("check", "--fix", "--select", code, path.name, cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == article(kind, after)
    assert status == 0, out
    assert re.search(r"^Fixed \d+ problems? in 1 file\.$", err, re.MULTILINE), err

    # a second run finds nothing left to fix and leaves the file alone
    status, _, err = cli("check", "--fix", "--select", code, path.name, cwd=tmp_path)
    assert (status, path.read_text(encoding="utf-8")) == (0, article(kind, after))
    assert "Fixed 0 problems in 0 files." in err


@pytest.mark.parametrize("kind", ["md", "txt", "html"])
@pytest.mark.parametrize("case", list(CASES))
def test_diff_shows_the_fix_and_writes_nothing(case: str, kind: str, tmp_path: Path) -> None:
    code, before, after = CASES[case]
    path = tmp_path / f"article.{kind}"
    original = article(kind, before)
    path.write_text(original, encoding="utf-8")

    status, out, err = cli("check", "--diff", "--select", code, path.name, cwd=tmp_path)
    assert status == 1
    assert path.read_text(encoding="utf-8") == original
    assert out.startswith(f"--- a/article.{kind}\n+++ b/article.{kind}\n@@ ")
    removed = {line[1:] for line in out.splitlines() if line.startswith("-") and not line.startswith("---")}
    added = {line[1:] for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")}
    assert removed - added and removed - added <= set(original.splitlines())
    assert added <= set(article(kind, after).splitlines())
    assert "would be applied to 1 file" in err


def test_diff_with_nothing_to_fix_prints_nothing_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text(article("md", ["Rest helps a sprained ankle heal."]), encoding="utf-8")
    assert cli("check", "--diff", "--select", "spam", "clean.md", cwd=tmp_path)[:2] == (0, "")


def test_fix_and_diff_together_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    status, _, err = cli("check", "--fix", "--diff", "a.md", cwd=tmp_path)
    assert status == 2 and "use one of them" in err


def test_fix_keeps_byte_order_mark_and_crlf_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffBack pain\r\n\r\nPhysical therapy can ease back pain. Book Today\r\n".encode())
    status, _, _ = cli("check", "--fix", "--select", "SPAM001", "windows.txt", cwd=tmp_path)
    assert status == 0
    assert path.read_bytes() == "\ufeffBack pain\r\n\r\nPhysical therapy can ease back pain.\r\n".encode()


def test_fix_reports_what_is_left_and_fails_only_on_it(tmp_path: Path) -> None:
    """Fixable spam is repaired; a problem no fix can solve is still reported and still fails."""
    text = article("md", [
        "Take the the tablets with food. This tea cures diabetes, Call Now doctors agree.",
    ])
    (tmp_path / "tea.md").write_text(text, encoding="utf-8")
    status, out, _ = cli("check", "--fix", "--select", "SPAM001,SPAM005", "--format", "json", "tea.md",
                         cwd=tmp_path)
    assert status == 0
    assert '"findings": []' in out
    assert (tmp_path / "tea.md").read_text(encoding="utf-8") == article("md", [
        "Take the tablets with food. This tea cures diabetes, doctors agree.",
    ])


def test_fix_on_a_folder_fixes_every_article_and_counts(tmp_path: Path) -> None:
    for kind in ("md", "txt", "html"):
        (tmp_path / f"a.{kind}").write_text(article(kind, CASES["repeated word"][1]), encoding="utf-8")
    (tmp_path / "clean.md").write_text(article("md", ["Rest helps."]), encoding="utf-8")
    status, _, err = cli("check", "--fix", "--select", "SPAM005", ".", cwd=tmp_path)
    assert status == 0
    assert "Fixed 3 problems in 3 files." in err
    for kind in ("md", "txt", "html"):
        assert (tmp_path / f"a.{kind}").read_text(encoding="utf-8") == article(kind, CASES["repeated word"][2])


# Fixes that are not safe yet: deleting the flagged words leaves a broken sentence. They are
# listed here so the day the rules withhold (or widen) these fixes, the markers must go.
UNSAFE = [
    ("SPAM004", "Beyond asthma, inhalers what are inhalers used for are also used in chronic lung disease."),
]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("Knee pain is common. To find out whether you qualify, schedule your free consultation with our team. "
         "Rest helps.", "Knee pain is common. Rest helps."),
        ("Many readers asked about prices. Text RELIEF to 55123 for a discount on your first visit.",
         "Many readers asked about prices."),
    ],
)
def test_an_offer_is_deleted_with_its_sentence(text: str, fixed: str) -> None:
    outcome = fix_source(text, "md", "article.md", RuleSet(Config(select=("SPAM001",))))
    assert outcome.fixed.strip() == fixed


@pytest.mark.xfail(strict=True, reason="these rules delete part of a phrase and break the sentence")
@pytest.mark.parametrize(("code", "text"), UNSAFE)
def test_a_fix_never_leaves_a_broken_sentence(code: str, text: str) -> None:
    outcome = fix_source(text, "md", "article.md", RuleSet(Config(select=(code,))))
    fragments = ("qualify, with our team", "prices. for a discount", "inhalers used for are")
    assert not any(fragment in outcome.fixed for fragment in fragments), outcome.fixed
