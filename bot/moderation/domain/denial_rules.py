"""Rule 3's pattern records (bot/moderation/rules/rule3_denial.yaml), compiled once.

The records use the vocabulary macros of :mod:`denial_patterns` (TOPIC, CAMP, NK_SUBJECT,
DISMISSIVE, FILL); families ``denial``, ``mockery`` and ``smear`` are hits, ``rebuttal`` and
``contradiction`` are the exemptions the detector checks after a hit, ``frame_before`` and
``frame_after`` the words around a hit that make it someone else's claim or one the speaker
refuses to make.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_cues import mentions_quoted
from bot.moderation.domain.denial_patterns import (
    CAMP,
    CORE_TOPIC_RE,
    DISMISSIVE,
    DISMISSIVE_WORDS,
    FILL,
    HEDGE,
    NEGATORS,
    NK_SUBJECT,
    SOFT_DISMISSIVE,
    TOPIC,
)
from bot.moderation.domain.rulebook import PatternRecord, load_records, union

RULES_FILE = "rule3_denial.yaml"
#: A subject that is no one ('nobody deserves to be ...'): it turns a claim into its opposite.
NOBODY = r"(?:nobody|no one|noone|no-one)"
MACROS = {
    "NOBODY": NOBODY,
    "TOPIC": TOPIC,
    "CAMP": CAMP,
    "NK_SUBJECT": NK_SUBJECT,
    "DISMISSIVE": DISMISSIVE,
    "FILL": FILL,
}

RECORDS: tuple[PatternRecord, ...] = load_records(RULES_FILE, MACROS)
#: The hit families, in the order the detector tries them.
HIT_FAMILIES = ("denial", "mockery", "smear")


#: Records whose hit no rebuttal word or discussion signal exempts (PatternRecord.sarcastic).
SARCASTIC = frozenset(r.id for r in RECORDS if r.sarcastic)


def family(name: str) -> tuple[PatternRecord, ...]:
    """The records of one family, in file order."""
    return tuple(r for r in RECORDS if r.family == name)


def _one(name: str) -> re.Pattern[str]:
    found = family(name)
    if len(found) != 1:
        raise ValueError(f"{RULES_FILE}: expected one '{name}' record, found {len(found)}")
    return found[0].regex


# Rebuttals and reports of denial beyond denial_patterns.REBUTTAL ('... my uncle says, but
# he's wrong', 'Claiming X is an insult to the victims').
MORE_REBUTTAL = _one("rebuttal")
# A short sentence that contradicts the one before: 'Tankies say it was exaggerated. It's not.'
CONTRADICTS_PREVIOUS = _one("contradiction")
# Words just before a hit that embed it ('I am not going to pretend | the famine did not
# happen', 'that does not mean | ...', 'the guy who tried to argue | ...'), and just after it
# ('"everyone in NK is well fed", | says the guy whose only source is KCNA').
FRAME_BEFORE = _one("frame_before")
FRAME_AFTER = _one("frame_after")


def span_of(words: str, cue: re.Match[str] | None, predicate: str) -> tuple[int, int]:
    """Where the broad net's claim lies: the existence denial it matched, or from the crisis
    word before the dismissive word to that word ('the famine was fake')."""
    if cue is not None:
        return cue.start(), cue.end()
    at = max(0, words.find(predicate))
    starts = [m.start() for m in CORE_TOPIC_RE.finditer(words, 0, at + len(predicate))]
    return (starts[-1] if starts else at), at + len(predicate)


def not_asserted(sentence: str, words: str, span: tuple[int, int], predicate: str) -> bool:
    """Whether a hit's claim (``words[span[0]:span[1]]``, its dismissive ``predicate``) is not
    the speaker's own: embedded in a frame (``framed``) or inside a quoted claim
    (``denial_cues.mentions_quoted``)."""
    return (
        framed(words, *span) or mentions_quoted(sentence, predicate) or ironic_echo(words, span[0])
    )


# 'ah yes, the famine was faked by the CIA, who also ...', 'sure, every defector is a CIA
# actor': a sentence that opens with mock agreement and echoes the denial at once mocks the
# deniers. (Mockery of the crisis echoes the crisis instead, 'yes yes, millions dead, ...', and
# a concession goes on with 'but': 'sure, a few died, but calling it a famine ...'.)
IRONIC_ECHO = _one("ironic_echo")
_DENIAL_RECORDS = family("denial")


def ironic_echo(words: str, start: int) -> bool:
    """Whether the hit starting at ``words[start]`` echoes a denial in mock agreement."""
    return IRONIC_ECHO.match(words[:start].rstrip()) is not None


def framed(words: str, start: int, end: int) -> bool:
    """Whether the claim at ``words[start:end]`` is embedded in a frame that is not the
    speaker's assertion of it: a negated saying or consequence up to two words before it ('not
    going to pretend the ...', 'that does not mean ...'), someone's attempt to claim it, or an
    attribution right after it ('..., says the guy who ...')."""
    before = words[:start].split()[-10:]
    for cut in range(3):
        head = before[: len(before) - cut]
        if head and FRAME_BEFORE.search(" ".join(head)):
            return True
    return FRAME_AFTER.search(words[end:].lstrip()) is not None


# A sentence calling the crisis real and grave ('very grim reading', 'it was horrific'): a
# flag on the model's word alone does not stand against it (denial_stance.affirms_crisis).
AFFIRMS = union([r.regex for r in family("affirmation")])
# Rebuttals that name the denial they answer ('... doesn't make the camps imaginary', 'nothing
# justifies torture', 'stop calling survivors liars'): discussion even against a sure model
# (denial_model.strong_signal).
COUNTER_DENIAL = union([r.regex for r in family("counter_denial")])


# 'nobody deserves to be tortured for ...': a claim whose subject is no one says the opposite.
_NO_ONE_BEFORE = re.compile(
    rf"\b(?:{NOBODY}|no human being|no human|no person|none of them|not one of them"
    r"|not a single one of them)(?: (?:ever|really|truly|actually))? $"
)


def negated(words: str, match: re.Match[str]) -> bool:
    """Whether a dismissive word the pattern matched is negated in the three words before it
    ('was not exaggerated', 'is not a hoax'), or the claim's subject is no one ('nobody
    deserves to ...'). Only dismissive words: in 'never happened' or 'is not real' the negator
    is the denial itself."""
    start = match.start()
    if _NO_ONE_BEFORE.search(words, max(0, start - 40), start):
        return True
    predicate = match.group("p")
    first = predicate.split(" ", 1)[0]
    if first not in DISMISSIVE_WORDS and not first.startswith(SOFT_DISMISSIVE):
        return False
    before = words[match.start() : match.start("p")].split(" ")[-4:]
    return not NEGATORS.isdisjoint(before)


# 'wildly inflated' claims a gross distortion, not a doubt about one figure.
_INTENSIFIED = re.compile(
    r"\b(?:wildly|massively|hugely|grossly|vastly|absurdly|ridiculously|insanely|way|totally"
    r"|completely|extremely|enormously|heavily|so|super|really|comically|laughably) (?:\S+ )?$"
)
_FIGURE_HEDGES = frozenset(
    {"estimate", "estimates", "numbers", "figures", "death toll", "count", "counts"}
)


def hedged(words: str, match: re.Match[str]) -> bool:
    """Whether a hedge comes up to the end of the claim ('some defectors lie'). A hedge that is
    only a figure ('the death toll') does not count when the claim is intensified: 'the famine
    death toll is wildly inflated' plays the famine down, it does not question one estimate."""
    intensified = _INTENSIFIED.search(words, 0, match.start("p")) is not None
    for hedge in HEDGE.finditer(words, 0, match.end()):
        if not (intensified and hedge.group(0) in _FIGURE_HEDGES):
            return True
    return False


# Mock agreement opens with one of these within its first three words ('ah yes', 'oh sure',
# 'of course'): a set test spares most sentences the denial records' regexes.
_AGREEMENT_WORDS = frozenset({"yes", "sure", "right", "course"})


def echoes_denial(words: str) -> bool:
    """Whether a sentence echoes a denial record in mock agreement (``ironic_echo``): 'oh
    sure, the camps never existed, that's why the satellites keep finding guard towers'."""
    if _AGREEMENT_WORDS.isdisjoint(words.split(" ", 3)[:3]):
        return False
    for record in _DENIAL_RECORDS:
        match = record.regex.search(words)
        if match is not None and ironic_echo(words, match.start()):
            return True
    return False
