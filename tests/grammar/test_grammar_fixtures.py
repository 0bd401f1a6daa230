"""Recorded LanguageTool replies, through language-tool-python's own match parsing, into findings
at the exact place in the original file."""

from __future__ import annotations

from typing import Any

import pytest
from lt_stub import FakeLanguageTool, fixture_article

from contentlint import lint_text
from contentlint.config import Config
from contentlint.findings import Finding, Severity
from contentlint.rules.registry import load_registry


def _config(server: FakeLanguageTool, **languagetool: Any) -> Config:
    return Config(grammar=True, languagetool={"url": server.url, **languagetool})


def _lint(name: str, config: Config) -> list[Finding]:
    return lint_text(fixture_article(name), kind=name.rsplit(".", 1)[1], path=name, config=config).findings


def _grammar(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.category == "grammar"]


def _where(source: str, needle: str, occurrence: int = 1) -> tuple[int, int, int]:
    """(line, column, end column) of a needle in the source, counted independently of the model."""
    index = -1
    for _ in range(occurrence):
        index = source.index(needle, index + 1)
    line = source.count("\n", 0, index) + 1
    column = index - (source.rfind("\n", 0, index) + 1) + 1
    return line, column, column + len(needle)


def _at(finding: Finding) -> tuple[int, int, int]:
    return finding.line, finding.column, finding.end_column


def test_markdown_offsets_land_on_the_words_through_markup(languagetool: FakeLanguageTool) -> None:
    source = fixture_article("markdown_markup.md")
    findings = _grammar(_lint("markdown_markup.md", _config(languagetool)))
    by_text = {f.text: f for f in findings if f.rule == "GRAM001"}
    # inside *emphasis*, and inside a link's visible text (never its target)
    assert _at(by_text["supervison"]) == _where(source, "supervison") == (7, 54, 64)
    assert _at(by_text["gide"]) == _where(source, "gide")
    assert source[by_text["gide"].span.offset : by_text["gide"].span.end_offset] == "gide"
    repeated = [f for f in findings if f.rule == "GRAM009"]
    assert [(_at(f), f.text) for f in repeated] == [(_where(source, "the the"), "the the")]
    # nothing in front matter, the code block or the link target was sent or reported
    assert "teh" not in languagetool.requests[0]["text"]
    assert "title:" not in languagetool.requests[0]["text"]
    assert all(f.line not in (1, 2, 3, 4, 11, 12, 13) for f in findings)


def test_html_entities_before_an_error_keep_the_column_exact(languagetool: FakeLanguageTool) -> None:
    source = fixture_article("html_entities.html")
    findings = {f.text: f for f in _grammar(_lint("html_entities.html", _config(languagetool)))}
    assert set(findings) == {"efect", "acording"}
    assert _at(findings["efect"]) == _where(source, "efect")
    assert _at(findings["acording"]) == _where(source, "acording")
    for word, finding in findings.items():
        assert source[finding.span.offset : finding.span.end_offset] == word


def test_emoji_and_curly_quotes_before_an_error(languagetool: FakeLanguageTool) -> None:
    source = fixture_article("non_ascii.md")
    findings = {f.text: f for f in _grammar(_lint("non_ascii.md", _config(languagetool)))}
    thier = findings["thier"]
    assert _at(thier) == _where(source, "thier") == (3, 43, 48)
    # one emoji (two UTF-16 units) earlier on the line: code-point and UTF-16 columns differ by one
    assert thier.span.column_utf16 == thier.column + 1
    recieve = findings["recieve"]
    assert _at(recieve) == _where(source, "recieve")
    assert recieve.span.column_utf16 == recieve.column + 1


def test_suggestions_come_from_the_replacements(languagetool: FakeLanguageTool) -> None:
    findings = {f.text: f for f in _grammar(_lint("markdown_markup.md", _config(languagetool)))}
    assert findings["supervison"].message == "Possible spelling mistake found."
    assert findings["supervison"].suggestion is not None
    assert findings["supervison"].suggestion.startswith("Replace with one of: “supervision”, “supervisor”.")
    assert "languagetool.words" in findings["supervison"].suggestion
    # at most three of LanguageTool's four replacements are shown
    assert findings["gide"].suggestion is not None
    assert "“guide”, “gid”, “Gide”." in findings["gide"].suggestion and "aide" not in findings["gide"].suggestion
    assert findings["the the"].suggestion == "Replace with “the”."


