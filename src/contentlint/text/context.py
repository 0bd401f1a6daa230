"""Context around a match that changes its meaning: negation, quotation, reported speech, hedging,
citation, questions and headings.

Each check answers one question about ``article.text[start:end]`` and any rule can ask it (Python
rules directly, YAML rules through ``skip_when``). The approach follows NegEx and ConText, the
clinical-NLP algorithms for negation and context: a *trigger* phrase opens a scope that runs forward
(pre-triggers such as "does not", "no") or backward (post-triggers such as "is a myth") for a few
words, and a *terminator* ("but", "however", "although", ";") closes it. So in "There is no cure
for depression, but treatment can help" the "no" covers "cure" and stops at "but".

``reported`` covers claims the article reports rather than makes: a distancing frame ("so-called",
"some websites claim", "be wary of products that"), a claim followed by a refutation in the next
sentences ("This is not true."), or speech attributed to someone ("..., Dr Lee said").
``cited`` looks for a citation near the match: a link, a footnote marker, "(Author, Year)",
"according to <Organisation>", a named journal or study, "a 2022 review found".
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Iterable, Sequence

from contentlint.document import Article
from contentlint.rules.prefilter import candidate_blocks, compile_pattern, folded_search, searched_text

# --- trigger lists ------------------------------------------------------------------------------
# Words a negation scope reaches over; beyond it a trigger no longer applies.
NEGATION_WINDOW_WORDS = 8
HEDGE_WINDOW_WORDS = 8

_NEG = r"(?:n['’]t|\s+not)"
PRE_NEGATION = (
    r"no", r"not", r"never", r"nor", r"neither", r"none", r"nothing", r"nobody", r"without",
    r"cannot", r"unable\s+to", r"not\s+able\s+to",
    rf"(?:can|could|do|does|did|is|are|was|were|has|have|had|will|wo|would|should|must|may|might){_NEG}",
    r"ca\s*n['’]t", r"unlikely\s+to", r"fails?\s+to", r"failed\s+to", r"lack\s+of", r"lacks", r"absence\s+of",
    r"free\s+of\s+any\s+evidence", r"rather\s+than", r"instead\s+of", r"far\s+from",
    r"(?:a|the)\s+myth\s+that", r"myths?\s+(?:about|that)", r"(?:false|untrue|wrong)\s+that",
    r"no\s+(?:good|solid|reliable|scientific|strong|real)?\s*(?:evidence|proof|data|research)",
    r"there\s+is\s+no", r"there\s+are\s+no", r"there['’]s\s+no",
)
# Look like negation but do not negate what follows.
PSEUDO_NEGATION = (
    r"not\s+only", r"not\s+just", r"not\s+merely", r"no\s+doubt", r"without\s+(?:a\s+)?doubt",
    r"no\s+wonder", r"nothing\s+but", r"never\s+before", r"not\s+to\s+mention", r"no\s+longer\s+need",
    r"not\s+surprisingly", r"if\s+not", r"whether\s+or\s+not", r"no\s+matter", r"no\s+more\s+than",
    r"not\s+until", r"without\s+(?:any\s+)?(?:diet|dieting|exercise|exercising|effort)",
)
POST_NEGATION = (
    r"(?:is|are|was|were)\s+(?:simply\s+|just\s+)?(?:a\s+)?(?:myths?|false|untrue|unproven|misleading|"
    r"nonsense|wrong|baseless|unfounded|exaggerated|overstated|a\s+misconception|not\s+true|not\s+the\s+case)",
    r"(?:is|are|was|were)n['’]t\s+(?:true|the\s+case|supported|proven)",
    r"(?:has|have)\s+(?:not|never)\s+been\s+(?:shown|proven|proved|demonstrated|established|confirmed)",
    r"(?:has|have)n['’]t\s+been\s+(?:shown|proven|proved|demonstrated|established|confirmed)",
    r"(?:is|are)\s+not\s+(?:supported|backed|proven)", r"lacks?\s+(?:evidence|proof|support)",
    r"(?:remains?|is|are)\s+unproven", r"(?:does|do)\s+not\s+hold\s+up", r"is\s+a\s+myth",
    r"(?:is|are|remains?)\s+(?:still\s+)?(?:(?:just|only|merely)\s+)?(?:a\s+)?(?:dream|fantasy|pipe\s+dream|goal|aspiration|hope)",
)
# Close a trigger's scope: a new clause whose polarity is its own.
TERMINATOR_WORDS = (
    r"but", r"however", r"although", r"though", r"yet", r"except", r"whereas", r"while", r"instead",
    r"nevertheless", r"nonetheless", r"because", r"so", r"unlike",
)
TERMINATOR_MARKS = (r",\s*and\b", r",\s*or\b", r",\s*so\b", r";", r":", r"\(", r"\)")
HEDGES = (
    r"may", r"might", r"could", r"possibly", r"potentially", r"perhaps", r"probably", r"likely",
    r"appears?\s+to", r"seems?\s+to", r"tends?\s+to", r"some", r"many", r"most", r"several", r"few",
    r"often", r"usually", r"generally", r"typically", r"sometimes", r"rarely", r"mostly", r"mainly",
    r"in\s+(?:some|many|most)\s+(?:people|patients|cases|adults|children|users)",
    r"(?:is|are)\s+(?:thought|believed|expected)\s+to", r"(?:hope|hopes|hoped|aim|aims)\s+to",
    r"early", r"preliminary", r"in\s+theory", r"(?:so|thus)\s+far", r"to\s+date", r"potential(?:ly)?",
    r"whether", r"if", r"help(?:s|ed|ing)?(?:\s+to)?",
    r"ideal(?:ly)?", r"would", r"must", r"needs?\s+to",
    r"(?:try|tries|trying|tried|attempts?|attempting|aim(?:s|ed|ing)?|wants?|wanted|"
    r"seek(?:s|ing)?|sought|striv(?:e|es|ing)|quest|goal|efforts?|race|racing|hopes?|hoped|hoping|dream|"
    r"search(?:ing)?\s+for|working\s+(?:on|toward|towards))",
)
_WHO = r"(?:people|patients|cases|adults|children|kids|users|women|men|individuals|participants|teens|babies)"
POST_HEDGES = (
    rf"(?:in|for)\s+(?:some|many|most|certain|a\s+few|a\s+minority\s+of|about\s+half\s+of)\s+(?:\w+\s+)?{_WHO}",
    r"in\s+(?:some|a\s+few|many|rare)\s+cases",
    r"in\s+(?:small|early|animal|lab|laboratory|mouse|rat)\s+\w*\s*(?:studies|trials|tests)",
    r"in\s+(?:[\w'’-]+\s+){0,5}?(?:mice|rats|animals|monkeys|dogs|pigs|zebrafish|cells|test\s+tubes|petri\s+dishes|the\s+lab)",
    r"so\s+far", r"to\s+date", r"in\s+(?:the|this|that|a|one)\s+(?:trial|study)",
    rf"in\s+(?:[\w'’-]+\s+){{0,2}}?(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+handful\s+of|several)\s+"
    rf"(?:[\w'’-]+\s+)?{_WHO}",
)
# Frames that distance the writer from what follows in the sentence.
DISTANCING = (
    r"so[- ]called", r"supposed(?:ly)?", r"alleged(?:ly)?", r"purported(?:ly)?", r"falsely", r"wrongly",
    r"(?:it\s+is|it['’]s|is|are|was|were|often|commonly|widely)\s+(?:often\s+|commonly\s+|widely\s+)?claimed",
    r"(?:marketed|advertised|sold|touted|billed|promoted|hyped|pitched)\s+as",
    r"(?:be\s+)?(?:wary|skeptical|sceptical|suspicious|careful)\s+(?:of|about)", r"beware\s+of",
    r"watch\s+out\s+for", r"steer\s+clear\s+of", r"avoid\s+(?:any\s+)?(?:products?|supplements?|sites?|ads?|claims?)",
    r"don['’]t\s+(?:believe|trust|fall\s+for)", r"do\s+not\s+(?:believe|trust|fall\s+for)",
    r"(?:red\s+flags?|warning\s+signs?|tip-offs?|scams?|hoax|rumou?rs?|misinformation|myths?)",
    r"(?:claims?|promises?|ads?|advertisements?|labels?|marketing)\s+(?:that|like|such\s+as|of)",
    r"claims?\s*:", r"(?:claim|claims|claimed|claiming|promise|promises|promised|purport|purports)\s+to",
    r"(?:websites?|sites?|sellers?|vendors?|companies|manufacturers|marketers|promoters|advertisers|"
    r"influencers|proponents|advocates|ads|advertisements|posts|blogs|videos|labels|brands|products|"
    r"supplement\s+makers|some\s+people|people\s+online|social\s+media)\s+(?:\w+\s+)?"
    r"(?:claim|claims|claimed|promise|promises|promised|boast|boasts|tout|touts|touted|insist|insists|"
    r"allege|alleges|advertise|advertises|say|says|said|suggest|suggests|state|states)",
)
# Signs that the article goes on to reject what it just reported.
REFUTATIONS = (
    r"(?:this|that|it|these|those|such)\s+(?:claims?\s+|ideas?\s+|statements?\s+)?(?:is|are|was|were)\s+"
    r"(?:simply\s+|just\s+)?(?:not\s+true|untrue|false|a\s+myth|wrong|misleading|unproven|unfounded|"
    r"not\s+supported|not\s+backed|nonsense|not\s+the\s+case|incorrect|baseless)",
    r"(?:is|are|was|were)n['’]t\s+(?:true|the\s+case|supported)",
    r"there\s+(?:is|['’]s)\s+no\s+(?:good\s+|solid\s+|reliable\s+|scientific\s+|strong\s+|real\s+)?"
    r"(?:evidence|proof|data|research)",
    r"no\s+(?:study|studies|trial|trials|research)\s+(?:has|have)\s+(?:ever\s+)?(?:shown|found|proven|proved)",
    r"not\s+supported\s+by", r"(?:has|have)\s+not\s+been\s+(?:shown|proven|proved)", r"\bdebunked\b",
    r"the\s+evidence\s+(?:does\s+not|doesn['’]t)", r"(?:is|are)\s+a\s+myth",
    r"don['’]t\s+(?:believe|buy)\s+(?:it|them|this)",
)
SPEECH_VERBS = (
    r"said", r"says", r"say", r"told", r"explained", r"explains", r"added", r"adds", r"noted", r"notes",
    r"wrote", r"writes", r"argued", r"argues", r"cautioned", r"cautions", r"warned", r"warns",
    r"stated", r"states", r"remarked", r"recalled", r"recalls", r"believes", r"believed", r"thinks",
    r"[Aa]ccording\s+to", r"tells", r"insisted", r"insists", r"claimed", r"claims", r"predicted", r"predicts",
)
JOURNALS = (
    r"JAMA(?:\s+[A-Z]\w+)*", r"NEJM", r"New\s+England\s+Journal\s+of\s+Medicine", r"(?:The\s+)?Lancet(?:\s+\w+)?",
    r"BMJ(?:\s+Open)?", r"British\s+Medical\s+Journal", r"Nature\s+(?:Medicine|Communications|Neuroscience)",
    r"Science\s+(?:Translational|Advances)", r"PLO[Ss](?:\s+(?:ONE|One|Medicine|Biology))?", r"Cochrane(?:\s+\w+)?",
    r"Diabetes\s+Care", r"MMWR", r"Morbidity\s+and\s+Mortality\s+Weekly\s+Report", r"eLife", r"PNAS",
    r"(?:American|British|European|International|Canadian|Australian)\s+Journal\s+of\s+[A-Z]\w+",
    r"Journal\s+of\s+(?:the\s+)?[A-Z]\w+", r"Annals\s+of\s+[A-Z]\w+", r"Archives\s+of\s+[A-Z]\w+",
    r"Proceedings\s+of\s+the\s+[A-Z]\w+",
    # one-word titles that are also ordinary words count only after "in"
    r"(?<=in\s)(?:the\s+journal\s+)?(?:Nature|Science|Cell|Pediatrics|Circulation|Neurology|Gut|Thorax|Brain|"
    r"Sleep|Obesity|Cancer|Diabetologia|Radiology|Addiction|Hypertension|Stroke)",
)
_STUDY_NOUN = (
    r"(?:study|studies|review|reviews|trial|trials|meta-analysis|meta-analyses|analysis|report|survey|"
    r"paper|audit|cohort|experiment|systematic\s+review|Cochrane\s+review)"
)
ORGANISATION_WORDS = (
    r"University", r"Institute", r"Institutes", r"Clinic", r"Hospital", r"Society", r"Association", r"College",
    r"Academy", r"Foundation", r"Organi[sz]ation", r"Agency", r"Centers?", r"Centres?", r"Department",
    r"Council", r"Administration", r"Service", r"Commission", r"Board", r"Ministry", r"Office", r"School",
)

# --- compiled patterns -------------------------------------------------------------------------


def _alternation(parts: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in parts)


def _words(parts: Sequence[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    # (with a lookahead for the letters a match starts with, when that is a short list)
    return compile_pattern(rf"(?<![\w'’-])(?:{_alternation(parts)})(?![\w'’])", flags)


_PRE_NEGATION = _words(PRE_NEGATION)
_PSEUDO_NEGATION = _words(PSEUDO_NEGATION)
_POST_NEGATION = _words(POST_NEGATION)
_TERMINATOR = re.compile(
    rf"(?<![\w'’-])(?:{_alternation(TERMINATOR_WORDS)})(?![\w'’-])|{_alternation(TERMINATOR_MARKS)}", re.IGNORECASE
)
_HEDGE = _words(HEDGES)
_POST_HEDGE = _words(POST_HEDGES)
_DISTANCING = _words(DISTANCING)
# (compiled with a lookahead for the letters a refutation starts with: it is searched over
# several sentences after every claim that may be reported)
_REFUTATION = compile_pattern(_alternation(REFUTATIONS), re.IGNORECASE)
_SPEECH = _words(SPEECH_VERBS, flags=0)
_SPEAKER = re.compile(
    r"(?:\b(?:he|she|they|we|I)\b|(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+[A-Z]|\b[A-Z][a-z]+(?:\s+[A-Z][\w'’-]+)+|"
    r"\b[A-Z]{2,}\b|\b(?:the\s+)?(?:researchers?|scientists?|authors?|doctors?|experts?|officials?|"
    r"spokesperson|spokesman|spokeswoman|investigators?|team|agency|company)\b)",
)

_YEAR = r"(?:19|20)\d\d[a-z]?"
# A lookahead for the first letters, "(?=(?i:[pra]))", lets the engine reject most positions with
# one character-set test instead of trying every word (same matches; test_context checks the sets).
# The engine passes over an alternative that opens with a character or a set at one test, so a
# word boundary before a capital or a word is written as a lookbehind after it ("\bthe" as
# "the(?<!\wthe)"), and words sharing a first letter share it ("r(?:eview|eport)").
_CITATION_PATTERNS = (
    # footnote markers: [1], [2, 3], [4-6], superscripts, ^1
    r"\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]", r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+", r"\^\d{1,3}",
    # (Author, 2020), (Author et al., 2020, Journal), (NIMH, 2023), (Smith and Lee 2019; Jones 2020)
    rf"\(\s*[A-Z][\w'’.&-]*(?:\s+[A-Z&][\w'’.-]*)*(?:\s+et\s+al\.?|\s+(?:and|&)\s+[A-Z][\w'’-]+)?,?\s+{_YEAR}[^)]*\)",
    # Author et al. (2020); Smith and colleagues (2021)
    r"et(?<!\wet)\s+al\.?", rf"[A-Z](?<!\w[A-Z])[\w'’-]+\s+(?:and\s+colleagues|and\s+co-?workers)\s*\(\s*{_YEAR}\s*\)",
    # according to the NIMH / the World Health Organization / a 2022 Cochrane review / Dr Lee
    rf"(?i:according\s+to)\s+(?:the\s+|a\s+|an\s+|new\s+)?"
    rf"(?:{_YEAR}\b|[A-Z][\w.&'’-]*(?:\s+(?:of\s+|for\s+|and\s+|on\s+)?[A-Z][\w.&'’-]*){{0,6}})",
    r"(?i:according\s+to)\s+(?:(?:new|recent|the\s+latest)\s+)?(?:data|figures|estimates|statistics)"
    r"\s+(?:from|by)\s+(?:the\s+)?[A-Z]",
    # published in the journal X / in JAMA / appeared in The Lancet
    r"(?=(?i:[pra]))(?i:p(?:ublished|rinted|resented)|reported|appear(?:ed|ing))\s+(?i:online\s+)?(?:\w+\s+){0,2}"
    r"(?i:in|at)\s+(?:the\s+)?(?:journal\s+)?[A-Z]",
    rf"(?=[A-Zet])\b(?:{_alternation(JOURNALS)})\b",
    # a 2022 review found; a 2019 study of 500 adults; in a 2021 trial
    rf"(?=(?i:[aoti]))(?i:\b(?:a|an|the|one|this|in\s+a)\s+(?:{_YEAR})\s+(?:\w+\s+){{0,2}}{_STUDY_NOUN})",
    rf"(?i:\b(?:19|20)\d\d\s+{_STUDY_NOUN}\b)",
    # named studies and trials: the Nurses' Health Study, the SPRINT trial
    r"[A-Z](?<!\w[A-Z])[\w'’*-]+\s+(?:[A-Z][\w'’*-]+\s+){0,3}"
    r"(?:Study|Trial|Survey|Cohort|Project|Report|Review|Initiative|Program)\b",
    r"the(?<!\wthe)\s+(?:[A-Z][\w'’*-]+\s+){1,3}(?i:study|trial|survey|cohort|review|report|initiative)\b",
    r"[A-Z](?<!\w[A-Z])[A-Z0-9*-]{2,}\s+(?i:trial|study)\b",
    # researchers at Stanford University / a team from the Mayo Clinic / a study by the CDC
    r"(?=(?i:[rsaied]))(?i:r(?:esearchers|eview|eport)|s(?:cientists|tudy|urvey)|a(?:\s+team|uthors)|investigators|"
    r"experts|d(?:octors|ata))"
    rf"\s+(?i:at|from|with|by|of)\s+(?:the\s+)?(?:[A-Z][\w'’.&-]*\s+){{0,5}}"
    rf"(?:{_alternation(ORGANISATION_WORDS)}|[A-Z]{{2,}}\b)",
    r"(?=(?i:[sardt]))(?i:s(?:tudy|tudies|urvey)|analysis|r(?:eport|eview|esearch)|data|trial)"
    r"\s+(?i:by|from|funded\s+by)\s+(?:the\s+)?[A-Z][\w'’&.-]+",
    # the CDC says / NIMH estimates / the World Health Organization reports
    r"(?=[A-Zt])\b(?:the\s+)?(?:[A-Z]{2,}|(?:[A-Z][\w'’-]+\s+){1,5}(?:" + _alternation(ORGANISATION_WORDS) + r"))"
    r"\s+(?i:says|said|reports?|reported|estimates?|estimated|found|finds|recommends|advises|data|figures|guidance|guidelines|statistics)\b",
    # addresses and identifiers in the text
    r"(?=(?i:[dphw]))(?i:\bdoi:\s*10\.|\bdoi\.org/|\bPMID:?\s*\d|\bPMC\d|https?://|\bwww\.)",
    r"(?i:^|\n)\s*(?:sources?|references?|citations?)\s*:",
)
# Every citation starts with one of these characters (each alternative's first character), or at
# the start of the text: the other positions are rejected by one test before any alternative.
_CITATION_START = r"(?:^|(?=[\[¹²³⁴⁵⁶⁷⁸⁹⁰^(\n12A-Z]|(?i:[adehioprstw])))"
_CITATION = re.compile(_CITATION_START + "(?:" + _alternation(_CITATION_PATTERNS) + ")")
# "the CDC", "NIMH": an acronym that names a source when it is not shouting or a condition name.
_NOT_SOURCES = frozenset({"ADHD", "PTSD", "OCD", "COVID", "HIV", "AIDS", "IBS", "GERD", "IV", "CBD", "THC", "MS",
                          "UTI", "BMI", "DNA", "RNA", "NMDA", "ALS", "COPD", "CBT", "DBT", "EMDR", "TMS", "ECT",
                          "US", "UK", "USA", "EU", "TV", "OK", "CEO", "FAQ", "SSRI", "SSRIS", "SSRIs", "MDMA"})

_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "»": "«", "「": "」"}
_OPENING_MARK = re.compile("[" + re.escape("".join(_QUOTE_PAIRS)) + "]")


# --- per-article facts, computed once ------------------------------------------------------------
class _Facts:
    __slots__ = ("citations", "quoted")

    def __init__(self) -> None:
        self.quoted: list[tuple[int, int]] | None = None  # made when a check first asks
        # citation_in answers by span: several claims in one sentence, or the whole article, ask again
        self.citations: dict[tuple[int, int], bool] = {}


_FACTS: weakref.WeakKeyDictionary[Article, _Facts] = weakref.WeakKeyDictionary()


def _facts(article: Article) -> _Facts:
    facts = _FACTS.get(article)
    if facts is None:
        facts = _FACTS[article] = _Facts()
    return facts


def _quoted(article: Article) -> list[tuple[int, int]]:
    """The spans inside double quotation marks, block by block, in order."""
    facts = _facts(article)
    if facts.quoted is None:
        spans: list[tuple[int, int]] = []
        for block in article.blocks:
            spans.extend(quoted_spans(article.text, block.start, block.end))
        facts.quoted = spans
    return facts.quoted


def sentence_index(article: Article, index: int) -> int:
    """Number of the sentence holding ``text[index]`` (-1 when none does)."""
    return article.sentence_at(index)


def sentence_bounds(article: Article, index: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence holding ``text[index]`` (its block when it has none)."""
    number = sentence_index(article, index)
    if number >= 0:
        sentence = article.sentences[number]
        return sentence.start, sentence.end
    block = article.block_at(index)
    if block >= 0:
        return article.blocks[block].start, article.blocks[block].end
    return index, index


