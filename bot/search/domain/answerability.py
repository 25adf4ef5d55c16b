"""Questions no news archive answers by their kind: the community's own procedures, live values,
predictions (the words are data: ``bot/search/data/answerability.json``).

The gate (gate.py) judges an excerpt against the question's words; it cannot know that "how do I
appeal a ban here" is about this community's procedures, which the community page never states,
or that "what's the won to dollar rate today?" asks for a value no post can hold. This module
reads the question's kind and says which excerpts may still be shown:

- ``community``: only the community page's entry, and only when the question asks what the page
  states (its description, rules, moderators list); a procedure (joining, roles, appeals,
  reports, chat rooms, this bot) gets "the community page does not say", never a news excerpt;
- ``live``: only an excerpt with a sentence that states a number for the present ("currently",
  "now"), never one for tomorrow, shown with a note that the archive is not live;
- ``prediction``: what the posts report, shown as background under a heading that says the
  posts cannot tell the future.

``SearchIndex.ask`` applies it to every answer (/ask, the shell, ``digestbot ask``), and
training/gate_loso.py applies the same ``keeps`` to its recorded excerpts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from bot.search.domain.query import plain_form

Kind = Literal["community", "live", "prediction"]
KINDS: tuple[Kind, ...] = ("community", "live", "prediction")

COMMUNITY_REASON = (
    "The community page does not say that. It states only what the community is for, its three "
    "rules (see /rules) and its moderators list; for joining, roles, appeals, reports or linked "
    "chats, ask the community's moderators."
)
LIVE_REASON = (
    "The archive is not live: its posts give the figures of when they were written, not today's "
    "(or tomorrow's) value, price, rate or weather. A news or data site has the current value."
)
LIVE_NOTICE = "The archive is not live: this is the figure a post gave when it was written."
PREDICTION_NOTICE = "The posts cannot tell the future. What they report on it, as background only:"
NOTICES: dict[Kind, str] = {"live": LIVE_NOTICE, "prediction": PREDICTION_NOTICE}
SEARCH_NOTICES: dict[Kind, str] = {
    "live": "The archive is not live: these articles give the figures of when they were written.",
    "prediction": "The posts cannot tell the future: these articles are background only.",
}

_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Pattern:
    """One pattern of a kind, and the development sets whose questions it was written from."""

    regex: re.Pattern[str]
    written_from: tuple[str, ...]
    # live only: "present" (an excerpt stating a number in the present may be shown) or
    # "never" (a market value, the weather: no post holds the current one).
    shown: str = "present"


@dataclass(frozen=True)
class KindReading:
    """A kind of question, its patterns and its examples (a test runs them)."""

    name: Kind
    patterns: tuple[Pattern, ...]
    match: tuple[str, ...]
    no_match: tuple[str, ...]
    # live only: the asked time is ahead (nothing written states it), and a present-time word.
    future: re.Pattern[str] | None = None
    present: re.Pattern[str] | None = None


def _compiled(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


@cache
def readings() -> tuple[KindReading, ...]:
    """The kinds of answerability.json, in the order they are tried."""
    text = resources.files("bot.search").joinpath("data", "answerability.json").read_text("utf-8")
    out = []
    for entry in json.loads(text)["kinds"]:
        name = entry["name"]
        if name not in KINDS:
            raise ValueError(f"answerability.json: unknown kind {name!r}")
        patterns = tuple(
            Pattern(_compiled(p["re"]), tuple(p["from"]), p.get("shown", "present"))
            for p in entry["patterns"]
        )
        future, present = entry.get("future"), entry.get("present")
        out.append(
            KindReading(
                name,
                patterns,
                tuple(entry["match"]),
                tuple(entry["no_match"]),
                _compiled(future) if future else None,
                _compiled(present) if present else None,
            )
        )
    return tuple(out)


def _reading(name: Kind) -> KindReading:
    return next(r for r in readings() if r.name == name)


def matching_patterns(question: str) -> list[tuple[Kind, Pattern]]:
    """Every (kind, pattern) that matches ``question`` (for the development check)."""
    plain = plain_form(question)
    return [(r.name, p) for r in readings() for p in r.patterns if p.regex.search(plain)]


@lru_cache(maxsize=4096)
def procedure(question: str) -> bool:
    """Whether ``question`` asks a procedure of the community (the page never states one)."""
    plain = plain_form(question)
    return any(p.regex.search(plain) for p in _reading("community").patterns)


@lru_cache(maxsize=4096)
def kind_of(question: str) -> Kind | None:
    """The question's kind, or None for a question the archive may answer as any other."""
    if procedure(question):
        return "community"
    plain = plain_form(question)
    for reading in readings():
        if reading.name != "community" and any(p.regex.search(plain) for p in reading.patterns):
            return reading.name
    return None


def keeps(kind: Kind | None, question: str, excerpt: str) -> bool:
    """Whether ``excerpt`` may be shown for ``question`` of ``kind``."""
    if kind is None or kind == "prediction":
        return True
    if kind == "community":
        # The page states no procedure: nothing answers one (its entry's rules are in /rules).
        return False
    live = _reading("live")
    plain = plain_form(question)
    if live.future is not None and live.future.search(plain):
        return False
    if any(p.shown == "never" and p.regex.search(plain) for p in live.patterns):
        return False
    present = live.present
    return present is not None and any(
        present.search(s) and _DIGIT.search(s) for s in _SENTENCE.split(excerpt)
    )


def refusal(kind: Kind | None) -> str | None:
    """What a member reads when no excerpt of ``kind`` may be shown (None: the usual reason)."""
    if kind == "community":
        return COMMUNITY_REASON
    if kind == "live":
        return LIVE_REASON
    return None


def notice(kind: Kind | None) -> str | None:
    """The heading above the excerpts shown for ``kind`` (None: none)."""
    return NOTICES.get(kind) if kind is not None else None


def search_notice(kind: Kind | None) -> str | None:
    """The line above /search's articles for a query of ``kind`` (None: none)."""
    return SEARCH_NOTICES.get(kind) if kind is not None else None
