"""How a rule-1 statement is framed: clauses, negation, reported speech, gerund subjects,
reports of how others treat a group, rhetorical questions, and counter-speech.

The statement records (rules/rule1_hate.yaml) say what a clause asserts about a group; these helpers
decide whether the speaker is the one asserting it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.moderation.domain.hate_rules import counter_patterns
from bot.moderation.domain.literal_gate import word_runs
from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.phrases import word_set
from bot.moderation.domain.rulebook import PatternRecord, passing

if TYPE_CHECKING:
    from bot.moderation.domain.hate_lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason the message is hateful (before counter-speech is considered)."""

    kind: str
    reason: str
    matched: str
    quoted: bool
    record: str = ""  # the pattern record that matched (rules/rule1_hate.yaml), if any


# Contractions the statement patterns spell out ('i'm' and 'can't' stay: patterns use them).
CONTRACTIONS = {
    "i'll": "i will",
    "we'll": "we will",
    "you'll": "you will",
    "i'd": "i would",
    "we'd": "we would",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "u": "you",
    "r": "are",
    "ur": "your",
    "youre": "you are",
    "you're": "you are",
}


def clauses(text: NormalizedText) -> Iterator[list[str] | None]:
    """The clauses of a message as token lists, with None after each sentence.

    Clauses end at punctuation (recorded by normalisation) and at 'but', 'however', 'although'
    and 'whereas' (not at 'nothing but', which intensifies rather than contrasts).
    """
    tokens = text.tokens
    for sentence in text.sentences:
        bounds = [*sentence.clause_starts, sentence.end]
        question = sentence.plain.endswith("?")
        for start, end in itertools.pairwise(bounds):
            if question and tokens[start] in RHETORICAL:
                yield [QUESTION, *tokens[start:end]]
                continue
            clause: list[str] = []
            for token in tokens[start:end]:
                if token in _CLAUSE_WORDS and not (clause and clause[-1] in _BUT_INTENSIFIERS):
                    if clause:
                        yield clause
                    clause = []
                    continue
                clause.append(token)
            if clause:
                yield clause
        yield None


QUESTION = "\x00question"
RHETORICAL = {
    "aren't": "are",
    "arent": "are",
    "isn't": "is",
    "isnt": "is",
    "don't": "do",
    "dont": "do",
    "doesn't": "does",
    "doesnt": "does",
    "wouldn't": "would",
    "wouldnt": "would",
    "won't": "will",
    "wont": "will",
    "shouldn't": "should",
    "shouldnt": "should",
    "can't": "can",
    "cant": "can",
    "weren't": "were",
    "wasn't": "was",
}
_CLAUSE_WORDS = frozenset(["but", "however", "although", "whereas"])
_BUT_INTENSIFIERS = frozenset(["nothing", "anything", "all"])


#: A clause that opens by denying what follows: 'it's not true that X ...', 'nobody should
#: think X ...' (not 'it's not racist to say that', which asserts).
DENIED_OPENING = re.compile(
    r"^(?:(?:but|and|so|look|honestly|seriously) )?(?:(?:it's|its|it is|that's|thats|that is)"
    r" (?:just )?(?:not true|untrue|false|a myth|a lie|nonsense|bullshit|a stereotype|a racist"
    r" myth|racist|sexist|homophobic|transphobic|ableist|bigoted) (?:to (?:say|think|claim)"
    r" )?that|(?:nobody|no one|noone)(?: here| in this \S+)? (?:should|gets to|has any reason"
    r" to) (?:think|believe|say|claim|pretend)|(?:i|we) (?:don't|do not|dont|refuse to|won't)"
    r" (?:believe|accept|buy) (?:that|the idea that|the lie that))\b"
)


#: A disclaimer that shields a claim rather than denouncing one: 'that's not racism, that's
#: just statistics', 'I'm not being sexist but ...': its 'racist' is no counter-speech.
DISCLAIMER = re.compile(
    # 'is it racist to point out that ...?': asking leave to say it, not denouncing it
    r"^(?:\S+ ){0,3}?is it (?:really |actually )?(?:wrong|racist|sexist|bigoted|homophobic"
    r"|transphobic|ableist|hateful|offensive) (?:to (?:say|think|point out|notice|admit|believe)"
    r"|if|that)\b|"
    r"\b(?:(?:i'm|im|i am|it's|its|it is|that's|thats|that is|this is|this) not (?:being |even"
    r" |just )?|(?:isn't|isnt|aren't|arent|ain't) (?:being )?|not (?:to be|trying to be|being) )"
    r"(?:racist|racism|sexist|sexism|homophobic|transphobic|ableist|bigoted|bigotry|hateful"
    r"|hate speech)\b"
)


