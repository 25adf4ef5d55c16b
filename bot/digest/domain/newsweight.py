"""What lifts a highlight in the reading order beyond its importance (issue 15, rounds 15 and 20).

- :func:`weighty_headline`: military or foreign-policy news (newsroom.yaml ``weighty``).
- :func:`reports_unit`: how many reports cite it, log-scaled.
- :func:`news_lead` (round 20): which report's headline an event shows.
- :func:`tells_consequence` (round 18): the headline tells an act with consequences, something
  done that changes what follows (roads blown up, a treaty signed, a border closed), not
  something inspected, greeted or held (newsroom.yaml ``consequences``).
- :func:`receives_visitor` (round 20b): the leader receives a visitor (an envoy, a delegation),
  not a greeting or a gift (newsroom.yaml ``leader_receives``).
- :func:`recurrence` (round 18): how much of the headline the archive's earlier headlines of
  the last weeks already say (a spokesman's statement, "... Inspects ..." and greetings recur
  every week; "Roads and Railways to ROK Completely Blocked" does not).

layout.py weighs each by a lead fitted on the judged dev weeks (training/tune_digest_order.py).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import lru_cache

from bot.archive.domain.articles import Article
from bot.digest.domain.events import tells_statement
from bot.digest.domain.lexicon import fold, newsroom, words
from bot.digest.domain.major import is_major
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.newsroom_data import newsroom_yaml, word_list

# A statement's headline is weighty by its speaker ("Foreign Ministry"), not its news.
WEIGHTY_STATEMENTS = False
REPORTS_FULL = 8
# Round 20: an event shows its lead report's headline, and the lead is its longest report. When
# that headline is neither weighty nor major news and the reports whose headlines are make at
# least NEWS_SHARE of the event and more than NEWS_OVER times the lead headline's reports, the
# headline most of those carry leads (W44: the Foreign Minister's Moscow trip, 7 of 16 reports
# against the tablet's 4, read as "Tablet to Honor President Kim Il Sung's First Official Visit to
# USSR Displayed in Russia" with the trip an 'Also' line; blind readers 15 and 16 missed it).
# Written from W44; W43's Vietnamese delegation (3 against the talks' 2) is why NEWS_OVER is
# not 1: "Talks between Senior Diplomatic Officials ... Held" says more. Not tuned otherwise.
# False: always the longest report.
LEAD_NAMES_NEWS = True
NEWS_SHARE = 1 / 3
NEWS_OVER = 1.5
# The headline may also be a statement the event's reports carry ("Press Statement on Strategic
# Dialogue between DPRK and Russian FMs Released", 5 of W44's 16): it says the news without
# making the highlight weighty (newsweight's lead), so the fitted reading order stays put.
SAID_HEADS = True
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


def news_lead(
    members: Sequence[Article], lead: Article, title_of: Callable[[Article], str]
) -> tuple[Article, Sequence[Article]]:
    """The report whose headline an event shows, and the reports its summary is told from:
    ``lead`` (its longest) and all ``members``, unless its headline is neither weighty nor major
    news and enough others' are (LEAD_NAMES_NEWS): then the longest report of the news headline
    most reports carry, and the reports of the news headlines."""
    if not LEAD_NAMES_NEWS or _names_news(title_of(lead)):
        return lead, members
    carried = Counter(title_of(a) for a in members)
    named = {t: n for t, n in carried.items() if _names_news(t)}
    total = sum(named.values())
    if total < NEWS_SHARE * len(members) or total <= NEWS_OVER * carried[title_of(lead)]:
        return lead, members
    heads = {t: n for t, n in carried.items() if t in named or (SAID_HEADS and tells_statement(t))}
    best = max(
        heads, key=lambda t: (heads[t], max(len(a.body) for a in members if title_of(a) == t))
    )
    lead = max((a for a in members if title_of(a) == best), key=lambda a: len(a.body))
    return lead, [a for a in members if title_of(a) in heads]


def _names_news(title: str) -> bool:
    return not tells_statement(title) and (weighty_headline(title) or is_major(title))


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


@lru_cache(maxsize=1)
def _receives() -> tuple[frozenset[str], frozenset[str]]:
    raw = newsroom_yaml()
    return frozenset(word_list(raw, "leader_receives")), frozenset(
        word_list(raw, "leader_receives_not")
    )


def receives_visitor(title: str) -> bool:
    """A headline of the leader receiving a visitor: "Kim Jong Un" and a ``leader_receives``
    word, none of ``leader_receives_not`` (greetings, gifts, floral baskets)."""
    tokens = [fold(w) for w in words(title)]
    spoken = f" {' '.join(tokens)} "
    verbs, gifts = _receives()
    return " kim jong un " in spoken and bool(verbs & set(tokens)) and not gifts & set(tokens)


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
