"""Rule 3's scope marks: which of a message's words are negated, which are someone else's.

A bag of words reads 'they're not fine' and 'they're fine', 'it's not propaganda' and 'it's
propaganda', 'Pyongyang calls the reports lies' and 'the reports are lies' alike: the denier's
words are all there. Here a word in a negator's reach is written '!word' and a word in the
clause a reporting cue opens ('says', 'calls', 'act like', 'according to') '^word', in the
model's words, word pairs and stems (the negation-marking trick of sentiment analysis), so the
model learns from every writer what a denier's word weighs in the speaker's own voice, negated
and attributed. A reach ends at a clause or sentence break (normalize's ``Sentence``) or a
breaker ('but', 'though'). The words and reaches are data: data/rule3_marks.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.moderation.domain.normalize import NormalizedText
from bot.moderation.domain.stems import stem_words

NEGATED = "!"
REPORTED = "^"


@dataclass(frozen=True, slots=True)
class MarkRules:
    """The contents of data/rule3_marks.json."""

    negators: frozenset[str]
    negation_reach: int
    reporting: frozenset[str]
    only_after: dict[str, frozenset[str]]
    not_after: frozenset[str]
    reported_reach: int
    breakers: frozenset[str]
    #: Every word that opens a reach: a message with none is never marked.
    cues: frozenset[str]
    #: The denier's words: only these are marked, and each marked one also adds the feature
    #: '_m:!' or '_m:^' (empty: every word in a reach is marked, and no such feature).
    only: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def mark_rules() -> MarkRules:
    """data/rule3_marks.json, read once."""
    data = resources.files("bot.moderation").joinpath("data", "rule3_marks.json")
    raw = json.loads(data.read_text(encoding="utf-8"))
    negators = frozenset(raw["negators"])
    reporting = frozenset(raw["reporting"])
    return MarkRules(
        negators=negators,
        negation_reach=int(raw["negation_reach"]),
        reporting=reporting,
        only_after={k: frozenset(v) for k, v in raw["reporting_only_after"].items()},
        not_after=frozenset(raw["not_after_reporting"]),
        reported_reach=int(raw["reported_reach"]),
        breakers=frozenset(raw["breakers"]),
        cues=negators | reporting,
        only=frozenset(raw.get("marked_words", ())),
    )


def marks(tokens: tuple[str, ...] | list[str], text: NormalizedText) -> list[str] | None:
    """One mark per token ('', NEGATED or REPORTED), or None when no token is marked.
    ``tokens`` is a prefix of ``text.tokens`` (the words the model reads)."""
    rules = mark_rules()
    if rules.cues.isdisjoint(tokens):
        return None
    breaks = {s.start for s in text.sentences}
    for sentence in text.sentences:
        breaks.update(sentence.clause_starts)
    found = [""] * len(tokens)
    negated = reported = 0
    previous = ""
    any_mark = False
    for index, token in enumerate(tokens):
        if index in breaks:
            negated = reported = 0
        if token in rules.breakers:
            negated = reported = 0
        elif reported:
            found[index] = REPORTED
            reported -= 1
            any_mark = True
        elif negated:
            found[index] = NEGATED
            negated -= 1
            any_mark = True
        if token in rules.negators:
            negated = rules.negation_reach
        if token in rules.reporting and previous not in rules.not_after:
            after = rules.only_after.get(token)
            if after is None or previous in after:
                reported, negated = rules.reported_reach, 0
        previous = token
    return found if any_mark else None


def scoped_words(text: NormalizedText, limit: int) -> tuple[list[str], list[str], list[str]]:
    """The model's words (the first ``limit`` tokens without numbers, as
    model.statement_features reads them) and their stems, each with its mark, and the
    '_m:' features of the marked denier's words."""
    tokens = text.tokens[:limit]
    found = marks(tokens, text)
    if found is None:
        words = [t for t in tokens if not t.isdigit()]
        return words, stem_words(words), []
    only = mark_rules().only
    pairs = [
        (m if not only or t in only else "", t)
        for m, t in zip(found, tokens, strict=True)
        if not t.isdigit()
    ]
    words = [t for _, t in pairs]
    stems = stem_words(words)
    extra = sorted({"_m:" + m for m, _ in pairs if m}) if only else []
    return (
        [m + w for (m, _), w in zip(pairs, words, strict=True)],
        [m + s for (m, _), s in zip(pairs, stems, strict=True)],
        extra,
    )
