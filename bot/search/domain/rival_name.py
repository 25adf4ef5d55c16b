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
from functools import cache
from importlib import resources
from itertools import pairwise

from bot.search.domain.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


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


def _words(text: str) -> list[str]:
    """The words of ``text`` as written (a possessive "'s" and edge marks dropped)."""
    return [w for w, _, _ in _spaced(text)]


def _spaced(text: str) -> list[tuple[str, bool, bool]]:
    """The words of ``text``, each with whether only spaces part it from the next one (the two
    read as one name: not across a comma or a full stop) and whether it opens a sentence."""
    text = text.replace("\u2019", "'")
    found = list(_WORD.finditer(text))
    out = []
    for k, m in enumerate(found):
        after = found[k + 1] if k + 1 < len(found) else None
        word = m.group().removesuffix("'s").strip("'-")
        joined = after is not None and not text[m.end() : after.start()].strip()
        before = text[found[k - 1].end() : m.start()] if k else "."
        if word:
            opens = any(c in before for c in ".!?\n")
            out.append((word, joined and not m.group().endswith("'s"), opens))
    return out


def _parts(word: str) -> list[str]:
    return [p for p in word.lower().split("-") if len(p) >= 2] or [word.lower()]


def _said_side(own: frozenset[str], lowered: str, said: set[str]) -> bool:
    """Whether the excerpt says a contrast side: one of its forms as a word, or a name of it."""
    return any(w in said if " " not in w and "." not in w else w in lowered for w in own)


def rival_name(question: str, excerpt: str) -> int:
    """1 when ``excerpt`` writes a rival in place of a name ``question`` asks about, else 0."""
    data = _data()
    asked = _words(question)
    spaced = _spaced(excerpt)
    written = [w for w, _, _ in spaced]
    joined = [j for _, j, _ in spaced]
    opens = [o for _, _, o in spaced]
    lower = [w.lower() for w in written]
    lowered = f" {excerpt.lower()} "
    said = set(lower) | {p for w in lower for p in _parts(w)}

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


def _name_run(words: list[str], start: int, joined: list[bool] | None = None) -> str:
    """Up to two words of a name from ``start`` (capitalised or hyphenated), lower-cased."""
    run = [words[start]]
    nxt = start + 1
    named = nxt < len(words) and (words[nxt][:1].isupper() or "-" in words[nxt])
    if named and (joined is None or joined[start]):
        run.append(words[nxt])
    return " ".join(run).lower()


def _begins(part: str, said: set[str]) -> bool:
    """Whether ``part`` is said: as written, or by a word of four letters or more that begins
    it or that it begins ("Korea" / "Koreans")."""
    if part in said or f"{part}s" in said:
        return True
    return any(
        len(w) >= 4 and len(part) >= 4 and (w.startswith(part) or part.startswith(w)) for w in said
    )
