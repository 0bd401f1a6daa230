"""The word prefilter of the spam rules: it may let through text a pattern does not match, never
the other way round."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from contentlint.document import parse
from contentlint.rules.builtin.spam import keyword_stuffing
from contentlint.rules.builtin.spam._literals import (
    DIGIT,
    AllOf,
    AnyOf,
    anchors,
    leading_texts,
    required_marks,
    required_words,
)
from contentlint.rules.builtin.spam._shared import (
    LazyPattern,
    article_words,
    candidate_blocks,
    folded_text,
    may_match,
)

TEXTS = [
    "Such as for example pollen. SUCH AS FOR EXAMPLE dust.",
    "The kidney disappointment was treated. Kidney failure is serious.",
    "Regular walking may be put on improve blood sugar.",
    "Call (312) 555-0147 today, or visit https://example.com/path now.",
    "It is best to ask. best ketamine clinic near me is a query. Nearby clinics help.",
    "A ſuch as for example case, and İnternet and ınternet spellings.",
    "Choose a {good|great|excellent} sunscreen.",
    "word-joined such-as for example, the very most useful; at the very most two.",
    "Anti-infection agents and clinical preliminaries were studied.",
]

PATTERNS = [
    r"(?<![\w-])(?:such\s+as\s+for\s+example|kidney\s+disappointment|anti-infection\s+agents)(?![\w-])",
    r"\b(?:be|been|is)\s+put\s+on\s+(?:improve|treat)\b",
    r"(?<!\bat\s)\b(?:the|your)\s+very\s+most\s+(?!of\b)[a-z]{3,}",
    r"\bbest\s+\w+\s+clinic\s+near\s+me\b",
    r"\b(?:developed|used)\s+(?:in\s+(?:the\s+)?\w+(?:\s+\w+)?\s+)?being\s+an?\s+",
    r"https?://\S+|www\.\S+",
    r"\{[^{}|\n]{1,40}(?:\|[^{}|\n]{1,40}){1,10}\}",
    r"clinic",
    r"\bclin\w+",
    r"(?i:\bcall\b)\s+\(\d{3}\)",
]


def test_words_are_read_from_the_pattern() -> None:
    need = required_words(re.compile(r"\bto\s+create\s+certain\b", re.IGNORECASE))
    assert need == AllOf(("certain", "create", "to"))
    assert need is not None and anchors(need, frozenset({"to", "create", "certain"})) == {"certain"}
    assert anchors(need, frozenset({"to", "create"})) is None


def test_alternatives_need_one_of_their_words() -> None:
    either = required_words(re.compile(r"(?<![\w-])(?:bosom\s+disease|neck\s+torment)(?![\w-])"))
    assert isinstance(either, AnyOf)
    assert anchors(either, frozenset({"disease", "neck"})) is None
    assert anchors(either, frozenset({"bosom", "disease", "other"})) == {"disease"}
    assert anchors(either, frozenset({"bosom", "disease", "neck", "torment"})) == {"disease", "torment"}


def test_an_unfenced_run_is_not_a_word() -> None:
    assert required_words(re.compile(r"clinic")) is None  # may sit inside "clinical"
    assert required_words(re.compile(r"\bclin\w+")) is None
    assert required_words(re.compile(r"\bclinics?\b")) is None


def test_marks_are_the_punctuation_every_match_holds() -> None:
    assert required_marks(re.compile(r"\{[^{}|\n]{1,40}(?:\|[^{}|\n]{1,40}){1,10}\}")) == "{|}"


@pytest.mark.parametrize("source", TEXTS)
@pytest.mark.parametrize("expression", PATTERNS)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_no_block_with_a_match_is_skipped(source: str, expression: str, flags: int) -> None:
    pattern = re.compile(expression, flags)
    article = parse(source.replace(". ", ".\n\n"), "txt", "t.txt")
    blocks = set(candidate_blocks(article, pattern))
    for number, block in enumerate(article.blocks):
        if pattern.search(article.text, block.start, block.end):
            assert number in blocks
            assert may_match(article, pattern)


def test_folding_keeps_offsets_and_letters() -> None:
    article = parse("İnternet ſuch ıt KELVIN \u212a", "txt", "t.txt")
    folded = folded_text(article)
    assert len(folded) == len(article.text)
    assert {"internet", "such", "it", "kelvin", "k"} <= article_words(article)


@pytest.mark.parametrize(
    "source",
    [
        "Covid19 and H5N1 flu: 3rd-dose ABC123def, don’t e-mail 10am.\n\nSecond block,ends here",
        "Café naïve déjà vu: résumé of 2024 data.",
        "İnternet ſuch ıt KELVIN \u212a",
    ],
)
def test_article_words_are_the_runs_of_ascii_letters(source: str) -> None:
    # Taken from the word prefilter's runs of letters and digits where it can; the same words.
    article = parse(source, "txt", "t.txt")
    folded = folded_text(article)
    runs = set(re.findall(r"[a-z]+", folded))
    words = article_words(article)
    assert runs <= words
    assert all(word in runs or word in folded for word in words - runs)  # pieces cut by a block end


def test_leading_texts_say_how_every_match_starts() -> None:
    assert leading_texts(r"(?:click\s+to\s+)?(?:share|tweet)", re.IGNORECASE) == {
        "click to share",
        "click to tweet",
        "share",
        "tweet",
    }
    assert leading_texts(r"(?:sign\s+up|subscribe)\s+to", re.IGNORECASE) == {"sign up to", "subscribe to"}
    assert leading_texts(r"\d+\s*likes?", 0) == {DIGIT}
    assert leading_texts(r"x*", 0) is None  # may match the empty string
    assert leading_texts(r"[a-z]+", 0) is None


@pytest.mark.parametrize(
    "line",
    ["Share this:", "SHARE   THIS", "Click to share on Twitter", "Sign up for our newsletter", "0 Comments",
     "ſhare this", "Related Posts", "Read more", "© 2024 Acme"],
)
def test_chrome_lines_pass_the_start_test(line: str) -> None:
    from contentlint.rules.builtin.spam.page_chrome import _may_be_chrome, chrome_kind

    assert chrome_kind(line) is not None
    assert _may_be_chrome(line.strip())


def test_words_and_leading_texts_are_kept_between_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint import regex_cache
    from contentlint.rules.builtin.spam import _literals

    monkeypatch.setattr(regex_cache, "MIN_COMPILE_SECONDS", 0.0)
    monkeypatch.setattr(regex_cache, "MIN_SAVED_SECONDS", 0.0)
    sources = (r"\bcall\s+(?:now|today)\b", r"\b(?:bosom|breast)\s+malignancy\b", r"\bsave\b")
    expected = [_literals._required_words_of(s, re.IGNORECASE) for s in sources]
    single = r"\b(?:clinics?|doctors?)\s+near\s+me\b"
    alone = _literals._required_words_of(single, re.IGNORECASE)
    leads = _literals._leading_texts(sources[0], re.IGNORECASE)
    for run in range(2):
        store = regex_cache.PatternStore(tmp_path / "regex.marshal")
        monkeypatch.setattr(regex_cache, "_installed", store)
        assert list(_literals.required_words_of_each(sources, re.IGNORECASE)) == expected
        assert _literals.required_words_of.__wrapped__(single, re.IGNORECASE) == alone
        assert _literals.leading_texts.__wrapped__(sources[0], re.IGNORECASE) == leads
        if run == 0:
            store.save()  # flags given as re.IGNORECASE must not keep the file from being written
    assert len(store.derived) == 3


@pytest.mark.parametrize(
    ("expression", "text"),
    [
        (r"\b(?:such|kelvin)\s+as\b", "ſuch as, SUCH AS, \u212aelvin as, Kelvin as"),
        (r"(?:very|most)\s+\w+|\bit\b", "Very good, ıt is, IT, most\u00a0likely"),
        (r"\d+\s*mg", "10 mg, 20MG"),
    ],
)
def test_a_lazy_pattern_with_its_lead_finds_the_same_matches(expression: str, text: str) -> None:
    lazy = LazyPattern(expression, re.IGNORECASE)
    plain = re.compile(expression, re.IGNORECASE)
    assert [m.span() for m in lazy.compiled.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_frequent_word_check_never_rules_out_a_stuffed_article() -> None:
    rnd = random.Random(7)
    vocabulary = ["the", "a", "of", "knee", "pain", "relief", "clinic", "near", "me", "x", "longerwordhere"]
    for _ in range(3000):
        words = [rnd.choice(vocabulary[: rnd.randint(2, len(vocabulary))]) for _ in range(rnd.randint(4, 60))]
        phrase = [rnd.choice(vocabulary) for _ in range(rnd.randint(2, 4))]
        for _ in range(rnd.randint(0, 6)):
            at = rnd.randint(0, len(words))
            words[at:at] = phrase
        total = sum(map(len, words))
        for n, threshold in keyword_stuffing._TOP_NGRAM.items():
            share, _ = keyword_stuffing.top_ngram_fraction(words, n)
            if share > threshold:
                assert keyword_stuffing._frequent_grams_may_pass(words, Counter(words), n, threshold, total)
