"""PhraseMatcher: the token walk finds exactly what one regular expression of the phrases finds."""

from __future__ import annotations

import random
import re

import pytest

from contentlint.rules.phrases import PhraseMatcher, SafePatterns, _trie_regex, _word_char_at, lowered_text


def reference(phrases: list[str], text: str, start: int = 0, end: int | None = None,
              case_sensitive: bool = False) -> list[tuple[int, int]]:
    """Leftmost matches of the phrases as one regular expression (the matcher's definition)."""
    forms = sorted({" ".join(p.split()) for p in phrases if p.strip()})
    if not case_sensitive:
        forms = sorted({f.lower() for f in forms})
    if not forms:
        return []
    regex = re.compile(rf"(?<![\w])(?:{_trie_regex(forms)})(?![\w])")
    stop = len(text) if end is None else end
    if case_sensitive:
        return [m.span() for m in regex.finditer(text, start, stop)]
    if len(text.lower()) != len(text):
        return [m.span() for m in re.compile(regex.pattern, re.IGNORECASE).finditer(text, start, stop)]
    return [m.span() for m in regex.finditer(text.lower(), start, stop)]


def spans(matcher: PhraseMatcher, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in matcher.finditer(text, start, end)]


CASES = [
    (["miracle cure", "miracle"], "A miracle cure! Not a miracle-worker, a miracle."),
    (["don't stop", "don't"], "Don’t   stop.\n\nDon‘t. don'tstop, don't\nstop"),
    (["covid-19", "covid"], "COVID-19 and covid-19s and covid, covid-"),
    (["e.g.", "a.k.a"], "e.g. this, e.g.x, a.k.a. that, aa.k.a"),
    (["#1 choice", "100%"], "our #1 choice, a#1 choice, 100% sure, 100%x"),
    (["risk free", "risk-free", "free"], "risk free\u00a0and risk\u2009free, risk-free_trial"),
    (["the best", "the best way to"], "the best way to go, the best way, the best"),
    (["İstanbul"], "İSTANBUL and istanbul and İstanbul"),
    (["a’b", "a'bc"], "a'b a’bc a‘bc"),
]


@pytest.mark.parametrize(("phrases", "text"), CASES)
def test_matches_like_one_regular_expression(phrases: list[str], text: str) -> None:
    matcher = PhraseMatcher(phrases)
    assert spans(matcher, text) == reference(phrases, text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            assert spans(matcher, text, start, end) == reference(phrases, text, start, end), (start, end)


def test_reports_the_phrase_as_listed() -> None:
    matcher = PhraseMatcher(["Don't Stop", "miracle  cure"])
    found = list(matcher.finditer("DON’T STOP the Miracle Cure"))
    assert found == [(0, 10, "Don't Stop"), (15, 27, "miracle cure")]


def test_case_sensitive() -> None:
    matcher = PhraseMatcher(["FDA approved", "ok"], case_sensitive=True)
    text = "FDA approved, fda approved, OK, ok."
    assert spans(matcher, text) == reference(["FDA approved", "ok"], text, case_sensitive=True) == [(0, 12), (32, 34)]


def test_empty_matcher_finds_nothing() -> None:
    matcher = PhraseMatcher(["", "  "])
    assert not matcher
    assert spans(matcher, "anything at all") == []


ALPHABET = ["a", "b", "ab", "A", " ", "  ", "\n", "'", "’", "‘", "-", ".", "_", "1", "é", "ß", "\u00a0", "#"]


@pytest.mark.parametrize("seed", range(4))
def test_random_phrases_and_texts(seed: int) -> None:
    rng = random.Random(seed)

    def pick(count: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(count))

    for _ in range(300):
        phrases = [pick(rng.randint(1, 5)) for _ in range(rng.randint(1, 6))]
        case_sensitive = rng.random() < 0.3
        matcher = PhraseMatcher(phrases, case_sensitive=case_sensitive)
        text = pick(rng.choice([30, 500]))  # short texts are walked, long ones indexed
        assert spans(matcher, text) == reference(phrases, text, case_sensitive=case_sensitive)
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        assert spans(matcher, text, start, end) == reference(phrases, text, start, end, case_sensitive)


PATTERN_PIECES = ["a", "b+", "a*", "^a", "a$", r"\bab\b", "é+", ".", "x?", "[^a]", r"\w+", "😀", "’s", r"\d+%?", r"\B"]
TEXT_PIECES = ["a", "b", "A", " ", "\n", "é", "’", "😀", "ß", "1", "-", ".", "İ", "x"]


@pytest.mark.parametrize("seed", range(3))
def test_safe_patterns_search_bytes_as_the_wrapper_searches_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        patterns = SafePatterns(rng.sample(PATTERN_PIECES, rng.randint(1, 3)), case_sensitive=rng.random() < 0.5)
        text = "".join(rng.choice(TEXT_PIECES) for _ in range(rng.randint(0, 40)))
        start = rng.randint(-1, len(text) + 1)
        end = rng.randint(-1, len(text) + 1)
        expected = [(m.start(), m.end(), m.group(0)) for m in patterns._regex.finditer(text, start, end)
                    if m.end() > m.start()]
        assert list(patterns.finditer(text, start, end)) == expected


def test_phrases_differing_only_in_apostrophes_match_every_apostrophe() -> None:
    # the matcher takes its regular-expression path here, so the comparison above is with itself
    assert spans(PhraseMatcher(["a’b", "a'bc"]), "a'b a’bc a‘bc ab") == [(0, 3), (4, 8), (9, 13)]


def test_matcher_made_after_a_text_was_indexed_still_finds_its_phrases() -> None:
    # the shared index holds only tokens some matcher's phrases start with: a later matcher whose
    # phrases start with other tokens has the text indexed again
    text = "Quillwort and zephyrine tonic, then xylocarpa and quillwort. " * 10
    first = PhraseMatcher(["quillwort and"])
    assert spans(first, text) == reference(["quillwort and"], text)
    for phrases in (["zephyrine tonic"], ["xylocarpa", "then xylocarpa and"], ["quillwort and zephyrine"]):
        later = PhraseMatcher(phrases)
        assert spans(later, text) == reference(phrases, text)
        assert spans(later, text)
    assert spans(first, text) == reference(["quillwort and"], text)


@pytest.mark.parametrize("seed", range(3))
def test_ranges_said_to_be_without_matches_have_none(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        phrases = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 4))]
        matcher = PhraseMatcher(phrases)
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.choice([40, 500])))
        cuts = sorted(rng.sample(range(len(text) + 1), 6))
        ranges = list(zip(cuts[::2], cuts[1::2], strict=True))
        empty = matcher.ranges_without_matches(text, ranges)
        for number, (start, stop) in enumerate(ranges):
            if number in empty:
                assert spans(matcher, text, start, stop) == [], (phrases, text, start, stop)
        found = [number for number, (start, stop) in enumerate(ranges) if spans(matcher, text, start, stop)]
        assert not set(found) & empty


