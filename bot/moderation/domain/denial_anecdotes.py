"""Rule 3 on anecdotes and on mockery of the victims, read over a whole message.

Two kinds of denial that name no statement the patterns read and that the model, which weighs
crisis words, scores low: the visitor's anecdote offered as proof ('went to Kaesong, saw food
everywhere', 'my friend did a tour, the kids were chubby, so much for the famine') and jokes at
the victims themselves ('these escapees crying about being sent back, enjoy the consequences').

Both are records in bot/moderation/rules/rule3_denial.yaml: an anecdote needs a witness frame
(``anecdote_frame``) and a claim that people are well (``anecdote_claim``), without a caveat
about what visitors are shown (``anecdote_caveat``); mockery needs a mocking cue
(``victim_mockery``) and a victim (``victim``) or, for the plainest cues ('wah wah', 'pass the
tissues'), a word of the crisis. Neither holds when the message rebuts or speaks against
denial, sympathises with the victims, or reports or denounces what someone said. Always a flag: a moderator reads the thread.
"""

from __future__ import annotations

import re

from bot.moderation.domain.attribution import attribution
from bot.moderation.domain.denial_against import speaks_against
from bot.moderation.domain.denial_cues import quotes_someone
from bot.moderation.domain.denial_model import SYMPATHY
from bot.moderation.domain.denial_patterns import REBUTTAL, names_crisis
from bot.moderation.domain.denial_rules import MORE_REBUTTAL, family
from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.phrases import evidence
from bot.moderation.domain.rulebook import PatternRecord, triggered_records
from bot.moderation.domain.verdict import Action, FilterHit

_FRAMES = family("anecdote_frame")
_CLAIMS = family("anecdote_claim")
_CAVEATS = family("anecdote_caveat")
_VICTIMS = family("victim")
_MOCKERY = family("victim_mockery")
#: Mocking cues plain enough to need only a word of the crisis, not a named victim.
_PLAIN_MOCKERY = frozenset(r.id for r in _MOCKERY if "plain" in r.id)
_SPEAKER = frozenset(["i", "we", "me", "us"])
# Quoted text (straight or curly, single or double quotation marks).
_QUOTED = re.compile(r"[\"“”‘’']([^\"“”‘’']{3,})[\"“”‘’']")


def anecdote_hit(name: str, text: NormalizedText) -> FilterHit | None:
    """A flag for a visitor's anecdote offered as proof, or for mockery of the victims."""
    tokens = frozenset(text.tokens)
    words = " ".join(text.tokens)
    claim = _first(_CLAIMS, tokens, words)
    if claim is not None and _first(_FRAMES, tokens, words) and not _first(_CAVEATS, tokens, words):
        return _flag(name, text, words, claim, "offers an anecdote as proof that people are well")
    mocked = _first(_MOCKERY, tokens, words)
    if mocked is None:
        return None
    record, (start, end) = mocked
    if _first(_VICTIMS, tokens, words) is None and not (
        record.id in _PLAIN_MOCKERY and names_crisis(words)
    ):
        return None
    if not _SPEAKER.isdisjoint(words[:start].split()[-3:]):
        return None  # 'I was crying about the refugees' in that book' cries with them
    if any(
        words[start:end] in " ".join(normalize(q).tokens) for q in _QUOTED.findall(text.original)
    ):
        return None  # 'posted "boo hoo the famine" under the memorial thread' quotes it
    return _flag(name, text, words, mocked, record.reason)


def _first(
    records: tuple[PatternRecord, ...], tokens: frozenset[str], words: str
) -> tuple[PatternRecord, tuple[int, int]] | None:
    for record in triggered_records(records, tokens):  # by one set intersection
        match = record.regex.search(words)
        if match is not None:
            return record, match.span()
    return None


def _flag(
    name: str,
    text: NormalizedText,
    words: str,
    found: tuple[PatternRecord, tuple[int, int]],
    reason: str,
) -> FilterHit | None:
    if (
        REBUTTAL.search(words)
        or MORE_REBUTTAL.search(words)
        or speaks_against(words)
        or SYMPATHY.search(words)
        or quotes_someone(words, words)
        or attribution(text) in ("denounce", "report")
    ):
        # 'mocking escapees with "enjoy the consequences" is vile', 'some guy on twitter
        # wrote "boo hoo the famine" and got 2k likes'
        return None
    record, (start, end) = found
    quoted = evidence(words, start, end)
    return FilterHit(name, 3, Action.FLAG, quoted, f"{reason} ('{quoted}')", False, record.id)
