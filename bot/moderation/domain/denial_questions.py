"""Good-faith questions for rule 3: asking for sources, books or numbers is discussion.

'Any book recommendation on the 90s famine? Something academic, not a memoir' names the
famine and reads, word by word, much like a denial thread; what marks it is the request. A
message asks in good faith when it ends with a question about a source (the older test), or
when any of its sentences is a question that opens as a request ('does anyone have', 'where can
I', 'how many') and asks for reading, sources or figures, and nothing in the message dismisses
the crisis (no stance feature of dismissal: 'how many actually died? a few hundred, like any
bad harvest' plays the numbers down and stays denial). It is a discussion signal: it keeps the
model from flagging alone and lets a low score drop a pattern's hit (denial_model).
"""

from __future__ import annotations

import re

from bot.moderation.domain.attribution import attribution
from bot.moderation.domain.denial_features import AGAINST_CRISIS, stance_features
from bot.moderation.domain.denial_patterns import DISMISSIVE_WORDS, LAUGH, SOURCE_QUESTION
from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.phrases import sentences

_OTHERS_WORDS = frozenset(["quote", "report", "denounce"])
# Asking for sources or reading: 'Any good books on the prison camp system?'
ASKS_FOR_SOURCES = re.compile(
    r"^(?:any|anyone|does anyone|can anyone|can someone|where can i|what are|which|recommend"
    r"|good)\b"
)
# A question that opens as a request for something to read or a figure ...
_REQUEST = re.compile(
    r"^(?:(?:hey|hi|so|ok|okay|genuine question|honest question|quick question) )*(?:any|anyone"
    r"|does anyone|do you|do any of you|can anyone|can someone|could anyone|could someone|would"
    r" anyone|where can i|where do i|where should i|what are|which|is there|are there|recommend"
    r"|recommendations|what is the best|what would you recommend|how many|how much|what is a good"
    r"|what are some|good)\b"
)
# A request needs no question mark when it says it is one: 'any book recommendations on ...',
# 'can someone recommend ...', 'looking for sources on ...'.
_SAID_REQUEST = re.compile(
    r"^(?:any (?:\S+ ){0,3}(?:recommendations?|suggestions?|recs)|anyone (?:have|has|got|know"
    r"|recommend)|(?:can|could) (?:anyone|someone|somebody) (?:recommend|suggest|point)|looking"
    r" for (?:a |an |some |good )?(?:\S+ )?(?:books?|sources?|reading|documentar\w*|papers?)"
    # 'I'd like to see the methodology' (round 15: the model retrained with writers O and Q
    # reads the regression case that says it at 0.77)
    r"|i would (?:like|love|want) to (?:see|read))\b"
)
# ... and names what it asks for.
_WANTED = re.compile(
    r"\b(?:books?|reading|reads|documentar(?:y|ies)|films?|memoirs?|sources?|recommendations?"
    r"|papers?|studies|study|research|articles?|reports?|estimates?|figures|numbers|data"
    r"|statistics|stats|census|podcasts?|courses?|interviews?|archives?|methodology|methods)\b"
)


def asks_for_sources(text: NormalizedText) -> bool:
    """Whether the message asks about or for sources, reading or figures in good faith."""
    words = " ".join(text.tokens)
    if text.plain.rstrip().endswith("?") and (
        SOURCE_QUESTION.search(words) or ASKS_FOR_SOURCES.match(words)
    ):
        # 'why do we treat escapees who get paid per interview as credible?' asks only to
        # dismiss, unless the dismissal is someone else's words ('a professor called the
        # estimates "pure fiction". Anyone know who?').
        return attribution(text) in _OTHERS_WORDS or AGAINST_CRISIS.isdisjoint(
            stance_features(text)
        )
    for sentence, sentence_words in sentences(text):
        asks = (sentence.rstrip().endswith("?") and _REQUEST.match(sentence_words)) or (
            _SAID_REQUEST.match(sentence_words)
        )
        if asks and _WANTED.search(sentence_words):
            return AGAINST_CRISIS.isdisjoint(stance_features(text)) or _doubt_only_asked(text)
    return False


# A doubt put as an open question ('Could the famine numbers be inflated?'), not asserted.
_MODAL_QUESTION = re.compile(r"^(?:could|might|may|can|is it possible|is it likely)\b")


def _doubt_only_asked(text: NormalizedText) -> bool:
    """Whether every dismissal in a message that asks for sources is in an open question
    ('could ... be inflated?') and the rest, without those questions, dismisses nothing and
    does not laugh: 'Could the famine numbers be inflated? I'd like to see the methodology.'"""
    parts = sentences(text)
    rest = [
        plain
        for plain, words in parts
        if not (plain.rstrip().endswith("?") and _MODAL_QUESTION.match(words))
    ]
    if len(rest) == len(parts) or not rest or LAUGH.search(" ".join(text.tokens)):
        return False
    remaining = normalize(" ".join(rest))
    return DISMISSIVE_WORDS.isdisjoint(remaining.tokens) and AGAINST_CRISIS.isdisjoint(
        stance_features(remaining)
    )
