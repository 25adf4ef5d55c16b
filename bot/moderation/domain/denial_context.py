"""What a message is about and whose words it holds, for rule 3's trained model.

Two readings the model's bag of words cannot make:

- everyday senses of crisis words: 'im starving, anyone wanna grab lunch?', 'camping trip got
  rained out', 'stuck in meeting prison all afternoon', 'the North will execute another missile
  test'. A crisis word used so does not put a message on the crisis (the model weighs 'starving'
  and 'prison' as it should when they are about North Korea);
- quoted lines ('> there was never a famine' followed by the member's answer): the stance is the
  answer's, so the model reads the member's own lines, while the quote still says what the
  message is about.
"""

from __future__ import annotations

import re

from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.phrases import word_set

# Everyday senses, matched on a message's tokens joined by spaces. Each match's words are
# not crisis words. (Not 'summer camp' or 'diet': deniers mock the camps and the famine with
# them, 'free summer camp at Songdowon', 'best diet plan in asia'.)
EVERYDAY_SENSE = re.compile(
    r"\b(?:i'm|im|i am|am|we're|we are|i was|i got|getting|got|so|sooo*) (?:so |literally |actually"
    r" |absolutely |already |kinda |lowkey )?(?:starving|starved|hungry)\b"
    r"|\b(?:starving|hungry) (?:for|after)\b"
    r"|\bcamp(?:ing|er|ers|site|sites|fire|fires|ground|grounds)\b"
    r"|\bexecut(?:e|es|ed|ing) (?:a |an |the |another |its |their |his |her |our |my |this |that )?"
    r"(?:\S+ )?(?:tests?|launch(?:es)?|plans?|orders?|code|programs?|strateg(?:y|ies)|trades?"
    r"|plays?|quer(?:y|ies)|commands?|contracts?|drills?|manoeuvres?|maneuvers?|scripts?)\b"
    r"|\bprison break\b|\b(?:meeting|office|work|email|inbox|school|homework|zoom|spreadsheet)"
    r" (?:prison|jail)\b"
    # 'go touch grass': log off, not the famine's grass.
    r"|\b(?:touch|touches|touched|touching|toucha) (?:some |more |real )?grass\b"
)
EVERYDAY_TRIGGERS = word_set(
    """starving starved hungry camping camper campers campsite campsites campfire campfires
    campground campgrounds execute executes executed executing prison jail grass"""
)


def everyday_words(text: NormalizedText) -> frozenset[str]:
    """The crisis-looking words a message uses in an everyday sense ('im starving' at lunch)."""
    if EVERYDAY_TRIGGERS.isdisjoint(text.tokens):
        return frozenset()
    return frozenset(
        word
        for match in EVERYDAY_SENSE.finditer(" ".join(text.tokens))
        for word in match.group(0).split(" ")
    )


def own_lines(text: NormalizedText) -> NormalizedText:
    """The member's own words when the message quotes lines ('> ...') and answers them;
    otherwise the message itself."""
    lines = text.original.splitlines()
    if len(lines) < 2 or not any(line.lstrip().startswith(">") for line in lines):
        return text
    own = [line for line in lines if line.strip() and not line.lstrip().startswith(">")]
    return normalize("\n".join(own)) if own else text


def quoted_lines(text: NormalizedText) -> NormalizedText | None:
    """The lines a message quotes ('> ...') when it answers them; None when it quotes none."""
    lines = text.original.splitlines()
    quoted = [line.lstrip()[1:] for line in lines if line.lstrip().startswith(">")]
    if not quoted or len(quoted) == len([line for line in lines if line.strip()]):
        return None
    return normalize("\n".join(quoted))


# What the crisis is about in everyday words, and who it happens to: with one of these, a
# message without crisis words is still near the crisis.
_NEAR_WORDS = word_set(
    """food foods meal meals rice ration rations hospital hospitals healthcare medicine
    medicines clinic clinics repression repressive coi unicef wfp ngo ngos aid orphans
    orphanage shortage shortages malnourishment stunted purges purged escapee
    traitor traitors smugglers memoir persecution persecuted persecute persecuting
    pity tearful eyewitness eyewitnesses peasants weeds"""
)
# Round 13: where and to whom, said without crisis words ('nobody over there wants to leave',
# 'the ones who left were bought', 'china sends you back', 'border guards shoot a handful').
_NEAR_PHRASES = re.compile(
    r"\b(?:people there|ppl there|folks there|everyone there|everybody there|people up there"
    r"|ordinary people|three generations|sent back|send them back|the 90s|the 1990s"
    r"|human rights|over there|up there|(?:live|lives|living|life) there|living conditions"
    r"|sends? (?:you|them|him|her|people|everyone) back|(?:the )?ones who (?:left|escaped|fled"
    r"|got out|ran)|border guards?|at the border|the border with china|sob stor(?:y|ies)"
    r"|pity porn|re ?educat\w+)\b"
)


def near_topic(topic: NormalizedText) -> bool:
    """Whether a message without crisis words names what the crisis is about in everyday
    words (denial_model.THRESHOLD_NEAR_TOPIC). Naming North Korea alone does not count: the
    model leans towards denial on any message about the country ('North Koreans are
    incredibly resilient people')."""
    if not _NEAR_WORDS.isdisjoint(topic.tokens):
        return True
    return _NEAR_PHRASES.search(" ".join(topic.tokens)) is not None
