"""Rule 3 on laughter and indifference aimed at the victims, not at the regime.

'guy brought styrofoam to a sea crossing 💀 natural selection', 'another one washed up? lmao',
'ok and? people die', 'nobody cares about these defectors': the member laughs or shrugs at the
victims' fate. Often no crisis word is named, and to a bag of words the laughter reads like the
dark humour at the regime its ok twins hold ('lol kim eats steak while ...'), so the trained
model scores these low. Read here instead: a laugh or a shrug (data/rule3_plight.json) and a
word of the victims' fate, aimed at no one of the regime, with no sympathy, rebuttal or report.
Always a flag: a moderator reads the thread.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.moderation.domain.attribution import attribution
from bot.moderation.domain.denial_against import speaks_against
from bot.moderation.domain.denial_cues import AT_DEFENDERS, quotes_someone
from bot.moderation.domain.denial_model import SYMPATHY
from bot.moderation.domain.denial_patterns import REBUTTAL, SAD, about_north_korea
from bot.moderation.domain.denial_rules import MORE_REBUTTAL
from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.phrases import evidence
from bot.moderation.domain.verdict import Action, FilterHit

# Quoted text (straight or curly quotation marks): a cue inside is someone else's words.
_QUOTED = re.compile(r"[\"“”‘’']([^\"“”‘’']{3,})[\"“”‘’']")


@dataclass(frozen=True)
class _Lists:
    """data/rule3_plight.json, compiled once."""

    laugh: re.Pattern[str]
    shrug: re.Pattern[str]
    plight: re.Pattern[str]
    plight_near: re.Pattern[str]
    at_others: re.Pattern[str]
    regime: frozenset[str]
    negators: frozenset[str]
    speaker: frozenset[str]
    after_cue: frozenset[str]
    laugh_emoji: str
    reach: int
    # The first word of every laugh and shrug: a message holding none has no cue.
    cue_heads: frozenset[str]
    # Every word of the fate phrases: a message holding none names no victim's fate.
    fate_words: frozenset[str]


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    path = resources.files("bot.moderation").joinpath("data/rule3_plight.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    fates = data["plight"] + data["plight_near"]
    return _Lists(
        laugh=_alternation(data["laugh"]),
        shrug=_alternation(data["indifference"]),
        plight=_alternation(data["plight"]),
        plight_near=_alternation(data["plight_near"]),
        at_others=_alternation(data["at_others"]),
        regime=frozenset(data["regime"]),
        negators=frozenset(data["negators"]),
        speaker=frozenset(data["speaker"]),
        after_cue=frozenset(data["after_cue"]),
        laugh_emoji="".join(data["laugh_emoji"]),
        reach=int(data["reach"]),
        cue_heads=frozenset(p.split(" ")[0] for p in data["laugh"] + data["indifference"]),
        fate_words=frozenset(w for phrase in fates for w in phrase.split()),
    )


def plight_hit(
    name: str, own: NormalizedText, answered: NormalizedText | None = None
) -> FilterHit | None:
    """A flag for laughter or a shrug at the victims' fate (see the module docstring).
    ``answered``, the message a reply answers, is taken like every reading of what_remains
    and deliberately not read: under a crisis report, 'the phone died in 2 days lol' is chat."""
    del answered
    # Most messages hold no fate word or no cue: set tests and an ASCII test skip the searches (every message
    # that rule 3 allows comes here).
    lists = _lists()
    fates = lists.fate_words
    if fates.isdisjoint(own.tokens) and (
        "'s" not in own.plain
        or fates.isdisjoint(token[:-2] for token in own.tokens if token.endswith("'s"))
    ):
        return None  # ("the defector's book")
    emoji_laugh = (
        not own.original.isascii()
        and len(own.tokens) <= 25
        and any(mark in own.original for mark in lists.laugh_emoji)
    )
    if not emoji_laugh and lists.cue_heads.isdisjoint(own.tokens):
        return None
    words = " ".join(own.tokens)
    cue = lists.shrug.search(words) or lists.laugh.search(words)
    if cue is None and not emoji_laugh:
        return None
    fate = lists.plight.search(words)
    if fate is None:
        # 'died', 'bodies', 'swim' count only where the message itself names North Korea:
        # the crisis's own words are fate words here and have everyday senses, and what a
        # reply answers does not count ('the phone died in 2 days lol' under a report is chat)
        fate = lists.plight_near.search(words)
        if fate is None or not about_north_korea(words):
            return None
    tokens = frozenset(token.removesuffix("'s") for token in own.tokens)
    if not lists.regime.isdisjoint(tokens):
        return None  # 'lol kim eats steak while they starve' laughs at the regime
    if cue is not None:
        before = words[: cue.start()].split()
        after = words[cue.end() :].split()
        if not emoji_laugh and abs(len(before) - len(words[: fate.start()].split())) > lists.reach:
            return None  # the laugh and the victims' fate in different thoughts
        if not lists.negators.isdisjoint(before[-2:]) or not lists.after_cue.isdisjoint(after[:1]):
            return None  # 'not funny', 'lol no, the camps are real', 'nobody cares enough'
        for quote in _QUOTED.findall(own.original):
            said = " ".join(normalize(quote).tokens)
            if cue.group(0) in said or (said and words[: cue.start()].rstrip().endswith(said)):
                # 'a streamer said "who cares about the famine"' quotes it; '"humane" lol'
                # laughs at the quoted claim
                return None
    shrug = cue is not None and lists.shrug.fullmatch(cue.group(0)) is not None
    if not shrug and not lists.speaker.isdisjoint(tokens):
        return None  # 'i cried reading about the defectors lol' is the speaker's own life
    if (
        SAD.search(words)
        or SYMPATHY.search(words)
        or REBUTTAL.search(words)
        or MORE_REBUTTAL.search(words)
        or AT_DEFENDERS.search(words)
        or lists.at_others.search(words)
        or speaks_against(words)
        or quotes_someone(words, words)
        or attribution(own) in ("denounce", "report")
    ):
        return None
    start, end = (cue or fate).span()
    quoted = evidence(words, start, end)
    reason = "shrugs at the victims' fate" if shrug else "laughs at the victims' fate"
    return FilterHit(name, 3, Action.FLAG, quoted, f"{reason} ('{quoted}')", False)
