"""Rule 3 on the 'just asking' insinuation: a doubt about the crisis closed with a tag that
tells the reader to draw the conclusion ('... a growing population? Makes you think.',
'Notice a pattern?', 'Do the math.').

The trained model weighs the tag words little (they are everyday words) and a question often
reads to it as a question about sources. Read here instead, from data/rule3_insinuation.json:
the tag closing a sentence, in a message naming the crisis, aimed at no one of the regime,
with no rebuttal, sympathy or word against denial, and not about the speaker. Always a flag.
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
from bot.moderation.domain.denial_personal import CRISIS_FEATURES, crisis_stems
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import sentences
from bot.moderation.domain.verdict import Action, FilterHit


@dataclass(frozen=True)
class _Lists:
    """data/rule3_insinuation.json, compiled once."""

    tag: re.Pattern[str]
    # Every tag's last word but 'it' (and 'think' for 'think about it'): a message holding
    # none has no tag, settled by a set test.
    last_words: frozenset[str]
    hunger: frozenset[str]
    regime: re.Pattern[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    raw = json.loads(
        resources.files("bot.moderation.data").joinpath("rule3_insinuation.json").read_text()
    )
    tags = sorted(raw["tags"], key=len, reverse=True)
    # The tag is a clause of its own closing the sentence (only punctuation or an emoji may
    # follow): 'just asking: any estimates for ...?' opens a genuine question, and '... without
    # having to think about it' or 'a scary sentence when you think about it' end one.
    tag = re.compile(
        r"(?:^|[^\w\s']\s*|\b(?:if you|really|kinda|just|seriously) )("
        + "|".join(re.escape(t) for t in tags)
        + r")\W*$"
    )
    regime = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in raw["regime"]) + r")\b")
    last = frozenset(t.split()[-1] if not t.endswith(" it") else t.split()[0] for t in tags)
    return _Lists(tag, last, frozenset(raw["hunger_words"]), regime)


def insinuation_hit(name: str, own: NormalizedText) -> FilterHit | None:
    """A flag when the member's own lines insinuate that the crisis is not real (module doc)."""
    lists = _lists()
    tokens = own.tokens
    if lists.last_words.isdisjoint(tokens):
        return None  # no tag: the common case
    words = " ".join(tokens)
    # The crisis is named: a hunger word, a phrase of the crisis, or a crisis word beside North
    # Korea (a crisis word alone may be anyone's: '13% of the population, 50% of the crime. do
    # the math' is rule 1's).
    if (
        lists.hunger.isdisjoint(tokens)
        and not names_crisis(words)
        and (CRISIS_FEATURES.isdisjoint(crisis_stems(tokens)) or not about_north_korea(words))
    ):
        return None
    tag = next(
        (m.group(1) for s, _ in sentences(own) if (m := lists.tag.search(s)) is not None),
        None,
    )
    if tag is None:
        return None
    if (
        lists.regime.search(words)
        or AT_DEFENDERS.search(words)
        or SYMPATHY.search(words)
        or SAD.search(words)
        or rebuts(words)
        or speaks_against(words)
        or strong_signal(own) == "rebuts denial"
    ):
        return None
    return FilterHit(
        name,
        3,
        Action.FLAG,
        tag,
        f"insinuates that the humanitarian crisis is not real ('{tag}')",
        False,
    )
