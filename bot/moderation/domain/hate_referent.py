"""Who an insult through sex, gender or sexuality is aimed at (rule 1, rounds 15b-16, issue 14).

The records of family ``gendered`` (rules/rule1_frames.yaml: a gendered slur, sexual
degradation) stand only when the message names a woman the insult can be aimed at:

- a woman of this community's news (data/referents_rule1.json: 'Yo-jong', 'Choe Son-hui',
  'Salmon'; a given name matches with or without its hyphen or space; a family name alone
  names no one, and a hyphen does not make a name a woman's: 'Jong-un' is a man);
- a woman's title ('the spokeswoman', 'first lady', 'Madam Hyon');
- when ``PRONOUN_REACH`` > 0 (shipped 0: off), a female pronoun or a word for a woman ('she',
  'his wife', 'that girl') in the insult's sentence within that many words: measured, it
  caught one more held-out message for 249-442 more crude tweets flagged;
- a woman-only slur ('broad', 'hag'): the word names its own target.

Anyone else (an addressed 'you', a member's mention, 'she', a capitalised word) is not known
to be a woman: crude everyday chat ('shut up bitch', 'she a bad bitch') calls no one the
community discusses.
Records of family ``sexuality`` need a man of the news (``men``) the insult is aimed at
('Kim gonna be Putin's little boyfriend'), a pattern of their own.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

REFERENTS_FILE = "referents_rule1.json"
#: Words between a female pronoun (or a word for a woman) and the insult, both ways, within
#: one sentence; 0: a pronoun names no one. Round 16, leave-one-writer-out A-R against the
#: flag load on davidson's crude ('offensive') tweets: 0 caught 3,019 of 4,125 hateful with 12
#: more crude tweets flagged; 3 caught 3,020 with 249 more; 6 caught 3,020 with 442 more (ok
#: allowed 4,357 at all three). bench/RESULTS.md, round 16.
PRONOUN_REACH = 0

_SENTENCE = re.compile(r"[.!?;\n]")


def _names(words: list[str]) -> str:
    return "|".join(re.escape(n).replace(r"\-", "[- ]?").replace(r"\ ", "[- ]?") for n in words)


@cache
def _lists() -> dict[str, list[str]]:
    resource = resources.files("bot.moderation").joinpath("data", REFERENTS_FILE)
    data: dict[str, list[str]] = json.loads(resource.read_text(encoding="utf-8"))
    return data


@cache
def _woman_only() -> frozenset[str]:
    """Slurs that only ever mean a woman ('broad', 'hag'): the word names its own target."""
    return frozenset(_lists()["woman_only"])


@cache
def _named_woman() -> re.Pattern[str]:
    """A woman of the news or a woman's title, in the plain (lower-case) text."""
    data = _lists()
    return re.compile(r"\b(?:" + _names(data["women"]) + "|" + _names(data["titles"]) + r")\b")


@cache
def _woman_words() -> frozenset[str]:
    """Every word of a woman's name or title and the woman-only slurs: a message whose words
    touch none of them names no woman (one set test before any regex, on every message
    holding a gendered slur)."""
    data = _lists()
    words = {w for name in data["women"] + data["titles"] for w in re.split(r"[- ]", name)}
    words |= {name.replace("-", "").replace(" ", "") for name in data["women"]}
    if PRONOUN_REACH > 0:
        words |= set(data["pronouns"])
    words |= _woman_only()
    return frozenset(words | {w + "'s" for w in words} | {w + "s" for w in words})


def may_name_woman(words: frozenset[str] | tuple[str, ...]) -> bool:
    """False when the message's words cannot name a woman (aimed_at_woman would say no)."""
    return not _woman_words().isdisjoint(words)


@cache
def _pronoun() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _lists()["pronouns"]) + r")\b")


@cache
def named_man() -> re.Pattern[str]:
    """A man of the news members mock through sexuality ('Kim', 'Putin', 'Jong-un')."""
    return re.compile(r"\b(?:" + _names(_lists()["men"]) + r")\b")


def _near_pronoun(plain: str, start: int, end: int) -> bool:
    """A female pronoun in the insult's sentence within PRONOUN_REACH words of it."""
    if PRONOUN_REACH <= 0:
        return False
    left = _SENTENCE.split(plain[:start])[-1].split()[-PRONOUN_REACH:]
    right = _SENTENCE.split(plain[end:])[0].split()[:PRONOUN_REACH]
    pronoun = _pronoun()
    return any(pronoun.fullmatch(w.strip(",:\"'()")) for w in left + right)


def aimed_at_woman(plain: str, match: re.Match[str]) -> bool:
    """Whether the insult ``match`` (group ``p``) found in ``plain`` is aimed at a woman the
    message names."""
    if _named_woman().search(plain) is not None:
        return True
    if match.group("p").split(" ")[-1] in _woman_only():
        return True  # 'some dumb broad to read a script': the word itself says a woman
    return _near_pronoun(plain, match.start("p"), match.end("p"))
