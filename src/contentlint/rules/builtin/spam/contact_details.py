"""SPAM003 contact-details: phone numbers and web addresses of a business in the article's prose.

What it flags
    A phone number (US, toll-free or international, found with libphonenumber) offered so readers
    call a business ("Call (555) 201-3344 today to book"), and a bare web address that the text
    sends readers to ("For more information, visit ketaminecare.com").

What it leaves alone
    Crisis and poison lines (988, 911, 999, 112, 111, 116 123, 1-800-273-8255, 741741,
    1-800-222-1222...), numbers of public services (a county hotline, a health department), a
    reporter's contact line, addresses of public bodies, universities, charities, journals and
    social media, and everything in a Sources or References section. Lists and context words are
    in ``rules/data/spam-contact.yml``.
"""

from __future__ import annotations

import re
from functools import cache, cached_property
from typing import Any

from contentlint.document import Article, Block
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.spam._shared import (
    ascii_words,
    folded_text,
    load_data,
    reference_blocks,
    units_touched,
)

_TOP_DOMAINS = r"com|net|biz|info|co|io|us|clinic|health|care|shop|store|online|site|xyz"
_ADDRESS = re.compile(
    r"(?<![@\w.-])(?:https?://[^\s<>()\"']+|www\.[^\s<>()\"']+\.[a-z]{2,}[^\s<>()\"']*|"
    rf"[a-z0-9][a-z0-9-]{{1,62}}(?:\.[a-z0-9-]{{1,62}})*\.(?:{_TOP_DOMAINS})"
    r"(?:/[^\s<>()\"']*)?)(?![\w@-])",
    re.IGNORECASE,
)
# What every address holds, found in the folded text: "://", "www." or a dot and a listed domain.
_ADDRESS_HINT = re.compile(rf"://|www\.|\.(?:{_TOP_DOMAINS})")
# libphonenumber's candidates are runs of digits, its punctuation (white space, dashes, dots,
# slashes, brackets, "x") and leading brackets or plus signs. A block without a run of as many
# digits as the shortest valid number holds no number the matcher would find: most blocks with
# digits hold only years, doses or counts. The letter "x" counts as a digit (letters of a vanity
# number become digits).
_PHONE_PUNCTUATION = (
    "-x\u2010-\u2015\u2212\u30FC\uFF0D-\uFF0F \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D."
    "\\[\\]/~\u2053\u223C\uFF5E"
)
_PHONE_LEADS = "(\\[\uFF08\uFF3B+\uFF0B"
# The fewest digits of a valid national number in any region or non-geographic code.
_SHORTEST_NATIONAL_NUMBER = 4


@cache
def _phone_run(region: str) -> re.Pattern[str]:
    """A run of candidate characters holding at least as many digits as a valid number written
    for ``region``: a country code and the shortest national number of any region, or without
    one, the shortest number of the regions that share ``region``'s country code."""
    import phonenumbers
    from phonenumbers import PhoneMetadata

    code = phonenumbers.country_code_for_region(region.upper())
    fewest = [_SHORTEST_NATIONAL_NUMBER + 1]
    for name in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(code, ()):
        metadata = PhoneMetadata.metadata_for_region(name)
        lengths = metadata.general_desc.possible_length if metadata and metadata.general_desc else None
        fewest.extend([n for n in lengths or () if n > 0] or [_SHORTEST_NATIONAL_NUMBER])
    digit = r"[\dx]"
    between = f"[{_PHONE_PUNCTUATION.replace('x', '')}{_PHONE_LEADS}]*"
    return re.compile(rf"{digit}(?:{between}{digit}){{{min(fewest) - 1}}}", re.IGNORECASE)


@cache
def _folded_phone_run(region: str, ascii_digits: bool) -> re.Pattern[str]:
    """:func:`_phone_run` for the folded text (same offsets): its only cased character is "x",
    which folding makes lower case, so case-sensitive matching there finds the same runs, and
    the engine can then skip to a first character without folding each one (about twice as fast).
    In a text whose digits are all ASCII, a digit is looked for as one of ten characters rather
    than in the Unicode category (quicker again)."""
    source = _phone_run(region).pattern
    return re.compile(source.replace(r"[\dx]", "[0-9x]") if ascii_digits else source)


