"""Typo variants of rule 1's group words and predicates, added to the lexicon so that a common
misspelling ('muslms', 'disgustin') is read as the word (see :func:`with_typos`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from bot.moderation.domain.hate_lexicon import Lexicon
from bot.moderation.domain.normalize import squeeze

_VOWELS = frozenset("aeiouy")


def _edits(word: str) -> Iterable[str]:
    """One deleted or two swapped letters, never the first letter (typos rarely touch it).

    Short words only lose a vowel ('blck', 'wmen'): dropping a consonant from a short name
    too often spells an ordinary word ('brits' -> 'bits', 'trans' -> 'tans').
    """
    for i in range(1, len(word)):
        if len(word) >= 7 or word[i] in _VOWELS:
            yield word[:i] + word[i + 1 :]
    for i in range(1, len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


# The group names people most often misspell on purpose. Misspellings of every lexicon name
# would be thousands, and without a dictionary too many would be real words ('germs', 'ruins').
_TYPO_TARGETS = frozenset(
    squeeze(word)[0]
    for word in [
        "women",
        "woman",
        "females",
        "black",
        "blacks",
        "muslim",
        "muslims",
        "islam",
        "jews",
        "jewish",
        "immigrants",
        "immigrant",
        "migrants",
        "refugees",
        "trans",
        "transgender",
        "transgenders",
        "disabled",
        "asian",
        "asians",
        "arabs",
        "mexicans",
        "latinos",
        "homosexuals",
        "homosexual",
        "lesbians",
        "lesbian",
        "gays",
        "africans",
        "christians",
        "hindus",
        "catholics",
        "foreigners",
        "chinese",
        "koreans",
    ]
)
# Short words the trained model's vocabulary may lack, which a misspelling must not claim.
_SHORT_WORDS = frozenset(
    ["asin", "tarns", "tarn", "jaws", "gays", "black", "blank", "block", "woken", "omen", "backs"]
)


def with_typos(lexicon: Lexicon, common_words: Iterable[str]) -> Lexicon:
    """A copy of ``lexicon`` that also knows misspelt group names and group adjectives
    ('jwes', 'blck', 'muslms'), unless the misspelling is a word chat uses ('back', 'gas')."""
    common = frozenset(common_words) | _SHORT_WORDS
    taken = (
        set(lexicon.groups)
        | set(lexicon.singulars)
        | set(lexicon.adjectives)
        | set(lexicon.slurs)
        | {w for words in lexicon.words.values() for w in words}
    )

    def misspellings(table: dict[str, str], min_len: int) -> dict[str, str]:
        extra: dict[str, str] = {}
        for key, category in table.items():
            if " " in key or len(key) < min_len or not key.isalpha():
                continue
            if key not in _TYPO_TARGETS:
                continue
            for typo in _edits(key):
                # Deleting the last letter makes a singular ('jew' from 'jews'): skip it.
                if len(typo) < 4 or typo == key[:-1] or typo in common or typo in taken:
                    continue
                extra.setdefault(typo, category)
        return extra

    groups = {**misspellings(lexicon.groups, 4), **lexicon.groups}
    adjectives = {**misspellings(lexicon.adjectives, 5), **lexicon.adjectives}
    new_groups = frozenset(groups) - frozenset(lexicon.groups)
    # 'gay peple', 'black poeple': the noun after a group adjective, misspelt.
    person_nouns = lexicon.person_nouns | {
        typo
        for noun in ("people", "persons", "folks")
        for typo in _edits(noun)
        if len(typo) >= 4 and typo not in common and typo not in taken
    }
    return replace(
        lexicon,
        groups=groups,
        adjectives=adjectives,
        person_nouns=frozenset(person_nouns),
        gate_words=lexicon.gate_words | new_groups,
        context_words=lexicon.context_words | frozenset(adjectives),
    )
