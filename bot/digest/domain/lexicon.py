"""The digest's newsroom vocabulary (bot/digest/data/newsroom.yaml) and the word-level helpers
built on it: tokens, honorific stripping, headline verbs, roundup titles.

The vocabulary is read once through importlib.resources (it ships inside the package).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from bot.digest.domain.glued import unglue
from bot.digest.domain.newsroom_data import newsroom_yaml, parse_yaml, word_list

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z0-9]")
# Function words that may sit inside a name ("Academy of Defence Sciences") but never at its ends.
# Days and months: a name made only of these says nothing particular; labels also refuse the
# months' abbreviations.
CALENDAR_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
CALENDAR_WORDS_SHORT = CALENDAR_WORDS | frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "under",
        "over",
        "between",
        "about",
        "against",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
        "these",
        "those",
        "new",
    ]
)
STOP_WORDS = FUNCTION_WORDS | frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "not",
        "but",
        "than",
        "then",
        "there",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "after",
        "before",
        "also",
        "more",
        "most",
        "some",
        "such",
        "other",
        "only",
        "just",
        "one",
        "two",
        "three",
        "all",
        "any",
        "each",
        "many",
        "much",
        "very",
        "own",
        "same",
        "so",
        "no",
        "nor",
        "too",
        "can",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "our",
        "your",
        "us",
        "them",
        "him",
    ]
)


@dataclass(frozen=True)
class Newsroom:
    """The vocabulary, lower-cased: single words and multi-word phrases kept apart."""

    honorific_words: frozenset[str]
    address_phrases: tuple[str, ...]
    office_words: frozenset[str]
    headline_verbs: frozenset[str]
    roundup_titles: tuple[str, ...]
    boilerplate: frozenset[str]
    entourage_openers: tuple[str, ...]
    vague: frozenset[str]
    dangling: frozenset[str] = frozenset()
    travel: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()  # headline words that say who spoke, not what about
    calendar: frozenset[str] = frozenset()  # month and weekday names: a date, not a subject
    occasions: tuple[str, ...] = ()  # what a day marks ("anniversary"): bot.digest.domain.occasions
    visits: tuple[str, ...] = ()  # a journey's kinds ("official visit") in a text
    weighty: tuple[str, ...] = ()  # headline words of military and foreign-policy news
    actors: frozenset[str] = frozenset()  # a party that acts as one ("Delegation"): series.py

    def is_dangling(self, word: str) -> bool:
        """A word that cannot end a noun phrase: an adjective or adverb of headline style
        ("Brisk", "Good", "Fervently") or a particle ("up")."""
        key = fold(word)
        return key in self.dangling or is_adverb(key)

    def is_honorific(self, word: str) -> bool:
        """A form of address or praise ("Respected", "Comrade")."""
        return word.casefold() in self.honorific_words

    def is_verb(self, word: str) -> bool:
        """A verb as headlines use it ("Receives", "Held")."""
        return word.casefold() in self.headline_verbs

    def is_actor(self, word: str) -> bool:
        """A noun of a party that acts as one ("Delegation", "Team")."""
        return word.casefold() in self.actors

    def lists_entourage(self, sentence: str) -> bool:
        """A sentence that lists who came along or was present ("He was accompanied by")."""
        key = " ".join(words(sentence.casefold()))
        return any(key.startswith(opener) for opener in self.entourage_openers)

    def is_roundup_title(self, title: str) -> bool:
        """A daily roundup or newspaper review, judged by its title."""
        key = " ".join(words(title.casefold()))
        # At either end only: "Review of Rodong Sinmun", "Morning briefing", not "Peer review of".
        return any(
            key == cue or key.startswith(cue + " ") or key.endswith(" " + cue)
            for cue in self.roundup_titles
        )

    def tells_weighty(self, title: str) -> bool:
        """A headline of military or foreign-policy news ("... Ballistic Missile ...")."""
        key = f" {' '.join(words(title.casefold()))} "
        return any(f" {phrase} " in key for phrase in self.weighty)

    def tells_travel(self, title: str) -> bool:
        """A headline of a journey's end: a departure or a return ("Players Return Home")."""
        key = f" {' '.join(words(title.casefold()))} "
        return any(f" {phrase} " in key for phrase in self.travel)


_ADVERB_ENDINGS = ("ously", "ively", "fully", "ently", "antly", "edly", "ically", "ingly", "etely")


def is_adverb(word: str) -> bool:
    """An adverb by its ending ("fervently", "vigorously"); "Assembly" and "Rally" are not."""
    return fold(word).endswith(_ADVERB_ENDINGS)


@lru_cache(maxsize=1)
def newsroom() -> Newsroom:
    """The shipped vocabulary (loaded once)."""
    return _build_newsroom(newsroom_yaml())


def parse_newsroom(text: str) -> Newsroom:
    """Build the vocabulary from the YAML text of newsroom.yaml."""
    return _build_newsroom(parse_yaml(text))


