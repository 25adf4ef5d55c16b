"""Questions no news archive answers by their kind: questions about the bot, requests to it, what
may be posted here, the community's own procedures, live values, predictions, opinions (the
words are data: ``bot/search/data/answerability.json``).

The gate (gate.py) judges an excerpt against the question's words; it cannot know that "how do I
appeal a ban here" is about this community's procedures, which the community page never states,
or that "what's the won to dollar rate today?" asks for a value no post can hold. This module
reads the question's kind and says which excerpts may still be shown:

- ``bot`` (what it can do, who made it, its sources): the bot's help text, never an excerpt;
- ``request`` (write, translate, tell a joke, role-play ...; not "summarise the post about ..."):
  a short reply saying what the bot does, never an excerpt;
- ``allowed`` (may this be posted here?): the excerpt that states the community's rules when
  one of them applies, else "the community's rules do not mention that";
- ``community``: only the community page's entry, and only when the question asks what the page
  states (its description, rules, age, readers); a procedure (joining, roles, appeals,
  reports, what a broken rule costs, chat rooms and invite links) or a person the page does not
  name (who the moderators are, who founded it) gets "the community page does not say" and a
  pointer to /rules, which shows the page's moderators list as it stands; never a news excerpt;
- ``live``: only an excerpt with a sentence that states a number for the present ("currently",
  "now"), never one for tomorrow, shown with a note that the archive is not live;
- ``prediction``: what the posts report, shown as background under a heading that says the
  posts cannot tell the future;
- ``opinion``: the same, under a heading that says the bot has no opinions.

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

from bot.search.domain.community_asks import rule_applies, stated_rules
from bot.search.domain.query import plain_form

Kind = Literal["bot", "request", "allowed", "community", "live", "prediction", "opinion"]
KINDS: tuple[Kind, ...] = (
    "bot",
    "request",
    "allowed",
    "community",
    "live",
    "prediction",
    "opinion",
)
# Kinds no excerpt ever answers: no close titles are offered either, and /search lists none.
NO_EXCERPT: frozenset[str] = frozenset({"bot", "request", "community"})
# Kinds /search lists no article for: a search box is not a chat, and whether something may be
# posted here is in /rules, not in an article.
NO_SEARCH: frozenset[str] = NO_EXCERPT | {"allowed"}

COMMUNITY_REASON = (
    "The community page does not say that. It states only what the community is for, when it "
    "was founded, its readers, its rules and its moderators list (both shown by /rules). To "
    "report a post or a member, use the report option on it; for joining, roles, appeals or "
    "linked chats, ask in the community itself."
)
BOT_HELP = (
    "I am the community's search bot: I find excerpts in the news posts shared in this "
    "community (and its community page), each with its post and source. /ask a question, "
    "/search a few words, /article to read one post, /rules for the community's rules. I have "
    "no opinions and I am not live: the posts are as of when they were shared."
)
REQUEST_REASON = (
    "I can't do that: I am a search bot, not a chat assistant. I find excerpts in the "
    "community's posts: /ask a question about them, /search a few words, /article to read a "
    "post, /rules for the community's rules."
)
ALLOWED_REASON = (
    "The community's rules do not mention that: they forbid only what /rules lists. For "
    "anything else, ask the community's moderators before posting."
)
ALLOWED_SEARCH = (
    "Whether that may be posted here: /rules lists the community's rules; for anything they do "
    "not mention, ask the community's moderators."
)
ALLOWED_NOTICE = "What the community's rules say (all of them: /rules):"
OPINION_REASON = (
    "I have no opinions, and no post answers that closely. /search a few words on the subject "
    "to read what the posts report."
)
OPINION_NOTICE = "I have no opinions. What the posts report on it, as background only:"
LIVE_REASON = (
    "The archive is not live: its posts give the figures of when they were written, not today's "
    "(or tomorrow's) value, price, rate or weather. A news or data site has the current value."
)
LIVE_NOTICE = "The archive is not live: this is the figure a post gave when it was written."
PREDICTION_NOTICE = "The posts cannot tell the future. What they report on it, as background only:"
NOTICES: dict[Kind, str] = {
    "live": LIVE_NOTICE,
    "prediction": PREDICTION_NOTICE,
    "opinion": OPINION_NOTICE,
    "allowed": ALLOWED_NOTICE,
}
REASONS: dict[Kind, str] = {
    "bot": BOT_HELP,
    "request": REQUEST_REASON,
    "allowed": ALLOWED_REASON,
    "community": COMMUNITY_REASON,
    "live": LIVE_REASON,
    "opinion": OPINION_REASON,
}
SEARCH_NOTICES: dict[Kind, str] = {
    "live": "The archive is not live: these articles give the figures of when they were written.",
    "prediction": "The posts cannot tell the future: these articles are background only.",
    "opinion": "I have no opinions: these articles are background only.",
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
    # A question this also matches is not of the kind ("summarise the post about ...").
    exception: re.Pattern[str] | None = None


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
        future, present, exception = entry.get("future"), entry.get("present"), entry.get("except")
        out.append(
            KindReading(
                name,
                patterns,
                tuple(entry["match"]),
                tuple(entry["no_match"]),
                _compiled(future) if future else None,
                _compiled(present) if present else None,
                _compiled(exception) if exception else None,
            )
        )
    return tuple(out)


def _reading(name: Kind) -> KindReading:
    return next(r for r in readings() if r.name == name)


def _excepted(reading: KindReading, plain: str) -> bool:
    return reading.exception is not None and reading.exception.search(plain) is not None


def matching_patterns(question: str) -> list[tuple[Kind, Pattern]]:
    """Every (kind, pattern) that matches ``question`` (for the development check)."""
    plain = plain_form(question)
    return [
        (r.name, p)
        for r in readings()
        if not _excepted(r, plain)
        for p in r.patterns
        if p.regex.search(plain)
    ]


@lru_cache(maxsize=4096)
def kind_of(question: str) -> Kind | None:
    """The question's kind (the first of answerability.json's that matches), or None for a
    question the archive may answer as any other."""
    plain = plain_form(question)
    for reading in readings():
        if any(p.regex.search(plain) for p in reading.patterns) and not _excepted(reading, plain):
            return reading.name
    return None


def procedure(question: str) -> bool:
    """Whether ``question`` asks a procedure of the community (the page never states one)."""
    return kind_of(question) == "community"


def keeps(kind: Kind | None, question: str, excerpt: str) -> bool:
    """Whether ``excerpt`` may be shown for ``question`` of ``kind``."""
    if kind is None or kind in ("prediction", "opinion"):
        return True
    if kind in NO_EXCERPT:
        # The page states no procedure, and no post is about the bot or does what it is asked.
        return False
    if kind == "allowed":
        return rule_applies(question, excerpt)
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
    return REASONS.get(kind) if kind is not None else None


def allowed_reason(question: str, page: str) -> str:
    """The reply to an "allowed" question no excerpt answered: the rules of the community
    page's text ``page`` that apply to it, quoted, or that they do not mention it."""
    quoted = [
        f"Rule {n}: {text}"
        for n, text in stated_rules(page)
        if rule_applies(question, f"Rule {n}: {text}")
    ]
    if not quoted:
        return ALLOWED_REASON
    return "The community's rules say: " + " ".join(quoted) + " (all of them: /rules)"


def notice(kind: Kind | None) -> str | None:
    """The heading above the excerpts shown for ``kind`` (None: none)."""
    return NOTICES.get(kind) if kind is not None else None


def search_refusal(kind: Kind | None) -> str | None:
    """What /search says instead of articles for a query of ``kind`` (None: the usual)."""
    return ALLOWED_SEARCH if kind == "allowed" else refusal(kind)


def search_notice(kind: Kind | None) -> str | None:
    """The line above /search's articles for a query of ``kind`` (None: none)."""
    return SEARCH_NOTICES.get(kind) if kind is not None else None
