"""Rule 1's pattern records (bot/moderation/rules/rule1_hate.yaml, rule1_counter.yaml).

The hit records are regular expressions over tagged clauses (see :mod:`hate_lexicon`): ``{G}``
stands for a protected group, a slur used of people or a pronoun that refers back to one. The
lexicon supplies the word-list macros (``{DEROGATORY}``, ``{DEHUMANISING}``, ``{EMOTION}``,
``{THREAT_VERB}``, ``{THREAT_PARTICIPLE}``, ``{POSITIVE}``, ``{POSITIVE_VERB}``,
``{NEGATOR}``); the file defines the rest. Families ``threat``, ``dehumanise``, ``derogate``,
``hate``, ``negated-positive`` and ``feeling`` are hits; ``counter``, ``reporting`` and
``condemnation`` (rule1_counter.yaml) are the counter-speech signals :mod:`hate_context` reads.
Negation and counter-speech are judged by :mod:`detectors_hate` after a record matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from bot.moderation.domain.hate_lexicon import Lexicon
from bot.moderation.domain.hate_referent import may_name_woman
from bot.moderation.domain.literal_gate import union_gate, word_runs
from bot.moderation.domain.phrases import word_set
from bot.moderation.domain.rulebook import (
    PatternRecord,
    load_records,
    passing,
    triggered_records,
    union,
)

RULES_FILE = "rule1_hate.yaml"
COUNTER_FILE = "rule1_counter.yaml"
FRAMES_FILE = "rule1_frames.yaml"
#: Hit families in the order findings are ranked (the first is the most serious).
HIT_FAMILIES = ("threat", "dehumanise", "negated-positive", "derogate", "feeling", "hate")
#: Families whose predicate a negator before it flips ('X are not vermin'); the others carry
#: their negation in the pattern ('X don't deserve to live').
NEGATABLE = frozenset(["threat", "dehumanise", "derogate", "feeling", "hate"])
#: Frame families (rule1_frames.yaml) that stand although every clause reads as praise: their
#: good words are no praise ('are born to be maids, it's what they're good at').
PRAISE_PROOF = frozenset(
    [
        "contempt",
        "implicit",
        "conspiracy",
        "stereotype",
        "joke",
        "sarcasm",
        "paternal",
        "endorse",
        "exclusion",
        "backhanded",
        "gendered",
        "sexuality",
        "claim",
        "insult",
    ]
)
#: Frame families a negator shortly before the match denies ('X aren't lazy by nature').
NEGATABLE_FRAMES = frozenset(
    [
        "implicit",
        "conspiracy",
        "stereotype",
        "endorse",
        "exclusion",
        "gendered",
        "sexuality",
        "claim",
    ]
)
#: Frame families read with the referent (hate_referent): an insult through sex or sexuality,
#: past rule 1's gate only when its regex matches (and, for ``gendered``, a woman is named).
#: So are ``claim`` (negatable) and ``insult`` (not): their trigger words are common ('typical',
#: 'girl', 'copy'), and a trigger alone must not open the analysis to every crude tweet.
REFERENT_FAMILIES = ("gendered", "sexuality", "claim", "insult")
#: Laughing emoji: what 'lol' says, in the message as written (the plain text drops emoji).
LAUGHTER = ("\U0001f602", "\U0001f923", "\U0001f606", "\U0001f639")
#: Eye-roll emoji: what '/s' says (sarcasm), likewise dropped by the plain text.
EYE_ROLL = ("\U0001f644", "\U0001f643")
#: Frame families that need neither a group name nor a trigger word (code words, caricature).
CODED_FAMILIES = frozenset(["dogwhistle", "caricature"])


@dataclass(frozen=True, slots=True)
class RecordFamily:
    """The records of one hit family, and the words a clause must contain for any of them to
    match (a set lookup spares most clauses the regexes; None: no such gate)."""

    kind: str
    records: tuple[PatternRecord, ...]
    negatable: bool
    triggers: frozenset[str] | None


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


def lexicon_macros(lex: Lexicon) -> dict[str, str]:
    """The word-list macros, from the shipped lexicon."""
    w = lex.words
    return {
        "DEROGATORY": _alt(w["derogatory"]),
        "DEHUMANISING": _alt(w["dehumanising"]),
        "EMOTION": _alt(w["emotion_verbs"] + w["emotion_phrases"]),
        "THREAT_VERB": _alt(w["threat_verbs"] + w["threat_phrases"]),
        "THREAT_PARTICIPLE": _alt(w["threat_participles"] + w["threat_participle_phrases"]),
        "POSITIVE": _alt(w["positive"]),
        "POSITIVE_VERB": _alt(w["positive_verbs"]),
        "NEGATOR": _alt(w["negators"]),
    }


def _firsts(*lists: list[str]) -> set[str]:
    return {phrase.split(" ")[0] for words in lists for phrase in words}


# Words of the threat records that are not lexicon words ('better off dead', 'on sight').
_THREAT_WORDS = word_set(
    """die burn rot hang suffer perish nuke nukes nuked nuking bomb bombs extinct wiped disappear death extermination genocide
    holocaust gas chambers chamber ovens oven bullets bullet noose live exist breed reproduce
    alive kids children survive dead without wish hope pray sight fire better make let watch
    see killing shooting murdering gassing hanging lynching exterminating eradicating deporting
    burning beating raping torturing slaughtering bombing stabbing eliminating wiping getting
    only"""
)
_HATE_WORDS = word_set("to screw down away fuck go burn rot piss get")


def family_triggers(lex: Lexicon) -> dict[str, frozenset[str]]:
    """The gate words of the families that have one."""
    w = lex.words
    return {
        "threat": frozenset(
            _firsts(
                w["threat_verbs"],
                w["threat_phrases"],
                w["threat_participles"],
                w["threat_participle_phrases"],
            )
            | _THREAT_WORDS
        ),
        "dehumanise": frozenset(_firsts(w["dehumanising"]) | {"qqs"}),
        "hate": frozenset(_firsts(w["emotion_verbs"], w["emotion_phrases"]) | _HATE_WORDS),
        "negated-positive": frozenset(_firsts(w["negators"]) | {"no", "never"}),
    }


def build_families(lex: Lexicon) -> tuple[RecordFamily, ...]:
    """Compile the hit records with the lexicon's macros, grouped by family."""
    records = load_records(RULES_FILE, lexicon_macros(lex))
    triggers = family_triggers(lex)
    unknown = {r.family for r in records} - set(HIT_FAMILIES)
    if unknown:
        raise ValueError(f"{RULES_FILE}: unknown families {sorted(unknown)}")
    families = []
    for kind in HIT_FAMILIES:
        members = tuple(r for r in records if r.family == kind)
        # No alternation prefilter here: measured, one search over the joined records is
        # slower than the records one by one (long macro alternations defeat the engine's
        # literal-prefix scan); the counter-speech records below gain from one.
        families.append(RecordFamily(kind, members, kind in NEGATABLE, triggers.get(kind)))
    return tuple(families)