def test_word_list_silences_brand_and_drug_names(languagetool: FakeLanguageTool) -> None:
    without = {f.text for f in _grammar(_lint("categories.txt", _config(languagetool)))}
    assert {"Spravato", "esketamine"} <= without
    with_words = _grammar(_lint("categories.txt", _config(languagetool, words=["spravato", "Esketamine"])))
    texts = {f.text for f in with_words}
    assert not {"Spravato", "esketamine"} & texts
    assert "secnd" in texts  # other misspellings are still reported


def test_words_file_and_possessives(languagetool: FakeLanguageTool, tmp_path: Any) -> None:
    (tmp_path / "words.txt").write_text("# brand names\nSpravato\nesketamine  # the active drug\n", "utf-8")
    config = Config(grammar=True, languagetool={"url": languagetool.url, "words-file": "words.txt"},
                    root=tmp_path)
    texts = {f.text for f in _grammar(_lint("categories.txt", config))}
    assert not {"Spravato", "esketamine"} & texts
    from contentlint.grammar import grammar_settings

    assert grammar_settings({"words": ["Spravato"]}).knows_word("Spravato’s")


def test_categories_become_codes_with_their_severities(languagetool: FakeLanguageTool) -> None:
    findings = _grammar(_lint("categories.txt", _config(languagetool)))
    codes = {f.text: (f.rule, f.severity) for f in findings}
    assert codes["secnd"] == ("GRAM001", Severity.WARNING)
    assert codes["these medicine"] == ("GRAM002", Severity.WARNING)
    assert codes["In order to"] == ("GRAM004", Severity.INFO)
    assert codes["the the"] == ("GRAM009", Severity.WARNING)


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"select": ("GRAM001",)}, {"GRAM001"}),
        ({"select": ("misspelling", "repeated-word")}, {"GRAM001", "GRAM009"}),
        ({"ignore": ("GRAM001",)}, {"GRAM002", "GRAM004", "GRAM009"}),
        ({"ignore": ("GRAM00",)}, set()),
        ({"ignore": ("grammar",)}, set()),
        ({"grammar": False}, set()),
    ],
)
def test_select_and_ignore_gram_codes(languagetool: FakeLanguageTool, settings: dict[str, Any],
                                      expected: set[str]) -> None:
    config = Config(languagetool={"url": languagetool.url}, **{"grammar": True, **settings})
    assert {f.rule for f in _grammar(_lint("categories.txt", config))} == expected


def test_grammar_rules_are_off_by_default(languagetool: FakeLanguageTool) -> None:
    config = Config(languagetool={"url": languagetool.url})
    assert not _grammar(_lint("categories.txt", config))
    assert not languagetool.requests


def test_one_request_per_article_and_answers_are_cached(languagetool: FakeLanguageTool) -> None:
    config = _config(languagetool)
    first = _lint("categories.txt", config)
    assert len(languagetool.requests) == 1  # eleven GRAM rules, one request
    assert _lint("categories.txt", config) == first
    assert len(languagetool.requests) == 1  # same text and settings: answered from the cache
    _lint("categories.txt", _config(languagetool, **{"disabled-rules": ["ENGLISH_WORD_REPEAT_RULE"]}))
    assert len(languagetool.requests) == 2  # other settings: asked again


def test_language_and_disabled_rules_are_sent_and_honoured(languagetool: FakeLanguageTool) -> None:
    config = _config(languagetool, language="en-GB", disabled_rules=["english_word_repeat_rule"],
                     disabled_categories=["STYLE"], picky=True)
    findings = _grammar(_lint("categories.txt", config))
    sent = languagetool.requests[0]
    assert sent["language"] == "en-GB"
    assert sent["disabledRules"] == "ENGLISH_WORD_REPEAT_RULE"
    assert sent["disabledCategories"] == "STYLE"
    assert sent["level"] == "picky"
    # the recorded reply still holds those matches: they are dropped here too
    assert {f.rule for f in findings} == {"GRAM001", "GRAM002"}


def test_every_gram_rule_documents_examples_that_hold(languagetool: FakeLanguageTool) -> None:
    rules = [r for r in load_registry() if r.meta.category == "grammar"]
    assert len(rules) >= 10
    for rule in rules:
        meta = rule.meta
        assert not meta.enabled_by_default
        config = Config(select=(meta.code,), languagetool={"url": languagetool.url})
        for example in meta.fail_examples:
            found = lint_text(example.text, kind=example.kind, config=config).findings
            assert [f.rule for f in found] == [meta.code], (meta.code, example.text)
            assert found[0].suggestion
        for example in meta.pass_examples:
            assert not lint_text(example.text, kind=example.kind, config=config).findings, meta.code
