"""The weekly digest: which articles of an ISO week to show, grouped by topic, with summaries.

Pure domain code: callers hand in the articles (the week's and earlier ones) and a timezone;
rendering to Markdown, Discord payloads and charts lives in bot.digest.render.outputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import numpy as np

from bot.archive.domain.articles import Article
from bot.archive.domain.summary import DEFAULT_SUMMARY_CHARS, summarize, trim_to
from bot.digest.domain.rank import ArticleScores, rank_week_articles, select_highlights
from bot.digest.domain.topics import cluster, label_topics, vectorize
from bot.digest.domain.weeks import (
    current_iso_week,
    describe_week_span,
    iso_week_bounds,
    week_days,
)

__all__ = [
    "Digest",
    "DigestArticle",
    "DigestTopic",
    "build_digest",
    "current_iso_week",
    "highlight_count",
    "iso_week_bounds",
    "select_week_articles",
    "summarize",
]

MAX_HIGHLIGHTS = 15
MIN_HIGHLIGHTS = 3
# Earlier weeks only matter for novelty; the most recent few hundred articles are plenty.
HISTORY_LIMIT = 400
_TITLE_CHARS = 300


@dataclass(frozen=True)
class DigestArticle:
    """One highlighted article: what the digest shows about it."""

    article_id: str
    title: str
    url: str | None
    source: str
    published: datetime  # the date used (published, else ingested), in the guild's timezone
    summary: str  # 1-2 extractive sentences, at most 300 characters
    score: float  # the digest rank score in [0, 1], higher first
    topic: int


@dataclass(frozen=True)
class DigestTopic:
    """A group of the week's articles, named by its key terms, with its best articles."""

    label: str
    highlighted: list[DigestArticle]
    more: int  # articles of this topic that are not highlighted ("and N more")

    @property
    def size(self) -> int:
        """How many of the week's articles belong to this topic."""
        return len(self.highlighted) + self.more


@dataclass(frozen=True)
class Digest:
    """The digest of one ISO week in one timezone; empty weeks carry the reason."""

    week: str
    timezone: str
    start: datetime
    end: datetime
    topics: list[DigestTopic]
    total_articles: int
    per_day: dict[date, dict[str, int]] = field(default_factory=dict)
    empty_reason: str | None = None

    @property
    def highlighted(self) -> list[DigestArticle]:
        """Every highlighted article, topic by topic, best first within a topic."""
        return [article for topic in self.topics for article in topic.highlighted]

    @property
    def is_empty(self) -> bool:
        """True when the week had no articles: nothing should be posted."""
        return self.total_articles == 0

    @property
    def is_short(self) -> bool:
        """A quiet week of one or two articles gets a short digest."""
        return 1 <= self.total_articles <= 2

    @property
    def span(self) -> str:
        """The week's days, e.g. "Mon 30 Sep – Sun 6 Oct"."""
        return describe_week_span(self.start, self.end)


def select_week_articles(
    articles: Sequence[Article], start: datetime, end: datetime
) -> list[Article]:
    """The articles whose date (published, else ingested) falls in [start, end), oldest first.

    Articles without any date cannot belong to a week and are left out; an id given twice is
    kept once. Equal bodies are not merged here: photo and video items often have an empty
    body but distinct titles, and ingestion already removed true duplicates.
    """
    chosen: list[Article] = []
    seen_ids: set[str] = set()
    for article in articles:
        moment = article.date
        if moment is None or not start <= moment < end or article.id in seen_ids:
            continue
        seen_ids.add(article.id)
        chosen.append(article)
    chosen.sort(key=lambda a: (_date_of(a), a.id))
    return chosen


