"""Rule 3 on the endorsed wellbeing claim: the member says, as their own view, that the people
the crisis is about are fine ('people there are happy', 'they have free healthcare', 'nobody
is poor', 'the workers are not forced', 'NK is a functioning country').

This is a class of statement rather than a phrase: a subject that stands for the people there,
a predicate of wellbeing (or a negated predicate of hardship), said in the present tense. The
trained model weighs such everyday words little. Read here from data/rule3_wellbeing.json, in
a message about North Korea or the crisis, only when nothing marks the claim as someone else's
(reported: 'KCNA says', 'supposedly', 'the tour guides'), asked ('?'), conditional, set against
the crisis in the same sentence ('... but the countryside starves'), ironic ('that's why they
swim across at night', '/s'), said of the regime's own people ('they' beside 'the elite'), or
answered by a rebuttal or sympathy. Always a flag.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.moderation.domain.denial_against import rebuts, speaks_against
from bot.moderation.domain.denial_cues import AT_DEFENDERS
from bot.moderation.domain.denial_model import SYMPATHY, strong_signal
from bot.moderation.domain.denial_patterns import SAD, about_north_korea, names_crisis
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import sentences
from bot.moderation.domain.verdict import Action, FilterHit

_ADVERBS = (
    r"(?: (?:all|mostly|actually|really|generally|pretty|perfectly|just|quite|very|so|doing))*"
)
_PLACE = r"(?: (?:there|here|over there|up there|up north|in (?:nk|north korea|the north|the dprk|russia)))?"


# A quotation mark in the claim's sentence: the claim is someone's words, quoted or mocked
# ('"they're not starving" - some guy', 'the "NK people are happy" thing'); an apostrophe
# between letters is no quotation mark.
_QUOTE = re.compile("[\"“”«»„]|(?<![a-z])'|'(?![a-z])")
# The claim is the object of a clause that reports or negates it: '... announce that people
# there seem fine', 'that doesn't mean nobody's hungry', 'it's not that the workers are ...'.
_EMBEDDED = re.compile(
    r"(?:\bthat|\bmean|\bmeans|\bsay|\bsays|\bsaid|\bthink|\bthinks|\bbelieve|\bbelieves"
    r"|\bclaim|\bclaims|\bnot|n't|\bnever) (?:\S+ ){0,1}$"
)

# The subject is the object of an act ('detaining north koreans is fine'): the claim is about
# the act, not the people.
_GERUND = re.compile(r"\b\w{3,}ing $")


def _alt(items: list[str]) -> str:
    return "(?:" + "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class _Lists:
    """data/rule3_wellbeing.json, compiled once."""

    claim: re.Pattern[str]
    gate: frozenset[str]  # a message holding none of these words makes no claim (a set test)
    reported: re.Pattern[str]  # anywhere in the message: the claim is someone else's
    reported_here: re.Pattern[str]  # in the claim's sentence ('supposedly', 'they say')
    contrast: re.Pattern[str]
    regime: re.Pattern[str]
    places: re.Pattern[str]


def _gate_words(items: list[str]) -> set[str]:
    """One word each item cannot match without: its longest (the last of equals), so the
    gate holds few everyday words ('functioning', not 'a'; 'fed', not 'well')."""
    return {max(reversed(item.split()), key=len) for item in items}


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    raw = json.loads(
        resources.files("bot.moderation.data").joinpath("rule3_wellbeing.json").read_text()
    )
    subject = _alt(raw["subjects"])
    well, have, unwell = _alt(raw["well"]), _alt(raw["have"]), _alt(raw["unwell"])
    country, country_well = _alt(raw["country"]), _alt(raw["country_well"])
    claim = re.compile(
        rf"\b{subject}{_PLACE} (?:are|is|seem|seems|look|looks|seem to be|look to be|live|eat)"
        rf"{_ADVERBS} (?P<p>{well})\b(?! (?:with|by|if|as long|about|for now|to say))"
        rf"|\b{subject}{_PLACE}(?: all| actually| really)* (?:have|has|get|got) (?P<q>{have})\b"
        rf"|\b{subject}{_PLACE} (?:are not|aren't|arent|is not|isn't|ain't)(?: really| actually)?"
        rf" (?P<r>{unwell})\b"
        rf"|\b(?:nobody|no one|noone|nobody's|no one's)(?: there| in nk| up there| in north korea)?"
        rf" (?:is |'s |gets |goes |got |was )?(?:being )?(?P<s>{unwell})\b"
        rf"|\b{country} (?:is|seems|looks)(?: like)?(?: a| an)?(?: just)? (?P<t>{country_well})\b"
    )
    gate = frozenset(_gate_words(raw["well"] + raw["have"] + raw["unwell"] + raw["country_well"]))
    reported = re.compile(r"(?:^|\W)" + _alt(raw["reported_anywhere"]) + r"(?:\W|$)")
    reported_here = re.compile(r"(?:^|\W)" + _alt(raw["reported_in_sentence"]) + r"(?:\W|$)")
    contrast = re.compile(r"(?:^|\W)" + _alt(raw["contrast"]) + r"(?:\W|$)")
    regime = re.compile(r"\b" + _alt(raw["regime"]) + r"\b")
    places = re.compile(r"\b" + _alt(raw["places"]) + r"\b")
    return _Lists(claim, gate, reported, reported_here, contrast, regime, places)


def wellbeing_claim(own: NormalizedText) -> str:
    """The claim that the people there are fine, when the member endorses it, else ''."""
    lists = _lists()
    tokens = own.tokens
    if lists.gate.isdisjoint(tokens):
        return ""  # no predicate of wellbeing or hardship: the common case
    claims = [
        (plain, canon, match)
        for plain, canon in sentences(own)
        if (match := lists.claim.search(canon)) is not None
    ]
    if not claims:
        return ""  # searched first: the rarest condition, so most messages stop here
    words = " ".join(tokens)
    if not (about_north_korea(words) or names_crisis(words) or lists.places.search(words)):
        return ""
    if lists.reported.search(words) or lists.reported.search(own.original.lower()):
        return ""
    found = ""
    for plain, canon, match in claims:
        lower = plain.lower()
        if "?" in plain or any(
            pattern.search(text)
            for pattern in (lists.contrast, lists.reported_here)
            for text in (canon, lower)
        ):
            return ""
        if match.group(0).startswith("they") and lists.regime.search(words):
            return ""
        before = canon[: match.start()]
        if _QUOTE.search(plain) or _EMBEDDED.search(before) or _GERUND.search(before):
            return ""  # quoted, or said inside 'announce that' / 'doesn't mean': not endorsed
        found = found or match.group(0)
    if not found:
        return ""
    if (
        AT_DEFENDERS.search(words)
        or SYMPATHY.search(words)
        or SAD.search(words)
        or rebuts(words)
        or speaks_against(words)
        or strong_signal(own) == "rebuts denial"
    ):
        return ""
    return found


def wellbeing_hit(name: str, own: NormalizedText) -> FilterHit | None:
    """A flag when the member's own lines say the people there are fine (module doc)."""
    claim = wellbeing_claim(own)
    if not claim:
        return None
    return FilterHit(
        name,
        3,
        Action.FLAG,
        claim,
        f"says the people the crisis is about are fine ('{claim}')",
        False,
    )
