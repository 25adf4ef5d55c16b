"""Major news: what a reader expects at the top of a topic (issue 15, round 12b).

A headline is major when it tells a military event (an event word and a weapon:
"ICBM Test-fire Conducted in DPRK") or a meeting of the leader ("Kim Jong Un Receives ...",
"... Consultative Meeting"), and is no greeting, message or gift. Word lists in newsroom.yaml
(``major_*``). Used to order the highlights a reader sees (bot.digest.domain.layout); the
choice of highlights does not read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.digest.domain.lexicon import words
from bot.digest.domain.newsroom_data import newsroom_yaml, word_list


@dataclass(frozen=True)
class MajorWords:
    events: frozenset[str]
    weapons: frozenset[str]
    leaders: tuple[str, ...]
    meetings: frozenset[str]
    excluded: frozenset[str]


@lru_cache(maxsize=1)
def major_words() -> MajorWords:
    raw = newsroom_yaml()
    return MajorWords(
        events=frozenset(word_list(raw, "major_military_events")),
        weapons=frozenset(word_list(raw, "major_weapons")),
        leaders=tuple(word_list(raw, "major_leaders")),
        meetings=frozenset(word_list(raw, "major_meetings")),
        excluded=frozenset(word_list(raw, "major_not")),
    )


def is_major(title: str) -> bool:
    """A headline of a military event or of the leader's meeting (see the module)."""
    lists = major_words()
    tokens = words(title.casefold())
    keys = set(tokens) | {piece for t in tokens for piece in t.split("-")}
    if keys & lists.excluded:
        return False
    if keys & lists.events and keys & lists.weapons:
        return True
    spoken = f" {' '.join(tokens)} "
    return any(f" {leader} " in spoken for leader in lists.leaders) and bool(keys & lists.meetings)
