"""Whether a topic label part reads well to a reader (issue 15, round 11).

A part is what a label joins with " · ". It is unreadable when it starts or ends with a
particle ("Upon Officials"), starts with a verb ("Become Pioneers", "Finishing Building
Materials"), is a slogan (a praising or condemning adjective before an abstract noun: "Sure
Victory"), ends in a generic noun with neither a name nor an event noun beside it ("Reply
Message", "Central Leadership Body"), or is a lone nationality adjective ("Chinese"). The words
are lists in newsroom.yaml (``label_*``); what counts as a name is read from the week's texts:
a word they capitalise in the middle of a sentence more often than not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from bot.digest.domain.lexicon import CALENDAR_WORDS, FUNCTION_WORDS, STOP_WORDS, fold
from bot.digest.domain.newsroom_data import newsroom_yaml, word_list

_MID_SENTENCE = re.compile(r"(?<=[a-z,;:] )[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class LabelWords:
    """The ``label_*`` lists of newsroom.yaml, folded."""

    edge: frozenset[str]
    verbs: frozenset[str]
    ing_nouns: frozenset[str]
    slogan_adjectives: frozenset[str]
    abstract_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    generic_modifiers: frozenset[str]
    event_nouns: frozenset[str]
    kind_nouns: frozenset[str]
    adjective_endings: tuple[str, ...]
    epithets: frozenset[str]

    #: Listed words that never make a part a name, however they are capitalised.
    not_names: frozenset[str]


@lru_cache(maxsize=1)
def label_words() -> LabelWords:
    """The shipped lists (newsroom.yaml is read once, by newsroom_data)."""
    raw = newsroom_yaml()

    def entries(key: str) -> frozenset[str]:
        return frozenset(word_list(raw, f"label_{key}"))

    verbs = entries("verbs")
    slogan_adjectives = entries("slogan_adjectives")
    abstract_nouns = entries("abstract_nouns")
    generic_nouns = entries("generic_nouns")
    generic_modifiers = entries("generic_modifiers")
    return LabelWords(
        edge=entries("edge_words") | FUNCTION_WORDS | STOP_WORDS,
        verbs=verbs,
        ing_nouns=entries("ing_nouns"),
        slogan_adjectives=slogan_adjectives,
        abstract_nouns=abstract_nouns,
        generic_nouns=generic_nouns,
        generic_modifiers=generic_modifiers,
        event_nouns=entries("event_nouns"),
        kind_nouns=entries("kind_nouns"),
        adjective_endings=tuple(sorted(entries("adjective_endings"))),
        epithets=entries("epithets"),
        not_names=generic_nouns | generic_modifiers | slogan_adjectives | abstract_nouns | verbs,
    )


def capitalised_words(texts: Iterable[str]) -> frozenset[str]:
    """Folded words that ``texts`` write with a capital in the middle of a sentence at least as
    often as without: the words of names ("Phyongan", "Hospital" in a hospital's name)."""
    upper: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for text in texts:
        for word in _MID_SENTENCE.findall(text):
            key = _key(word)
            uses[key] += 1
            upper[key] += word[0].isupper()
    return frozenset(key for key, count in uses.items() if upper[key] * 2 >= count)


def _key(word: str) -> str:
    return fold(word).replace("’", "'").removesuffix("'s").strip("'")


def reads_well(part: str, capitalised: frozenset[str]) -> bool:
    """Whether one label part reads as a topic to a reader (see the module's docstring)."""
    lists = label_words()
    tokens = part.split()
    keys = [_key(w) for w in tokens]
    if not keys or keys[0] in lists.edge or keys[-1] in lists.edge:
        return False
    # A month or a day is a date, not a topic ("July Juche", from "one day in July Juche 107");
    # "May" and "March" also head names ("May Day Stadium", "Arduous March").
    if any(k in CALENDAR_WORDS and k not in ("may", "march") for k in keys):
        return False
    if any(k in lists.epithets for k in keys):
        return False
    first = keys[0]
    if first in lists.verbs:
        return False
    # "Finishing Building Materials", not "Founding Anniversary" (an event noun heads it).
    verb_like = first.endswith("ing") and first not in lists.ing_nouns and first not in capitalised
    if verb_like and not (len(keys) > 1 and keys[-1] in lists.event_nouns):
        return False
    if any(a in lists.slogan_adjectives and b in lists.abstract_nouns for a, b in pairwise(keys)):
        return False

    def is_name(word: str, key: str) -> bool:
        if key in lists.not_names or key in lists.edge:
            return False
        return sum(c.isupper() for c in word) >= 2 or key in capitalised

    named = any(is_name(w, k) for w, k in zip(tokens, keys, strict=True))
    if len(keys) == 1:
        return named and not first.endswith(lists.adjective_endings)
    eventful = any(piece in lists.event_nouns for k in keys for piece in k.split("-"))
    return not (keys[-1] in lists.generic_nouns and not named and not eventful)


def is_bare_name(part: str) -> bool:
    """A part with neither an event noun nor a head saying what kind of thing it names (a
    place, a body, a role): "Janggo", "Nguyen Phu Trong", not "Songrim City"."""
    lists = label_words()
    keys = [piece for word in part.split() for piece in _key(word).split("-")]
    return not any(k in lists.event_nouns or k in lists.kind_nouns for k in keys)


def is_person_like(part: str, capitalised: frozenset[str]) -> bool:
    """A bare name (``is_bare_name``) every word of which the texts write capitalised: a
    person's name, not a common thing ("Rocket Launcher Shells", "White Paper")."""
    return is_bare_name(part) and all(_key(word) in capitalised for word in part.split())


_QUOTATION = re.compile(r"\"[^\"]{0,600}\"|“[^”]{0,600}”")
QUOTATION_WORDS = 8  # a quoted span this long is someone's words; a shorter one is a title


def without_quotations(text: str) -> str:
    """``text`` with its quotations (QUOTATION_WORDS words or more inside quotation marks) cut
    out: a name there is what someone said ("European Atlantic Ocean"), not what happened."""

    def cut(match: re.Match[str]) -> str:
        span = match.group(0)
        return ". " if len(span.split()) >= QUOTATION_WORDS else span

    return _QUOTATION.sub(cut, text)
