"""What the evidence-quality rules (CLAIM050-CLAIM099) share: their lexicon, and a profile of the
study an article reports, computed once per article.

The profile counts, in one scan each, the signs that the article's study was in animals or cells,
in people, observational, a randomised trial, or early (a pilot, a phase 1 trial, a conference
abstract, a preprint, a few dozen people), each only when a question asked of it needs that count.
Rules read it first and skip the article cheaply when it cannot hold what they look for, before
any per-sentence work.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from functools import cache, cached_property
from typing import Any

from contentlint.document import Article
from contentlint.rules.base import Rule, RuleContext
from contentlint.rules.builtin.claims import _lexicon as lx
from contentlint.rules.data import load_yaml_data
from contentlint.rules.phrases import PhraseMatcher, lowered_text
from contentlint.rules.prefilter import compile_pattern, folded_search, may_match
from contentlint.text.context import CHECKS, is_quoted, neighbour_span, refuted, sentence_index, skip_reason

_VERB_FAMILIES = frozenset({"benefit_verbs", "causal_phrases", "causal_verbs", "benefit_changes"})

# "a study of 24 people", "involving 12 patients", "40 volunteers took part": a study of a few dozen.
SMALL_STUDY_LIMIT = 50
_SMALL_STUDY = compile_pattern(
    r"\b(?:of|involving|included|including|enrolled|recruited|among|in|with|only|just)\s+(?:only\s+|just\s+)?"
    r"(\d{1,3}|a\s+dozen|two\s+dozen|three\s+dozen|a\s+few\s+dozen|(?:five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:people|patients|participants|volunteers|adults|children|women|men|subjects|individuals)\b",
    re.IGNORECASE,
)
_WORD_NUMBERS = {"a dozen": 12, "two dozen": 24, "three dozen": 36, "a few dozen": 36}
# A small-study match is made of word characters, white space and hyphens, and ends with a word for
# people standing after white space: it lies inside one stretch of such characters holding one.
_PEOPLE_WORDS = (
    "people", "patients", "participants", "volunteers", "adults", "children", "women", "men", "subjects", "individuals",
)
_OUTSIDE_SMALL_STUDY = re.compile(r"[^\w\s-]")
# letters a case-insensitive pattern takes for an ASCII letter although ``str.lower`` does not make them one
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def _load() -> dict[str, Any]:
    return load_yaml_data("evidence-lexicon.yaml")


def words(key: str) -> tuple[str, ...]:
    """The entries of one list in the evidence lexicon, inflected when it is a verb family."""
    value = _load().get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"evidence lexicon: '{key}' must be a list of strings")
    if key in _VERB_FAMILIES:
        return tuple(form for entry in value for form in lx.inflect(entry))
    return tuple(value)


@cache
def matcher(key: str) -> PhraseMatcher:
    """One compiled matcher for a lexicon list (hyphenated entries also match with a space)."""
    entries = words(key)
    return PhraseMatcher(list(entries) + [e.replace("-", " ") for e in entries if "-" in e])


def found(key: str, text: str, lo: int, hi: int) -> bool:
    return next(iter(matcher(key).finditer(text, lo, hi)), None) is not None


def count(key: str, text: str) -> int:
    return sum(1 for _ in matcher(key).finditer(text))


# --- the study an article reports --------------------------------------------------------------
class StudyProfile:
    """The signs of the study an article reports, each counted at its first use."""

    def __init__(self, text: str, small_studies_possible: bool) -> None:
        self._text = text
        self._small_studies_possible = small_studies_possible

    @cached_property
    def animal(self) -> int:
        return count("animal_study_markers", self._text)

    @cached_property
    def human(self) -> int:
        return count("human_study_markers", self._text)

    @cached_property
    def observational(self) -> int:
        return count("observational_markers", self._text)

    @cached_property
    def trial(self) -> int:
        return count("trial_markers", self._text)

    @cached_property
    def early(self) -> int:
        small = sum(1 for _ in small_studies(self._text)) if self._small_studies_possible else 0
        return count("early_markers", self._text) + small

    @property
    def animal_study(self) -> bool:
        """The article's study was in animals or cells: named often, and more than people were."""
        return self.animal >= 2 and self.animal > 2 * self.human

    @property
    def observational_study(self) -> bool:
        """The article reports a link found by watching people, with no experiment to test cause."""
        return self.observational >= 2 and self.trial == 0 and self.animal < 2

    @property
    def early_evidence(self) -> bool:
        """Some sign of early evidence (as ``early >= 1``, stopping at the first sign)."""
        if "early" in self.__dict__:
            return self.early >= 1
        if found("early_markers", self._text, 0, len(self._text)):
            return True
        return self._small_studies_possible and next(small_studies(self._text), None) is not None


