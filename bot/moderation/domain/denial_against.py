"""Rule 3: whether a message speaks against denial or against mocking the victims.

A discussion signal of denial_model (it vetoes the model's unsure flag and a pattern's hit the
model does not back) and of denial_anecdotes.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_patterns import REBUTTAL
from bot.moderation.domain.denial_rules import MORE_REBUTTAL

# Speaking against denial or against mocking the victims: moderation talk ('reported it',
# 'rule 3', 'screenshot for the mods'), calling the mockery cruel, and rebuttals by evidence
# (sarcasm at the deniers: MOCK_PRAISE and DENIERS_CLAIM).
AGAINST_DENIAL = re.compile(
    r"\b(?:reported (?:it|them|this|that|him|her)|rule ?3|for the mods|got banned|(?:please )?"
    r"delete (?:it|this|that)|screenshot|isn't funny|is not funny|isnt funny|not funny|(?:is|it's|"
    r"its) cruel|tasteless|says more about you|people actually died|any less real|doesn't make"
    r" (?:\S+ ){0,4}(?:fake|less real|lies|untrue|false)|the hoax crowd|deniers?|denialism"
    r"|literally wrote|is a dodge|ignores (?:\S+ )?(?:hundreds|thousands|the"
    r" evidence|the testimon\w*)|confirmed by|based on real accounts|keep the sarcasm away"
    r"|shouldn't be doing|should not be doing"
    # Naming the tactic is answering it: 'that's whataboutism', 'is victim blaming, full
    # stop', 'a non sequitur', 'indefensible', 'punching down', 'denial with extra steps'.
    r"|whataboutism|victim blaming|non sequitur|indefensible|punching down|denial with extra"
    r" steps|(?:isn't|is not|that's not|thats not) how evidence works)\b"
)
# Mock praise ('ah yes', 'famously') is sarcasm at whatever it names: at the deniers when it
# names their claim or its source ('ah yes, the CIA, famously able to fake 30,000 testimonies',
# 'ah yes, KCNA, famous for never embellishing'), at the victims otherwise ('ah yes, the brave
# escapees, famous for never embellishing anything'). Leave-one-writer-out, 'ah yes' as a
# signal alone: 0 of 16 denials caught, 9 ok allowed (bench/RESULTS.md, moderation-eval).
MOCK_PRAISE = re.compile(r"\b(?:ah yes|famously)\b")
DENIERS_CLAIM = re.compile(
    r"\b(?:cia|conspiracy|conspiracies|faked?|faking|fakes|coordinated|kcna|embassy|state media"
    r"|regime's|proves?|proof|checkmate|surplus|agency|psyop|hoax|deniers?|nis)\b"
)


def speaks_against(words: str) -> bool:
    """Whether a message's words speak against denial or the mockery (AGAINST_DENIAL), or mock
    the deniers' claim (MOCK_PRAISE naming a DENIERS_CLAIM word)."""
    return AGAINST_DENIAL.search(words) is not None or (
        MOCK_PRAISE.search(words) is not None and DENIERS_CLAIM.search(words) is not None
    )


# 'X is real' rebuts denial; 'nothing they publish about the camps is real' and 'none of the
# repatriation stuff is real' deny. Leave-one-writer-out, 'is real' as a rebuttal: 7 denials
# missed (bench/RESULTS.md, moderation-eval).
SWEEPING_NOT_REAL = re.compile(r"\b(?:nothing|none)\b(?: \S+){0,12} (?:is|are|was|were) real\b")
# ... and 'if the camps are real, why ...' doubts them: a conditional grants nothing.
CONDITIONAL_REAL = re.compile(
    r"\b(?:if|unless|whether|supposedly)\b(?: \S+){0,5} (?:is|are|was|were) (?:\S+ )?real\b"
)


def rebuts(words: str) -> bool:
    """Whether a message's words rebut or report denial (REBUTTAL, MORE_REBUTTAL), leaving out
    a sweeping 'nothing / none of ... is real' and a conditional 'if ... are real'."""
    if "real" in words:
        words = CONDITIONAL_REAL.sub(" ", SWEEPING_NOT_REAL.sub(" ", words))
    return REBUTTAL.search(words) is not None or MORE_REBUTTAL.search(words) is not None


# An account told to be laughed at or disbelieved: 'imagine believing a woman who says she saw
# ...', 'people will make up anything for attention', 'they'll say anything for a book deal'.
# Such a message tells of abuses without reporting them (denial_model.strong_signal).
MOCKED_ACCOUNT = re.compile(
    r"\bimagine (?:believing|buying|trusting|falling for)\b|\b(?:will|would|'ll) (?:make up|say"
    r"|invent) (?:anything|everything|whatever)\b|\bmake up anything\b"
)


def mocks_account(words: str) -> bool:
    """Whether a message tells an account only to mock or disbelieve it (MOCKED_ACCOUNT)."""
    return MOCKED_ACCOUNT.search(words) is not None
