"""The literal prefilter only ever skips blocks where a pattern cannot match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contentlint.document import parse
from contentlint.rules import prefilter
from contentlint.rules.prefilter import (
    ANCHOR,
    candidate_blocks,
    compile_pattern,
    may_match,
    required_literal_sets,
    required_literals,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_literals_of_an_alternation_and_a_sequence() -> None:
    pattern = re.compile(r"(?<!\w)(?:cures?|heals?)\s+(?:your\s+)?(?:depression|anxiety)\b", re.IGNORECASE)
    assert required_literals(pattern) in ({"depression", "anxiety"}, {"cure", "heal"})


def test_optional_parts_and_classes_give_no_literal() -> None:
    assert required_literals(re.compile(r"(?:cure)?\d+")) is None
    assert required_literals(re.compile(r"[a-z]+ing")) == {"ing"}


def test_case_sensitive_literals_are_lowered() -> None:
    assert required_literals(re.compile(r"\bThe Lancet\b")) == {"the lancet"}


def test_a_word_that_does_not_occur_rules_the_article_out() -> None:
    article = parse("Sleep well.\n\nDrink water.", "txt", "a.txt")
    assert not may_match(article, re.compile(r"\bguaranteed\b", re.I))
    assert candidate_blocks(article, [re.compile(r"\bwater\b", re.I)]) == {1}
    assert candidate_blocks(article, [None, re.compile(r"\w+")]) is None


def test_letters_that_fold_to_ascii_disable_the_filter() -> None:
    article = parse("The \u212aelvin sign.", "txt", "a.txt")  # KELVIN SIGN matches k case-insensitively
    assert re.search("kelvin", article.text, re.I)
    assert candidate_blocks(article, [re.compile("kelvin", re.I)]) is None


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_no_block_with_a_match_is_ruled_out(path: Path) -> None:
    from contentlint.config import Config
    from contentlint.ruleset import RuleSet

    article = parse(path.read_text(encoding="utf-8"), "txt", str(path))
    patterns = [p.regex for a in RuleSet(Config()).for_path("x.md") if hasattr(a.rule, "patterns")
                for p in a.rule.patterns()]
    assert patterns
    for pattern in patterns:
        where = candidate_blocks(article, [pattern])
        for number, block in enumerate(article.blocks):
            if pattern.search(article.text, block.start, block.end):
                assert where is None or number in where, (pattern.pattern[:80], number)


def test_every_required_part_is_a_condition() -> None:
    pattern = re.compile(r"(?<![\w'])lose\s+(?:\w+\s+){0,4}?without\s+(?:diet|exercise)", re.I)
    sets = {frozenset(s.strip(ANCHOR) for s in literals) for literals in required_literal_sets(pattern)}
    assert sets == {frozenset({"lose"}), frozenset({"without"}), frozenset({"diet", "exercise"})}
    article = parse("Lose weight fast.\n\nEat without guilt.\n\nLose it without diet.", "txt", "a.txt")
    assert candidate_blocks(article, [pattern]) == {2}


def test_a_word_start_literal_is_not_found_inside_a_word() -> None:
    pattern = re.compile(r"\bcure\b", re.I)
    assert required_literal_sets(pattern) == (frozenset({ANCHOR + "cure" + ANCHOR}),)
    assert candidate_blocks(parse("Secure the lid.", "txt", "a.txt"), [pattern]) == set()
    assert candidate_blocks(parse("Secure it.\n\nA cure.", "txt", "a.txt"), [pattern]) == {1}
    inside = re.compile(r"cure", re.I)
    assert candidate_blocks(parse("Secure the lid.", "txt", "a.txt"), [inside]) == {0}


def test_compile_pattern_builds_what_re_compile_builds() -> None:
    source = r"(?<![\w'’-])(?P<claim>(?:cures?|heals?)\s+(?:your\s+)?(?:depression|anxiety))(?![\w'’])"
    pattern = compile_pattern(source, re.IGNORECASE)
    assert pattern.pattern == "(?=[ch])" + source  # the letters every match starts with
    expected = re.compile(pattern.pattern, re.IGNORECASE)
    assert pattern == expected
    assert (pattern.flags, pattern.groupindex) == (expected.flags, expected.groupindex)
    # the literal sets kept while compiling are the ones a fresh parse of the pattern gives
    assert required_literal_sets(pattern) == prefilter._parsed_sets(re.compile(source, re.IGNORECASE))
    assert pattern.search("It cures your Anxiety.") is not None


def test_an_alternative_of_several_words_needs_them_in_one_block() -> None:
    pattern = re.compile(r"(?<![\w'’-])(?:according\s+to\s+research|backed\s+by\s+science)(?![\w'’])", re.I)
    article = parse("Research is slow.\n\nAccording to plan.\n\nAccording to research, it works.", "txt", "a.txt")
    assert candidate_blocks(article, [pattern]) == {2}
    backed = re.compile(r"backed\s+by\s+science")
    assert not may_match(parse("Research is slow. According to plan.", "txt", "a.txt"), backed)


@pytest.mark.parametrize(
    ("source", "lead"),
    [
        (r"(?:a|b)?x", "(?=[abx])"),
        (r"(?:a|)b", "(?=[ab])"),
        (r"\d+", ""),
        (r"x*", ""),
        (r"A|b", "(?=[ab])"),
        (r"(?i)cure", ""),
        (r"[a-c]ure|(?:é)", ""),
    ],
)
def test_compile_pattern_adds_a_lookahead_only_for_plain_first_letters(source: str, lead: str) -> None:
    pattern = compile_pattern(source, re.IGNORECASE)
    assert pattern.pattern == lead + source
    text = "Cure the AXE; Bx, ax, b, x9, é."
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(source, text, re.I)]


def _claim_patterns() -> list[re.Pattern[str]]:
    from contentlint.config import Config
    from contentlint.ruleset import RuleSet

    return [p.regex for a in RuleSet(Config()).for_path("x.md") if hasattr(a.rule, "patterns")
            for p in a.rule.patterns()]


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_the_blocks_of_each_word_are_those_a_search_finds(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    mapped = parse(text, "txt", str(path))
    assert prefilter._index(mapped).word_blocks is not None
    patterns = _claim_patterns()
    expected = [candidate_blocks(mapped, [pattern]) for pattern in patterns]
    monkeypatch.setattr(prefilter, "_blocks_by_word", lambda spaced, blocks: None)
    searched = parse(text, "txt", str(path))
    assert prefilter._index(searched).word_blocks is None
    assert [candidate_blocks(searched, [pattern]) for pattern in patterns] == expected
    assert prefilter.alnum_runs(searched) == prefilter.alnum_runs(mapped) == set(re.findall("[a-z0-9]+", text.lower()))


def test_blocks_that_cut_a_word_are_searched() -> None:
    import dataclasses

    article = parse("Secure cures.\n\nA cure.", "txt", "a.txt")
    first, second = article.blocks
    cut = dataclasses.replace(article, blocks=[dataclasses.replace(first, end=first.start + 9), second])
    assert prefilter._index(cut).word_blocks is None  # "cu|res" is cut at the end of block 0
    assert candidate_blocks(cut, [re.compile(r"\bcure", re.I)]) == {1}
    assert candidate_blocks(cut, [re.compile(r"\bsecure\b", re.I)]) == {0}
    assert prefilter.alnum_runs(cut) == {"secure", "cures", "a", "cure"}


def test_the_characters_folding_to_ascii_are_all_listed() -> None:
    import sys

    folding = {chr(code) for code in range(128, sys.maxunicode + 1) if prefilter._folds_to_ascii(chr(code))}
    assert set(prefilter._FOLDING_TO_ASCII) == folding
    assert all(prefilter._folds_somewhere(f"a{ch}b") for ch in folding)
    assert not prefilter._folds_somewhere("plain ascii") and not prefilter._folds_somewhere("caf\u00e9 \u2019")


@pytest.mark.parametrize(
    ("expression", "runs", "letters"),
    [
        (r"\bcure(?![\w'’]|[-‐]\w)", ANCHOR + "cure" + ANCHOR, "cure"),
        (r"(?<=\s)rest(?=\s+from)", ANCHOR + "rest" + ANCHOR, "rest"),
        (r"(?<![\w-])dose\d", ANCHOR + "dose", "dose"),
        (r"\bdose(?=[a-z])", ANCHOR + "dose", None),
    ],
)
def test_one_word_edge_reading_serves_both_word_units(expression: str, runs: str, letters: str | None) -> None:
    """The edges of the literal sets (runs of letters and digits) and of the spam rules' words
    (runs of letters, a digit being an edge) are read by the same functions."""
    from contentlint.rules.builtin.spam._literals import required_words

    pattern = re.compile(expression, re.IGNORECASE)
    assert required_literal_sets(pattern) == (frozenset({runs}),)
    assert required_words(pattern) == letters
    tree = prefilter._sre.parse(expression, re.IGNORECASE)
    assert prefilter.next_outside(list(tree.data)[-1:], False, prefilter.never_letter) is (letters is not None)


@pytest.mark.parametrize(
    "expression",
    [
        r"(?<![\w'’-])(?:cures?|heals?)\s+(?:your\s+)?(?P<what>Depression|ANXIETY)\b",
        r"[A-Z]{2,}\s+(?:trial|study)|[^a-z\s]+x",
        r"(?:no|not)\s+(?!doubt)\w+",
        r"é+|caf[eé]",
    ],
)
def test_a_folded_pattern_finds_the_same_matches_in_the_lowered_text(expression: str) -> None:
    pattern = re.compile(expression, re.IGNORECASE)
    assert (prefilter.folded_pattern(pattern) is None) == ("é" in expression)  # a cased letter beyond ASCII
    texts = [
        "It CURES Depression. no Doubt, it heals your anxiety; the SPRINT Trial, 12X, Café CAFÉ éÉ.",
        "Not   sure\n\nNO cure: Heals anxiety (ADHD study) x_y É",
    ]
    for text in texts:
        article = parse(text, "txt", "a.txt")
        for lo, hi in [(0, len(article.text)), (3, 40), (10, 11)]:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(article.text, lo, hi)]
            found = [(m.span(), m.groups()) for m in prefilter.folded_finditer(article, pattern, lo, hi)]
            assert found == expected
            assert prefilter.folded_search(article, pattern, lo, hi) == bool(expected)


def test_a_folded_pattern_is_searched_only_where_that_is_exact() -> None:
    assert prefilter.folded_pattern(re.compile(r"cure")) is None  # case-sensitive already
    assert prefilter.folded_pattern(re.compile(r"(?-i:Cure)s", re.IGNORECASE)) is None  # a scoped flag
    assert prefilter.folded_pattern(re.compile(r"(a)\1", re.IGNORECASE)) is None  # a back-reference
    empty = parse("ab", "txt", "a.txt")  # a pattern that may match nothing is searched plainly
    maybe_x = re.compile(r"x?", re.IGNORECASE)
    assert [m.span() for m in prefilter.folded_finditer(empty, maybe_x, 0, 2)] == [(0, 0), (1, 1), (2, 2)]
    kelvin = parse("The \u212aelvin sign.", "txt", "a.txt")  # matches k case-insensitively, lowers to k
    pattern = re.compile(r"kelvin", re.IGNORECASE)
    assert prefilter.searched_text(kelvin, pattern) == (kelvin.text, pattern)
    assert [m.span() for m in prefilter.folded_finditer(kelvin, pattern, 0, len(kelvin.text))] == [(4, 10)]


def test_a_folded_pattern_is_plain_data_kept_between_runs() -> None:
    import marshal

    arguments = prefilter._folded_arguments(re.compile(r"(?P<verb>cures?)\s+\w+", re.IGNORECASE))
    assert arguments is not None
    assert marshal.loads(marshal.dumps(arguments)) == arguments
