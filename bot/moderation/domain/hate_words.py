"""Rule 1's small word lists and helpers for the tagger (:mod:`hate_lexicon`): phrases that
refer back to a group, words that make a slur aimed at people, conditions that name a group,
typos of long words and reclaimed self-reference. Kept apart so the lexicon module stays one
responsibility."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from bot.moderation.domain.phrases import word_set

DETERMINERS = word_set(
    """a an the every each any all some no those these that this another one most many"""
)
# Phrases that refer back to a group named earlier: 'Their kind don't belong here', 'people
# like that make me sick', 'every one of those things is deranged'. Keyed by their first word.
REFERRING = {
    first: tuple(tuple(p.split()) for p in phrases.split(","))
    for first, phrases in {
        "their": "their kind,their sort,their lot,their type",
        "his": "his kind,his sort,his type,his lot",
        "her": "her kind,her sort,her type",
        "your": "your kind,your sort,your lot,your type",
        "that": "that kind,that lot,that sort",
        "those": "those people,those things,those creatures,those types,those ones",
        "these": "these people,these things,these creatures,these types,these ones",
        "such": "such people",
        "people": "people like that,people like them,people like this,people like those",
        "the": "the lot of them,the lot",
        "all": "all of their kind",
    }.items()
}
# Words before a slur that make it aimed at people (a homonym like 'chink' needs one).
PERSON_CONTEXT = word_set(
    """a an you ur your those these the all dirty fucking stupid filthy bunch like is are
    damn lil little fat ugly that this some such ya yo u them big old dumb lazy nasty pathetic
    worthless smelly useless disgusting whiny sneaky greedy crazy stinking another every any"""
)
# 'a bunch of chinks in Beijing': after these a slur names people whatever follows it.
CROWD = frozenset(["bunch", "pack", "lot", "load", "gang", "horde", "swarm", "group"])
NOT_PERSON_AFTER = frozenset(["in", "of", "the", "your", "my", "growth", "development", "progress"])


def condition_at(squeezed: tuple[str, ...] | list[str], at: int, conditions: dict[str, str]) -> int:
    """The number of words of a condition ('adhd', 'down syndrome') starting at ``at``, else 0."""
    for length in (2, 1):
        if " ".join(squeezed[at : at + length]) in conditions and at + length <= len(squeezed):
            return length
    return 0


def typos(word: str, deletions: bool = True) -> Iterable[str]:
    """One deleted letter or two swapped neighbours, never touching the first letter (typos
    rarely do, and it keeps 'slaughter' from claiming 'laughter')."""
    if deletions:
        # Not the last letter either: 'illegals' minus its s is 'illegal', a different word.
        for i in range(1, len(word) - 1):
            yield word[:i] + word[i + 1 :]
    for i in range(1, len(word) - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def typo_map(words: Iterable[str], known: frozenset[str]) -> dict[str, str]:
    """Misspellings of words of 7+ letters mapped to the word; known words never remapped.

    Shorter words are left alone: 'threat' minus a letter is 'treat', 'smelly' is 'smell'.
    """
    table: dict[str, str] = {}
    for word in words:
        if len(word) >= 7 and word.isalpha():
            for typo in typos(word):
                if typo not in known:
                    table.setdefault(typo, word)
    return table


def refers(tokens: list[tuple[str, str, bytes]], at: int) -> int:
    """The length of a referring phrase ('their kind') starting at ``at``, else 0."""
    words = tuple(word for word, _, _ in tokens[at : at + 4])
    for phrase in REFERRING[words[0]]:
        if words[: len(phrase)] == phrase:
            # 'that kind of paranoia': a kind of something else, not the group again.
            return 0 if words[len(phrase) : len(phrase) + 1] == ("of",) else len(phrase)
    return 0


BE_WORDS = frozenset(["is", "are", "was", "were", "being", "be"])
PAIR_BEFORE = frozenset(["the", "being", "all", "most", "many", "those", "these"])


def said_of_all(prev: str, out: list[str]) -> bool:
    """Whether 'all' before a two-word adjective follows a copula ('qqg are all ...',
    'are qqg all ...'): the adjective is then said of the group, not a group itself."""
    return prev == "all" and not BE_WORDS.isdisjoint(out[-3:-1])


ANYONE = frozenset(["anyone", "anybody", "someone", "somebody", "everyone", "those", "nobody"])
VERBISH = word_set("""are is were was should must can cant can't will deserve need have get""")
#: ... and what may follow a slur that opens a message for it to be the clause's subject (a
#: homonym like 'spic' or 'coon' included): a verb, or an order given to the person named
#: ('spic go home', 'fag get out'): the word's other sense never opens a message that way.
SUBJECT_NEXT = VERBISH | word_set("""go get stay shut piss fuck leave""")


_SELF_ID = re.compile(
    r"(?:^| )(?:i'm|im|i am|we're|we are|as an?|as|us|we|fellow|proud|my|our|me and my"
    r"|ako|akong|kami|kaming)"  # Tagalog 'I' / 'we' ('kaming mga bading')
    r"(?: (?:a|an|proud|fucking|big|bad|black|gay|lil|little|real|queer|happy|out|and|trans|to|be"
    r"|being|old|such|total|mga|ay|isang))*$"
)


def self_identified(words_before: str) -> bool:
    """'I'm a proud dyke', 'my nigga', 'we queers': a slur used of oneself or one's own group.

    ``words_before`` are the canonical words before the slur in its clause.
    """
    return _SELF_ID.search(words_before) is not None


def names_by_phrase(
    squeezed_tokens: tuple[str, ...], adjective_pairs: frozenset[str], conditions: dict[str, str]
) -> bool:
    """A two-word group adjective ('mentally ill') or a person 'with' a condition."""
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(squeezed_tokens)]
    if not adjective_pairs.isdisjoint(pairs):
        return True
    return "with" in squeezed_tokens and any(
        condition_at(squeezed_tokens, i + 1, conditions)
        for i, token in enumerate(squeezed_tokens)
        if token == "with"
    )


#: 'a female dog', 'the male pigs on the farm': a sex word right before an animal word gives
#: the animal's sex; it does not name women or men.
_SEXES = frozenset(["female", "male", "females", "males"])
_ANIMALS = word_set("""dog dogs cat cats pig pigs rat rats cow cows horse horses monkey monkeys
    puppy puppies goat goats sheep chicken chickens hen hens mouse mice rabbit rabbits""")


def modifier(word: str, nxt: str, institutions: frozenset[str]) -> bool:
    """A group word that only modifies the next word: 'the Chinese government', 'Korean food',
    'a female dog' (an animal's sex): not the people."""
    # ... also as a possessive: 'the Uzbek delegation's proposal'.
    owner = nxt[:-2] if nxt.endswith("'s") else nxt
    return owner in institutions or (word in _SEXES and nxt in _ANIMALS)
