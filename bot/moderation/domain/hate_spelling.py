"""Misspelt and split rule-1 words: 'refugese', 'deproted', 'Muslms', 'Ref ugees', 'ver min'.

:class:`Speller` corrects a token that no vocabulary knows to the one rule-1 word (a group
name, a slur, a word of contempt or violence) it is a single edit away from (a letter deleted,
added, changed or two swapped), unless an ordinary chat word is as close ('gys' may be 'guys').
It also joins two or three neighbouring fragments that together spell such a word when one of
them is no word of its own ('Ref ugees', 'Jew s', 'fa g gots'), or both are and the result is a
word of contempt ('dis ease'). The vocabulary of the trained models (words seen in real chat)
stands in for a dictionary.
"""

from __future__ import annotations

import itertools
import json
import operator
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from bot.moderation.domain.normalize import squeeze

# Chat spellings of the words rule 1's records read ('shld be deported', 'evry one').
CHAT_SPELLINGS = {
    "shld": "should",
    "shud": "should",
    "shuld": "should",
    "sould": "should",
    "evry": "every",
    "evryone": "everyone",
    "dey": "they",
    "dem": "them",
    "da": "the",
    "ppl": "people",
}
_MIN_LENGTH = 4
_LONG_JOIN = 6
# Fragments too common to be half of a split word ('in sects', 'a rat').
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "is",
        "are",
        "to",
        "of",
        "it",
        "as",
        "at",
        "be",
        "he",
        "we",
        "me",
        "my",
        "no",
        "so",
        "or",
        "and",
        "for",
        "all",
        "i",
        "u",
        "you",
        "by",
        "up",
        "if",
        "its",
        "do",
        "go",
        "us",
    ]
)


ENGLISH_WORDS_FILE = "english_words.json"


@cache
def english_words() -> frozenset[str]:
    """SCOWL's lower-case English words (package data, read once): see data/README.md."""
    resource = resources.files("bot.moderation").joinpath("data", ENGLISH_WORDS_FILE)
    return frozenset(json.loads(resource.read_text(encoding="utf-8"))["words"].split())


@cache
def base_terms() -> frozenset[str]:
    """The squeezed single words of the rule-1 lexicon as written (groups, adjectives,
    singulars, slurs), without the misspellings hate_lexicon derives from them."""
    resource = resources.files("bot.moderation").joinpath("data", "lexicon_rule1.json")
    raw = json.loads(resource.read_text(encoding="utf-8"))
    # Romanised Korean slurs (flag_only) are no target: Korean words romanise close to them.
    terms = {w for w, info in raw["slurs"].items() if "flag_only" not in info["flags"]}
    for key in ("groups", "singulars", "adjectives", "concepts"):
        for words in raw[key].values():
            terms.update(words)
    return frozenset(squeeze(t)[0] for t in terms if " " not in t and "-" not in t)


@cache
def written_terms() -> frozenset[str]:
    """The single-word group names of the rule-1 lexicon as people write them, unsqueezed
    ('immigrants', 'refugees'): pieces a run-together token is split into."""
    resource = resources.files("bot.moderation").joinpath("data", "lexicon_rule1.json")
    raw = json.loads(resource.read_text(encoding="utf-8"))
    terms = {
        t for key in ("groups", "singulars", "adjectives") for ws in raw[key].values() for t in ws
    }
    return frozenset(t for t in terms if t.isalpha())


@cache
def written_forms() -> frozenset[str]:
    """Group names and slurs as people write them, unsqueezed ('russians', 'tranny'): what a
    split word's first fragment is a prefix of ('russi' + 'ans')."""
    resource = resources.files("bot.moderation").joinpath("data", "lexicon_rule1.json")
    raw = json.loads(resource.read_text(encoding="utf-8"))
    slurs = {w for w, info in raw["slurs"].items() if "flag_only" not in info["flags"]}
    return frozenset(t for t in written_terms() | slurs if t.isalpha())


