"""SAFETY001 missing-crisis-resource: suicide or self-harm is mentioned and no crisis resource is given.

What it flags
    An article that mentions suicide, suicidal thoughts or ideation, self-harm or "ending my life"
    and nowhere gives a way to get help now: a crisis line (988, Crisis Text Line 741741,
    Samaritans 116 123, findahelpline.com...), a link to one, or an emergency number with an
    instruction to call it. The finding points at the first mention.

What it leaves alone
    Senses of "suicide" that are not about a person harming themselves ("suicide bomber", "cell
    suicide", "political suicide", "assisted suicide" as a policy topic).

Options
    ``locales`` (list, default empty: every locale) limits which locales' resources count, e.g.
    ``["uk", "ie"]``; international resources always count. ``extra_resources`` adds phrases
    (your service's name or number); ``data_files`` names YAML files shaped like the built-in
    ``rules/data/crisis-resources.yaml`` whose lists are added to it.
"""

from __future__ import annotations

from contentlint.document import Article
from contentlint.findings import Severity
from contentlint.rules.base import Option, Rule, RuleContext, RuleMeta, examples
from contentlint.rules.builtin.safety.lexicon import Lexicon, as_tuple, data_keys, lexicon, resolve_files

_RESOURCES_FILE = "crisis-resources.yaml"
_LANGUAGE_FILE = "suicide-language.yaml"


def first_self_harm_mention(article: Article, extra_files: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """The first mention of suicide or self-harm in the personal sense, or None."""
    files = resolve_files(extra_files)
    mentions = lexicon(_LANGUAGE_FILE, ("mentions",), files)
    other_senses = lexicon(_LANGUAGE_FILE, ("not_self_harm",), files)
    text = article.text
    found = mentions.finditer(text)
    excluded = other_senses.finditer(text) if found else []
    for start, end, _ in found:
        if not any(s <= start and end <= e for s, e, _ in excluded):
            return start, end
    return None


def crisis_lexicon(locales: tuple[str, ...], extra: tuple[str, ...], files: tuple[str, ...]) -> Lexicon:
    known = data_keys(_RESOURCES_FILE, "crisis_resources")
    chosen = [name.lower() for name in locales] or list(known)
    keys = tuple(sorted({f"crisis_resources.{name}" for name in chosen if name in known}
                        | {"crisis_resources.international"}))
    return lexicon(_RESOURCES_FILE, keys, resolve_files(files), extra)


def has_crisis_resource(article: Article, resources: Lexicon, files: tuple[str, ...] = ()) -> bool:
    if resources.search(article.text) is not None:
        return True
    domains = lexicon(_RESOURCES_FILE, ("crisis_domains",), resolve_files(files)).phrase_list
    targets = [link.target.lower() for link in article.links]
    return any(domain.lower() in target for target in targets for domain in domains)


class MissingCrisisResource(Rule):
    meta = RuleMeta(
        code="SAFETY001",
        name="missing-crisis-resource",
        category="safety",
        severity=Severity.ERROR,
        summary="Suicide or self-harm is mentioned but no crisis resource is given.",
        description=(
            "Flags an article that mentions suicide, suicidal thoughts or ideation, self-harm or wanting "
            "to end one's life and gives no crisis resource anywhere: a crisis line such as 988 (\"call or "
            "text 988\"), Crisis Text Line (741741), Samaritans (116 123), findahelpline.com, a link to one, "
            "or an emergency number with an instruction to call it. The finding points at the first mention. "
            "Non-personal senses (\"suicide bomber\", \"cell suicide\", \"political suicide\", \"assisted "
            "suicide\") do not count as mentions."
        ),
        rationale=(
            "Readers who are at risk read articles about suicide and about the treatments for depression. "
            "Safe-messaging guidance asks every piece that discusses suicide to say where help is available "
            "right now; telling people how to reach a crisis line is one of the few elements shown to "
            "reduce harm from coverage of suicide."
        ),
        sources=(
            "WHO: Preventing suicide: a resource for media professionals (2023 update)",
            "Recommendations for Reporting on Suicide (reportingonsuicide.org)",
            "988 Suicide & Crisis Lifeline (988lifeline.org)",
            "Samaritans media guidelines for reporting suicide",
        ),
        fail_examples=examples(
            "Ketamine can ease suicidal thoughts within hours, which makes it valuable in a crisis.",
            "Self-harm is more common in teenagers than many parents realise.",
            "Ketamine acts within hours.\n\nPeople with suicidal ideation may benefit.",
            kind="txt",
        ),
        pass_examples=examples(
            "Ketamine can ease suicidal thoughts. If you are having thoughts of suicide, call or text 988.",
            "Self-harm is more common than many realise. You can call Samaritans free on 116 123, day or night.",
            "If you have thoughts of ending your life, [find a helpline](https://findahelpline.com) near you.",
            "The film follows a suicide bomber's last day.",
            "If you feel you might act on suicidal thoughts, call 911 or go to the nearest emergency room.",
        ),
        options={
            "locales": Option([], "Locales whose crisis resources count (us, uk, ie, ca, au, nz, in); empty: all."),
            "extra_resources": Option([], "Further phrases that count as a crisis resource (a service or number)."),
            "data_files": Option([], "YAML files shaped like rules/data/crisis-resources.yaml to add to the lists."),
        },
    )

    def check(self, article: Article, ctx: RuleContext) -> None:
        files = as_tuple(ctx.options.get("data_files", []))
        mention = first_self_harm_mention(article, files)
        if mention is None:
            return
        resources = crisis_lexicon(
            as_tuple(ctx.options.get("locales", [])), as_tuple(ctx.options.get("extra_resources", [])), files
        )
        if has_crisis_resource(article, resources, files):
            return
        ctx.report_article(
            f"The article mentions \"{article.text[mention[0]:mention[1]]}\" but gives no crisis resource.",
            "Add where to get help now, close to the first mention and again at the end, e.g. \"If you are "
            "having thoughts of suicide, call or text 988 (US), call Samaritans on 116 123 (UK and Ireland), "
            "or find a helpline at findahelpline.com.\"",
            anchor=mention,
        )


RULES = [MissingCrisisResource]
