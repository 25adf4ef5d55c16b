"""A newsmaker's separate activities: each is news of its own.

A headline often opens with who acted and the verb ("Kim Jong Un Inspects ...", "Choe Son Hui
Leaves for ..."). When the same frequent newsmaker (a name many earlier texts use) does two
different things in a week ("Inspects a Training Base", "Oversees an Artillery Drill"), the
reports are two events however alike their wording: the agency describes every such visit in
the same words. A rare actor's several reports in one week are more often one occasion (a
minister's trip: departure, talks, wreath-laying), and are left to the texts to tell apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.digest.domain.lexicon import STOP_WORDS, newsroom, stem, words
from bot.digest.domain.phrases import names

SAME_OBJECT = 0.5  # headlines whose words after the verb overlap this much tell one activity


@dataclass(frozen=True)
class Activity:
    """Who a headline says acted, and the stems of what they did (the words after the verb)."""

    actor: str  # folded name
    done: frozenset[str]
    name: str = ""  # the name as the lede writes it


def activity(title: str, lede: str) -> Activity | None:
    """The headline's actor (the words before its first verb, when the lede names them too) and
    what it says they did; None when the headline does not open with a named actor."""
    room = newsroom()
    tokens = words(title)
    head: list[str] = []
    for position, word in enumerate(tokens):
        if room.is_verb(word):
            rest = tokens[position + 1 :]
            break
        if not word[:1].isupper():
            return None
        head.append(word)
    else:
        return None
    if len(head) < 2 or not rest:
        return None
    opening = " ".join(head).casefold()
    found = [n for n in names(lede) if len(n.split()) >= 2 and opening.endswith(n.casefold())]
    if not found:
        return None
    done = frozenset(stem(w) for w in rest if w.casefold() not in STOP_WORDS)
    return Activity(found[0].casefold(), done, found[0])


def distinct_activities(
    a: Activity | None, b: Activity | None, is_common_name: Callable[[str], bool]
) -> bool:
    """Two different activities of one frequent newsmaker: never one event."""
    if a is None or b is None or a.actor != b.actor or not is_common_name(a.actor):
        return False
    union = a.done | b.done
    return bool(union) and len(a.done & b.done) < SAME_OBJECT * len(union)