_DIGIT = re.compile(r"\d")


def _has_digit(article: Article) -> bool:
    """Whether the text holds a decimal digit; where every word character is ASCII, only an ASCII
    one can be, and ten look-ups of a character are quicker than a search for the category."""
    text = article.text
    if ascii_words(article):
        return any(digit in text for digit in "0123456789")
    return _DIGIT.search(text) is not None


_STANDALONE_WORDS = 3
_PUBLIC_SITE = re.compile(r"\.(?:org|gov|edu|int|nhs\.uk)\b", re.IGNORECASE)


class _Lists:
    """The lists and context words of ``spam-contact.yml``, each compiled on first use (most
    articles hold no phone number or address to judge)."""

    @cached_property
    def _raw(self) -> dict[str, Any]:
        return load_data("spam-contact")

    @cached_property
    def helplines(self) -> frozenset[str]:
        return frozenset(str(n) for n in self._raw["helplines"])

    @cached_property
    def public(self) -> re.Pattern[str]:
        return re.compile(self._raw["public_context"], re.IGNORECASE)

    @cached_property
    def commercial(self) -> re.Pattern[str]:
        return re.compile(self._raw["commercial_context"], re.IGNORECASE)

    @cached_property
    def steer(self) -> re.Pattern[str]:
        return re.compile(self._raw["steer_to_site"] + r"\s*(?:us\s+)?(?:at|on)?\s*$", re.IGNORECASE)

    @cached_property
    def safe(self) -> re.Pattern[str]:
        return re.compile(self._raw["safe_domains"], re.IGNORECASE)


_LISTS = _Lists()


