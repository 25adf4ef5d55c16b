"""Rule 3's scope: whether a message the trained model flags is about North Korea's crisis.

The model weighs words of harm, work and rights ('labour', 'victims', 'abuse', 'prison') as
crisis words, because the crisis is told with them; statements about work in general or about
other groups use them too ('Immigrants who work here should get the same labour protections'
read 0.99). A model flag (not a pattern's hit) is dropped when the message names neither North
Korea nor a crisis word only North Korea's crisis uses, nor the crisis in everyday words
(denial_context.near_topic); every crisis word it holds is one of the general ones; it is
about work (workers, wages, unions) or states a group's rights (a protected group of rule 1's
lexicon, immigrants among them) or victims should have ('should get', 'rights', 'protections',
'support'); and it holds none of the words denials and justifications are made of
(the state, the border, 'hoax', 'deserve', 'the rules') and no stance feature. Narrow on
purpose: whataboutism names other countries and groups too ('America jails more people than
anyone'), so another country alone does not count. Word lists: data/rule3_scope.json.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from bot.moderation.domain.denial_context import near_topic
from bot.moderation.domain.denial_features import stance_features
from bot.moderation.domain.denial_patterns import about_north_korea
from bot.moderation.domain.denial_personal import CRISIS_FEATURES, crisis_stems
from bot.moderation.domain.normalize import NormalizedText, normalize


@lru_cache(maxsize=1)
def _scope() -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    """(general crisis stems, words of work, words of denial, rights phrases), read once."""
    data = resources.files("bot.moderation").joinpath("data", "rule3_scope.json")
    raw = json.loads(data.read_text(encoding="utf-8"))
    general = frozenset(crisis_stems(raw["general_crisis_words"]))
    rights = re.compile(r"\b(?:" + "|".join(map(re.escape, raw["rights_phrases"])) + r")\b")
    return general, frozenset(raw["elsewhere_words"]), frozenset(raw["denial_words"]), rights


def elsewhere(whole: NormalizedText) -> bool:
    """Whether a message (``whole``: quoted lines included) is about something other than
    North Korea's crisis, in the sense above."""
    general, work, denial, rights = _scope()
    tokens = frozenset(whole.tokens)
    words = " ".join(whole.tokens)
    claims = rights.search(words) is not None
    # 'deserve the same protections' is a right, 'deserve it' a justification.
    said = rights.sub(" ", words).split(" ") if claims else whole.tokens
    if not denial.isdisjoint(said) or about_north_korea(words):
        return False
    crisis = crisis_stems(tokens) & CRISIS_FEATURES
    if not crisis <= general or (near_topic(whole) and not claims):
        return False  # 'famine', 'gulag', 'defectors', food and rations: the crisis's words
    if work.isdisjoint(tokens) and not (claims and (crisis or _names_group(whole))):
        return False  # about work, or a group's rights; not any message naming a group
    found = stance_features(whole)
    if claims and found == ["_s:approves_punishment"]:  # its 'deserve' may be the right's
        found = stance_features(normalize(" ".join(said)))
    return not found


def _names_group(text: NormalizedText) -> bool:
    from bot.moderation.domain.hate_lexicon import load_lexicon

    return load_lexicon().mentions_group_or_slur(text.squeezed_tokens)


@lru_cache(maxsize=1)
def _frame_words() -> frozenset[str]:
    data = resources.files("bot.moderation").joinpath("data", "rule3_removal.json")
    return frozenset(json.loads(data.read_text(encoding="utf-8"))["frame_words"])


def framed(text: NormalizedText) -> bool:
    """Whether a message holds a word of contrast, of what others do or pretend, or of a
    sarcastic opening (data/rule3_removal.json): then rule 3 flags, never removes."""
    return not _frame_words().isdisjoint(text.tokens)