def highlight_count(total: int, max_highlights: int = MAX_HIGHLIGHTS) -> int:
    """How many articles to highlight: all of a small week, then slowly more, capped.

    8 or fewer: all of them; then one more per 4 articles, at least 3, at most ``max_highlights``.
    """
    if total <= 0:
        return 0
    cap = max(1, max_highlights)
    wanted = total if total <= 8 else 8 + -(-(total - 8) // 4)
    return min(total, cap, max(MIN_HIGHLIGHTS, wanted))


def build_digest(
    articles: Sequence[Article],
    week: str,
    tz: ZoneInfo,
    *,
    history: Sequence[Article] = (),
    max_highlights: int = MAX_HIGHLIGHTS,
) -> Digest:
    """Build the digest of ``week`` (e.g. "2024-W40") as seen in ``tz``.

    ``articles`` may hold more than the week (they are filtered by date); ``history`` holds
    earlier articles for novelty (articles of the week itself are ignored there).
    """
    if max_highlights < 1:
        raise ValueError("max_highlights must be at least 1; the digest shows 3 to 15 articles.")
    start, end = iso_week_bounds(week, tz)
    tz_name = str(tz.key)
    days = week_days(start)
    selected = select_week_articles(articles, start, end)
    if not selected:
        reason = (
            f"No articles were published in {week} ({describe_week_span(start, end)}, {tz_name})."
        )
        return Digest(
            week=week,
            timezone=tz_name,
            start=start,
            end=end,
            topics=[],
            total_articles=0,
            per_day={day: {} for day in days},
            empty_reason=reason,
        )
    earlier = _recent_history(history, start, {a.id for a in selected})
    vectors = vectorize(selected, earlier)
    n_highlights = highlight_count(len(selected), max_highlights)
    labels = cluster(vectors.week, max_topics=max(1, min(5, n_highlights)))
    names = label_topics(vectors.week, labels, vectors.terms, selected)
    scores = rank_week_articles(selected, vectors.week, vectors.history, labels)
    picks = select_highlights(
        scores, labels, vectors.week, n_highlights, titles=[a.title for a in selected]
    )
    topics = _assemble_topics(selected, labels, names, scores, picks, tz)
    per_day = _count_per_day(selected, labels, names, days, tz)
    return Digest(
        week=week,
        timezone=tz_name,
        start=start,
        end=end,
        topics=topics,
        total_articles=len(selected),
        per_day=per_day,
        empty_reason=None,
    )


def _date_of(article: Article) -> datetime:
    moment = article.date
    assert moment is not None  # select_week_articles keeps dated articles only
    return moment


def _recent_history(
    history: Sequence[Article], start: datetime, week_ids: set[str]
) -> list[Article]:
    earlier = [a for a in history if a.date is not None and a.date < start and a.id not in week_ids]
    earlier.sort(key=lambda a: (_date_of(a), a.id), reverse=True)
    return earlier[:HISTORY_LIMIT]


def _assemble_topics(
    selected: Sequence[Article],
    labels: np.ndarray,
    names: dict[int, str],
    scores: ArticleScores,
    picks: list[int],
    tz: ZoneInfo,
) -> list[DigestTopic]:
    by_topic: dict[int, list[DigestArticle]] = {topic: [] for topic in sorted(names)}
    for index in picks:
        article = selected[index]
        topic = int(labels[index])
        by_topic[topic].append(
            DigestArticle(
                article_id=article.id,
                title=trim_to(article.title.strip() or "Untitled", _TITLE_CHARS),
                url=article.url,
                source=article.source,
                published=_date_of(article).astimezone(tz),
                summary=summarize(article, DEFAULT_SUMMARY_CHARS),
                score=round(float(scores.total[index]), 4),
                topic=topic,
            )
        )
    for items in by_topic.values():
        items.sort(key=lambda item: (-item.score, item.published, item.article_id))
    sizes = {topic: int(np.sum(labels == topic)) for topic in by_topic}
    # select_highlights gives every topic its best article first, so no topic is left empty.
    return [
        DigestTopic(label=names[topic], highlighted=items, more=sizes[topic] - len(items))
        for topic, items in by_topic.items()
        if items
    ]


def _count_per_day(
    selected: Sequence[Article],
    labels: np.ndarray,
    names: dict[int, str],
    days: list[date],
    tz: ZoneInfo,
) -> dict[date, dict[str, int]]:
    per_day: dict[date, dict[str, int]] = {day: {} for day in days}
    for index, article in enumerate(selected):
        day = _date_of(article).astimezone(tz).date()
        label = names[int(labels[index])]
        bucket = per_day.setdefault(day, {})
        bucket[label] = bucket.get(label, 0) + 1
    return per_day