@dataclass(frozen=True, slots=True)
class CounterPatterns:
    """Counter-speech, reporting and condemnation records (rule1_counter.yaml)."""

    counter: tuple[PatternRecord, ...]
    reporting: tuple[PatternRecord, ...]
    condemnation: tuple[PatternRecord, ...]
    any_counter: re.Pattern[str]
    any_reporting: re.Pattern[str]
    any_condemnation: re.Pattern[str]
    #: Hedges that shield a claim ('I'm just saying', 'no offence, but'): their words are
    #: blanked before the signals are searched, so 'saying' or 'racist' in them is no signal.
    hedges: tuple[PatternRecord, ...] = ()
    #: Words of which a text must hold one for ``any_counter`` (``any_reporting``) to match:
    #: the union of its records' derived gates (None when one has none).
    counter_gate: frozenset[str] | None = None
    reporting_gate: frozenset[str] | None = None
    #: Statements for a group's rights or inclusion ('X should be able to adopt', 'hire more
    #: X'): one search, tried only before a model-only flag.
    any_support: re.Pattern[str] | None = None


@cache
def counter_patterns() -> CounterPatterns:
    """The counter-speech records, compiled once."""
    records = load_records(COUNTER_FILE)
    counter, reporting, condemnation, hedges, support = (
        tuple(r for r in records if r.family == name)
        for name in ("counter", "reporting", "condemnation", "hedge", "support")
    )
    return CounterPatterns(
        counter,
        reporting,
        condemnation,
        union([r.regex for r in counter]),
        union([r.regex for r in reporting]),
        union([r.regex for r in condemnation]),
        hedges,
        union_gate(r.gates[0] if r.gates else None for r in counter),
        union_gate(r.gates[0] if r.gates else None for r in reporting),
        union([r.regex for r in support]) if support else None,
    )


