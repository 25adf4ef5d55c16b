"""Rule 3 on replies that wave away what they answer without naming it.

'lol no. that never happened', 'none of it is real, we've been over this', '> they were eating
tree bark in hamgyong / they weren't.': the denial is in the answer and the subject in what it
answers (a quoted '> line' in the message, or the Discord message it replies to). The statement
patterns and the model need the crisis named in the member's own words, so they miss these.

The records are rule3_denial.yaml's ``reply`` family (a sweeping dismissal, flagged even when
what it answers is unknown) and ``reply_context`` family ('theyre fine', 'they weren't',
'overblown af': flagged only when the answered text is about the crisis). Nothing fires when
the answered text is the regime's own claim ('never happened lol' under a KCNA harvest report
mocks the regime) or is known and about something else. Every hit flags: a moderator reads
the thread.

The trained model reads a reply the same way (``reply_reading``): the member's own lines carry
the stance (the model is trained on them: training/train_rule3.py), and an answer to an account
of the crisis ('> they shot a guy for watching dramas / good, he knew the rules') is on the
crisis though it names none of it, at a bar of its own (denial_model.THRESHOLD_REPLY).
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.moderation.domain.denial_anecdotes import anecdote_hit
from bot.moderation.domain.denial_context import near_topic
from bot.moderation.domain.denial_insinuation import insinuation_hit
from bot.moderation.domain.denial_model import ModelReading, read
from bot.moderation.domain.denial_patterns import GATE, NK_RE, REBUTTAL, REGIME_SOURCE, names_crisis
from bot.moderation.domain.denial_personal import CRISIS_FEATURES, crisis_stems
from bot.moderation.domain.denial_plight import plight_hit
from bot.moderation.domain.denial_rules import MORE_REBUTTAL, family
from bot.moderation.domain.denial_scare_quotes import scare_quote_hit
from bot.moderation.domain.denial_wellbeing import wellbeing_hit
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.phrases import evidence, sentences
from bot.moderation.domain.verdict import Action, FilterHit

#: Longer messages say what they are about; these records read short answers only.
MAX_WORDS = 25
STANDALONE = family("reply")
IN_CONTEXT = family("reply_context")
# A reply record needs one of these words (a set test before any regex).
TRIGGERS = frozenset(
    [
        "happened",
        "happen",
        "exist",
        "existed",
        "exists",
        "real",
        "invented",
        "fabricated",
        "fake",
        "lies",
        "fiction",
        "hoax",
        "psyop",
        "staged",
        "going",
        "happening",
        "fine",
        "great",
        "ok",
        "okay",
        "fed",
        "starving",
        "not",
        "weren't",
        "werent",
        "aren't",
        "arent",
        "overblown",
        "exaggerated",
        "made",
        "nonsense",
        "bs",
        "bullshit",
        "cap",
        "bro",
    ]
)


def about_crisis(text: NormalizedText) -> bool:
    """Whether a text is about the crisis or North Korea (what a reply may be answering)."""
    if NK_RE.search(" ".join(text.tokens)) is not None or not GATE.isdisjoint(text.tokens):
        return True
    return _tells_of_crisis(text)


def _tells_of_crisis(text: NormalizedText) -> bool:
    """Whether a text tells of the crisis: its phrases, its words as the rule-3 model stems
    them ('tree bark'), what it is about in everyday words ('40% food insecure', 'sent back'),
    or an account's words (deaths, shootings, escapes: data/rule3_replies.json). Naming North
    Korea is not enough: '> NK's U-17 team won again / psyop. next.' is about football."""
    words = " ".join(text.tokens)
    if names_crisis(words):
        return True
    if not account_words().isdisjoint(text.tokens):
        return True
    return not CRISIS_FEATURES.isdisjoint(crisis_stems(text.tokens)) or near_topic(text)


@lru_cache(maxsize=1)
def _replies_data() -> dict[str, Any]:
    """data/rule3_replies.json, read once."""
    resource = resources.files("bot.moderation").joinpath("data", "rule3_replies.json")
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def account_words() -> frozenset[str]:
    """The words of an account of the crisis (data/rule3_replies.json)."""
    return frozenset(_replies_data()["account_words"])