def neighbour_span(article: Article, start: int, before: int = 0, after: int = 0) -> tuple[int, int]:
    """The span from ``before`` sentences before the match's sentence to ``after`` sentences after it,
    never leaving the match's block (a citation in another paragraph is not this claim's)."""
    number = sentence_index(article, start)
    if number < 0:
        return sentence_bounds(article, start)
    sentences = article.sentences
    block = sentences[number].block
    first = number
    while first > 0 and number - first < before and sentences[first - 1].block == block:
        first -= 1
    last = number
    while last + 1 < len(sentences) and last - number < after and sentences[last + 1].block == block:
        last += 1
    return sentences[first].start, sentences[last].end


# --- scopes ----------------------------------------------------------------------------------
def _word_count(text: str) -> int:
    return len(text.split())


def _clear_of_terminators(article: Article, start: int, end: int) -> bool:
    searched, terminator = searched_text(article, _TERMINATOR)
    return terminator.search(searched, start, end) is None


def _is_pseudo_negation(article: Article, match: re.Match[str]) -> bool:
    searched, pseudo_negation = searched_text(article, _PSEUDO_NEGATION)
    for pseudo in pseudo_negation.finditer(searched, max(0, match.start() - 20), match.end() + 30):
        if pseudo.start() <= match.start() < pseudo.end():
            return True
    return False


