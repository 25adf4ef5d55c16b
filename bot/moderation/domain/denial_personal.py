"""Rule 3: the crisis words as the model's stems, and whether a message uses them of the
speaker's own life ('my apartment is basically a prison', 'boot camp nearly killed me').

Split from denial_model, which reads a message's topic with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import Stemmer

from bot.moderation.domain.denial_patterns import about_north_korea
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import word_set

_stemmer = Stemmer.Stemmer("english")
# Words of the crisis itself (not of dismissal, which the model weighs; not words as common as
# "rights" or "crisis"), compared as the model's stem features.
_CRISIS_WORDS = """
    starve starving starved starvation hunger hungry famine famines malnutrition
    malnourished undernourished rations grass bark stunted stunting diet dieting fasting
    skinny portions porridge camp camps gulag gulags prison prisons prisoner prisoners
    detention detained detain jail jails jailed kwanliso kyohwaso yodok torture tortured
    torturing execution executions executed executing defector defectors defected escapee
    escapees fled flee fleeing refugee refugees repatriation repatriated repatriate
    returnees deport deported deportation crossers trafficked trafficking brides labor
    labour slave slavery abuse abuses abused rape raped beaten punish punished punishment
    crime crimes atrocities atrocity genocide testimony testimonies survivor
    survivors witness witnesses memoir memoirs coi hrw amnesty hrnk arduous traitor traitors
    runaway runaways purge purged reeducation disappeared interrogation interrogated guards
    correctional suffering suffer suffered victim victims humanitarian misery
    songbun kotjebi bowibu harsh
"""
CRISIS_FEATURES = frozenset("~" + stem for stem in _stemmer.stemWords(_CRISIS_WORDS.split()))


# Crisis words with everyday senses ('my apartment is basically a prison', 'starving artist
# era', 'boot camp nearly killed me'), as the model's stems.
_EVERYDAY_STEMS = frozenset(
    "~" + stem
    for stem in _stemmer.stemWords(
        list(word_set("camp camps prison prisons jail jails starving starved hungry famine killed"))
    )
)
_FIRST_PERSON = frozenset(["i", "i'm", "im", "my", "me", "myself"])
# First-person words in idioms that say nothing of the speaker's life ('starving country my
# ass', 'i mean, "famine" is when ...').
_NOT_PERSONAL = re.compile(r"\b(?:my ass|i mean|i call|i guess|i think|i bet|i swear)\b")
# How close (in tokens) a crisis word and the speaker must be: 'my apartment is basically a
# prison', 'boot camp nearly killed me'.
_PERSONAL_WINDOW = 5


def personal_frame(text: NormalizedText, stems: set[str]) -> bool:
    """Whether a message talks about the speaker's own life with crisis words that have
    everyday senses, naming no part of North Korea: every crisis word it uses is one of those,
    one of them is within a few words of 'i', 'my' or 'me', and nothing in it is North Korean."""
    crisis = stems & CRISIS_FEATURES
    if not crisis or not crisis <= _EVERYDAY_STEMS or _FIRST_PERSON.isdisjoint(text.tokens):
        return False
    words = " ".join(text.tokens)
    if about_north_korea(words) or _NOT_PERSONAL.search(words):
        return False
    tokens = text.tokens
    speaker = [i for i, token in enumerate(tokens) if token in _FIRST_PERSON]
    return any(
        abs(i - j) <= _PERSONAL_WINDOW
        for i, token in enumerate(tokens)
        if "~" + _stemmer.stemWord(token) in _EVERYDAY_STEMS and not _said_of_others(tokens, i)
        for j in speaker
    )


# Others as the subject of a crisis word: 'you want me to believe they're all starving', 'I
# did. No starving people', 'then complain they're hungry. Cry me a river': the speaker is
# near, but the hunger is someone else's.
_OTHERS_BEFORE = frozenset(
    ["they", "they're", "theyre", "them", "their", "people", "everyone", "everybody", "nobody"]
)
_OTHERS_AFTER = frozenset(["people", "kids", "children", "families", "north", "koreans"])


def _said_of_others(tokens: tuple[str, ...], at: int) -> bool:
    """Whether the crisis word at ``at`` is said of others: a third-person subject up to three
    words before it, or 'starving people' / 'hungry kids'."""
    return not _OTHERS_BEFORE.isdisjoint(tokens[max(0, at - 3) : at]) or (
        at + 1 < len(tokens) and tokens[at + 1] in _OTHERS_AFTER
    )


def crisis_stems(tokens: Iterable[str]) -> set[str]:
    """``tokens`` as the model's stem features ('~bark'), to compare with CRISIS_FEATURES."""
    return {"~" + _stemmer.stemWord(token) for token in tokens}