def negated(text: str, match: re.Match[str]) -> bool:
    """A negator shortly before the predicate flips it: 'X are not disgusting', 'I don't hate X'.

    Only words before the predicate count, so a predicate that starts with one ("can't stand")
    is not read as negated.
    """
    if "n" in match.re.groupindex or "n2" in match.re.groupindex:
        return False  # the pattern's meaning includes its own negation ('should not be allowed')
    start = match.start("p") if "p" in match.re.groupindex else match.start()
    before = text[:start]
    for phrase in _NOT_NEGATIONS:
        before = before.replace(phrase, " ")
    return any(word in _NEGATORS for word in before.split(" ")[-6:])


ABOUT_GROUP = frozenset(["derogate", "dehumanise", "hate", "feeling"])


def describes_treatment(text: str, match: re.Match[str]) -> bool:
    """'North Koreans are treated like animals', 'Jews were called vermin': a report of how
    others treat or label the group, unless it prescribes it ('should be treated like')."""
    span = set(text[match.start() : match.end()].split(" "))
    # ... and the verb just before the group: 'posters drew qqg as rats' depicts, not says.
    span.update(text[: match.start()].split(" ")[-3:])
    return _PRESCRIBING.isdisjoint(span) and not _TREATMENT.isdisjoint(span)


_TREATMENT = word_set(
    """treated called seen viewed regarded described portrayed depicted labeled labelled branded
    dismissed considered stereotyped smeared slandered accused denounced vilified demonized
    demonised dehumanized dehumanised painted framed drew drawn draw draws showed shown
    caricatured cast casts"""
)
_PRESCRIBING = word_set("should must need needs deserve deserves ought")


def gerund_subject(text: str) -> bool:
    """'Hating Muslims is stupid': the predicate is about the act, not the group."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if word in ("qqg", "qqs", "qqp"):
            before = [w for w in words[:i] if w not in _FILLERS]
            return (
                len(before) == 1
                and before[0].endswith("ing")
                and before[0] not in ("being", "fucking", "fuckin", "effing", "frigging", "feeling")
            )
    return False


_FILLERS = frozenset(["all", "the", "those", "these", "other", "some", "any", "on", "against"])


def relative_object(text: str) -> bool:
    """'Brokers who sell qqg are vermin', 'people who hate qqg are scum': the group is the
    object in a relative clause, and what follows is said of its subject."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if word in ("qqg", "qqs", "qqp"):
            before = [w for w in words[:i] if w not in _FILLERS]
            relative = [j for j, w in enumerate(before) if w in ("who", "that", "which")]
            return bool(relative) and 1 <= relative[0] <= 2 and len(before) - relative[0] >= 2
    return False


def reported(text: str, match: re.Match[str]) -> bool:
    """'Some people hate X' describes others' hatred; 'I hate X' expresses one's own."""
    before = [w for w in text[: match.start()].split(" ") if w and w not in _SUBJECT_SKIP]
    return bool(before) and before[-1] in _THIRD_PERSON


_SUBJECT_SKIP = frozenset(["really", "still", "just", "do", "does", "did", "so", "truly", "often"])
_THIRD_PERSON = frozenset(
    [
        "people",
        "they",
        "he",
        "she",
        "some",
        "many",
        "others",
        "bigots",
        "racists",
        "homophobes",
        "who",
        "folks",
        "men",
        "guys",
    ]
)


# Phrases that contain a negator but intensify rather than negate.
_NOT_NEGATIONS = ("no better than", "nothing but", "nothing more than", "never anything but")


