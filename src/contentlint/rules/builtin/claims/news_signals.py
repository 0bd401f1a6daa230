"""What the news-review rules (CLAIM070-CLAIM079, ATTR010-ATTR019) share: their word lists in
``rules/data/news-review.yaml`` and the questions they all ask first, "does this article discuss a
treatment or test?" and "does it report a study?".

The rules mirror HealthNewsReview.org's criteria for health news (Schwitzer, PLoS Medicine 2008).
They are off by default: a careful patient page rarely prices a treatment or quotes anyone, and
that is right for it. Turn them on for news stories and press releases with
``--extend-select CLAIM07,ATTR01`` (or ``extend-select`` in the configuration).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from contentlint.document import Article
from contentlint.rules.base import Option, Rule, RuleContext
from contentlint.rules.builtin.claims import _evidence as ev
from contentlint.rules.builtin.safety.lexicon import Lexicon, as_tuple, lexicon, resolve_files

DATA = "news-review.yaml"
MIN_WORDS = 60
MIN_TREATMENT_MENTIONS = 2
MIN_STUDY_MENTIONS = 1

# A short news story used in the rules' examples: it reports a study of a treatment and leaves out
# what each rule looks for; each rule's examples add the sentence that fails or passes it.
EXAMPLE_STORY = (
    "A new pill for migraine helped people have fewer headaches, according to a study published on Monday. "
    "The researchers gave the drug to adults who had frequent attacks and tracked how often their headaches "
    "came back over the following months. People who took the medication reported fewer bad days and said "
    "they could work and sleep better. The study's lead author, Dr. Ken Ito, said the treatment works by "
    "blocking a protein involved in migraine pain. "
)

NEWS_REVIEW_SOURCES = (
    "HealthNewsReview.org review criteria (2006-2018), the ten questions its reviewers asked of every story",
    "Schwitzer G. How do US journalists cover treatments, tests, products, and procedures? An evaluation of "
    "500 stories. PLoS Medicine 2008;5(5):e95",
)
NEWS_REVIEW_NOTE = (
    " Off by default (part of the news-review set, for news stories and press releases): enable it with "
    "`--extend-select CLAIM07,ATTR01`."
)


def data_files_option() -> Option:
    return Option([], "YAML files shaped like rules/data/news-review.yaml whose lists are added to the built-in ones.")


def words_option() -> Option:
    return Option(MIN_WORDS, "Articles shorter than this many words are not checked (briefs, captions).")


def news_lexicon(options: dict[str, object], *keys: str) -> Lexicon:
    return lexicon(DATA, tuple(keys), resolve_files(as_tuple(options.get("data_files", []))))


def long_enough(article: Article, options: dict[str, object]) -> bool:
    return len(article.word_spans) >= int(str(options.get("min_words", MIN_WORDS)))


def first_match(matches: Iterable[tuple[int, int, str]]) -> tuple[int, int] | None:
    for start, end, _ in matches:
        return start, end
    return None


def treatment_mentions(article: Article, options: dict[str, object], limit: int) -> list[tuple[int, int]]:
    """Up to ``limit`` mentions of a treatment, test or procedure (treatments.yaml plus interventions)."""
    found: list[tuple[int, int]] = []
    files = resolve_files(as_tuple(options.get("data_files", [])))
    for source in (lexicon("treatments.yaml", ("treatments",)), lexicon(DATA, ("interventions",), files)):
        for start, end, _ in source.finditer(article.text):
            found.append((start, end))
    found.sort()
    return found[:limit] if len(found) >= limit else []


def study_mention(article: Article) -> tuple[int, int] | None:
    """The first sign that the article reports a study ("the study", "researchers found"...)."""
    return first_match(ev.matcher("study_report_markers").finditer(article.text))


# "Smith said", "said Dr. Jane Smith", "according to Smith", "Smith, a professor at X, said":
# each distinct name is one source. Pronouns and sentence openers are not names.
_SPEECH = r"(?:said|says|told|explained|added|noted|warned|cautioned|wrote|commented|agreed|stressed|argued|remarked)"
_NAME = r"(?:Dr\.?\s+|Prof\.?\s+|Professor\s+)?((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+)"
# Each opens with a lookahead for the letters its matches start with (a capital; the first letters of
# the verbs), so most positions are rejected by one test.
_SPEAKER_PATTERNS = (
    re.compile(r"(?=[A-Z])" + _NAME + r"(?:,[^,.!?\"“”]{3,120})?,?\s+" + _SPEECH + r"\b"),
    re.compile(r"(?=(?i:[aenst]))\b(?i:said|says|told|explained|added|noted|according\s+to)\s+(?:the\s+)?" + _NAME),
)
_NOT_NAMES = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "this", "that", "these", "those", "the", "a", "an", "one",
     "who", "there", "study", "researchers", "research", "report", "authors", "team", "officials", "experts",
     "doctors", "scientists", "statement", "release", "spokesperson", "spokesman", "spokeswoman", "but", "and",
     "so", "also", "however", "still", "yet"}
)


def speakers(article: Article) -> set[str]:
    """The distinct people or bodies the article quotes or paraphrases, by the last word of their name."""
    names: set[str] = set()
    text = article.text
    for pattern in _SPEAKER_PATTERNS:
        for match in pattern.finditer(text):
            words = match.group(1).replace(".", " ").split()
            words = [w for w in words if w.lower() not in _NOT_NAMES]
            if words:
                names.add(words[-1].strip("'’").lower())
    return names


class MissingCriterionRule(Rule):
    """A news-review rule of one shape: the article discusses a treatment (``trigger = "treatment"``)
    or reports a study (``"study"``), is long enough to be a story, and nothing in it matches the
    lists ``satisfied_by``. One finding for the article, at the first mention of the trigger."""

    trigger = "treatment"
    satisfied_by: tuple[str, ...] = ()
    message = ""
    suggestion = ""

    def anchor(self, article: Article, options: dict[str, object]) -> tuple[int, int] | None:
        if self.trigger == "study":
            return study_mention(article)
        mentions = treatment_mentions(article, options, int(str(options.get("min_treatment_mentions",
                                                                                MIN_TREATMENT_MENTIONS))))
        return mentions[0] if mentions else None

    def satisfied(self, article: Article, options: dict[str, object]) -> bool:
        return news_lexicon(options, *self.satisfied_by).search(article.text) is not None

    def check(self, article: Article, ctx: RuleContext) -> None:
        options = dict(ctx.options)
        if not long_enough(article, options):
            return
        anchor = self.anchor(article, options)
        if anchor is None or self.satisfied(article, options):
            return
        ctx.report_article(self.message, self.suggestion, anchor=anchor)


def treatment_options() -> dict[str, Option]:
    return {
        "min_treatment_mentions": Option(MIN_TREATMENT_MENTIONS, "How many treatment, test or procedure words make "
                                         "an article about one."),
        "min_words": words_option(),
        "data_files": data_files_option(),
    }


def study_options() -> dict[str, Option]:
    return {"min_words": words_option(), "data_files": data_files_option()}
