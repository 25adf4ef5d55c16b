"""Rule 3's stance reading as model features: what each sentence does with the crisis.

denial_reading.sides_with_victims is a veto: one cue word anywhere ('no', 'only', 'than', '?')
and it says nothing. Here the same sentence readings are features whose weights the model
learns from every writer (training/train_rule3.py), so a message that affirms the crisis with
a negator ('there is no food in rural areas') or states a policy view ('lift the sanctions,
starving people never works') is weighed, not vetoed:

- ``_r:affirm``: a sentence calls the abuses real, documented, ongoing, or stands with the
  victims; ``_r:accuse``: a state or its agents (or sanctions, a foreign government) said to
  inflict them; ``_r:report``: a sentence naming the crisis holds a figure or a source;
- ``_r:sided``: the whole veto reading (denial_reading.sides_with_victims) holds;
- negation scope over the crisis claim: ``_r:neg_crisis`` when a negator reaches a crisis
  word ('there was no famine', 'nobody was tortured'), ``_r:neg_need`` when it reaches what
  people lack ('no food', 'no medicine', 'none came back': scarcity affirmed), and
  ``_r:neg_elsewhere`` when a message's negators reach neither;
- ``_r:policy``: a sentence says what a government, the UN or aid should do;
- ``_r:unsided``: a sentence names the crisis and is none of affirmation, accusation, report.

They are features, not verdicts. Only the weights the model learns decide.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_reading import (
    _ACCUSATION,
    _AFFIRMATION,
    _CRISIS,
    _FIGURE,
    _SOLIDARITY,
    _SOURCE,
    _SOURCE_SAYS,
    sides_with_victims,
)
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import sentences, word_set

PREFIX = "_r:"
NAMES = frozenset(
    PREFIX + name
    for name in word_set(
        "affirm accuse report sided neg_crisis neg_need neg_elsewhere policy unsided"
    )
)

_NEGATORS = word_set(
    """not no never nobody noone none nothing nowhere without isn't isnt aren't arent wasn't
    wasnt weren't werent don't dont doesn't doesnt didn't didnt won't wont can't cant cannot
    hardly barely"""
)
# How many words after a negator it reaches ('there was never any famine').
_SCOPE = 4
# What people lack or lose: a negator reaching one affirms the scarcity.
_NEEDS = re.compile(
    r"^(?:food|rice|corn|grain|meat|medicine|medicines|medical|doctors?|hospitals?|water"
    r"|electricity|power|heating|heat|fuel|aid|help|money|work|jobs?|way|escape|exit|future"
    r"|chance|choice|hope|rights|freedom|trial|lawyers?|news|contact|phones?|internet|access"
    r"|one|body|bodies|word|trace|family|families|came|come|returned|survived|harvest|crops?"
    r"|enough|safe|safety|protection|asylum|shelter|vaccines?)$"
)
_CRISIS_WORD = re.compile(_CRISIS.pattern.replace(r"\b", "^", 1).rsplit(r"\b", 1)[0] + "$")
# A policy view: what a government, the UN, aid or the world should do.
_POLICY = re.compile(
    r"\b(?:should|must|needs? to|has to|have to|ought to|needs|time to|we need)"
    r" (?:\S+ ){0,3}?(?:lift|lifted|ease|eased|end|ended|drop|dropped|keep|impose|tighten"
    r"|send|sent|fund|funded|resume|restart|engage|talk|negotiate|pressure|press|accept|admit"
    r"|take in|grant|stop|sanction|sanctions|aid|open|recognise|recognize|protect)\b"
    r"|\b(?:sanctions|embargo|aid|engagement|diplomacy|talks|policy|policies)\b"
    r"(?: \S+){0,4} (?:never works?|do not work|don't work|dont work|hurt|hurts|hit|hits|starve"
    r"|starving|punish|punishes|kill|kills|make (?:\S+ )?worse|backfire|failed|fail)\b"
)
_FOREIGN_BLAME = re.compile(
    r"\b(?:sanctions|the us|u\.s\.|the united states|america|washington|south korea|seoul"
    r"|the west|western governments|the un|china|beijing|japan)(?: \S+){0,5}"
    r" (?:is |are |was |were |has |have )?(?:complicit|responsible|to blame|guilty|hurt|hurts"
    r"|hurting|starve|starves|starving|starved|punish|punishes|punishing|blocks?|blocked"
    r"|blocking|made (?:it |things )?worse|makes? (?:it |things )?worse|caused?|causes"
    r"|worsened|worsens|contributed)\b"
)


_SIDES = frozenset(["_r:affirm", "_r:accuse", "_r:report"])


def reading_features(text: NormalizedText) -> list[str]:
    """The '_r:' features of a message (see the module docstring)."""
    found: set[str] = set()
    for _, words in sentences(text):
        crisis = _CRISIS.search(words) is not None
        sided = False
        if _AFFIRMATION.search(words) or _SOLIDARITY.search(words):
            found.add("_r:affirm")
            sided = True
        if _ACCUSATION.search(words) or _FOREIGN_BLAME.search(words):
            found.add("_r:accuse")
            sided = True
        if crisis and (
            _FIGURE.search(words) or _SOURCE.search(words) or _SOURCE_SAYS.search(words)
        ):
            found.add("_r:report")
            sided = True
        if _POLICY.search(words):
            found.add("_r:policy")
        if crisis and not sided:
            found.add("_r:unsided")
        found.update(_negation(words.split()))
    if not _SIDES.isdisjoint(found) and sides_with_victims(text):
        found.add("_r:sided")
    return sorted(found)


def _negation(words: list[str]) -> set[str]:
    """Which of neg_crisis / neg_need / neg_elsewhere the sentence's negators reach."""
    if _NEGATORS.isdisjoint(words):
        return set()
    found: set[str] = set()
    for index, word in enumerate(words):
        if word not in _NEGATORS:
            continue
        reach = words[index + 1 : index + 1 + _SCOPE]
        if any(_CRISIS_WORD.match(w) for w in reach) or _CRISIS.search(" ".join(reach)):
            found.add("_r:neg_crisis")
        elif any(_NEEDS.match(w) for w in reach):
            found.add("_r:neg_need")
        else:
            found.add("_r:neg_elsewhere")
    return found
