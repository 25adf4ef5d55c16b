"""Rule 3: a message that grants the crisis is real while saying something else about it.

Minimal pairs show where the model cannot tell denial from discussion: 'Saudi Arabia executes
people and nobody blinks, so NK's executions are whatever' and '..., and NK's executions
deserve the same outrage' share their subject words, and the model reads both as denial. The
difference is an acknowledgement ('was real', 'nobody denies', 'both are terrible', 'that
doesn't excuse ...'): the ``acknowledgement`` records of bot/moderation/rules/rule3_denial.yaml.
A flag on the model's word alone does not stand against one (denial_model.model_hit) unless a
denial frame fires too: a stance feature calling the crisis or its witnesses false or playing
it down, laughter, sarcasm, or an exonerating phrase ('deserved it', 'not the regime's fault').
Pattern hits are not touched.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_cues import sarcastic
from bot.moderation.domain.denial_features import stance_features
from bot.moderation.domain.denial_patterns import LAUGH, NEGATORS
from bot.moderation.domain.denial_rules import family
from bot.moderation.domain.denial_stance import exonerates
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import sentences, word_set
from bot.moderation.domain.rulebook import union

ACKNOWLEDGES = union([r.regex for r in family("acknowledgement")])
# Stance features that make an acknowledgement a concession before the denial ('sure it was
# real, but the "survivors" are paid'); approving of punishment is read by ``exonerates``.
_DENIAL_FRAME = frozenset(
    [
        "_s:witness_liar",
        "_s:crisis_dismissed",
        "_s:conspiracy",
        "_s:playing_down",
        "_s:sarcasm_marker",
        "_s:topic_waved_off",
        "_s:its_over",
        "_s:victim_mocked",
        "_s:scare_quote",
    ]
)
# Words that make the clause someone else's claim or a condition ('if it was real, ...',
# 'people who claim it is slavery'), or one mocked ('people keep crying about NK like it's hell
# on earth'); comparison words ('too', 'than') do not count here.
_NOT_OWN = word_set(
    """if unless whether suddenly apparently supposedly allegedly so-called calling call calls
    pretend pretending imagine claim claims claimed believe believes believing says said
    crying whining whine whines moaning acting"""
)
# Clause boundaries: what follows 'but' or 'so' is the speaker's own conclusion.
_CLAUSE = re.compile(r"\b(?:but|so|yet|though|although|however)\b")
# A contrast anywhere after it makes the acknowledgement a concession ('the famine was real.
# But ...'), and so does 'too' right after it ('that is forced labour too, so ...').
_CONCEDED = re.compile(r"\b(?:but|though|although|however|yet|so what)\b|^ ?(?:\S+ )?too\b")
_NEGATORS = NEGATORS | word_set("none nothing neither")


def acknowledges(text: NormalizedText) -> bool:
    """Whether a sentence, in the speaker's own voice, grants the crisis is real (see the
    module docstring), and no denial frame fires anywhere in the message."""
    split = sentences(text)  # their words read 'that's' as 'that is'
    if not any(ACKNOWLEDGES.search(words) for _, words in split):
        return False  # the common case: no acknowledgement at all
    all_words = " ".join(text.tokens)
    if LAUGH.search(all_words) or sarcastic(text.plain) or exonerates(all_words):
        return False
    if not _DENIAL_FRAME.isdisjoint(stance_features(text)):
        return False
    for index, (sentence, words) in enumerate(split):
        if sentence.rstrip().endswith("?"):
            continue
        later = " ".join(w for _, w in split[index + 1 :])
        for match in ACKNOWLEDGES.finditer(words):
            start = max((m.end() for m in _CLAUSE.finditer(words, 0, match.start())), default=0)
            after = _CLAUSE.search(words, match.end())
            clause = words[start : after.start() if after else len(words)].split()
            rest = words[match.end() :] + " " + later
            if not _NOT_OWN.isdisjoint(clause) or _CONCEDED.search(rest):
                continue  # someone's claim, a condition, or a concession before the denial
            # Only before the match, anywhere in its clause ('I don't think their stories
            # are real', 'none of it is real'): 'nobody denies' holds its own negation.
            before = words[start : match.start()].split()
            if _NEGATORS.isdisjoint(before):
                return True
    return False
