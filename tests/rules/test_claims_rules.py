"""Behaviour of the claims rules beyond their examples: spans, messages, options, lexicon forms."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.rules.builtin.claims._lexicon import inflect


def _findings(text: str, code: str, options: dict[str, object] | None = None, kind: str = "md"):  # type: ignore[no-untyped-def]
    config = Config(select=(code,), rule_options={code: options} if options else {})
    return [f for f in lint_text(text, kind=kind, config=config).findings if f.rule == code]


def test_inflections_cover_regular_and_spelled_out_forms() -> None:
    assert inflect("cure") == ("cure", "cures", "cured", "curing")
    assert inflect("wipe out") == ("wipe out", "wipes out", "wiped out", "wiping out")
    assert inflect("verify|verifies|verified") == ("verify", "verifies", "verified")
    assert inflect("is effective") == ("is effective",)
    assert "fixes" in inflect("fix")


@pytest.mark.parametrize(
    ("code", "text", "span"),
    [
        ("CLAIM002", "Turmeric wipes out arthritis for good.", "wipes out arthritis"),
        ("CLAIM003", "Our method works for everyone, whatever their age.", "works for everyone"),
        ("CLAIM004", "Our serum is totally free of side effects.", "totally free of side effects"),
        ("CLAIM005", "Many experts agree that the diet is the healthiest.", "Many experts agree"),
        ("CLAIM006", "Statins lower the risk of stroke by 30%.", "lower the risk of stroke by 30%"),
        ("CLAIM007", "Lose 10 pounds in a week with the cleanse.", "Lose 10 pounds in a week"),
    ],
)
def test_finding_points_at_the_claim(code: str, text: str, span: str) -> None:
    (finding,) = _findings(text, code)
    assert finding.text == span
    assert finding.span.column == text.index(span) + 1


@pytest.mark.parametrize(
    ("code", "text", "advice"),
    [
        ("CLAIM002", "This tea cures depression.", "may ease symptoms for some people"),
        ("CLAIM003", "Guaranteed results in two weeks.", "does not work for everyone"),
        ("CLAIM004", "It has zero side effects.", "common side effects"),
        ("CLAIM005", "Studies suggest it lifts mood.", "may help some people"),
        ("CLAIM006", "Nine out of ten users sleep better.", "according to"),
        ("CLAIM006", "Nuts cut your risk of heart disease in half.", "2 in 100"),
        ("CLAIM007", "Burn fat while you sleep.", "alongside diet and exercise"),
    ],
)
def test_messages_say_what_to_write_instead(code: str, text: str, advice: str) -> None:
    (finding,) = _findings(text, code)
    assert finding.message and advice in (finding.suggestion or "")


def test_severities_follow_the_danger() -> None:
    assert _findings("This tea cures depression.", "CLAIM002")[0].severity.value == "error"
    assert _findings("It is 100% safe.", "CLAIM004")[0].severity.value == "error"
    assert _findings("Studies suggest it works.", "CLAIM005")[0].severity.value == "warning"
    assert _findings("A 94% success rate.", "CLAIM006")[0].severity.value == "warning"


def test_context_checks_can_be_turned_off() -> None:
    quoted = '"This tea cures depression," the label says.'
    assert _findings(quoted, "CLAIM002") == []
    assert _findings(quoted, "CLAIM002", {"skip_when": ["negated", "hedged"]})


def test_weight_loss_rate_limit_is_an_option() -> None:
    assert _findings("Lose 3 pounds a week.", "CLAIM007") == []
    assert _findings("Lose 3 pounds a week.", "CLAIM007", {"max_pounds_per_week": 2})


def test_relative_risk_with_an_absolute_figure_needs_only_a_source() -> None:
    text = "In the trial (Lee et al., 2020), aspirin cut the risk of stroke by 20%, from 5 in 100 to 4 in 100."
    assert _findings(text, "CLAIM006") == []
    assert _findings("Aspirin cut the risk of stroke by 20% (Lee et al., 2020).", "CLAIM006")
    assert _findings("Aspirin cut the risk of stroke by 20% (Lee et al., 2020).", "CLAIM006",
                     {"require_absolute_risk": False}) == []


def test_the_study_found_is_flagged_only_when_the_article_names_no_source() -> None:
    cited = "A 2021 trial in JAMA enrolled 300 adults.\n\nOver a year, the study found that sleep improved."
    assert _findings(cited, "CLAIM005") == []
    assert _findings("Over a year, the study found that sleep improved.", "CLAIM005")


def test_claims_in_markdown_are_located_on_the_source_line() -> None:
    text = "# Sleep\n\nSome text here.\n\n- Our **tea** cures insomnia.\n"
    (finding,) = _findings(text, "CLAIM002")
    assert finding.span.line == 5 and finding.text == "cures insomnia"


def test_universal_benefit_with_an_object() -> None:
    from contentlint import lint_text as _lint
    from contentlint.config import Config as _Config

    config = _Config(select=("CLAIM003",))
    assert [f.text for f in _lint("This balm relieves pain for every customer.", config=config).findings] == [
        "relieves pain for every customer"
    ]
    assert _lint("Exercise works in different ways for everyone.", config=config).findings == []


def test_a_pattern_searched_in_its_grouped_form_matches_as_the_plain_one() -> None:
    # CLAIM005 scans with an alternation grouped by first letter; the prefilter reads the plain one
    import random
    import re
    from pathlib import Path

    from contentlint.rules.builtin.claims import _lexicon as lx
    from contentlint.rules.builtin.claims._base import PatternRule
    from contentlint.rules.builtin.claims.unattributed_evidence import UnattributedEvidence

    assert any(p.search is not None for p in UnattributedEvidence.patterns())
    texts = [path.read_text(encoding="utf-8") for path in sorted(Path("tests/corpora/claims").glob("*.yaml"))]
    rng = random.Random(5)
    words = re.findall(r"[\w'’-]+", " ".join(texts))
    texts += [" ".join(rng.choice(words) for _ in range(400)) for _ in range(20)]
    rules: list[type[PatternRule]] = [UnattributedEvidence]
    for rule in rules:
        for pattern in rule.patterns():
            if pattern.search is None:
                continue
            for text in texts:
                plain = [(m.span(), m.groupdict()) for m in pattern.regex.finditer(text)]
                assert [(m.span(), m.groupdict()) for m in pattern.search.finditer(text)] == plain
    for key in ("evidence_quantifiers", "evidence_sources", "cure_adverbs", "absolute_markers"):
        plain_words = lx.compile_words(lx.family(key))
        grouped_words = lx.compile_words(lx.family(key, grouped=True))
        assert plain_words.pattern != grouped_words.pattern
        for text in texts:
            assert [m.span() for m in grouped_words.finditer(text)] == [m.span() for m in plain_words.finditer(text)]


def test_statistics_in_blocks_without_number_words_are_found_from_their_digits_alone() -> None:
    # CLAIM006 tries the statistic pattern only at digits in a block the word index finds none of
    # the words a statistic may open with: the same matches as trying every possible start
    import random
    import re
    from pathlib import Path

    from contentlint.document import parse
    from contentlint.rules.builtin.claims import unsourced_statistic as us
    from contentlint.rules.prefilter import candidate_blocks

    texts = [path.read_text(encoding="utf-8") for path in sorted(Path("tests/corpora/claims").glob("*.yaml"))]
    texts.append(
        "A third of adults snore. Tenfold higher doses.\n\nTwice as likely to relapse; ten-fold more.\n\n"
        "Half of all patients, one in four women, 2.5 times higher, 9 out of 10 users.\n\n"
        "Three quarters of people. About 12.5% of 1,000 adults; 30 per cent of cases."
    )
    rng = random.Random(11)
    words = re.findall(r"[\w'’%.,-]+", " ".join(texts))
    texts += ["\n\n".join(" ".join(rng.choice(words) for _ in range(40)) for _ in range(10)) for _ in range(20)]
    stats = us._patterns().stats
    digits_only = matched = 0
    for text in texts:
        article = parse(text, "txt")
        with_words = candidate_blocks(article, (us._STAT_WORD,))
        for number, block in enumerate(article.blocks):
            every = [m.span() for m in us._matches_from(article, stats, us._STAT_START, block.start, block.end)]
            digits = [m.span() for m in us._matches_from(article, stats, us._DIGIT, block.start, block.end)]
            if with_words is not None and number not in with_words:
                digits_only += 1
                assert digits == every
                matched += bool(every)
    assert digits_only and matched