# Padding that makes a text long enough to be tokenised and indexed once for all matchers.
PAD = " filler" * 70


@pytest.mark.parametrize("gap", [" ", "  ", "\n", "\n\n", " \n ", "\u00a0", "\t", "\u2009"])
def test_words_parted_by_any_white_space(gap: str) -> None:
    # one space travels inside the token of the word after it; other white space is a token of
    # its own, and the places where a phrase may start are indexed by its first two tokens
    phrases = ["in the realm of", "in", "the realm", "realm of hope", "#1 choice", "don't stop"]
    for text in (f"In{gap}the{gap}realm{gap}of hope.", f"{gap}in{gap}the realm of{gap}", f"#1{gap}choice{gap}",
                 f"don’t{gap}stop, don't{gap}", f"in the{gap}realm{gap}", f"the{gap}realm", f"realm of{gap}hope"):
        for body in (text, PAD + text, text + PAD, PAD + text + PAD):
            matcher = PhraseMatcher(phrases)
            assert spans(matcher, body) == reference(phrases, body), repr(body)
        for start in range(len(text) + 1):
            assert spans(matcher, text, start) == reference(phrases, text, start), (text, start)


def test_matchers_sharing_a_first_word_find_their_own_phrases() -> None:
    # "in" is a whole phrase for one matcher and only the start of longer ones for another: the
    # shared index keeps both kinds of place
    text = PAD + " in the end, in theory, in\n\nthe realm of, in. In" + PAD
    alone = PhraseMatcher(["in"])
    pairs = PhraseMatcher(["in the realm of", "in theory"])
    both = PhraseMatcher(["in", "in the end"])
    for matcher in (alone, pairs, both, alone):
        assert spans(matcher, text) == reference(list(matcher.phrases), text)
        assert spans(matcher, text)


def test_ranges_starting_and_stopping_inside_words() -> None:
    phrases = ["the best", "best way", "way to go", "o"]
    text = ("xthe best way to go, the best  way\nto go; the bestway " * 12)[:-1]
    matcher = PhraseMatcher(phrases)
    assert spans(matcher, text) == reference(phrases, text)
    for start in range(0, 80):
        for end in (start + 5, start + 9, len(text) - start):
            assert spans(matcher, text, start, end) == reference(phrases, text, start, end), (start, end)


def test_lowered_text_is_made_once_for_a_long_text_and_is_the_copy_the_matchers_search() -> None:
    text = "Ketamine Therapy İs NEW. " * 30
    lowered = lowered_text(text)
    assert lowered == text.lower()
    assert lowered_text(text) is lowered
    matcher = PhraseMatcher(["ketamine therapy"])
    assert spans(matcher, text) == reference(["ketamine therapy"], text)
    assert lowered_text(text) is lowered
    short = "Short TEXT"
    assert lowered_text(short) == "short text"


def test_word_characters_are_told_as_a_regular_expression_tells_them() -> None:
    # the matcher tells a word character by str.isalnum() and "_" instead of calling r"\w"
    word = re.compile(r"\w")
    text = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    assert [_word_char_at(text, at) for at in range(len(text))] == [
        word.match(text, at) is not None for at in range(len(text))]
    for at in (-2, -1, len(text), len(text) + 3):
        assert _word_char_at(text, at) == (word.match(text, at) is not None)
    assert not _word_char_at("", 0)
