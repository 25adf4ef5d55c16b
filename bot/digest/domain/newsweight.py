"""What lifts a highlight in the reading order beyond its importance (issue 15, rounds 15 and 20).

- :func:`weighty_headline`: military or foreign-policy news (newsroom.yaml ``weighty``).
- :func:`reports_unit`: how many reports cite it, log-scaled.
- :func:`tells_consequence` (round 18): the headline tells an act with consequences, something
  done that changes what follows (roads blown up, a treaty signed, a border closed), not
  something inspected, greeted or held (newsroom.yaml ``consequences``).
- :func:`recurrence` (round 18): how much of the headline the archive's earlier headlines of
  the last weeks already say (a spokesman's statement, "... Inspects ..." and greetings recur
  every week; "Roads and Railways to ROK Completely Blocked" does not).

layout.py weighs each by a lead fitted on the judged dev weeks (training/tune_digest_order.py).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import timedelta
from functools import lru_cache

from bot.archive.domain.articles import Article
from bot.digest.domain.events import tells_statement
from bot.digest.domain.lexicon import fold, newsroom, words
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.newsroom_data import newsroom_yaml, word_list

# A statement's headline is weighty by its speaker ("Foreign Ministry"), not its news.
WEIGHTY_STATEMENTS = False
REPORTS_FULL = 8
# Earlier headlines read for recurrence: those of the RECUR_DAYS before the week's first report.
RECUR_DAYS = 56
# Words every headline shares say nothing of the news (function words, the leader's name).
_SHORT = 3


def weighty_headline(title: str) -> bool:
    """A headline of military or foreign-policy news (newsroom.yaml ``weighty``); a statement's
    only with WEIGHTY_STATEMENTS (its speaker, "Foreign Ministry", is what makes it weighty)."""
    if not WEIGHTY_STATEMENTS and tells_statement(title):
        return False
    return newsroom().tells_weighty(title)


def reports_unit(highlight: DigestArticle) -> float:
    """A highlight's reports on a 0-1 scale (log-scaled, full at REPORTS_FULL)."""
    return min(1.0, math.log1p(len(highlight.reports)) / math.log1p(REPORTS_FULL))


@lru_cache(maxsize=1)
def _consequences() -> tuple[str, ...]:
    return tuple(word_list(newsroom_yaml(), "consequences"))


def tells_consequence(title: str) -> bool:
    """A headline that tells an act with consequences (newsroom.yaml ``consequences``; a word
    ending in ``*`` is a prefix)."""
    tokens = [fold(w) for w in words(title)]
    spoken = f" {' '.join(tokens)} "
    for phrase in _consequences():
        if phrase.endswith("*"):
            if any(t.startswith(phrase[:-1]) for t in tokens):
                return True
        elif f" {phrase} " in spoken:
            return True
    return False


def _content(title: str) -> frozenset[str]:
    return frozenset(f for w in words(title) if len(f := fold(w)) > _SHORT)


def earlier_headlines(earlier: Sequence[Article]) -> list[frozenset[str]]:
    """The content words of the earlier headlines of the RECUR_DAYS before the newest one
    (``earlier`` newest first, as build.py keeps it)."""
    dated = [a for a in earlier if a.published is not None]
    if not dated:
        return []
    newest = max(a.published for a in dated if a.published is not None)
    since = newest - timedelta(days=RECUR_DAYS)
    return [_content(a.title) for a in dated if a.published is not None and a.published >= since]


def recurrence(title: str, history: Sequence[frozenset[str]]) -> float:
    """The largest share of the headline's content words one earlier headline says (0-1)."""
    mine = _content(title)
    if not mine or not history:
        return 0.0
    return max(len(mine & other) for other in history) / len(mine)
