"""The week's stories: events, recurring series and roundups, each with its ranking signals.

Events come from bot.digest.domain.events; here events that are one formula with a changing
slot ("Receives Greetings from {sender}") become one series, roundups of one title become one
line, and every story gets the signals that bot.digest.domain.rank scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np
from scipy.sparse import csr_matrix

from bot.archive.domain.articles import Article
from bot.digest.domain.activities import activity
from bot.digest.domain.events import (
    Copies,
    FloatArray,
    NameCommonness,
    WeekText,
    centroid_rows,
    is_title_only,
    lede_of,
    tells_statement,
)
from bot.digest.domain.lexicon import is_dated, newsroom
from bot.digest.domain.phrases import names
from bot.digest.domain.rank import EventSignals, engagement_percentiles
from bot.digest.domain.series import TitleHistory, describe_series, find_series, title_words

TEXT_NOVELTY_RANGE = (0.6, 0.95)
# Stories whose leads share this many uncommon names of two words or more tell one event (one
# shared name is not enough: officials and places recur across unrelated events).
SHARED_NAMES = 2
SHARED_NAMES_SIMILARITY = 0.5
SHARED_NAMES_FLOOR = 0.1  # and only when their texts are somewhat alike already
NAMED_ITEMS = 4  # the items of a story whose leads are read for names
LEAD_CHARS = 1500
# A roundup's item this similar to a story lists that story.
FEATURED_SIMILARITY = 0.2


@dataclass(frozen=True)
class Story:
    """One line of the digest: an event, a series or a roundup, and the items it cites."""

    kind: str  # "event", "series" or "roundup"
    items: tuple[int, ...]  # indices into the week's Copies, oldest first
    pattern: str | None  # a series' title pattern ("... Receives Greetings from {…}")
    slots: tuple[str, ...]  # a series' slot values, one per item (empty when titles repeat)


def series_groups(copies: Sequence[Copies]) -> list[list[int]]:
    """Items (not roundups) whose titles are one pattern with a changing slot: each group is a
    series and stays out of event grouping, whose texts, alike by formula, would mislead it."""
    plain = [i for i, c in enumerate(copies) if not c.roundup]
    groups = find_series([title_words(copies[i].title) for i in plain])
    return [sorted(plain[g] for g in group) for group in groups]


def form_stories(copies: Sequence[Copies], events: Sequence[Sequence[int]]) -> list[Story]:
    """Events and roundups as stories, with series joined; ordered by their first item."""
    roundups = [event for event in events if copies[event[0]].roundup]
    plain = [event for event in events if not copies[event[0]].roundup]
    stories: list[Story] = []
    for members in _joined(copies, roundups, same_title=True):
        stories.append(_story("roundup", copies, members))
    single = [e for e in plain if len({copies[i].title.casefold() for i in e}) == 1]
    multi = [e for e in plain if len({copies[i].title.casefold() for i in e}) > 1]
    for members in _joined(copies, single):
        kind = "series" if len(members) > 1 else "event"
        stories.append(_story(kind, copies, members))
    for event in multi:
        titles = _distinct_titles(copies, event)
        groups = find_series([title_words(t) for t in titles])
        kind = "series" if groups and len(groups[0]) == len(titles) else "event"
        stories.append(_story(kind, copies, sorted(event)))
    stories.sort(key=lambda s: s.items[0])
    return stories


def _joined(
    copies: Sequence[Copies], events: Sequence[Sequence[int]], *, same_title: bool = False
) -> list[list[int]]:
    """Events whose (single) titles form a series joined into one list of items each."""
    titles = [title_words(copies[event[0]].title) for event in events]
    joined: list[list[int]] = []
    grouped: set[int] = set()
    for group in find_series(titles, same_title=same_title):
        grouped.update(group)
        joined.append(sorted(i for g in group for i in events[g]))
    joined.extend(sorted(events[i]) for i in range(len(events)) if i not in grouped)
    return joined


def _distinct_titles(copies: Sequence[Copies], members: Sequence[int]) -> list[str]:
    seen: dict[str, str] = {}
    for i in members:
        seen.setdefault(copies[i].title.casefold(), copies[i].title)
    return list(seen.values())


def merge_stories(
    copies: Sequence[Copies], stories: Sequence[Story], group: Sequence[int]
) -> Story:
    """One story made of ``group`` (the first one leads and gives the kind)."""
    if len(group) == 1:
        return stories[group[0]]
    members = sorted({item for index in group for item in stories[index].items})
    return _story(stories[group[0]].kind, copies, members)


def story_similarity(
    stories: Sequence[Story],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    item_similarity: FloatArray,
    is_common_name: NameCommonness,
) -> FloatArray:
    """How alike two stories are: the mean similarity of their items (the one event grouping
    uses: texts, titles, days apart, ledes naming others), raised to SHARED_NAMES_SIMILARITY when
    both name the same SHARED_NAMES uncommon people, places or bodies ("Pak Thae Song", "Amnok
    River") and their items are somewhat alike already."""
    count = len(stories)
    combined = np.eye(count, dtype=np.float64)
    for i in range(count):
        for j in range(i + 1, count):
            block = item_similarity[np.ix_(stories[i].items, stories[j].items)]
            combined[i, j] = combined[j, i] = float(block.mean())
    named = [_uncommon_names(story, copies, articles, is_common_name) for story in stories]
    for i in range(count):
        for j in range(i + 1, count):
            if len(named[i] & named[j]) >= SHARED_NAMES and combined[i, j] >= SHARED_NAMES_FLOOR:
                combined[i, j] = combined[j, i] = max(combined[i, j], SHARED_NAMES_SIMILARITY)
    return combined


def _longest(articles: Sequence[Article], item: Copies) -> Article:
    return max((articles[i] for i in item.members), key=lambda a: len(a.body))


def _uncommon_names(
    story: Story,
    copies: Sequence[Copies],
    articles: Sequence[Article],
    is_common_name: NameCommonness,
) -> set[str]:
    """Names of two words or more in the leads of the story's items that few texts use."""
    found: set[str] = set()
    for c in story.items:
        report = _longest(articles, copies[c])
        if not is_title_only(report):
            found.update(
                name.casefold()
                for name in names(report.body[:LEAD_CHARS])
                if len(name.split()) >= 2 and not is_common_name(name)
            )
    return found


def _story(kind: str, copies: Sequence[Copies], members: Sequence[int]) -> Story:
    if kind == "event":
        return Story(kind, tuple(members), None, ())
    titles = [title_words(copies[i].title) for i in members]
    pattern, slots = describe_series(titles)
    return Story(kind, tuple(members), pattern, tuple(slots))


def story_signals(
    stories: Sequence[Story],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    text: WeekText,
    titles: TitleHistory,
    is_common_name: NameCommonness,
) -> list[EventSignals]:
    """The ranking signals of every story."""
    rows = centroid_rows(text.body, [story.items for story in stories])
    title_rows = centroid_rows(text.titles, [story.items for story in stories])
    if text.history.shape[0] and rows.shape[0]:
        closest = np.asarray((rows @ text.history.T).max(axis=1).todense()).ravel()
        closest_title = np.asarray(
            (title_rows @ text.history_titles.T).max(axis=1).todense()
        ).ravel()
    else:
        closest = np.zeros(len(stories))
        closest_title = np.zeros(len(stories))
    best_scores: list[float | None] = []
    for story in stories:
        scored = [
            articles[i].score
            for c in story.items
            for i in copies[c].members
            if articles[i].score is not None
        ]
        best_scores.append(max(s for s in scored if s is not None) if scored else None)
    engagement = engagement_percentiles(best_scores)
    featured = _featured(stories, rows, text)
    signals = []
    for position, story in enumerate(stories):
        members = [articles[i] for c in story.items for i in copies[c].members]
        recurrence = max(
            (
                titles.recurrence(title)
                for title in dict.fromkeys(copies[c].title for c in story.items)
            ),
            key=lambda r: r.weeks,
        )
        found: dict[str, str] = {}
        # One report per item (copies say the same), the first few items: enough to name who
        # and where, and each lead is read once (names() caches it for the folding).
        for article in [_longest(articles, copies[c]) for c in story.items[:NAMED_ITEMS]]:
            body = "" if is_title_only(article) else article.body[:LEAD_CHARS]
            for name in names(body):
                if not is_common_name(name):
                    found.setdefault(name.casefold(), name)
        longest = max(len(a.body.split()) for a in members)
        leads = [_longest(articles, copies[c]) for c in story.items[:NAMED_ITEMS]]
        acts = [
            activity(copies[c].title, lede_of(articles, copies[c]))
            for c in story.items[:NAMED_ITEMS]
        ]
        signals.append(
            EventSignals(
                reports=len(members),
                items=len(story.items),
                featured=featured[position],
                novelty=novelty(closest[position], closest_title[position]),
                recurring_weeks=recurrence.weeks,
                recurring_example=recurrence.example,
                named=tuple(found.values()),
                words=longest,
                engagement=engagement[position],
                kind=story.kind,
                dated=any(is_dated(a.body) for a in leads if not is_title_only(a)),
                actor=next((act.name for act in acts if act is not None), None),
                statement=any(tells_statement(copies[c].title) for c in story.items),
                weighty=any(newsroom().tells_weighty(copies[c].title) for c in story.items),
            )
        )
    return signals


def novelty(closest_text: float, closest_title: float) -> float:
    """How new a story is against earlier weeks, in [0, 1]: the mean of how unlike its text and
    its headline are to the closest earlier ones. One agency's texts always share wording, so
    text novelty is rescaled from TEXT_NOVELTY_RANGE (below: 0, above: 1)."""
    low, high = TEXT_NOVELTY_RANGE
    text_part = float(np.clip((1.0 - closest_text - low) / (high - low), 0.0, 1.0))
    title_part = float(np.clip(1.0 - closest_title, 0.0, 1.0))
    return 0.5 * text_part + 0.5 * title_part


def _featured(stories: Sequence[Story], rows: csr_matrix, text: WeekText) -> list[int]:
    """For each story, how many of the week's roundups list it (a roundup lists no roundup)."""
    if not text.roundup_items.shape[0] or not rows.shape[0]:
        return [0] * len(stories)
    similar = np.asarray((rows @ text.roundup_items.T).toarray()) >= FEATURED_SIMILARITY
    result = []
    for position, story in enumerate(stories):
        if story.kind == "roundup":
            result.append(0)
            continue
        roundups = {text.roundup_of_item[j] for j in np.flatnonzero(similar[position])}
        result.append(len(roundups))
    return result


def count_per_day(
    selected: Sequence[Article],
    copies: Sequence[Copies],
    stories: Sequence[Story],
    story_topic: Sequence[int],
    labels: Sequence[str],
    days: list[date],
    tz: ZoneInfo,
) -> dict[date, dict[str, int]]:
    """Each day's reports per topic label (what the chart draws)."""
    per_day: dict[date, dict[str, int]] = {day: {} for day in days}
    for number, story in enumerate(stories):
        label = labels[story_topic[number]]
        for c in story.items:
            for index in copies[c].members:
                day = _news_date(selected[index]).astimezone(tz).date()
                bucket = per_day.setdefault(day, {})
                bucket[label] = bucket.get(label, 0) + 1
    return per_day


def _news_date(article: Article) -> datetime:
    moment = article.news_date
    assert moment is not None  # the week's articles are dated
    return moment
