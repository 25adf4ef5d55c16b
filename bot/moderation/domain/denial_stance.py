"""Rule 3's reading of stance: whether a message says, in its own voice, that the crisis is real.

The model weighs crisis words, which messages affirming the crisis are full of ('people in the
provinces still go hungry', 'the state sends whole families to the camps'). A flag on the
model's word alone does not stand against such a sentence (denial_model.model_hit); nor does a
scare quote (denial_scare_quotes). The affirming phrasings are the ``affirmation`` records of
bot/moderation/rules/rule3_denial.yaml; this module decides when a match is the speaker's own
(not negated, asked, conditional, reported, justified, minimised, laughed at or sarcastic).
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_cues import sarcastic
from bot.moderation.domain.denial_patterns import LAUGH, NEGATORS
from bot.moderation.domain.denial_rules import AFFIRMS, NOBODY
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import sentences, word_set


def affirms_crisis(text: NormalizedText) -> bool:
    """Whether a sentence says the crisis is real and grave ('very grim reading', 'that is a
    crisis by any definition', 'they also face chronic hunger'): not after or inside a negation,
    not a question, not in scare quotes, not framed as a comparison or condition ('if torture is
    a crisis then ...', 'suddenly it is a crisis', 'Japanese prisons are brutal too'), in a
    message that neither laughs nor marks itself sarcastic ('Tragic. /s') nor blames the
    victims or waves the subject away ('people starved because they refused to work, not the
    government's fault', '... so these threads are just noise')."""
    all_words = " ".join(text.tokens)
    if LAUGH.search(all_words) or sarcastic(text.plain) or _EXONERATES.search(all_words):
        return False
    for sentence, words in sentences(text):
        if sentence.rstrip().endswith("?") or not _NOT_AFFIRMING.isdisjoint(words.split()):
            continue
        quoted = {w for q in _SCARE_QUOTE.findall(sentence) for w in _WORD.findall(q.lower())}
        for match in AFFIRMS.finditer(words):
            # 'nobody deserves to be tortured': that negation is the affirmation itself
            own = _NO_ONE_SUBJECT.sub("", match.group(0), count=1)
            if NEGATORS.isdisjoint((words[: match.start()] + own).split()[-8:]) and (
                match.group(0).split()[-1] not in quoted  # "it is a 'crisis'" is a scare quote
            ):
                return True
    return False


# Blaming the victims or clearing the state ('not the regime's fault', 'their own fault',
# 'refused to work'), justifying ('they deserved it', 'earned every day of it'), or calling the
# subject noise: a message that does any of these names the suffering to wave it away.
_EXONERATES = re.compile(
    r"\b(?:not|never|isn't|isnt|wasn't|wasnt) (?:the |really the |even the )?(?:government|regime|state"
    r"|party|leadership|kims?|pyongyang|dprk)(?:'s|s)? (?:fault|responsibility|doing)\b"
    r"|\b(?:their|his|her) own (?:fault|doing)\b|\brefused to work\b|\b(?:just|background) noise\b"
    r"|(?<!nobody )(?<!no one )(?<!noone )(?<!no-one )"
    r"\b(?:deserved?|deserves|deserving|earned) (?:it|that|this|what|every|all|to be|to die|to rot"
    r"|punishment|prison|the camps?|a bullet|death)\b"
    # Granting some hunger to say it is no crisis ('So some people are hungry. ... That isn't a
    # crisis', 'Kids in Yemen are actually starving. ... stop inflating it').
    r"|\b(?:isn't|isnt|is not|not|don't see|dont see|do not see) a (?:real |humanitarian )?crisis"
    r"\b(?!,? (?:it's|its|it is|but|of)\b)|\bstop (?:inflating|exaggerating|hyping|overhyping)\b"
    r"|\bfirst world problem\b"
)
_NO_ONE_SUBJECT = re.compile(rf"^{NOBODY}\b")
_SCARE_QUOTE = re.compile(r"[\"“”‘’]\w[^\"“”’]{0,40}[\"“”’]|(?:^|\s)'\w[^']{0,40}'(?=\W|$)")
_WORD = re.compile(r"\w+")
# Frames under which 'is a crisis' or 'are brutal' is not the speaker's own affirmation, and
# approval ('rightly'), minimising or whataboutism ('a few people went hungry', 'people starve everywhere', 'China
# executes more people than anyone').
_NOT_AFFIRMING = word_set(
    """if unless whether suddenly apparently supposedly allegedly too either then so-called
    calling call calls acting pretend pretending saying says claim claims imagine thinking
    believe believing believes tell tells told rightly few everywhere idea meh whoop than"""
)


def exonerates(words: str) -> bool:
    """Whether the words blame the victims, clear the state or justify ('deserved it', 'their
    own fault', 'not the regime's fault'): such a message names the suffering to wave it away."""
    return _EXONERATES.search(words) is not None