_NEGATORS = frozenset(
    [
        "not",
        "n't",
        "never",
        "no",
        "nobody",
        "none",
        "nothing",
        "neither",
        "nor",
        "cannot",
        "can't",
        "cant",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "didn't",
        "didnt",
        "isn't",
        "isnt",
        "aren't",
        "arent",
        "wasn't",
        "wasnt",
        "weren't",
        "werent",
        "won't",
        "wont",
        "wouldn't",
        "wouldnt",
        "shouldn't",
        "shouldnt",
        "mustn't",
        "mustnt",
        "hardly",
        "stop",
        "quit",
        "against",
    ]
)


@dataclass(frozen=True, slots=True)
class CounterSpeech:
    any: bool
    strong: bool
    reporting: bool
    condemnation: bool

    def suppresses(self, findings: list[Finding]) -> bool:
        """Whether counter-speech or a condemning quote explains the findings away."""
        if self.strong:
            return True
        if all(f.quoted for f in findings) and (self.reporting or self.condemnation):
            return True  # quoting hate in order to report or condemn it
        return self.reporting and self.condemnation

    def rebuts(self, plain: str, lexicon: Lexicon) -> bool:
        """Whether the signals speak against what the message says of a group: a counter
        signal, or a reporting word before the group ('my uncle says women ...'; in 'if a
        woman ever tells me what to do ...' the group is the speaker, not what is reported)."""
        return self.strong or (self.reporting and reports_group(plain, lexicon))


def hedged(plain: str) -> bool:
    """Whether the message shields what it says with a hedge ('no offence, but', 'just
    asking', 'is it racist to say'; rules/rule1_counter.yaml, family hedge)."""
    return any(r.regex.search(plain) is not None for r in _hedges_that_may_match(plain))


def _hedges_that_may_match(plain: str, runs: frozenset[str] | None = None) -> list[PatternRecord]:
    """The hedge records whose literal gate the text passes (one set test each, not a search:
    a search over them all cost 10 us a message, measured); ``runs``: its word runs."""
    runs = word_runs(plain) if runs is None else runs
    return passing(counter_patterns().hedges, runs)  # one set intersection, in order


def _may(gate: frozenset[str] | None, runs: frozenset[str]) -> bool:
    return gate is None or not gate.isdisjoint(runs)


def counter_speech(plain: str) -> CounterSpeech:
    """Which counter-speech signals (rules/rule1_counter.yaml) a message's plain text shows."""
    patterns = counter_patterns()
    runs = word_runs(plain)
    for hedge in _hedges_that_may_match(plain, runs):
        plain = hedge.regex.sub(" ", plain)  # 'not saying ..., but': shields, not rebuts
        runs = word_runs(plain)
    # A union's search only when the text passes its records' gates (most do not).
    strong = _may(patterns.counter_gate, runs) and patterns.any_counter.search(plain) is not None
    reporting = (
        _may(patterns.reporting_gate, runs) and patterns.any_reporting.search(plain) is not None
    )
    condemnation = patterns.any_condemnation.search(plain) is not None
    return CounterSpeech(strong or reporting, strong, reporting, condemnation)


#: What turns a statement of support around: a negation anywhere ('they don't really belong
#: here') or a contrast after it ('I treat them fairly. However, ...').
_UNSUPPORTIVE = re.compile(
    r"\b(?:not|never|no|nobody|none|dont|doesnt|wont|cant|shouldnt|isnt|arent|but|however|though"
    r"|although|except|unless|yet)\b|n't\b"
)


def reports_group(plain: str, lexicon: Lexicon) -> bool:
    """Whether the first reporting word (rule1_counter.yaml, family reporting) comes before a
    group's name or a slur."""
    found = counter_patterns().any_reporting.search(plain)
    rest = normalize(plain[found.end() :]).squeezed_tokens if found else ()
    return bool(rest) and lexicon.mentions_group_or_slur(rest)


def supports(plain: str) -> bool:
    """Whether the message speaks for a group's rights or inclusion (rule1_counter.yaml,
    family support: 'same-sex couples should be able to adopt', 'hire more X') with no
    negation or contrast anywhere in it."""
    pattern = counter_patterns().any_support
    return (
        pattern is not None
        and pattern.search(plain) is not None
        and _UNSUPPORTIVE.search(plain) is None
    )


#: A quoted span in a message's plain text: '"..."' or "'...'" (a quoted clause is reported).
QUOTED = re.compile(r"\"([^\"]{3,})\"|(?:^|[\s(:])'([^']{3,}?)'(?=[\s.,!?):;]|$)")
