"""What a weekly digest holds: topics of highlighted stories, each citing its reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bot.digest.domain.rank import Importance
from bot.digest.domain.weeks import describe_week_span


@dataclass(frozen=True)
class Report:
    """One article a highlight cites."""

    article_id: str
    title: str
    url: str | None
    source: str
    published: datetime  # in the guild's timezone
    approximate: bool = False  # the date was derived from an age ("submitted 1 year ago")


@dataclass(frozen=True)
class DigestArticle:
    """One highlight: an event told by its reports, a recurring series, or a roundup.

    ``article_id``, ``url``, ``source`` and ``published`` are those of the lead report (the most
    substantial one); ``title`` is the headline shown, without forms of address.
    """

    article_id: str
    title: str
    url: str | None
    source: str
    published: datetime  # in the guild's timezone
    summary: str  # who did what, where and when; at most 300 characters
    score: float  # importance in [0, 1], higher first
    topic: int
    kind: str = "event"  # "event", "series" or "roundup"
    reports: tuple[Report, ...] = ()  # every cited article, lead first
    pattern: str | None = None  # a series' title pattern
    slots: tuple[str, ...] = ()  # a series' slot values
    importance: Importance | None = None
    approximate: bool = False  # the lead's date is approximate

    @property
    def report_count(self) -> int:
        """How many articles report this highlight (copies included)."""
        return max(1, len(self.reports))

    @property
    def first(self) -> datetime:
        """The earliest report's date."""
        return min((r.published for r in self.reports), default=self.published)

    @property
    def last(self) -> datetime:
        """The latest report's date."""
        return max((r.published for r in self.reports), default=self.published)


@dataclass(frozen=True)
class DigestTopic:
    """A group of the week's stories, named by distinctive phrases, with its highlights."""

    label: str
    highlighted: list[DigestArticle]
    more: int  # stories of this topic that are not highlighted ("and N more")
    articles: int = 0  # the week's articles in this topic

    @property
    def size(self) -> int:
        """How many of the week's stories belong to this topic."""
        return len(self.highlighted) + self.more


@dataclass(frozen=True)
class RankedStory:
    """One story of the week as the ranking saw it (for `digestbot digest --explain`)."""

    title: str
    kind: str
    score: float
    importance: Importance
    reports: int
    highlighted: bool
    topic_label: str
    folded_into: str | None = None  # the highlight that tells this story too
    article_ids: tuple[str, ...] = ()  # every article of the story


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
    total_stories: int = 0
    undated: int = 0  # articles left out because they carry no date (community page posts)
    ranking: tuple[RankedStory, ...] = ()

    @property
    def highlighted(self) -> list[DigestArticle]:
        """Every highlight in reading order: topic by topic, best first within a topic."""
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
