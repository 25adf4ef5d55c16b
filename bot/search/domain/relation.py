"""What a question asks of its subject (its relation concepts) and whether an excerpt says it.

A near-topic question names the page's own people, places and organisations and asks something
the page does not say: "when was Choe Son-hui appointed?" against a passage that names Choe
Son-hui and no appointment, "who founded the Workers' Party?" against one that names the party.
Such an excerpt matches the question's rarest words (its names) and scores like an answer. The
question's relation concepts are its concepts (query.py: a word with its aliases, synonyms and
paraphrases) that are neither names (written with a capital in the question, or in the excerpt:
"kim" in a chatty question) nor question-frame words ("tell", "happened", "article": data,
``bot/search/data/relation.json``). The gate reads (gate.py) ``relation_unmatched``, the share
of them the excerpt (with its title) does not match, and ``relation_missing``, 1 when it matches
none of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import Stemmer

_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'-]*")


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@cache
def frame_terms() -> frozenset[str]:
    """The question-frame words of relation.json, as written and stemmed."""
    text = resources.files("bot.search").joinpath("data", "relation.json").read_text("utf-8")
    words = json.loads(text)["frame"]
    return frozenset(words) | frozenset(_stemmer().stemWords(words))


@lru_cache(maxsize=4096)  # the excerpts of one question, and the question itself, repeat
def capitalised_terms(text: str) -> frozenset[str]:
    """The words ``text`` writes with a capital, lower-cased, as written and stemmed."""
    words = [w.strip("'-").lower() for w in _CAPITALISED.findall(text)]
    return frozenset(words) | frozenset(_stemmer().stemWords(words))


@dataclass(frozen=True)
class Relation:
    """What an excerpt matches of a question's relation concepts (0 without any)."""

    unmatched: float = 0.0  # share of the relation concepts the excerpt does not match
    missing: int = 0  # 1 when it matches none of them


def relation(
    concepts: list[tuple[frozenset[str], ...]],
    hits: list[bool],
    question: str,
    excerpt: str,
) -> Relation:
    """What an excerpt says of ``question``'s relation concepts: ``concepts`` are the concepts
    the gate reads (their index-term options, the question's own first) and ``hits`` whether
    the excerpt (with its title) matches each; ``question`` is the plain question and
    ``excerpt`` the passage's text, read for names."""
    names = capitalised_terms(question) | capitalised_terms(excerpt)
    frame = frame_terms()
    asked = [
        hit
        for options, hit in zip(concepts, hits, strict=True)
        if not (options[0] & names) and not options[0] <= frame
    ]
    if not asked:
        return Relation()
    said = sum(asked)
    return Relation(round(1.0 - said / len(asked), 4), int(said == 0))