def _is_word(fragment: str) -> bool:
    """Whether a fragment is a word of its own: a dictionary word of three or more letters,
    or a function word ('mu' and 'se' are not, 'is' and 'to' are)."""
    if len(fragment) <= 2:
        return fragment in _FUNCTION
    return fragment in english_words()


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits1(word: str) -> set[str]:
    """Every word one edit away (a letter deleted, swapped, changed or added)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return (
        {a + b[1:] for a, b in splits if b}
        | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        | {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
        | {a + c + b for a, b in splits for c in _LETTERS}
    ) - {word}


class Speller:
    """Corrects tokens towards rule-1 words; see the module docstring."""

    def __init__(
        self,
        targets: Iterable[str],
        strong: Iterable[str],
        common: Iterable[str],
        known: Iterable[str] = (),
    ):
        self._targets = frozenset(t for t in targets if t.isalpha() and len(t) >= _MIN_LENGTH)
        self._strong = frozenset(strong)  # words of contempt a join may make from two words
        self._common = frozenset(common)
        self._known = self._common | frozenset(known)  # chat words and the lexicon's
        index: dict[str, set[str]] = {}
        for word in self._targets:
            for key in _deletes(word) | {word}:
                index.setdefault(key, set()).add(word)
        self._index = index
        self._correct = lru_cache(maxsize=65_536)(self._correct_uncached)
        # What a split rule-1 word can start with ('ref' of 'refugees', 'fa' of 'faggots').
        self._heads = frozenset(
            t[:i] for t in self._targets for i in range(1, len(t)) if t[:i] not in _FUNCTION
        ) | {"w", "a", "i"}
        self._tails = frozenset(t[i:] for t in self._targets for i in range(1, len(t)))
        # ... and of their written forms ('russi' + 'ans' spell 'russians', squeezed 'rusians').
        written = [w for w in written_forms() if squeeze(w)[0] in self._targets]
        self._groups = frozenset(squeeze(w)[0] for w in written)  # group words and slurs
        self._heads |= {w[:i] for w in written for i in range(2, len(w))} - _FUNCTION
        self._tails |= {w[i:] for w in written for i in range(1, len(w))}

    def correct(self, token: str) -> str | None:
        """The rule-1 word an unknown token misspells, or None."""
        return CHAT_SPELLINGS.get(token) or self._correct(token)

    def _correct_uncached(self, token: str) -> str | None:
        if len(token) < _MIN_LENGTH or not token.isalpha() or token in self._known:
            return None
        token = squeeze(token)[0]  # the lexicon's keys are squeezed
        if token in self._targets or token in self._known:
            return None
        keys = _deletes(token)
        keys.add(token)
        found: set[str] = set()
        # Nearly every key is in no index entry: the few that are, picked out in C.
        for key in self._index.keys() & keys:
            found |= self._index[key]
        # Typos rarely touch the first letter: 'ihate' is not 'hate' misspelt.
        found = {w for w in found if w[0] == token[0] and w != token}
        if not found:
            return None
        near = self._common.intersection(_edits1(token))
        if any(squeeze(w)[0] not in self._targets for w in near):
            return None  # an ordinary word as near ('beanes': 'beans')
        if len(found) > 1:
            # 'deportd': 'deported' over 'deport'; 'refugese': 'refugees' over 'refugee'.
            found = {w for w in found if w[-1] == token[-1]} or found
            if len({w[:-1] for w in found}) > 1:
                return None
        return max(sorted(found), key=len)

    def joins(self, tokens: tuple[str, ...]) -> dict[str, str]:
        """'ref ugees' -> 'refugees' for fragments that spell a rule-1 word (see the module
        docstring), keyed by the fragments as they stand in the text."""
        out: dict[str, str] = {}
        heads, tails = self._heads, self._tails
        if heads.isdisjoint(tokens):
            return out  # many messages: no token starts a rule-1 word
        # Only the tokens that may start one ('a', 'i', 'ref', ...) and whose next or next but
        # one token may end one (the tests below skip every other start), picked out in C.
        ends = [*map(tails.__contains__, tokens[1:]), False]
        starts = itertools.compress(
            range(len(tokens) - 1),
            map(operator.and_, map(heads.__contains__, tokens), map(operator.or_, ends, ends[1:])),
        )
        for start in starts:
            for size in (3, 2):
                parts = tokens[start : start + size]
                if len(parts) < size or parts[-1] not in tails:
                    continue
                joined = "".join(parts)
                key = squeeze(joined)[0]
                if key not in self._targets or not all(p.isalpha() for p in parts):
                    continue
                if any(p in _FUNCTION and len(p) > 1 for p in parts):
                    continue
                unknown = [
                    p for p in parts if p not in self._known or (len(p) == 1 and p not in "ai")
                ]
                # A long group word or slur (six letters or more) split so that a fragment
                # is no word of its own: 'mu slims', 'chine se', 'tran ny' (chat has 'ny').
                long = key in self._groups and len(joined) >= _LONG_JOIN
                long = long and not all(map(_is_word, parts))
                if unknown or key in self._strong or long:
                    out[" ".join(parts)] = joined
        return out


class ShortTypos:
    """Misspelt short rule-1 words read from their neighbours: 'gya people', 'i hte them'.

    A word of two to four letters is too short to correct alone ('gy' may be anything), so
    a token no vocabulary knows is corrected only where its neighbour says what it must be:
    before a person noun, to the one group adjective a single edit away ('gya people');
    after 'i' or 'we', to the one verb of hatred or violence a single edit away ('i hte').
    """

    def __init__(
        self, adjectives: Iterable[str], verbs: Iterable[str], person_nouns: Iterable[str]
    ) -> None:
        self._adjectives = self._index(w for w in adjectives if 3 <= len(w) <= 5)
        self._verbs = self._index(w for w in verbs if 3 <= len(w) <= 5)
        self._people = frozenset(person_nouns)

    @staticmethod
    def _index(words: Iterable[str]) -> dict[str, str]:
        """Each one-edit variant (same first letter) of ``words`` mapped to its word; a
        variant of two words maps to '' (ambiguous)."""
        index: dict[str, str] = {}
        for word in words:
            if not word.isalpha():
                continue
            for typo in _edits1(word):
                if typo[:1] == word[0] and 2 <= len(typo) <= 4:
                    index[typo] = word if index.get(typo, word) == word else ""
        return index

    def may_fix(self, token: str) -> bool:
        """Whether some neighbour could make ``token`` a rule-1 word."""
        return bool(self._adjectives.get(token) or self._verbs.get(token))

    def fixes(self, tokens: tuple[str, ...], unknown: set[str]) -> dict[str, str]:
        """Replacements keyed by the two tokens as they stand ('gya people')."""
        out: dict[str, str] = {}
        for i, token in enumerate(tokens[:-1]):
            if token not in unknown:
                continue
            after = tokens[i + 1]
            if after in self._people and self._adjectives.get(token):
                out[f"{token} {after}"] = f"{self._adjectives[token]} {after}"
            elif i and tokens[i - 1] in ("i", "we") and self._verbs.get(token):
                out[f"{tokens[i - 1]} {token}"] = f"{tokens[i - 1]} {self._verbs[token]}"
        return out
