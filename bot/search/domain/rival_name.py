"""Whether the excerpt names a rival of a name the question asks about.

A near miss may ask the page's figure of another subject: "how many people in SOUTH Korea have
internet access?" finds "fewer than 1,000 people in NORTH Korea have access to the Internet",
"how many searches does Kim YO-JONG get?" finds "Kim JONG-UN has more than 350,000 monthly
searches". The excerpt matches nearly every word of the question and holds a value of the asked
kind; what it lacks is the one word that sets the asked subject apart, and in its place it
writes a rival beside the same word.

``rival_name`` (a gate feature, gate.py) is 1 when, for two adjacent words of the question, the
excerpt never says one while writing the other beside a rival in its place: before the same
word, another side of a ``contrasts`` group of ``bot/search/data/rival_name.json`` (north /
south); after the same first name (capitalised in the excerpt), another capitalised name, when
the question's word is a name (capitalised in the question, or hyphenated). A hyphenated name
is read by its parts, so "Kim Jong Un" and "Kim Jong-Un" are one name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise

from bot.search.domain.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_OPENS = re.compile(r"[.!?\n]")


@dataclass(frozen=True)
class _Data:
    # Per contrast word: its own side's forms (with the names that say it) and the others'.
    sides: dict[str, tuple[frozenset[str], frozenset[str]]]
    skipped: frozenset[str]
    spelling: float


@cache
def _data() -> _Data:
    text = resources.files("bot.search").joinpath("data", "rival_name.json").read_text("utf-8")
    raw = json.loads(text)
    sides: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for group in raw["contrasts"]:
        every = frozenset(w for side in group for w in side)
        for side in group:
            own = frozenset(side) | frozenset(n for w in side for n in raw["said_as"].get(w, ()))
            sides.update({w: (own, every - frozenset(side)) for w in side})
    skipped = frozenset(raw["skipped"]) | ENGLISH_STOP_WORDS
    return _Data(sides, skipped, float(raw["spelling"]))


@lru_cache(maxsize=1024)
def _words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as written (a possessive "'s" and edge marks dropped)."""
    return tuple(w for w, _, _ in _spaced(text))


@dataclass(frozen=True)
class _Excerpt:
    written: tuple[str, ...]
    joined: tuple[bool, ...]  # only spaces part the word from the next (one name may go on)
    opens: tuple[bool, ...]  # the word opens a sentence
    lower: tuple[str, ...]
    said: frozenset[str]  # the words, lower-cased, and their hyphenated parts


@lru_cache(maxsize=2048)  # the same passages answer many questions
def _excerpt(text: str) -> _Excerpt:
    spaced = _spaced(text)
    lower = tuple(w.lower() for w, _, _ in spaced)
    said = frozenset(lower) | frozenset(p for w in lower for p in _parts(w))
    return _Excerpt(
        tuple(w for w, _, _ in spaced),
        tuple(j for _, j, _ in spaced),
        tuple(o for _, _, o in spaced),
        lower,
        said,
    )


def _spaced(text: str) -> list[tuple[str, bool, bool]]:
    """The words of ``text``, each with whether only spaces part it from the next one (the two
    read as one name: not across a comma or a full stop) and whether it opens a sentence."""
    text = text.replace("\u2019", "'")
    found = list(_WORD.finditer(text))
    out = []
    previous = 0
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        word = m.group().removesuffix("'s").strip("'-")
        if word:
            gap = text[m.end() : end]
            joined = k + 1 < len(found) and gap.isspace() and not m.group().endswith("'s")
            before = text[previous : m.start()] if k else "."
            out.append((word, joined, _OPENS.search(before) is not None))
        previous = m.end()
    return out


def _parts(word: str) -> list[str]:
    return [p for p in word.lower().split("-") if len(p) >= 2] or [word.lower()]


def _said_side(own: frozenset[str], lowered: str, said: frozenset[str]) -> bool:
    """Whether the excerpt says a contrast side: one of its forms as a word, or a name of it."""
    return any(w in said if " " not in w and "." not in w else w in lowered for w in own)


def rival_name(question: str, excerpt: str) -> int:
    """1 when ``excerpt`` writes a rival in place of a name ``question`` asks about, else 0."""
    data = _data()
    asked = _words(question)
    lowered = f" {excerpt.lower()} "
    # Only a pair whose shared word the excerpt holds can meet a rival: most questions stop here.
    if not any(
        (a.lower() in data.sides and f" {b.lower()}" in lowered) or a.lower() in lowered
        for a, b in pairwise(asked)
    ):
        return 0
    seen = _excerpt(excerpt)
    written, joined, opens, lower, said = (
        seen.written,
        seen.joined,
        seen.opens,
        seen.lower,
        seen.said,
    )

    def unsaid(word: str) -> bool:
        return any(not _begins(p, said) for p in _parts(word))

    for i, (first, second) in enumerate(pairwise(asked)):
        a, b = first.lower(), second.lower()
        if a in data.sides:
            own, others = data.sides[a]
            if not _said_side(own, lowered, said) and any(
                w == b and lower[j - 1] in others and joined[j - 1]
                for j, w in enumerate(lower)
                if j > 0
            ):
                return 1
            continue
        named = second[:1].isupper() or "-" in second
        if a in data.skipped or b in data.skipped or not named or not unsaid(b):
            continue
        mine = _name_run(asked, i + 1)
        # A first word capitalised only where a sentence opens is no name ("Fake IDs ...").
        first_named = (i > 0 and first[:1].isupper()) or any(
            x == a and written[k][:1].isupper() and not opens[k] for k, x in enumerate(lower)
        )
        for j, w in enumerate(lower[:-1]):
            after = written[j + 1]
            if w != a or not joined[j] or (opens[j] and not first_named):
                continue
            if not (written[j][:1].isupper() and after[:1].isupper()):
                continue
            # The name's rest compared for a spelling ("Son Hui" / "Sun Hui").
            theirs = _name_run(written, j + 1, joined)
            if SequenceMatcher(None, theirs, mine).ratio() < data.spelling:
                return 1
    return 0


def _name_run(words: tuple[str, ...], start: int, joined: tuple[bool, ...] | None = None) -> str:
    """Up to two words of a name from ``start`` (capitalised or hyphenated), lower-cased."""
    run = [words[start]]
    nxt = start + 1
    named = nxt < len(words) and (words[nxt][:1].isupper() or "-" in words[nxt])
    if named and (joined is None or joined[start]):
        run.append(words[nxt])
    return " ".join(run).lower()


def _begins(part: str, said: frozenset[str]) -> bool:
    """Whether ``part`` is said: as written, or by a word of four letters or more that begins
    it or that it begins ("Korea" / "Koreans")."""
    if part in said or f"{part}s" in said:
        return True
    return any(
        len(w) >= 4 and len(part) >= 4 and (w.startswith(part) or part.startswith(w)) for w in said
    )