_PROFILES: weakref.WeakKeyDictionary[Article, StudyProfile] = weakref.WeakKeyDictionary()


def _people_words(text: str) -> list[int] | None:
    """Where a word for people stands after white space and before a word boundary (found in a
    lower-cased copy); None when the copy could miss one (it differs in length, or the text holds
    a letter that matches an ASCII one only case-insensitively)."""
    lowered = lowered_text(text)
    if len(lowered) != len(text) or (not text.isascii() and any(odd in text for odd in _ODD_FOLDS)):
        return None
    places: list[int] = []
    for word in _PEOPLE_WORDS:
        at = lowered.find(word)
        while at != -1:
            end = at + len(word)
            if at > 0 and text[at - 1].isspace() and not _word_character_at(text, end):
                places.append(at)
            at = lowered.find(word, end)
    return places


def _word_character_at(text: str, index: int) -> bool:
    """Whether ``text[index]`` is what ``\\w`` matches (a letter, digit or underscore)."""
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


def _small_study_stretches(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` a small-study match can lie in, in order (the whole text when
    the words for people cannot be found without the pattern)."""
    places = _people_words(text)
    if places is None:
        return [(0, len(text))]
    stretches: list[tuple[int, int]] = []
    reversed_text = text[::-1] if places else ""
    for at in sorted(places):
        if stretches and at < stretches[-1][1]:
            continue
        before = _OUTSIDE_SMALL_STUDY.search(reversed_text, len(text) - at)
        after = _OUTSIDE_SMALL_STUDY.search(text, at)
        stretches.append((len(text) - before.start() if before else 0, after.start() if after else len(text)))
    return stretches


def small_studies(text: str) -> Iterator[re.Match[str]]:
    stretches = _small_study_stretches(text)
    for match in (found for start, end in stretches for found in _SMALL_STUDY.finditer(text, start, end)):
        amount = match.group(1).lower()
        size = int(amount) if amount.isdigit() else _WORD_NUMBERS.get(" ".join(amount.split()), 20)
        if 1 < size < SMALL_STUDY_LIMIT:
            yield match


def profile(article: Article) -> StudyProfile:
    cached = _PROFILES.get(article)
    if cached is None:
        cached = _PROFILES[article] = StudyProfile(article.text, may_match(article, _SMALL_STUDY))
    return cached


# --- sentences -------------------------------------------------------------------------------
def sentence_span(article: Article, index: int, before: int = 0, after: int = 0) -> tuple[int, int]:
    """The sentence holding ``text[index]`` widened by ``before`` and ``after`` sentences, across
    paragraphs: a headline's neighbour is the first sentence below it."""
    number = sentence_index(article, index)
    sentences = article.sentences
    if number < 0:
        return index, index
    first = max(0, number - before)
    last = min(len(sentences) - 1, number + after)
    return sentences[first].start, sentences[last].end


_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"half|halved|twice|double|doubled|triple|tripled|third|thirds|quarter|quarters|fold|per\s?cent|percent)\b",
    re.IGNORECASE,
)


def has_figure(text: str, lo: int, hi: int) -> bool:
    return _FIGURE.search(text, lo, hi) is not None


def outcome_after(text: str, end: int, words_ahead: int = 4) -> tuple[int, int] | None:
    """A human health outcome starting within ``words_ahead`` words after ``text[end]``, in its sentence."""
    window = text[end : end + 80]
    stop = re.search(r"[.!?;:\n]", window)
    limit = end + (stop.start() if stop else len(window))
    for start, stop_at, _ in matcher("human_outcomes").finditer(text, end, limit):
        if len(text[end:start].split()) <= words_ahead:
            return start, stop_at
        break
    return None


# --- the rule shape ----------------------------------------------------------------------------
_REPORTABLE_BLOCKS = frozenset({"heading", "paragraph", "list_item", "blockquote", "table_cell", "caption"})
_NOT_A_CLAIM_BEFORE = frozenset({"to", "of", "for", "whether", "if", "how", "and/or"})


def stated_as_fact(text: str, start: int, phrase: str, also_not_before: frozenset[str] = frozenset()) -> bool:
    """The verb form states something ("reverses", "reversed"), rather than naming an aim ("to
    reverse", "reversing", "ways of reversing")."""
    head = phrase.split()[0].lower()
    if head.endswith("ing"):
        return False
    before = re.search(r"([\w/'’-]+)\W*$", text[max(0, start - 30) : start])
    word = before.group(1).lower() if before else ""
    return word not in _NOT_A_CLAIM_BEFORE and word not in also_not_before


# A paper's title cited in the text ("The article, 'Fasting Reduces Depression', is published in ...").
_CITED_TITLE = re.compile(
    r"\b(?:titled|entitled|is\s+published\s+in|was\s+published\s+in|appears\s+in|(?:the\s+)?(?:article|paper)\s+is)\b",
    re.IGNORECASE,
)


# Ways an article questions a claim about evidence in the sentences after it, beyond the shared refutations:
# "That is not what the study showed", "the data do not show that", "the study cannot prove it".
_QUESTIONED = re.compile(
    r"\b(?:is|was|are|were)\s*(?:not|n['’]t)\s+what\s+(?:the\s+)?(?:study|studies|research|data|evidence|trial|"
    r"results?|findings?)"
    r"|\b(?:study|studies|research|data|evidence|trial|results?|findings?)\s+(?:(?:does|did|do|can)\s*(?:not|n['’]t)|"
    r"cannot)\s+(?:show|prove|support|tell|establish)"
    r"|\b(?:overstate[sd]?|exaggerat(?:es|ed|ion)|goes\s+beyond|went\s+beyond)\b",
    re.IGNORECASE,
)


def questioned(article: Article, start: int, end: int) -> bool:
    _, hi = neighbour_span(article, start, after=2)
    return folded_search(article, _QUESTIONED, end, hi) or refuted(article, start, end)


class EvidenceRule(Rule):
    """Reports at most one finding per sentence and cancels claims the context takes back."""

    default_skip: tuple[str, ...] = ("negated", "question", "hedged")

    def skip_checks(self, ctx: RuleContext) -> list[str]:
        return [c for c in ctx.options.get("skip_when", self.default_skip) if c in CHECKS]

    @staticmethod
    def reportable(article: Article, index: int) -> bool:
        block = article.block_at(index)
        return block >= 0 and article.blocks[block].kind in _REPORTABLE_BLOCKS

    @staticmethod
    def cancelled(article: Article, start: int, end: int, checks: list[str]) -> bool:
        # A claim the article goes on to question ("That is not what the study showed.") is reported, not made.
        if skip_reason(article, start, end, checks) is not None or questioned(article, start, end):
            return True
        lo, hi = sentence_span(article, start)
        return is_quoted(article, start, end) and _CITED_TITLE.search(article.text, lo, hi) is not None