# (the places of triggers and terminators are found in the lowered text when that finds the same
# places faster: see prefilter.searched_text)
def _pre_trigger(pattern: re.Pattern[str], article: Article, lo: int, start: int, window: int) -> bool:
    """A trigger before ``start`` (not before ``lo``) whose scope reaches ``start``."""
    searched, trigger = searched_text(article, pattern)
    for match in reversed(list(trigger.finditer(searched, lo, start))):
        if pattern is _PRE_NEGATION and _is_pseudo_negation(article, match):
            continue
        if _word_count(article.text[match.end() : start]) > window:
            return False
        return _clear_of_terminators(article, match.end(), start)
    return False


def _post_trigger(pattern: re.Pattern[str], article: Article, end: int, hi: int, window: int) -> bool:
    searched, trigger = searched_text(article, pattern)
    match = trigger.search(searched, end, hi)
    if match is None or _word_count(article.text[end : match.start()]) > window:
        return False
    return _clear_of_terminators(article, end, match.start())


def is_negated(article: Article, start: int, end: int) -> bool:
    """A negation trigger governs the match: "does not cure", "no evidence that it cures",
    "that it cures cancer is a myth". Scopes stop at "but", "however", ";" and similar."""
    lo, hi = sentence_bounds(article, start)
    return _pre_trigger(_PRE_NEGATION, article, lo, start, NEGATION_WINDOW_WORDS) or _post_trigger(
        _POST_NEGATION, article, end, hi, NEGATION_WINDOW_WORDS
    )