@dataclass(frozen=True, slots=True)
class FramePatterns:
    """Message-level frames (rule1_frames.yaml): the records, each searched only where it may
    match."""

    #: The records; each with a derived literal gate is tried only when its gate passes (a
    #: union of them all cost 95 us a message, measured).
    records: tuple[PatternRecord, ...]
    #: Words of the records that need no group name (one of them must be in the message).
    gate: frozenset[str]
    #: The coded records (family dogwhistle), which need neither a group name nor a word.
    coded: tuple[PatternRecord, ...]
    #: The words of the records with one trigger list (one of them triggers such a record),
    #: and the records with more lists, tried one by one (derived from ``records``).
    single: frozenset[str] = frozenset()
    multiple: tuple[PatternRecord, ...] = ()
    #: The gendered-slur records (family gendered): past the gate only when a woman is named
    #: ('she', 'Sol-ju'), else every crude 'bitch' would open the analysis, whose models then
    #: read the slur's group ('women') as named.
    gendered: tuple[PatternRecord, ...] = ()
    #: Every trigger word of ``gendered``: one set test for nearly every message.
    gendered_gate: frozenset[str] = frozenset()

    @staticmethod
    def with_laughter(plain: str, original: str) -> str:
        """``plain`` with ' lol' added when the message laughs in emoji (which the plain text
        drops), so the joke records' laughter test sees it, and ' /s' when it rolls its eyes."""
        if original.isascii():
            return plain  # no emoji (most messages): nothing to add
        if any(e in original for e in LAUGHTER):
            plain += " lol"
        # ... and ' /s' when it rolls its eyes, so the sarcasm records see the marker.
        return plain + " /s" if any(e in original for e in EYE_ROLL) else plain

    def may_match(
        self, plain: str, words: frozenset[str] | tuple[str, ...], original: str | None = None
    ) -> bool:
        """Whether a message that names no group may still match a frame: every trigger list
        of one record touched (the union gate first: one set test for nearly every message);
        with ``original`` (the text as written), a gendered slur only when said of a woman."""
        gendered = () if self.gendered_gate.isdisjoint(words) else self.gendered
        # Those whose every trigger list is touched, by one set intersection (in order).
        for record in triggered_records(gendered, frozenset(words)) if gendered else ():
            if record.family == "gendered" and not may_name_woman(words):
                continue  # crude chat ('shut up bitch'): no regex searched
            match = record.regex.search(plain)
            if match is not None and (
                record.family != "gendered" or _said_of_woman(plain, original, match)
            ):
                return True
        if not self.gate.isdisjoint(words):
            # any(r.triggered(words) for r in self.records if r.triggers), by one set test
            # for the records with one trigger list.
            if not self.single.isdisjoint(words):
                return True
            if triggered_records(self.multiple, frozenset(words)):
                return True
        # Each coded record searched only when its derived gate passes: one search over
        # them all cost 10 us on nearly every message, measured (a '[a-z]+ia' branch is
        # tried at every word).
        # The coded records whose gates pass (those without gates too), in order, by one set
        # intersection (rulebook.passing), not a call per record.
        for record in passing(self.coded, word_runs(plain)) if self.coded else ():
            if record.regex.search(plain) is not None:
                return True
        return False

    def find(
        self, plain: str, words: frozenset[str], group: bool
    ) -> tuple[PatternRecord, re.Match[str]] | None:
        """The first frame record the plain text matches, and its match (None for nearly
        every message); without a group named, only the coded records and those whose
        triggers the message's words touch."""
        return next(self._found(plain, words, group), None)

    def _found(
        self, plain: str, words: frozenset[str], group: bool
    ) -> Iterator[tuple[PatternRecord, re.Match[str]]]:
        """Every frame record the plain text matches, in the file's order."""
        # A record without a gate is searched on its own, only when it is considered: a
        # union of those four searched first cost more than all four (99 vs 79 us a text).
        for record in passing(self.records, word_runs(plain)):  # the gates, by one intersection
            if record.family in REFERENT_FAMILIES and record.triggers[0].isdisjoint(words):
                continue  # a sexed insult needs its word (its spellings leave no literal gate)
            coded = record.family in CODED_FAMILIES
            if group or coded or (bool(record.triggers) and record.triggered(words)):
                match = record.regex.search(plain)
                if match is not None:
                    yield record, match

    def caricatured(self, plain: str) -> bool:
        """Whether the message holds a caricature (a mock accent): in quote marks it is the
        speaker's own mockery, not someone's words (round 13: every such line in rule 1's
        files was hateful)."""
        return any(
            r.family == "caricature" and r.regex.search(plain) is not None for r in self.coded
        )

    def stands(self, plain: str, words: frozenset[str], group: bool) -> bool:
        """Whether a frame other than blame matches: what a reporting word beside it
        ('posts', 'says') does not make a report, so the statement model's veto does not drop
        it."""
        # gendered-01 stands only when a woman is named (checked in hit, which sees the text as
        # written); here it does not, so the model may still veto it.
        return any(
            r.family not in ("blame", "gendered") for r, _ in self._found(plain, words, group)
        )

    def hit(
        self, plain: str, original: str, words: frozenset[str], group: bool, reporting: bool
    ) -> PatternRecord | None:
        """The frame record that makes a hit, if any: a blame frame not beside a reporting
        word ('X said ... no wonder'), a code word not in quote marks ('the "great
        replacement" is a racist myth' mentions it)."""
        from bot.moderation.domain.hate_context import negated  # it imports this module

        # The first record that stands: a negated or quoted match of one record no longer
        # hides a later record's match ('X are built for Y, not for Z').
        for record, match in self._found(plain, words, group):
            if record.family == "blame" and reporting:
                continue
            if record.family in NEGATABLE_FRAMES and negated(plain, match):
                continue  # 'X aren't lazy by nature', 'X don't secretly run the banks'
            quoted = r"[\"“”'‘’]\s*" + re.escape(match.group(0)) + r"\s*[\"“”'‘’]"
            if record.family == "dogwhistle" and re.search(quoted, original, re.IGNORECASE):
                continue
            if record.family == "gendered" and not _said_of_woman(plain, original, match):
                continue
            return record
        return None


