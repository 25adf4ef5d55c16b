"""Shared helpers for detectors that read phrases: sentences and expanded canonical words."""

from __future__ import annotations

import re

from bot.moderation.domain.normalize import NormalizedText, tokenize

CONTRACTIONS: dict[str, str] = {
    "i'll": "i will",
    "we'll": "we will",
    "you'll": "you will",
    "i'd": "i would",
    "we'd": "we would",
    "i'm": "i am",
    "im": "i am",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "u": "you",
    "ya": "you",
    "r": "are",
    "ur": "your",
    "youre": "you are",
    "you're": "you are",
    "it's": "it is",
    "its": "it is",
    "that's": "that is",
    "thats": "that is",
    "there's": "there is",
    "theres": "there is",
    "what's": "what is",
    "they're": "they are",
    "theyre": "they are",
}


def canonical_words(text: str) -> str:
    """A plain text's tokens with common contractions expanded, joined by single spaces."""
    return " ".join(CONTRACTIONS.get(token, token) for token in tokenize(text))


def sentences(text: NormalizedText) -> list[tuple[str, str]]:
    """(plain sentence, canonical words with contractions expanded) for each sentence."""
    get = CONTRACTIONS.get
    tokens = text.tokens
    return [
        (s.plain, " ".join([get(t, t) for t in tokens[s.start : s.end]])) for s in text.sentences
    ]


def word_set(words: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set."""
    return frozenset(words.split())


def alt(words: str) -> str:
    """A regex alternation of space-separated words ('a|b|c' with escaping, longest first).

    Ties in length are in alphabetical order, so the pattern is the same in every process
    (literals of one length cannot both match at one place: their order changes no match)."""
    items = sorted({w.replace("_", " ") for w in words.split()}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(item) for item in items) + ")"


def evidence(words: str, start: int, end: int, limit: int = 80) -> str:
    """The matched phrase, widened to whole words and to at least six words of context when
    the match is a word or two ('no' alone says nothing), at most ``limit`` characters."""
    tokens = words.split(" ")
    first = words.count(" ", 0, start)
    last = words.count(" ", 0, max(start, end - 1))
    while last - first < 5 and (first > 0 or last < len(tokens) - 1):
        first, last = max(0, first - 1), min(len(tokens) - 1, last + 1)
    phrase = " ".join(tokens[first : last + 1])
    return phrase if len(phrase) <= limit else phrase[: limit - 1] + "…"
