"""Whether a message says anything rule 3 could forbid, for the trained model's flag.

The rule-3 model learned from writers whose denials name no crisis word ('people live normal
lives', 'they're fine'), so it weighs everyday words: 'just a normal day at work' read 0.97 and
'a perfectly normal message' 0.92, above the bar for messages naming nothing. A threshold cannot
tell those from 'Daily life there is boring and normal', so the model alone flags a message
naming none of the crisis only when it holds a content word: who or what a denial is about
(people, the country, defectors, the sources), a word of denying (fake, hoax, proof), an
account's word (data/rule3_content.json, data/rule3_replies.json), North Korea or a stance
(rules/rule3_stance.yaml). Words of violence that are also an account's ('shot', 'killed': data
rule3_content.json's harm_words) are no content alone: 'Lawyers should all be shot lol.' wishes
violence on a group that is not the crisis's (rule 1's or rule 2's business); beside a content
word, North Korea or a stance they are read as before.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from bot.moderation.domain.denial_features import stance_features
from bot.moderation.domain.denial_patterns import NK_RE
from bot.moderation.domain.denial_replies import account_words
from bot.moderation.domain.normalize import NormalizedText


@lru_cache(maxsize=1)
def content_words() -> frozenset[str]:
    """Rule 3's content words and an account's words but its words of violence (read once)."""
    data = resources.files("bot.moderation").joinpath("data", "rule3_content.json")
    own = json.loads(data.read_text(encoding="utf-8"))
    return frozenset(own["content_words"]) | (account_words() - frozenset(own["harm_words"]))


def says_something(own: NormalizedText, whole: NormalizedText) -> bool:
    """Whether the member's own lines (``own``) hold a content word or a stance, or the
    message (``whole``, quoted lines included) names North Korea."""
    if not content_words().isdisjoint(own.tokens):
        return True
    if NK_RE.search(" ".join(whole.tokens)) is not None:
        return True
    return bool(stance_features(own))
