"""The shared context checks: negation scope, quotation and reported speech, hedges, questions,
citations. Each case names the phrase the check is asked about."""

from __future__ import annotations

import re
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from contentlint.document import parse
from contentlint.text.context import _CITATION_PATTERNS, CHECKS, is_cited, quoted_spans, skip_reason


def _holds(check: str, text: str, phrase: str, kind: str = "md") -> bool:
    article = parse(text, kind, None)
    start = article.text.index(phrase)
    return CHECKS[check](article, start, start + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("There is no cure for depression.", "cure"),
        ("Melatonin does not cure insomnia.", "cure"),
        ("Ketamine isn't a miracle cure.", "miracle"),
        ("Ketamine is not a miracle cure.", "miracle"),
        ("You can't lose weight without changing your diet.", "lose weight"),
        ("There is no evidence that turmeric cures arthritis.", "cures"),
        ("The idea that turmeric cures arthritis is a myth.", "cures"),
        ("That vitamin C prevents colds has not been proven.", "prevents"),
        ("Surgery was unable to completely remove the tumour.", "completely remove"),
    ],
)
def test_negated(text: str, phrase: str) -> None:
    assert _holds("negated", text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("There is no cure for depression, but this pill cures it.", "cures"),  # "but" ends the scope
        ("It does not need a prescription; it cures colds in a day.", "cures"),  # so does ";"
        ("It is not only cheap but cures colds.", "cures"),  # pseudo-negation
        ("No wonder people say it is a miracle.", "miracle"),
        ("Nobody expected it, after many months and several other attempts and trials, to cure him.", "cure"),
        ("Turmeric cures arthritis.", "cures"),
    ],
)
def test_not_negated(text: str, phrase: str) -> None:
    assert not _holds("negated", text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ('Some websites claim that garlic "cures" high blood pressure.', "cures", True),
        ("“It cured my anxiety,” she wrote, “and I have never looked back.”", "cured", True),
        ("He called it a ‘miracle’ treatment.", "miracle", True),
        ('"Take the first dose in the evening.\n\nIt cures colds in a day.', "cures", False),
        ("The patient's doctor said it cures colds.", "cures", False),
        ("It cures colds in a day.", "cures", False),
    ],
)
def test_quoted(text: str, phrase: str, expected: bool) -> None:
    assert _holds("quoted", text, phrase) is expected


def test_an_open_quotation_runs_to_the_end_of_its_paragraph() -> None:
    text = '"It cures everything. It is safe for everyone.'
    assert quoted_spans(text, 0, len(text)) == [(0, len(text))]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Some websites claim that turmeric cures arthritis.", "cures", True),
        ("Sellers say turmeric cures arthritis. This is not true.", "cures", True),
        ("The so-called miracle pill has never been tested.", "miracle", True),
        ("Be wary of products that promise to melt fat.", "melt fat", True),
        ("The drug cures depression, Lee said.", "cures", True),
        ("Dr. Lee said that the drug cures depression.", "cures", True),
        ("Thousands of readers say this oil cures eczema.", "cures", False),  # a testimonial
        ("Weight loss can reverse diabetes, a new study finds.", "reverse", True),
        ("Turmeric cures arthritis. It works within days.", "cures", False),
        ("Ketamine cures depression, and it is legal in the United States.", "cures", False),
    ],
)
def test_reported(text: str, phrase: str, expected: bool) -> None:
    assert _holds("reported", text, phrase) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Most people have no side effects.", "no side effects", True),
        ("It may cure insomnia.", "cure", True),
        ("It works in some patients.", "works", True),
        ("In mice, it reversed some signs of dementia.", "reversed", False),
        ("The compound reversed dementia in two strains of mice.", "reversed", True),
        ("It cures depression in a few weeks.", "cures", False),
        ("This pill cures depression.", "cures", False),
    ],
)
def test_hedged(text: str, phrase: str, expected: bool) -> None:
    assert _holds("hedged", text, phrase) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Studies show (Smith et al., 2021, JAMA Psychiatry) that it helps.", "Studies show", True),
        ("[A 2022 review](https://example.org/r) found it helps.", "found", True),
        ("About 30% of people have insomnia, according to the NIMH.", "30%", True),
        ("A 2022 review found that it helps.", "found", True),
        ("Studies suggest it helps [3].", "Studies suggest", True),
        ("Research published in The Lancet found a benefit.", "Research", True),
        ("Researchers at Stanford University found that it works.", "found", True),
        ("Studies suggest it helps. Smith and colleagues (2020) followed 300 adults.", "Studies suggest", True),
        ("Studies suggest it helps. Research is ongoing.", "Studies suggest", False),
        ("According to experts, it works.", "works", False),
        ("A study of ADHD found that it works.", "found", False),
        ("Studies suggest it helps.\n\nSee the NHS website (NHS, 2023).", "Studies suggest", False),
    ],
)
def test_cited(text: str, phrase: str, expected: bool) -> None:
    assert _holds("cited", text, phrase) is expected


def test_cited_can_look_back() -> None:
    article = parse("A 2019 trial in JAMA enrolled 400 adults. Most improved.", "md", None)
    start = article.text.index("Most")
    assert not is_cited(article, start, start + 4)
    assert is_cited(article, start, start + 4, before=1)


