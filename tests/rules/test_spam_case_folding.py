"""Letters that case-insensitive matching takes for an ASCII letter although lower() does not
("ſ" for "s", "ı" and "İ" for "i", the Kelvin sign for "k"): a spam phrase written with one is
reported like the plain phrase, and no spam rule fails on such text."""

from __future__ import annotations

import pytest

from contentlint import lint_text
from contentlint.config import Config
from contentlint.findings import Finding
from contentlint.rules.builtin.spam import (
    call_to_action,
    commercial_plug,
    contact_details,
    keyword_stuffing,
    off_topic_first_line,
    page_chrome,
    repeated_word,
    search_phrase,
    spinner_artifacts,
)

BODY = ("Doctors in the region saw fewer flu cases this winter than last. Clinics reported shorter waits, "
        "and pharmacists said vaccine supplies held up well through January.")
_MODULES = (call_to_action, commercial_plug, contact_details, keyword_stuffing, off_topic_first_line,
            page_chrome, repeated_word, search_phrase, spinner_artifacts)
_LOOKALIKES = {"s": "ſ", "S": "ſ", "i": "ı", "I": "İ", "k": "\u212a", "K": "\u212a"}


def _spam(text: str) -> list[Finding]:
    return lint_text(text, kind="txt", config=Config(select=("spam",))).findings


@pytest.mark.parametrize(
    ("phrase", "meant"),
    [
        ("ſuch as for example", "such as"),  # long s
        ("ſuch aſ for example", "such as"),
        ("SUCH AS FOR EXAMPLE", "Such as"),
        ("lıver disappointment", "liver failure"),  # dotless i
        ("LİVER DİSAPPOİNTMENT", "Liver failure"),  # dotted capital I: lower() makes two characters
        ("\u212aidney disappointment", "Kidney failure"),  # Kelvin sign
    ],
)
def test_spinner_phrase_with_a_lookalike_letter_is_reported(phrase: str, meant: str) -> None:
    findings = [f for f in _spam(f"Flu season\n\n{BODY} Symptoms of {phrase} can be mild.\n") if f.rule == "SPAM009"]
    assert [f.text for f in findings] == [phrase]
    assert f'Write "{meant}" instead' in findings[0].suggestion


def _with_lookalikes(text: str) -> list[str]:
    swap = str.maketrans(_LOOKALIKES)
    return [variant.translate(swap) for variant in (text, text.upper(), text.title())]


@pytest.mark.parametrize(
    ("text", "kind"),
    [(variant, example.kind) for module in _MODULES for rule in module.RULES
     for example in rule.meta.fail_examples for variant in _with_lookalikes(example.text)],
)
def test_no_spam_rule_fails_on_lookalike_letters(text: str, kind: str) -> None:
    lint_text(text, kind=kind, config=Config(select=("spam",)))