def reply_reading(
    model: LinearTextModel,
    text: NormalizedText,
    own: NormalizedText,
    answered: NormalizedText | None,
    answered_denies: bool = False,
) -> ModelReading:
    """The model's reading of a message that may answer another (``answered``: its quoted
    '> lines' or the Discord message it replies to; ``answered_denies``: a rule-3 pattern
    read denial in it). The stance is in the member's own lines ``own``; the quote still says
    what the message is about. When what it answers is an account of the crisis (not a denial,
    not the regime's claim, not another subject), the answer is on the crisis even if it names
    none of it ('> they walked 3000km to get out / cool story, they could have flown'): it is
    judged at the flag threshold for messages naming the crisis, not at the higher bars for
    messages naming none, and a short one ('cope.') is read too."""
    if answered is None or not _tells_of_crisis(answered):
        return read(model, own, topic=text)
    if answered_denies:
        # Answering a denial, a dismissal dismisses the denial ('> the famine never happened /
        # lmao ok. next'): the answer is on the crisis only if it names it itself.
        return read(model, own)
    if REGIME_SOURCE.search(" ".join(answered.tokens)) is not None:
        return read(model, own, topic=text)  # 'never happened lol' under a KCNA claim
    reading = read(model, own)
    if reading.on_topic:
        return reading  # the answer names the crisis itself: read as any message
    return replace(reading, on_topic=True, near_topic=False, answers_account=True)


def answers_elsewhere(answered: NormalizedText | None) -> bool:
    """Whether a reply answers something known that is not an account of the crisis: the
    regime's own claim, or another subject."""
    if answered is None:
        return False
    return REGIME_SOURCE.search(" ".join(answered.tokens)) is not None or not about_crisis(answered)


@lru_cache(maxsize=1)
def _dismissals() -> tuple[frozenset[str], frozenset[str]]:
    """(heads, fillers) of a bare dismissive reply (data/rule3_replies.json)."""
    raw = _replies_data()
    return frozenset(raw["dismissal_heads"]), frozenset(raw["dismissal_fillers"])


#: A bare dismissal is at most this many words ('ok and', 'sure buddy', 'mid fanfic lol').
DISMISSAL_WORDS = 5


def dismissive_reply(
    name: str, own: NormalizedText, answered: NormalizedText | None, answered_denies: bool
) -> FilterHit | None:
    """A flag when the member's whole answer is a bare dismissal ('cope', 'and?', 'sure
    buddy', 'mid fanfic') of an account of the crisis: every word a dismissal's, one of them
    its head. Not when what it answers denies the crisis itself ('> the famine never happened
    / cope' answers the denier), is the regime's claim, or is about something else."""
    if answered is None or answered_denies or not 0 < len(own.tokens) <= DISMISSAL_WORDS:
        return None
    heads, fillers = _dismissals()
    if heads.isdisjoint(own.tokens) or not set(own.tokens) <= heads | fillers:
        return None
    if answers_elsewhere(answered) or not _tells_of_crisis(answered):
        return None
    said = " ".join(own.tokens)
    return FilterHit(
        name, 3, Action.FLAG, said, f"waves away an account of the crisis ('{said}')", False
    )


def reply_hit(name: str, own: NormalizedText, answered: NormalizedText | None) -> FilterHit | None:
    """A flag when the member's own short answer ``own`` waves away ``answered`` (None when
    what it answers is unknown)."""
    if len(own.tokens) > MAX_WORDS or TRIGGERS.isdisjoint(own.tokens):
        return None
    own_words = " ".join(own.tokens)
    if names_crisis(own_words) or NK_RE.search(own_words) is not None:
        return None  # it names its subject: the statement patterns and the model read it
    records = STANDALONE
    if answered is not None:
        if answers_elsewhere(answered):
            return None  # answering the regime's claim, or something else
        records = STANDALONE + IN_CONTEXT
    for _, words in sentences(own):
        if REBUTTAL.search(words) or MORE_REBUTTAL.search(words):
            return None
        for record in records:
            match = record.regex.search(words)
            if match is None:
                continue
            start, end = match.span("p")
            quoted = evidence(words, start, end)
            return FilterHit(
                name, 3, Action.FLAG, quoted, f"{record.reason} ('{quoted}')", False, record.id
            )
    return None


def what_remains(
    name: str, own: NormalizedText, answered: NormalizedText | None, denies: bool
) -> list[FilterHit]:
    """What the statement patterns and the model leave: replies (``denies``: what it answers
    is itself a denial), scare quotes, anecdotes, laughter or a shrug at the victims."""
    hit = reply_hit(name, own, answered) or dismissive_reply(name, own, answered, denies)
    hit = hit or scare_quote_hit(name, own) or anecdote_hit(name, own)
    hit = hit or plight_hit(name, own, answered) or insinuation_hit(name, own)
    hit = hit or wellbeing_hit(name, own)
    return [] if hit is None else [hit]
