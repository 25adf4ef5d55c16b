"""Names and noun phrases in news text, without a tagger.

Names are runs of capitalised words inside a sentence ("Roman Chekushov", "Academy of Defence
Sciences"); a sentence's first word counts only when the next one is capitalised too. Noun
phrases of a headline are its runs of words between verbs and function words ("Flood-hit
Areas", "Youth Day"). Both are what topic labels and the ranking's "named" signal are made of.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from bot.digest.domain.glued import unglue
from bot.digest.domain.lexicon import FUNCTION_WORDS, STOP_WORDS, fold, newsroom

# Words (a plural possessive keeps its apostrophe: "Workers' Party"), or single punctuation marks.
_TOKEN = re.compile(
    r"[A-Za-z0-9][A-Za-z0-9'’.-]*[A-Za-z0-9](?:(?<=s)['’](?=\s))?|[A-Za-z0-9]|[^\sA-Za-z0-9]"
)
_SENTENCE_END = frozenset('.!?:;"“”()[]—–-')
_INNER = frozenset({"of", "the", "and", "for", "de", "la", "al", "bin", "von", "van"})
MAX_NAME_WORDS = 6


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _starts_name(token: str, following: str) -> bool:
    """A capitalised word, or an ordinal or number naming something ("2nd Corps")."""
    if token[:1].isdigit():
        return any(c.isalpha() for c in token) and _capitalised(following)
    return _capitalised(token)


def names(text: str) -> list[str]:
    """Capitalised runs of ``text`` (proper names), in order, as written."""
    return list(_names(text))


@lru_cache(maxsize=4096)
def _names(text: str) -> tuple[str, ...]:
    # Cached: the ranking, the folding and the labels all read the same leads.
    tokens = _TOKEN.findall(unglue(text))
    found: list[str] = []
    run: list[str] = []
    sentence_start = True

    def flush() -> None:
        while run and fold(run[-1]) in _INNER:
            run.pop()
        while run and fold(run[0]) in _INNER:
            run.pop(0)
        for segment in _split_run(run):
            found.append(" ".join(segment))
        run.clear()

    for position, token in enumerate(tokens):
        if not token[0].isalnum():
            if run:  # most tokens end no name: skip the empty flush
                flush()
            sentence_start = token in _SENTENCE_END or sentence_start
            continue
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if _starts_name(token, following):
            # A capitalised first word of a sentence is only a name when a name follows.
            if sentence_start and not run and not _capitalised(following):
                sentence_start = False
                continue
            run.append(token)
        elif run and fold(token) in _INNER:
            run.append(token)
        else:
            if run:
                flush()
        sentence_start = False
    if run:
        flush()
    room = newsroom()
    cleaned = []
    for name in found:
        kept = [w for w in name.split() if not room.is_honorific(w)]
        # "Premier Pak Thae Song" names Pak Thae Song: offices before a name go.
        while len(kept) > 2 and (fold(kept[0]) in _INNER or fold(kept[0]) in room.office_words):
            kept.pop(0)
        while kept and fold(kept[0]) in _INNER:
            kept.pop(0)
        if kept and not all(fold(w) in STOP_WORDS or room.is_verb(w) for w in kept):
            cleaned.append(" ".join(kept))
    return tuple(cleaned)


def _split_run(run: list[str]) -> list[list[str]]:
    """A run too long for one name splits at "and"/"the", then at every inner word."""
    if not run:
        return []
    if len(run) <= MAX_NAME_WORDS and not any(fold(t) == "and" for t in run):
        return [run]
    # "Sinuiju and Uiju" are two names; long runs split at "the" too, then at every inner word.
    for breakers in ({"and"}, {"and", "the"}, _INNER):
        segments: list[list[str]] = [[]]
        for token in run:
            if fold(token) in breakers:
                segments.append([])
            else:
                segments[-1].append(token)
        segments = [s for s in segments if s]
        if all(len(s) <= MAX_NAME_WORDS for s in segments):
            return [trimmed for s in segments if (trimmed := _trim_inner(s))]
    return [s for s in ([t] for t in run if fold(t) not in _INNER)]


def _trim_inner(segment: list[str]) -> list[str]:
    while segment and fold(segment[-1]) in _INNER:
        segment = segment[:-1]
    while segment and fold(segment[0]) in _INNER:
        segment = segment[1:]
    return segment


def ends_phrase(token: str) -> bool:
    """Whether ``token`` ends a noun phrase of a title: punctuation, a function or stop
    word, a verb or a form of address."""
    room = newsroom()
    key = fold(token)
    return (
        not token[0].isalnum()
        or key in FUNCTION_WORDS
        or key in STOP_WORDS
        or room.is_verb(token)
        or room.is_honorific(token)
    )


def phrase_runs(tokens: Iterable[str], breaks: Callable[[str], bool]) -> list[str]:
    """The runs of ``tokens`` between the tokens ``breaks`` says end a phrase."""
    phrases: list[str] = []
    run: list[str] = []
    for token in [*tokens, "."]:
        if breaks(token):
            if run:
                phrases.append(" ".join(run))
            run = []
        else:
            run.append(token)
    return phrases


def headline_phrases(title: str) -> list[str]:
    """The noun phrases of a headline: runs between verbs, function words and punctuation."""
    return phrase_runs(_TOKEN.findall(title), ends_phrase)


def sub_phrases(phrase: str, longest: int = 3) -> Iterable[str]:
    """Every run of 1 to ``longest`` words of ``phrase``, longest first."""
    parts = phrase.split()
    for size in range(min(longest, len(parts)), 0, -1):
        for start in range(len(parts) - size + 1):
            yield " ".join(parts[start : start + size])