def is_hedged(article: Article, start: int, end: int) -> bool:
    """A hedge or qualifier governs the match: "may help", "most people have no side effects",
    "works in some patients"."""
    lo, hi = sentence_bounds(article, start)
    return _pre_trigger(_HEDGE, article, lo, start, HEDGE_WINDOW_WORDS) or _post_trigger(
        _POST_HEDGE, article, end, hi, 4
    )


def is_question(article: Article, start: int, end: int) -> bool:
    """The match is in a question ("Can turmeric cure arthritis?"): asked, not claimed."""
    lo, hi = sentence_bounds(article, start)
    return article.text[lo:hi].rstrip("\"'”’)] ").endswith("?")


# --- quotation --------------------------------------------------------------------------------
def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` (one block) inside double quotation marks, quotes included.

    A quotation left open runs to the end of the block, as news writing does when a quote
    continues into the next paragraph.
    """
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        mark = _OPENING_MARK.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        closing = _QUOTE_PAIRS[ch]
        if ch == '"' and i > start and text[i - 1].isalnum():
            i += 1  # a closing straight quote or an inch mark, not an opening
            continue
        close = text.find(closing, i + 1, end)
        if close == -1:
            spans.append((i, end))
            break
        spans.append((i, close + 1))
        i = close + 1
    return spans


# A single mark opens a quotation after white space, "(" or "[" (or at the start of the text) and
# closes one after a word character or ".,!?". The marks are found by a pattern that starts with
# them (rejecting most places at one test) and the character before is tested here.
_SINGLE_OPEN = re.compile(r"['‘](?=\w)")
_SINGLE_CLOSE = re.compile(r"['’](?=[\s.,;:!?)\]]|$)")


def _opens(text: str, at: int) -> bool:
    return at == 0 or text[at - 1].isspace() or text[at - 1] in "(["


def _closes(text: str, at: int) -> bool:
    return at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_.,!?")


def _first_closing(text: str, lo: int, hi: int) -> int | None:
    for mark in _SINGLE_CLOSE.finditer(text, lo, hi):
        if _closes(text, mark.start()):
            return mark.start()
    return None


def _single_quoted(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Scare quotes in single marks, 'miracle' or ‘miracle cure’, within the sentence."""
    opened = -1
    for mark in _SINGLE_OPEN.finditer(text, lo, start + 1):
        if _opens(text, mark.start()):
            opened = mark.start()
    if opened < 0:
        return False
    if _first_closing(text, opened + 1, start) is not None:
        return False
    closing = _first_closing(text, end, hi)
    return closing is not None and _word_count(text[opened:closing]) <= 12


def is_quoted(article: Article, start: int, end: int) -> bool:
    """The match is inside quotation marks: a quoted speaker or scare quotes, not the article's voice."""
    spans = _quoted(article)
    i = bisect.bisect_right(spans, (start, len(article.text) + 1)) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return True
    lo, hi = sentence_bounds(article, start)
    return _single_quoted(article.text, lo, hi, start, end)


# --- reported speech ----------------------------------------------------------------------------
def is_reported(article: Article, start: int, end: int) -> bool:
    """The article reports the claim rather than makes it.

    True when a distancing frame precedes the match in its sentence ("so-called", "some websites
    claim", "beware of products that"), when the sentence attributes it to a speaker ("..., Dr Lee
    said"), or when a refutation follows in this or the next two sentences ("This is not true.").
    """
    lo, hi = sentence_bounds(article, start)
    text = article.text
    if folded_search(article, _DISTANCING, lo, start):
        return True
    if _attributed_to_speaker(article, lo, hi, start, end) or _REPORTED_FINDING.search(text, end, hi):
        return True
    return refuted(article, start, end)


_SPEAKER_BEFORE_VERB = re.compile(
    r"(?:\b(?:he|she|they|we|I)|[A-Z][\w'’.-]+|\b(?:researchers?|scientists?|authors?|doctors?|experts?|"
    r"officials?|spokes(?:person|man|woman)|investigators?|agency|company|study|report))\s*,?\s*$"
)
_SPEAKER_AFTER_VERB = re.compile(
    r"^\s*(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?(?:[A-Z][\w'’-]+|the\s+\w+|an?\s+\w+|he|she|they)\b"
)


_NAME = re.compile(r"\b(?!(?:The|This|That|These|It|A|An|In|For|But|And|So|If|When|While)\b)[A-Z][a-z][\w'’-]*")


_TESTIMONIAL = re.compile(
    r"\b(?:readers|users|customers|clients|buyers|reviewers|fans|members|thousands|millions|moms|mums)\s*,?\s*$",
    re.IGNORECASE,
)


# A bare, unnamed authority at the start of the clause: "Experts say", "Many doctors agree".
_ANONYMOUS_AUTHORITY = re.compile(
    r"(?:^|[.!?;:]\s+|,\s*)(?:(?:many|most|some|leading|top)\s+)?"
    r"(?:experts|doctors|physicians|scientists|researchers|specialists|nutritionists)\s*$",
    re.IGNORECASE,
)


def _attributed_to_speaker(article: Article, lo: int, hi: int, start: int, end: int) -> bool:
    text = article.text
    # "X said (that) ...", "..., X said." or "..., said X": a speech verb with a speaker next to it.
    for match in _SPEECH.finditer(text, lo, hi):
        if match.start() < start:
            head = text[max(lo, match.start() - 60) : match.start()]
            if _TESTIMONIAL.search(head) or _ANONYMOUS_AUTHORITY.search(head):
                # "thousands of readers say it healed them", "experts say it is 100% safe": a testimonial
                # or an unnamed authority is the article's own claim in borrowed words
                continue
            named = _SPEAKER.search(head) or _SPEAKER_BEFORE_VERB.search(head) or _NAME.search(head)
            if named and _clear_of_terminators(article, match.end(), start):
                return True
        elif match.start() >= end:
            if _SPEAKER_BEFORE_VERB.search(text, max(end, match.start() - 80), match.start()):
                return True
            if _SPEAKER_AFTER_VERB.match(text[match.end() : min(hi, match.end() + 60)]):
                return True
    return False


# "..., a new study finds": the sentence reports one study's finding (CLAIM005 asks for its name)
_REPORTED_FINDING = re.compile(
    r",\s*(?:a\s+|the\s+|one\s+|this\s+)?(?:new\s+|recent\s+|large\s+|small\s+|major\s+)?"
    r"(?:study|trial|report|review|analysis|survey)\s+(?:finds|found|shows|showed|suggests|suggested|says|reports)\b",
    re.IGNORECASE,
)


def refuted(article: Article, start: int, end: int) -> bool:
    """A refutation follows the match in its sentence or the next two."""
    _, hi = neighbour_span(article, start, after=2)
    if not _may_occur(article, _REFUTATION, start, hi):
        return False
    return folded_search(article, _REFUTATION, end, hi)


_WORD_CHARACTER = re.compile(r"\w")


def _may_occur(article: Article, pattern: re.Pattern[str], start: int, hi: int) -> bool:
    """False when no match of ``pattern`` in ``text[lo:hi]`` is possible for any ``lo`` from
    ``start`` on: the block holding ``text[start:hi]`` lacks the words every match holds (see
    :func:`contentlint.rules.prefilter.candidate_blocks`). Only a span that ends where a word does
    is judged: cut inside a word, a search could match where the whole text does not."""
    text = article.text
    if hi < len(text) and _WORD_CHARACTER.match(text, hi):
        return True
    number = article.block_at(start)
    if number < 0 or article.blocks[number].end < hi:
        return True
    where = candidate_blocks(article, (pattern,))
    return where is None or number in where


# --- citation ---------------------------------------------------------------------------------
def citation_in(article: Article, lo: int, hi: int) -> bool:
    """A citation or a link anywhere in ``text[lo:hi]``."""
    known = _facts(article).citations
    found = known.get((lo, hi))
    if found is None:
        found = known[(lo, hi)] = _citation_in(article, lo, hi)
    return found


def _citation_in(article: Article, lo: int, hi: int) -> bool:
    # a link answers at once; the citation pattern, tried at every position, costs far more
    if any(lo <= link.start < hi or lo < link.end <= hi for link in article.links):
        return True
    text = article.text
    for match in _CITATION.finditer(text, lo, hi):
        found = match.group(0)
        acronym = re.search(r"\b[A-Z]{2,}s?\b", found)
        # "according to the US" names no source; "according to the UK Health Security Agency" does.
        names = re.findall(r"\b[A-Z][\w'’.&-]*", found)
        if (acronym and acronym.group(0) in _NOT_SOURCES and len(names) <= 2
                and not re.search(r"\d|[a-z]{3,}\s+(?:at|from|by)", found)):
            continue
        return True
    return False


def is_cited(article: Article, start: int, end: int, *, before: int = 0, after: int = 1) -> bool:
    """A citation (link, footnote marker, (Author, Year), "according to <Organisation>", a named
    journal or study) in the match's sentence or the next one, within its paragraph."""
    lo, hi = neighbour_span(article, start, before=before, after=after)
    return citation_in(article, lo, hi)


def in_heading(article: Article, start: int, end: int) -> bool:
    number = article.block_at(start)
    return number >= 0 and article.blocks[number].kind == "heading"


ContextCheck = Callable[[Article, int, int], bool]

CHECKS: dict[str, ContextCheck] = {
    "negated": is_negated,
    "quoted": is_quoted,
    "reported": is_reported,
    "cited": is_cited,
    "hedged": is_hedged,
    "question": is_question,
    "heading": in_heading,
}


def skip_reason(article: Article, start: int, end: int, checks: Iterable[str]) -> str | None:
    """The first named check that holds for this match, or None when none does."""
    for name in checks:
        if CHECKS[name](article, start, end):
            return name
    return None