def _said_of_woman(plain: str, original: str | None, match: re.Match[str]) -> bool:
    """An insult of family gendered, not in quote marks, aimed at a woman the message names
    (hate_referent.aimed_at_woman)."""
    from bot.moderation.domain.hate_referent import aimed_at_woman

    slur = re.escape(match.group("p").strip())
    if original is not None and re.search(
        r"[\"“”'‘’]\s*" + slur + r"\s*[\"“”'‘’]", original, re.IGNORECASE
    ):
        return False  # 'she was called a "bitch" on air' mentions it
    return aimed_at_woman(plain, match)


@cache
def frame_patterns() -> FramePatterns:
    """The message-level frame records, compiled once."""
    records = load_records(FRAMES_FILE)
    gendered = tuple(r for r in records if r.family in REFERENT_FAMILIES)
    gated = [r for r in records if r.family not in REFERENT_FAMILIES]
    gate = frozenset(w for r in gated for t in r.triggers for w in t)
    coded = tuple(r for r in gated if r.family in CODED_FAMILIES)
    single = frozenset(w for r in gated if len(r.triggers) == 1 for w in r.triggers[0])
    multiple = tuple(r for r in gated if len(r.triggers) > 1)
    gendered_gate = frozenset(w for r in gendered for t in r.triggers for w in t)
    return FramePatterns(records, gate, coded, single, multiple, gendered, gendered_gate)