def _build_newsroom(raw: dict[str, object]) -> Newsroom:
    def entries(key: str) -> list[str]:
        return word_list(raw, key)

    address = entries("address")
    honorifics = [*address, *entries("praise")]
    return Newsroom(
        honorific_words=frozenset(w for h in honorifics for w in h.split()),
        # Longest first, so "respected comrade" goes before "respected".
        address_phrases=tuple(sorted(address, key=lambda h: (-len(h), h))),
        office_words=frozenset(word for entry in entries("offices") for word in entry.split()),
        headline_verbs=frozenset(entries("headline_verbs")),
        roundup_titles=tuple(entries("roundup_titles")),
        boilerplate=frozenset(entries("boilerplate")),
        entourage_openers=tuple(entries("entourage_openers")),
        vague=frozenset(entries("vague")),
        dangling=frozenset(entries("dangling")),
        travel=tuple(entries("travel")),
        statements=tuple(entries("statements")),
        calendar=frozenset(entries("calendar")),
        occasions=tuple(entries("occasions")),
        visits=tuple(entries("visits")),
        weighty=tuple(entries("weighty")),
        actors=frozenset(entries("series_actors")),
    )


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, inner hyphens, apostrophes and dots kept)."""
    return WORD.findall(text)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word's matching key: case-folded, curly apostrophes straightened, "'s" dropped."""
    key = word.casefold().replace("’", "'")
    return key[:-2] if key.endswith("'s") else key


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """A word's stem ("volunteered" -> "volunt"), for matching a headline with its sentences."""
    return str(_stemmer().stemWord(fold(word)))


def strip_honorifics(text: str) -> str:
    """``text`` without forms of address before names: "Respected Comrade Kim Jong Un Visits X"
    -> "Kim Jong Un Visits X". Words glued by a missing space ("ComradeKim") are split first;
    praise inside names ("Supreme People's Assembly") stays."""
    if len(text) <= _CACHED_CHARS:
        return _strip_short(text)
    return _strip(text)


_CACHED_CHARS = 300  # titles and sentences: worth caching, as every step cleans them again


@lru_cache(maxsize=65536)
def _strip_short(text: str) -> str:
    return _strip(text)


def _strip(text: str) -> str:
    return " ".join(_address_pattern().sub("", unglue(text)).split())


@lru_cache(maxsize=1)
def _address_pattern() -> re.Pattern[str]:
    # Longest phrases first; only before a capitalised name, with the article that precedes it.
    alternatives = "|".join(
        r"\s+".join(map(re.escape, phrase.split())) for phrase in newsroom().address_phrases
    )
    return re.compile(rf"(?i:\b(?:the\s+)?(?:{alternatives}))\b\.?\s*(?=[A-Z])")


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WHEN = re.compile(
    rf"\b(?:on|from|till|until|since|between)\s+(?:(?:{_MONTHS})\.?\s+\d{{1,2}}\b"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\b|(?:{_WEEKDAYS})\b)|\b(?:yesterday|today|tonight)\b"
)
# A dateline ("Pyongyang, October 8 (KCNA) --") says when the report was filed, not when
# something happened: it is skipped.
_DATELINE_END = re.compile(r"^.{0,60}?(?:--|—|–)\s*")
WHEN_CHARS = 400


def is_dated(body: str) -> bool:
    """Whether the lead of ``body`` says when something happened ("on September 13", "on
    Tuesday", "yesterday"): news reports do, features and commentaries rarely do."""
    lead = _DATELINE_END.sub("", body[: WHEN_CHARS + 60], count=1)[:WHEN_CHARS]
    return _WHEN.search(lead) is not None


def cut_appositive(text: str) -> str:
    """ "Kim Jong Un, general secretary of X and president of Y, oversaw ..." -> "Kim Jong Un
    oversaw ...": the titles say who he is, which every reader of the week already knows."""
    pieces = text.split(", ")
    if len(pieces) < 3:
        return text
    head = pieces[0].split()
    if not 1 <= len(head) <= 5 or not all(w[:1].isupper() for w in head):
        return text
    room = newsroom()
    if not any(fold(w) in room.office_words for w in words(pieces[1])):
        return text
    for k in range(2, min(len(pieces), 6)):
        first = pieces[k].split(" ", 1)[0]
        if first[:1].islower() and _looks_like_verb(first):
            return f"{pieces[0]} {', '.join(pieces[k:])}"
    return text


def _looks_like_verb(word: str) -> bool:
    key = fold(word)
    return newsroom().is_verb(key) or key.endswith("ed") or key in _IRREGULAR_PAST


_IRREGULAR_PAST = frozenset(
    [
        "oversaw",
        "saw",
        "gave",
        "made",
        "met",
        "sent",
        "said",
        "told",
        "took",
        "went",
        "came",
        "got",
        "set",
        "led",
        "won",
        "held",
        "wrote",
        "spoke",
        "underlined",
        "stressed",
        "noted",
    ]
)
