"""Against a real LanguageTool server: runs when CONTENTLINT_LANGUAGETOOL_URL is set
(e.g. http://localhost:8081, see docs/grammar.md), skipped otherwise."""

from __future__ import annotations

import os

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.rules.registry import load_registry

# Read at import: the fixtures of this folder clear the variable for every other test.
LIVE_URL = os.environ.get("CONTENTLINT_LANGUAGETOOL_URL", "").strip()

pytestmark = pytest.mark.skipif(
    not LIVE_URL, reason="set CONTENTLINT_LANGUAGETOOL_URL to a LanguageTool server to run the live grammar tests"
)

ARTICLE = (
    "---\ntitle: Antibiotics\n---\n"
    "# Finishing a course 😀\n\n"
    "Most people feel better within a few days, but some need a secnd course.\n\n"
    "Drink plenty of fluids and rest until the the fever passes.\n"
)


def _config(**languagetool: object) -> Config:
    return Config(grammar=True, languagetool={"url": LIVE_URL, **languagetool})


def test_a_real_server_finds_a_typo_and_a_repeated_word_in_place() -> None:
    findings = [f for f in lint_text(ARTICLE, kind="md", config=_config()).findings if f.category == "grammar"]
    typo = next(f for f in findings if f.text == "secnd")
    lines = ARTICLE.splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if "secnd" in line)
    assert typo.rule == "GRAM001"
    assert (typo.line, typo.column) == (number, lines[number - 1].index("secnd") + 1)
    assert typo.suggestion and "second" in typo.suggestion
    repeated = next(f for f in findings if f.text.lower() == "the the")
    assert repeated.rule == "GRAM009" and repeated.line == number + 2


def test_the_word_list_reaches_a_real_server() -> None:
    text = "Spravato is a nasal spray that contains esketamine."
    plain = {f.text for f in lint_text(text, kind="txt", config=_config()).findings if f.rule == "GRAM001"}
    listed = lint_text(text, kind="txt", config=_config(words=["Spravato", "esketamine"])).findings
    assert plain, "a real server reports these brand and drug names as unknown words"
    assert not [f for f in listed if f.rule == "GRAM001"]


@pytest.mark.parametrize("rule", [r for r in load_registry() if r.meta.category == "grammar"],
                         ids=lambda r: r.meta.code)
def test_documented_examples_against_a_real_server(rule: object) -> None:
    meta = rule.meta  # type: ignore[attr-defined]
    config = Config(select=(meta.code,), languagetool={"url": LIVE_URL})
    for example in meta.pass_examples:
        assert not lint_text(example.text, kind=example.kind, config=config).findings, example.text