def test_question_and_heading() -> None:
    assert _holds("question", "Can turmeric cure arthritis?", "cure")
    assert not _holds("question", "Turmeric can cure arthritis.", "cure")
    assert _holds("heading", "# A miracle cure\n\nText.", "miracle")
    assert not _holds("heading", "# Title\n\nA miracle cure.", "miracle")


def test_skip_reason_names_the_first_check_that_holds() -> None:
    article = parse('It is not a "miracle".', "md", None)
    start = article.text.index("miracle")
    assert skip_reason(article, start, start + 7, ("cited", "quoted", "negated")) == "quoted"
    assert skip_reason(article, start, start + 7, ("cited",)) is None


def test_an_unnamed_authority_does_not_make_a_claim_reported() -> None:
    from contentlint import lint_text
    from contentlint.config import Config

    config = Config(select=("CLAIM004",))
    assert [f.text for f in lint_text("Experts say that this tonic is 100% safe.", config=config).findings] == [
        "100% safe"
    ]
    assert lint_text("Dr Ana Lee said the tonic is 100% safe.", config=config).findings == []


def _first_characters(items: Any, fold: bool = False) -> tuple[set[str] | None, bool]:
    """The characters a match of a parsed sequence can start with (both cases where folded), and
    whether it can match nothing; None when some start is not a plain character or set."""
    found: set[str] = set()
    for op, arg in items:
        if op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):
            continue
        if op is _parser.LITERAL:
            found |= {chr(arg).lower(), chr(arg).upper()} if fold else {chr(arg)}
            return found, False
        if op is _parser.IN and all(kind in (_parser.LITERAL, _parser.RANGE) for kind, _ in arg):
            for kind, value in arg:
                codes = [value] if kind is _parser.LITERAL else range(value[0], value[1] + 1)
                found |= {f(chr(c)) for c in codes for f in ((str.lower, str.upper) if fold else (str,))}
            return found, False
        if op in (_parser.BRANCH, _parser.SUBPATTERN, _parser.MAX_REPEAT, _parser.MIN_REPEAT):
            if op is _parser.BRANCH:
                parts, at_least = [(alt, fold) for alt in arg[1]], 1
            elif op is _parser.SUBPATTERN:
                parts, at_least = [(arg[3], fold or bool(arg[1] & re.IGNORECASE))], 1
            else:
                parts, at_least = [(arg[2], fold)], arg[0]
            empty = False
            for part, folded in parts:
                starts, can_be_empty = _first_characters(part, folded)
                if starts is None:
                    return None, False
                found |= starts
                empty = empty or can_be_empty
            if at_least and not empty:
                return found, False
            continue
        return None, False
    return found, True


def test_citation_lookaheads_let_every_match_start() -> None:
    for source in _CITATION_PATTERNS:
        lead = re.match(r"\(\?=(\(\?i:)?\[([^\]]+)\]\)?\)", source)
        if lead is None:
            continue
        allowed = re.compile(f"(?{'i' if lead.group(1) else ''}:[{lead.group(2)}])")
        starts, can_be_empty = _first_characters(_parser.parse(source[lead.end():]))
        assert starts is not None and not can_be_empty, source
        assert all(allowed.fullmatch(ch) for ch in starts), source



def test_the_citation_start_lets_every_alternative_start() -> None:
    # _CITATION opens with a lookahead for the characters its alternatives start with
    from contentlint.text.context import _CITATION_START

    allowed = re.compile(_CITATION_START.removeprefix("(?:^|(?=").removesuffix("))"))
    for source in _CITATION_PATTERNS:
        if source.startswith("(?i:^|\\n)"):
            continue  # starts at the start of the text (any character) or at a line break
        starts, can_be_empty = _first_characters(_parser.parse(source))
        assert starts is not None and not can_be_empty, source
        assert all(allowed.fullmatch(ch) for ch in starts), source
    assert allowed.fullmatch("\n")

@pytest.mark.parametrize(
    "text",
    [
        "Turmeric cures arthritis. This is not true.\n\nA second paragraph says nothing.",
        "Turmeric cures arthritis. It works.\n\nThis is not true, says the next paragraph.",
        "Turmeric cures arthritis, they claim. That claim is a myth. Other news.",
        "Turmeric cures arthritis. The idea was debunked.",
        "Turmeric cures arthritis. The idea was debunkedly odd.",
        "Turmeric cures arthritis. There’s no good evidence for it.",
        "Turmeric cures arthritis. ſuch claims are not true.",
        "Turmeric cures arthritis.",
    ],
)
def test_refuted_as_a_search_of_the_next_sentences_finds(text: str) -> None:
    # refuted() skips the search where the block lacks the words a refutation holds
    from contentlint.text.context import _REFUTATION, neighbour_span, refuted

    article = parse(text, "md", None)
    for match in re.finditer(r"\w+", article.text):
        start, end = match.span()
        _, hi = neighbour_span(article, start, after=2)
        assert refuted(article, start, end) == (_REFUTATION.search(article.text, end, hi) is not None), (text, start)
