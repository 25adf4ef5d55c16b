"""Whether a message says anything rule 3 could forbid, for the trained model's flag.

The rule-3 model learned from writers whose denials name no crisis word ('people live normal
lives', 'they're fine'), so it weighs everyday words: 'just a normal day at work' read 0.97 and
'a perfectly normal message' 0.92, above the bar for messages naming nothing. A threshold cannot
tell those from 'Daily life there is boring and normal', so the model alone flags a message
naming none of the crisis only when it holds a content word: who or what a denial is about
(people, the country, defectors, the sources), a word of denying (fake, hoax, proof), an
account's word (data/rule3_content.json, data/rule3_replies.json), North Korea or a stance
(rules/rule3_stance.yaml). Words of violence that are also an account's ('shot', 'killed': data
rule3_content.json's harm_words) are no content when each is wished on someone ('should all be
shot'): 'Lawyers should all be shot lol.' wishes violence on a group that is not the crisis's
(rule 1's or rule 2's business). Stated as facts ('no one is shot for watching dramas') they
still are: leave-one-writer-out, dropping them everywhere missed 5 denials of the executions.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.moderation.domain.denial_features import stance_features
from bot.moderation.domain.denial_patterns import NK_RE
from bot.moderation.domain.denial_replies import account_words
from bot.moderation.domain.normalize import NormalizedText


@lru_cache(maxsize=1)
def content_words() -> frozenset[str]:
    """Rule 3's content words and an account's words but its words of violence (read once)."""
    own = _content_data()
    return frozenset(own["content_words"]) | (account_words() - frozenset(own["harm_words"]))


@lru_cache(maxsize=1)
def _content_data() -> dict[str, Any]:
    data = resources.files("bot.moderation").joinpath("data", "rule3_content.json")
    loaded: dict[str, Any] = json.loads(data.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def _harm() -> tuple[frozenset[str], re.Pattern[str]]:
    """(words of violence, the wish frame of one), read once."""
    own = _content_data()
    return frozenset(own["harm_words"]), re.compile(own["harm_wish"])


def _violence_wished(own: NormalizedText) -> bool:
    """Whether the message holds a word of violence and each one is wished on someone."""
    words, wish = _harm()
    count = sum(token in words for token in own.tokens)
    return count > 0 and len(wish.findall(" ".join(own.tokens))) >= count


def says_something(own: NormalizedText, whole: NormalizedText) -> bool:
    """Whether the member's own lines (``own``) hold a content word or a stance, or the
    message (``whole``, quoted lines included) names North Korea."""
    if not content_words().isdisjoint(own.tokens):
        return True
    if not _harm()[0].isdisjoint(own.tokens) and not _violence_wished(own):
        return True  # 'no one is shot for watching dramas': the executions, as a fact
    if NK_RE.search(" ".join(whole.tokens)) is not None:
        return True
    return bool(stance_features(own))
