"""The weekly digest: the week's news as events, ranked by importance, grouped into topics.

Pure domain code (callers hand in the articles and a timezone; rendering is bot.digest.render).
Steps: select the week's dated articles (in the guild's timezone); join copies; set roundups
apart; group reports into events (events.py); join recurring series (stories.py); score every
story (rank.py); pick the highlights; group stories into labelled topics (labels.py); summarise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.archive.domain.articles import Article
from bot.archive.domain.summary import summarize
from bot.digest.domain.alike import join_routine_families, story_alike, untie_recurring
from bot.digest.domain.copies import Copies, clean_title, is_title_only, join_copies
from bot.digest.domain.diversity import near_stories
from bot.digest.domain.events import (
    FloatArray,
    NameCommonness,
    WeekText,
    group_events,
    similarity,
    vectorize_week,
)
from bot.digest.domain.features import FeaturePair, feature_pairs, join_features
from bot.digest.domain.glued import standalone_names
from bot.digest.domain.layout import assemble
from bot.digest.domain.ledelinks import LedePair, join_ledes, lede_pairs, links_on
from bot.digest.domain.model import Digest, DigestArticle, DigestTopic, RankedStory, Report
from bot.digest.domain.newsweight import news_lead
from bot.digest.domain.occasions import (
    OccasionPair,
    apart_from_recurring,
    join_occasions,
    occasion_links,
    occasion_pairs,
)
from bot.digest.domain.rank import (
    EventSignals,
    Importance,
    order_highlights,
    score_event,
)
from bot.digest.domain.reactions import (
    ReactionPair,
    join_reactions,
    reaction_links,
    reaction_pairs,
)
from bot.digest.domain.series import TitleHistory, parties_apart
from bot.digest.domain.stories import (
    Story,
    count_per_day,
    form_stories,
    merge_stories,
    series_groups,
    story_signals,
)
from bot.digest.domain.subjects import SubjectPair, join_subjects, subject_pairs
from bot.digest.domain.summary import SUMMARY_SOURCE_CHARS, series_summary, summaries_for
from bot.digest.domain.templates import (
    FormulaHistory,
    TemplatePair,
    join_templates,
    template_pairs,
)
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
    "RankedStory",
    "Report",
    "build_digest",
    "current_iso_week",
    "highlight_count",
    "iso_week_bounds",
    "select_week_articles",
    "summarize",
]

MAX_HIGHLIGHTS = 15
MIN_HIGHLIGHTS = 3
# Earlier weeks matter for novelty and recurrence; the most recent several hundred are plenty.
HISTORY_LIMIT = 800
# Texts cost far more than titles: the most recent of them are enough for novelty.
HISTORY_TEXTS = 600
_DATE_TAG = re.compile(r"\s*\[(?:\d{4}|Juche\s*\d+)\.\d{1,2}\.\d{1,2}\.?\]\s*$")


def select_week_articles(
    articles: Sequence[Article], start: datetime, end: datetime
) -> list[Article]:
    """The articles whose news date falls in [start, end), oldest first.

    The news date is the publication date, else the ingestion date; a page snapshot's post
    without an age has none (it is undated) and is never this week's news. An id given twice
    is kept once.
    """
    chosen: list[Article] = []
    seen_ids: set[str] = set()
    for article in articles:
        moment = article.news_date
        if moment is None or not start <= moment < end or article.id in seen_ids:
            continue
        seen_ids.add(article.id)
        chosen.append(article)
    chosen.sort(key=lambda a: (_date_of(a), a.id))
    return chosen


def count_undated(articles: Sequence[Article]) -> int:
    """Articles that carry no date at all (a snapshot's posts without an age)."""
    return len({a.id for a in articles if a.news_date is None})


def highlight_count(total: int, max_highlights: int = MAX_HIGHLIGHTS) -> int:
    """How many stories to highlight: all of a small week, then slowly more, capped.

    8 or fewer: all of them; then one more per 4 stories, at least 3, at most ``max_highlights``.
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
    earlier articles for novelty and recurrence (articles of the week itself are ignored there).
    """
    if max_highlights < 1:
        raise ValueError("max_highlights must be at least 1; the digest shows 3 to 15 stories.")
    start, end = iso_week_bounds(week, tz)
    tz_name = str(tz.key)
    days = week_days(start)
    selected = select_week_articles(articles, start, end)
    undated = count_undated(articles)
    if not selected:
        reason = (
            f"No articles were published in {week} ({describe_week_span(start, end)}, {tz_name})."
        )
        if undated:
            reason += (
                f" {undated} undated {'post' if undated == 1 else 'posts'} of the community page "
                f"{'is' if undated == 1 else 'are'} not counted as any week's news."
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
            undated=undated,
        )
    week_stories = analyse_week(selected, history, start, tz)
    copies, stories = week_stories.copies, week_stories.stories
    text, earlier, common_names = week_stories.text, week_stories.earlier, week_stories.common
    importances = [score_event(s) for s in week_stories.signals]
    count = highlight_count(len(stories), max_highlights)
    picks = pick_highlights(week_stories, [i.score for i in importances], count)
    known = standalone_names(a.body[:SUMMARY_SOURCE_CHARS] for a in selected)
    highlights = {
        group[0]: _highlight(
            merge_stories(copies, stories, group),
            importances[group[0]],
            copies,
            selected,
            tz,
            common_names,
            known,
        )
        for group in picks
    }
    folded_into = {index: group[0] for group in picks for index in group[1:]}
    layout = assemble(
        stories, copies, selected, text, earlier, highlights, importances, common_names
    )
    per_day = count_per_day(selected, copies, stories, layout.story_topic, layout.labels, days, tz)
    ranking = tuple(
        RankedStory(
            title=_story_title(stories[i], copies),
            kind=stories[i].kind,
            score=round(importances[i].score, 4),
            importance=importances[i],
            reports=sum(len(copies[c].members) for c in stories[i].items),
            highlighted=i in highlights,
            folded_into=_story_title(stories[folded_into[i]], copies) if i in folded_into else None,
            article_ids=tuple(selected[a].id for c in stories[i].items for a in copies[c].members),
            topic_label=layout.labels[layout.story_topic[i]],
        )
        for i in sorted(range(len(stories)), key=lambda i: (-importances[i].score, i))
    )
    return Digest(
        week=week,
        timezone=tz_name,
        start=start,
        end=end,
        topics=layout.topics,
        total_articles=len(selected),
        per_day=per_day,
        empty_reason=None,
        total_stories=len(stories),
        undated=undated,
        ranking=ranking,
    )


def pick_highlights(week: WeekStories, scores: Sequence[float], count: int) -> list[list[int]]:
    """The week's highlights (rank.order_highlights) with its occasion links, the caps on
    features and statements and the diversity step (bot.digest.domain.diversity)."""
    return order_highlights(
        [s.kind for s in week.stories],
        scores,
        count,
        week.alike,
        linked=reaction_links(occasion_links(len(week.stories), week.occasions), week.reactions),
        features=[s.is_feature for s in week.signals],
        near=near_stories(week.stories, week.signals, week.copies, week.text),
        statements=[s.is_statement for s in week.signals],
    )


@dataclass(frozen=True)
class WeekStories:
    """A week's stories before ranking: what build_digest and the tuner share."""

    earlier: list[Article]  # the history, newest first
    copies: list[Copies]
    text: WeekText
    stories: list[Story]
    signals: list[EventSignals]
    alike: FloatArray  # stories x stories: how likely two stories tell one event
    common: NameCommonness
    plain_alike: FloatArray  # ``alike`` before statement subjects and formulas (for tuning)
    formulas: tuple[TemplatePair, ...]  # story pairs sharing a headline formula
    subjects: tuple[SubjectPair, ...]  # statement pairs sharing subject words
    occasions: tuple[OccasionPair, ...] = ()  # event pairs naming one occasion
    ledes: tuple[LedePair, ...] = ()  # statement and trip pairs naming one rare thing
    features: tuple[FeaturePair, ...] = ()  # profiles of one day
    reactions: tuple[ReactionPair, ...] = ()  # statements on a test, a speaker's follow-ups


def analyse_week(
    selected: Sequence[Article], history: Sequence[Article], start: datetime, tz: ZoneInfo
) -> WeekStories:
    """Copies, events, series and roundups of the week's ``selected`` articles, with the
    signals the ranking scores and how alike the stories are."""
    earlier = _recent_history(history, start, {a.id for a in selected})
    copies = join_copies(selected, tz)
    text = vectorize_week(selected, copies, earlier[:HISTORY_TEXTS])
    item_similarity = similarity(text, copies, selected)
    events = group_events(copies, item_similarity, fixed=series_groups(copies))
    stories = form_stories(copies, events)
    common = NameCommonness(text)
    titles = TitleHistory([(clean_title(a), _date_of(a).astimezone(tz).date()) for a in earlier])
    signals = story_signals(stories, copies, selected, text, titles, common)
    story_titles = [copies[s.items[0]].title for s in stories]
    plain = join_routine_families(
        story_alike([s.items for s in stories], copies, selected, text, common),
        story_titles,
        [s.words for s in signals],
    )
    plain = untie_recurring(plain, recurring := [s.recurring_weeks for s in signals])
    formulas = FormulaHistory(
        [
            (
                clean_title(a),
                _date_of(a).astimezone(tz).date(),
                None if is_title_only(a) else a.body,
            )
            for a in earlier
        ]
    )
    pairs = tuple(template_pairs(story_titles, formulas))
    subjects = tuple(subject_pairs([s.items for s in stories], copies, selected, text))
    occasions = apart_from_recurring(
        occasion_pairs(
            [s.items for s in stories], [s.kind for s in stories], copies, selected, common
        ),
        recurring,
    )
    # Only looked for when a link is on (the development weeks chose none, see ledelinks).
    ledes = tuple(
        lede_pairs(
            [s.items for s in stories], [s.kind for s in stories], copies, selected, text, common
        )
        if links_on()
        else ()
    )
    alike = join_occasions(join_templates(join_subjects(plain, subjects), pairs), occasions)
    features = tuple(feature_pairs(stories, signals, copies))
    shared = {(p.first, p.second): p.shared for p in subjects}
    said = [s.is_statement for s in signals]
    kinds = [s.kind for s in stories]
    reactions = tuple(
        reaction_pairs([s.items for s in stories], kinds, said, copies, selected, shared)
    )
    alike = join_reactions(join_features(join_ledes(alike, ledes), features), reactions)
    alike = parties_apart(alike, [s.items for s in stories], [c.title for c in copies])
    found = (pairs, subjects, occasions, ledes, features, reactions)
    return WeekStories(earlier, copies, text, stories, signals, alike, common, plain, *found)


def _date_of(article: Article) -> datetime:
    moment = article.news_date
    assert moment is not None  # select_week_articles keeps dated articles only
    return moment


def _recent_history(
    history: Sequence[Article], start: datetime, week_ids: set[str]
) -> list[Article]:
    earlier = [
        a
        for a in history
        if a.news_date is not None and a.news_date < start and a.id not in week_ids
    ]
    earlier.sort(key=lambda a: (_date_of(a), a.id), reverse=True)
    return earlier[:HISTORY_LIMIT]


def _story_title(story: Story, copies: Sequence[Copies]) -> str:
    if story.pattern is not None and story.slots and any(story.slots):
        return story.pattern.replace("{…}", "…")
    return copies[story.items[0]].title


def _highlight(
    story: Story,
    importance: Importance,
    copies: Sequence[Copies],
    articles: Sequence[Article],
    tz: ZoneInfo,
    is_common_name: NameCommonness,
    known_names: frozenset[str],
) -> DigestArticle:
    members = [articles[i] for c in story.items for i in copies[c].members]
    # The lead is the most substantial report (the earliest among equals).
    lead = max(members, key=lambda a: (0 if is_title_only(a) else len(a.body), -members.index(a)))
    lead, told = news_lead(members, lead, clean_title) if story.kind == "event" else (lead, [])
    reports = [lead, *[a for a in members if a is not lead]]
    headline = _story_title(story, copies) if story.kind != "event" else clean_title(lead)
    headline = " ".join(_DATE_TAG.sub("", headline).split()) or headline  # "... [2024.11.01.]"
    if story.kind == "event":
        summary = summaries_for(told, headline, is_common_name, known_names)
    else:
        days = [_date_of(articles[copies[c].members[0]]).astimezone(tz) for c in story.items]
        summary = series_summary(list(story.slots), days)
    return DigestArticle(
        article_id=lead.id,
        title=headline,
        url=lead.url,
        source=lead.source,
        published=_date_of(lead).astimezone(tz),
        summary=summary,
        score=round(importance.score, 4),
        topic=-1,
        kind=story.kind,
        reports=tuple(
            Report(
                article_id=a.id,
                title=a.title,
                url=a.url,
                source=a.source,
                published=_date_of(a).astimezone(tz),
                approximate=a.date_is_approximate,
            )
            for a in reports
        ),
        pattern=story.pattern,
        slots=story.slots,
        importance=importance,
        approximate=lead.date_is_approximate,
    )
