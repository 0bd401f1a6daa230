"""READ003 undefined-acronym: an acronym used before, or without, being spelled out.

What it flags
    The first use, outside headings, of an acronym (two or more capital letters, optionally with
    digits or a plural "s": "PTSD", "SSRIs", "BRCA1") that has not been spelled out before it.
    A finding says whether the acronym is spelled out later, and where.

What counts as spelled out
    * the full term followed by the acronym in brackets: "post-traumatic stress disorder (PTSD)";
    * the acronym followed by the full term in brackets: "PTSD (post-traumatic stress disorder)";
    * "PTSD stands for ...", "PTSD, short for ...";
    * the full term anywhere earlier, headings included, whose initials spell the acronym
      (hyphenated parts and small words such as "of" and "and" are allowed):
      "N-methyl-D-aspartate" spells NMDA, "selective serotonin reuptake inhibitors" spells SSRI.

What it leaves alone
    Acronyms every reader knows (the ``allow`` list: HIV, DNA, COVID-19, US, UK, FDA...),
    ``extra_allow`` for a site's own, Roman numerals ("type II"), words written in capitals for
    emphasis ("do NOT stop") and sentences set entirely in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from operator import itemgetter

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.phrases import lowered_text
from contentlint.text.words import WORD_RE

DEFAULT_ALLOW: tuple[str, ...] = (
    "AIDS", "HIV", "DNA", "RNA", "COVID", "COVID-19", "US", "USA", "UK", "EU", "UN", "NHS", "FDA", "CDC",
    "WHO", "MRI", "CT", "ICU", "ER", "IV", "TV", "OK", "AM", "PM", "ID", "IQ", "UV", "CO2", "CEO", "FAQ",
    "FAQS", "PDF", "URL", "PHD", "MD", "RN", "DIY", "ASAP", "AD", "BC", "GP", "911", "VIP", "ATM",
    # news organisations and names readers know by their letters
    "CNN", "ABC", "CBS", "NBC", "BBC", "AP", "NPR", "PBS", "FBI", "NASA", "MIT", "UCLA", "NYU", "JAMA", "BMJ",
    "LLC", "INC", "CD", "DVD", "GPS", "PC", "XL", "NYSE", "NASDAQ",
    # credentials after a name ("Jane Doe, MD, MPH")
    "MPH", "MBA", "JD", "MSC", "DDS", "DNP", "BSN", "FRCP", "MRCP", "FACP", "PHARMD",
)
# Words written in capitals for emphasis or in banners, not abbreviations of anything.
_EMPHASIS = frozenset(
    {
        "A", "AN", "AND", "ANY", "ALL", "ALWAYS", "ARE", "AS", "AT", "BE", "BUT", "BY", "CALL", "CAN", "DO",
        "DON'T", "FOR", "FREE", "FROM", "HAS", "HAVE", "IF", "IN", "IS", "IT", "MAY", "MORE", "MOST", "MUST",
        "NEVER", "NEW", "NO", "NOT", "NOTE", "NOW", "OF", "ON", "ONLY", "OR", "OUR", "SHOULD", "SO", "STOP",
        "THE", "THIS", "TO", "TODAY", "UP", "VERY", "WE", "WILL", "WITH", "YES", "YOU", "YOUR", "WARNING",
        "CAUTION", "IMPORTANT", "DANGER", "UPDATE", "READ",
    }
)
_MAX_LETTERS = 6  # longer runs of capitals are names or shouting, not acronyms
_ROMAN = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,2})$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]$")
# Compound and product codes ("PLX4032", "VX-659", "DPP-4") are names, not abbreviations to spell out.
_CODE = re.compile(r"-\d|\d{3}")
_MINOR_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "with", "a", "an", "by", "or", "&"})
_SMALL_WORD_INITIALS = frozenset(word[0] for word in _MINOR_WORDS)
_PLAIN_INITIALS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")  # a word's first part starts with these
_WORD_PARTS = re.compile(r"[a-z0-9]+")
_WORD_JOINERS = "'’-‐"  # as in WORD_RE
_first_letter = itemgetter(0)


# Where an acronym may start: a capital followed by a capital, a digit, "&" or "-".
_CANDIDATE = re.compile(r"[A-Z](?=[A-Z0-9&-])")
_PLURAL = re.compile(r"(?:['’]s|s)$")


def could_be_acronym(token: str) -> bool:
    """A cheap first test: a capital followed by a capital, a digit, "&" or "-"."""
    return len(token) > 1 and token[0].isupper() and (token[1].isupper() or token[1].isdigit() or token[1] in "&-")


def acronym_of(token: str) -> str | None:
    """The acronym a word token is ("SSRIs" -> "SSRI", "PTSD's" -> "PTSD"), or None."""
    if not could_be_acronym(token):
        return None
    core = _PLURAL.sub("", token) if len(token) > 2 else token
    if not _ACRONYM.match(core):
        return None
    letters = [ch for ch in core if ch.isalpha()]
    if len(letters) < 2 or len(letters) > _MAX_LETTERS or _ROMAN.match(core) or core in _EMPHASIS:
        return None
    if _CODE.search(core) or _is_word_in_capitals(core):
        return None
    return core


def _is_word_in_capitals(token: str) -> bool:
    """An ordinary word or name set in capitals ("MONDAY", "LONDON", "SOURCE"), not an acronym.

    Acronyms are read letter by letter, so the pronouncing dictionary gives them about one
    syllable a letter (PTSD: 4, FDA: 3); words have far fewer syllables than letters. Acronyms
    spoken as words (NASA) are lost to this test, which keeps datelines and banners quiet.
    """
    from contentlint.text.syllables import syllable_table

    syllables = syllable_table().get(token.lower())
    return syllables is not None and syllables < len(token)


class UndefinedAcronym(Rule):
    meta = RuleMeta(
        code="READ003",
        name="undefined-acronym",
        category="readability",
        severity=Severity.WARNING,
        summary="An acronym is used before or without being spelled out.",
        description=(
            "Flags the first use of an acronym (\"PTSD\", \"SSRIs\") that the article has not spelled out "
            "before it: as \"post-traumatic stress disorder (PTSD)\", \"PTSD (post-traumatic stress "
            "disorder)\", \"PTSD stands for...\", or the full term earlier in the text. Acronyms every reader "
            "knows (HIV, DNA, COVID-19, US, UK, FDA... see the `allow` option), Roman numerals and words "
            "written in capitals for emphasis are not flagged; headings are not checked. Only the first use "
            "of each acronym is reported."
        ),
        rationale=(
            "Readers who do not know an abbreviation stop understanding the sentence, and patients are "
            "less likely than professionals to know medical ones. The Federal Plain Language Guidelines "
            "ask writers to minimise abbreviations and to define the ones they keep, and the CDC Clear "
            "Communication Index counts unexplained technical terms against a text."
        ),
        sources=(
            "Federal Plain Language Guidelines (plainlanguage.gov, 2011): minimize abbreviations",
            "CDC Clear Communication Index (2019)",
        ),
        fail_examples=examples(
            "Ketamine may help people with PTSD when other treatments have not worked.",
            "SSRIs are often tried first. Selective serotonin reuptake inhibitors (SSRIs) are antidepressants.",
        ),
        pass_examples=examples(
            "Ketamine may help people with post-traumatic stress disorder (PTSD). PTSD can follow a trauma.",
            "Ketamine may help people with PTSD (post-traumatic stress disorder).",
            "Ketamine blocks N-methyl-D-aspartate receptors. These NMDA receptors help nerve cells signal.",
            "People with HIV can live long, healthy lives. Do NOT stop your medicine on your own.",
            "# What is PTSD?\n\nPost-traumatic stress disorder (PTSD) can follow a frightening event.",
        ),
        options={
            "allow": Option(list(DEFAULT_ALLOW), "Acronyms every reader knows; these are never flagged."),
            "extra_allow": Option([], "More acronyms to allow, added to `allow` (a site's own names)."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        allowed = _allowed(ctx.options.get("allow", DEFAULT_ALLOW), ctx.options.get("extra_allow", ()))
        text = article.text
        seen: set[str] = set()
        earlier: WordParts | None = None
        lowered: str | None = None
        for match in _CANDIDATE.finditer(text):
            start = match.start()
            if not starts_word(text, start):
                continue  # inside a word ("mRNA"), not the start of one
            end = _word_end(text, start)
            acronym = acronym_of(text[start:end])
            if acronym is None or acronym in seen or acronym.upper() in allowed:
                continue
            block = article.block_at(start)
            if block < 0 or article.blocks[block].kind == "heading" or self._shouting(article, start):
                continue
            seen.add(acronym)
            if self._defined_here(text, start, end, acronym):
                continue
            if lowered is None:
                lowered = lowered_text(text)
            spelled = spelled_out_near(text, lowered, start, acronym)
            if spelled is None:
                if earlier is None:
                    earlier = WordParts(text)
                spelled = spelled_out_before(earlier, earlier.count_before(start), acronym)
            if spelled:
                continue
            later = self._defined_later(article, end, acronym)
            if later is None:
                message = f"\"{acronym}\" is not spelled out anywhere in the article."
                suggestion = (
                    f"Write the full term the first time, followed by \"({acronym})\", or use only the full "
                    "term if it appears just a few times."
                )
            else:
                message = f"\"{acronym}\" is used before it is spelled out (line {later})."
                suggestion = f"Spell out \"{acronym}\" here, at its first use, instead of on line {later}."
            ctx.report(start, end, message, suggestion)

    @staticmethod
    def _shouting(article: Article, at: int) -> bool:
        """The sentence is set in capitals (a banner or warning), so capitals say nothing."""
        number = article.sentence_at(at)
        if number < 0:
            return False
        sentence = article.sentences[number]
        words = re.findall(r"[A-Za-z]{2,}", article.text[sentence.start : sentence.end])
        return len(words) >= 3 and sum(1 for w in words if w.isupper()) * 5 >= len(words) * 3

    @staticmethod
    def _defined_here(text: str, start: int, end: int, acronym: str) -> bool:
        before = text[max(0, start - 2) : start]
        after = text[end : end + 200]
        # "full term (PTSD)": the acronym alone in brackets right after some words
        if before.endswith("(") or before == "( ":
            closing = re.match(r"\s*[),;]", after)
            if closing and re.search(r"[A-Za-z]{2,}\W*\($", text[max(0, start - 60) : start].rstrip()):
                return True
        # "PTSD (post-traumatic stress disorder)"
        if re.match(r"\s*\(\s*(?:or\s+|i\.e\.,?\s+)?[A-Za-z][\w'’-]*(?:\s+[\w'’-]+)+[^)]*\)", after):
            return True
        return bool(re.match(r"\s*,?\s*(?:which\s+)?(?:stands\s+for|is\s+short\s+for|short\s+for|means)\b", after))

    @classmethod
    def _defined_later(cls, article: Article, after: int, acronym: str) -> int | None:
        """Line of the first later place that spells the acronym out in brackets, if any."""
        text = article.text
        at = text.find(acronym, after)
        while at != -1:
            end = at + len(acronym)
            bounded = not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum())
            if bounded and cls._defined_here(text, at, end, acronym):
                return article.locate(at, end).line
            at = text.find(acronym, end)
        return None


def starts_word(text: str, at: int) -> bool:
    """Whether the letter or digit ``text[at]`` starts one of the article's words (as
    :data:`~contentlint.text.words.WORD_RE` finds them), rather than continuing one."""
    if at == 0:
        return True
    before = text[at - 1]
    if before.isalnum():
        return False
    if at < 2:
        return True
    # an apostrophe or hyphen joins two runs into one word ("CD-ROM"), a point or comma two digits ("2.5")
    if before in _WORD_JOINERS:
        return not text[at - 2].isalnum()
    return not (before in ".," and text[at - 2].isdecimal() and text[at].isdecimal())


def _word_end(text: str, start: int) -> int:
    match = WORD_RE.match(text, start)
    assert match is not None  # a letter or digit always starts a word
    return match.end()


class WordParts:
    """The article's words as their lower-case parts ("N-methyl-D-aspartate" -> n, methyl, d,
    aspartate), each worked out when first asked for: only words near a possible spelling-out are.
    (From ``start`` on, a place no word crosses, for the words of a stretch of the text.)

    Words are read from the text only as far as the latest acronym asked about."""

    def __init__(self, text: str, start: int = 0) -> None:
        self._text = text
        self._words: list[str] = []
        self._read_to = start  # the words of text[start:_read_to] are in _words; always a word start
        self._parts: dict[int, list[str]] = {}
        self._initials = ""
        self._initials_shifted = False

    def count_before(self, start: int) -> int:
        """How many words lie before ``start``, the start of a word at or after the last one asked."""
        if start > self._read_to:
            more: list[str] = WORD_RE.findall(self._text, self._read_to, start)
            self._words += more
            self._read_to = start
            initials = "".join(map(_first_letter, more)).lower()
            # a character that lower-cases to two ("İ") would shift the string: then try every word
            self._initials_shifted = self._initials_shifted or len(initials) != len(more)
            self._initials += initials
        return len(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def __getitem__(self, index: int) -> list[str]:
        parts = self._parts.get(index)
        if parts is None:
            word = self._words[index].lower()
            parts = self._parts[index] = [word] if word.isalnum() else _WORD_PARTS.findall(word)
        return parts

    def may_start_with(self, letter: str, count: int) -> list[int]:
        """Numbers under ``count`` of the words whose first part may start with ``letter`` (a-z)."""
        if self._initials_shifted:
            return list(range(count))
        # a word's first part starts with its first letter when that is a-z or 0-9; any other
        # first character (an accented letter) is checked in full
        return [m.start() for m in _initial_pattern(letter).finditer(self._initials, 0, count)]

    def is_one_part(self, index: int) -> bool:
        """Word ``index`` is surely one part: letters and digits of ASCII alone."""
        word = self._words[index]
        return word.isascii() and word.isalnum()

    def next_may_give(self, index: int, letter: str, count: int) -> bool:
        """Whether, after word ``index`` and before word ``count``, a word whose first part may
        start with ``letter`` (a-z) follows, with only words that may be small words between."""
        if self._initials_shifted:
            return True
        return _next_letter_pattern(letter).match(self._initials, index + 1, count) is not None


def _allowed(allow: Iterable[object], extra_allow: Iterable[object]) -> frozenset[str]:
    """The allowed acronyms in capitals (the same options come with every article: made once)."""
    names = (*allow, *extra_allow)
    try:
        return _capitalised(names)
    except TypeError:  # an option value that cannot be a cache key
        return frozenset(str(a).upper() for a in names)


@cache
def _capitalised(names: tuple[object, ...]) -> frozenset[str]:
    return frozenset(str(a).upper() for a in names)


@cache
def _initial_pattern(letter: str) -> re.Pattern[str]:
    return re.compile(f"[^a-z0-9]|{re.escape(letter)}")


@cache
def _next_letter_pattern(letter: str) -> re.Pattern[str]:
    """Initials of words that may be small words, then one that may start with ``letter``."""
    small = "".join(sorted(_SMALL_WORD_INITIALS & _PLAIN_INITIALS))
    return re.compile(f"(?:[^a-z0-9]|[{small}])*?(?:[^a-z0-9]|{re.escape(letter)})")


def spelled_out_near(text: str, lowered: str, start: int, acronym: str) -> bool | None:
    """Whether the words of ``text[:start]`` spell ``acronym`` (:func:`spelled_out_before`), told
    from one search of ``lowered`` (the lower-cased text) without reading all the words when it can
    be; None when it cannot (or when lower-casing changed the text's length).

    The search finds the first stretch that could spell the acronym (see :func:`_spelling_pattern`):
    none, and no words do; the words of that stretch's white-space-free pieces spell it, and so do the
    text's (they are some of them, in order); otherwise the text's words must be read."""
    letters = tuple(ch.lower() for ch in acronym if ch.isalpha())
    if not letters or len(lowered) != len(text) or not _met_before(letters):
        return None
    return spelled_out_in_first_stretch(text, lowered, start, acronym, letters)


def spelled_out_in_first_stretch(
    text: str, lowered: str, start: int, acronym: str, letters: tuple[str, ...]
) -> bool | None:
    """:func:`spelled_out_near` for an acronym of (lower-case) ``letters``, whatever its meetings."""
    match = _spelling_pattern(letters).search(lowered, 0, start)
    if match is None:
        return False
    # from the white space before the stretch to the white space (or the acronym) after it: no word
    # crosses either end
    first = max(text.rfind(space, 0, match.start()) for space in " \n\t") + 1
    last = min(_NON_SPACE.match(text, match.end()).end(), start)  # type: ignore[union-attr]  # \S* always matches
    words = WordParts(text, first)
    return True if spelled_out_before(words, words.count_before(last), acronym) else None


_NON_SPACE = re.compile(r"\S*")
# An acronym's pattern takes longer to compile (about half a millisecond) than reading an article's
# words, so it is made only for an acronym that recurs: met twice before, in this run's articles.
_meetings: dict[tuple[str, ...], int] = {}
_MEETINGS_MAX = 20_000
_MEETINGS_BEFORE_PATTERN = 2


def _met_before(letters: tuple[str, ...]) -> bool:
    met = _meetings.get(letters, 0)
    if met >= _MEETINGS_BEFORE_PATTERN:
        return True
    if len(_meetings) >= _MEETINGS_MAX:
        _meetings.clear()
    _meetings[letters] = met + 1
    return False


_SMALL_WORD = "|".join(sorted(_MINOR_WORDS - {"&"}, key=lambda word: (-len(word), word)))


@lru_cache(maxsize=2048)
def _spelling_pattern(letters: tuple[str, ...]) -> re.Pattern[str]:
    """Matches, in lower-cased text, every stretch whose words may spell ``letters`` by initials.

    Each letter must start a run of [a-z0-9] (a word's part), in order; the next letter's part is in
    the same white-space-free piece of text or, past white space, in a later piece with only pieces
    of punctuation or opening with a small word between. Words hold no white space, and a character
    outside a-z and 0-9 never lower-cases into them, so no spelling-out is missed."""
    first, *rest = letters
    # a part's initial: the letter with no letter or digit before it (tested after the letter,
    # so that the search skips straight to the letter)
    pattern = f"{first}(?<![a-z0-9]{first})"
    skipped_piece = rf"(?:[^a-z0-9\s]*(?:{_SMALL_WORD})(?![a-z0-9])\S*|[^a-z0-9\s]+)"
    for letter in rest:
        pattern += rf"\S*?(?:\s+(?:{skipped_piece}\s+)*\S*?)?{letter}(?<![a-z0-9]{letter})"
    return re.compile(pattern)


def spelled_out_before(words: WordParts, count: int, acronym: str) -> bool:
    """Whether the first ``count`` of ``words`` spell ``acronym`` by initials."""
    letters = [ch.lower() for ch in acronym if ch.isalpha()]
    if not letters:
        return True
    first = letters[0]
    count = min(count, len(words))
    # after a word of one part the next letter comes from a later word, past small words only
    second = letters[1] if len(letters) > 1 else None
    return any(
        (second is None or words.next_may_give(index, second, count) or not words.is_one_part(index))
        and _spells(letters, 0, words, index, count)
        for index in words.may_start_with(first, count)
    )


def _spells(letters: Sequence[str], at: int, words: WordParts, index: int, count: int) -> bool:
    if at == len(letters):
        return True
    if index >= count:
        return False
    parts = words[index]
    if not parts:
        return False
    # a hyphenated word may give one initial or one for each of its leading parts
    for used in range(1, len(parts) + 1):
        if at + used > len(letters) or parts[used - 1][0] != letters[at + used - 1]:
            break
        if _spells(letters, at + used, words, index + 1, count):
            return True
    return parts[0] in _MINOR_WORDS and at > 0 and _spells(letters, at, words, index + 1, count)


RULES = [UndefinedAcronym]