class ContactDetails(Rule):
    meta = RuleMeta(
        code="SPAM003",
        name="contact-details",
        category="spam",
        severity=Severity.ERROR,
        summary="A business phone number or web address is written into the article's prose.",
        description=(
            "Flags phone numbers (US, toll-free and international formats, found with libphonenumber) given "
            "so readers call a business, and bare web addresses the text sends readers to (\"visit "
            "ketaminecare.com\"). Crisis and poison lines (988, 911, 999, 112, 111, 116 123, "
            "1-800-273-8255, 741741, 1-800-222-1222 and others), public-service numbers, a reporter's "
            "contact line, addresses of public bodies, universities, charities, journals and social media, "
            "and anything in a Sources or References section are not flagged. "
            "Measured: recall 1.00 (8/8 planted) and precision 1.00 on the labelled test corpus; "
            "errors on 8"
            " of 1,600 reputable-newsroom articles (HealthStory and ReCOVery reliable"
            " sources) (0.5%): web addresses a story sends readers to "
            "(\"For more information, visit <product>.com\") and lists of business phone numbers. "
            "A web address alone on its line (often the page's own link left by a scraper) is a warning."
        ),
        rationale=(
            "A business's phone number or address inside health information turns the article into an "
            "advertisement and is the payload of most inserted spam. The FTC requires advertising to be "
            "identifiable as advertising, and HONcode principle 8 asks health sites to separate "
            "advertising from editorial content; crisis lines are the opposite case and must stay."
        ),
        sources=(
            "FTC Enforcement Policy Statement on Deceptively Formatted Advertisements (2015)",
            "HONcode principle 8: honesty in advertising and editorial policy",
        ),
        fail_examples=examples(
            "Call (312) 555-0147 today to book your first infusion.",
            "For more information about laser hair removal, visit smoothskinstudio.com.",
            "Our specialists are available on +44 20 7946 0321 for a consultation.",
        ),
        pass_examples=examples(
            "If you are thinking about suicide, call or text 988, or call 1-800-273-8255.",
            "If someone swallowed something poisonous, call Poison Control at 1-800-222-1222.",
            "For more information, visit www.cdc.gov/flu.",
            "Write to the reporter at jane.doe@example.com.",
            "## Sources\n\n- Mayo Clinic. Migraine. https://www.mayoclinic.org/diseases-conditions/migraine\n",
        ),
        options={"region": Option("US", "Region assumed for phone numbers written without a country code.")},
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        blocks = article.blocks
        region = str(ctx.options.get("region", "US"))
        with_digits = set()
        folded = folded_text(article)
        if _has_digit(article):
            phone_run = _folded_phone_run(region, ascii_words(article))
            with_digits = {n for n, b in enumerate(blocks) if phone_run.search(folded, b.start, b.end)}
        starts = [b.start for b in blocks]
        with_address = units_touched(starts, _ADDRESS_HINT.finditer(folded))
        if not with_digits and not with_address:
            return
        references = reference_blocks(article)
        for number in sorted(with_address.union(with_digits)):
            if number in references:
                continue
            block = blocks[number]
            if number in with_digits:
                self._phones(ctx, article, block, region)
            if number in with_address:
                self._addresses(ctx, article, block)

    def _phones(self, ctx: RuleContext, article: Article, block: Block, region: str) -> None:
        import phonenumbers

        data = _LISTS
        text = article.text
        chunk = text[block.start : block.end]
        for match in phonenumbers.PhoneNumberMatcher(chunk, region):
            start, end = block.start + match.start, block.start + match.end
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            digits = re.sub(r"\D", "", match.raw_string)
            if e164 in data.helplines or digits in data.helplines:
                continue
            if start > 0 and not (text[start - 1].isspace() or text[start - 1] in "(:"):
                continue  # digits inside a web address or an identifier
            if self._business_context(article, start, end, data):
                ctx.report(
                    start,
                    end,
                    f"The phone number \"{match.raw_string}\" invites readers to call a business.",
                    "Delete it. If readers need help, name the kind of service and, for emergencies, "
                    "give the official crisis or emergency number.",
                )

    def _addresses(self, ctx: RuleContext, article: Article, block: Block) -> None:
        data = _LISTS
        text = article.text
        for found in _ADDRESS.finditer(text, block.start, block.end):
            address = found.group(0).rstrip(".,;:!?")
            end = found.start() + len(address)
            if data.safe.search(re.sub(r"^https?://", "", address).split("?")[0] + "/"):
                continue
            if self._steered(article, found.start(), end, data):
                # An address alone on its line is usually the page's own link left by a scraper.
                alone = text[block.start : block.end].strip().rstrip(".") == address
                ctx.report(
                    found.start(),
                    end,
                    f"The web address \"{address}\" sends readers to a business from the article's prose.",
                    "Delete it, or cite a public source (a health service, a journal) in a Sources "
                    "section instead.",
                    severity=Severity.WARNING if alone else None,
                )

    @staticmethod
    def _sentence(article: Article, start: int) -> tuple[int, int]:
        number = article.sentence_at(start)
        if number < 0:
            return start, start
        sentence = article.sentences[number]
        return sentence.start, sentence.end

    def _business_context(self, article: Article, start: int, end: int, data: _Lists) -> bool:
        s_start, s_end = self._sentence(article, start)
        sentence = article.text[s_start:s_end]
        if "@" in sentence or data.public.search(sentence) or _PUBLIC_SITE.search(sentence):
            return False
        if len(sentence.split()) <= _STANDALONE_WORDS:
            return not self._signature_nearby(article, start)
        return bool(data.commercial.search(sentence))

    def _steered(self, article: Article, start: int, end: int, data: _Lists) -> bool:
        s_start, s_end = self._sentence(article, start)
        sentence = article.text[s_start:s_end]
        if data.public.search(sentence):
            return False
        before = article.text[max(s_start, start - 60) : start]
        bare = sentence.strip(" .") == article.text[start:end]
        return bool(data.steer.search(before)) or (bare and not self._signature_nearby(article, start))

    @staticmethod
    def _signature_nearby(article: Article, start: int) -> bool:
        """A reporter's sign-off (an e-mail address or a handle) in this or a neighbouring block."""
        number = article.block_at(start)
        blocks = article.blocks[max(0, number - 1) : number + 2]
        return any("@" in article.block_text(b) for b in blocks)


RULES = [ContactDetails]
