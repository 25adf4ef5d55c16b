"""Judging a weekly digest against a reader's list of the week's main stories.

Shared by bench/bench_digest.py (figures for bench/RESULTS.md) and training/tune_digest.py
(choosing the digest's constants on the development weeks). Works on any version of the
digest: a highlight without ``reports`` (the article-per-highlight digest before issue 15)
counts as its own article.

A judgement file (training/data/digest/*/main_stories_*.json) gives, per ISO week, the main
stories with every article id reporting each, and the recurring series with their ids.

- A highlight *covers* the story (or series) most of its cited reports belong to; an id both
  in a story and in a series belongs to the story.
- *coverage*: how many of the week's main stories the highlights cover.
- *repeats*: highlights that cover a story or series an earlier highlight already covers.
- *roundup in top 5*: the first five highlights (in reading order) that cover a series.
- *mixed*: highlights citing reports of two different stories or series (merged too much).
- *poor labels*: topic labels made only of the archive's most common title words, forms of
  address and headline verbs (the judge's own word lists, independent of the bot's).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

COMMON_TITLE_WORDS = 30
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "into",
        "under",
        "over",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "new",
    ]
)
# The judge's own lists (deliberately not the bot's newsroom.yaml).
HONORIFICS = frozenset(
    [
        "respected",
        "comrade",
        "comrades",
        "dear",
        "beloved",
        "esteemed",
        "great",
        "supreme",
        "brilliant",
        "excellency",
        "revered",
        "glorious",
    ]
)
VERBS = frozenset(
    [
        "receives",
        "received",
        "sends",
        "sent",
        "held",
        "built",
        "made",
        "inspects",
        "inspected",
        "oversees",
        "oversaw",
        "meets",
        "met",
        "visits",
        "visited",
        "arrives",
        "arrived",
        "leaves",
        "left",
        "returns",
        "returned",
        "tours",
        "toured",
        "pays",
        "paid",
        "celebrate",
        "celebrates",
        "celebrated",
        "observed",
        "staged",
        "produced",
        "issues",
        "issued",
        "releases",
        "released",
        "calls",
        "called",
        "praised",
        "given",
        "gives",
        "opens",
        "opened",
        "convenes",
        "convened",
        "wins",
        "won",
        "advances",
        "move",
        "moves",
        "moved",
        "volunteer",
        "blocked",
        "uncovered",
        "completed",
        "accelerated",
        "takes",
        "taken",
        "shown",
        "registered",
        "conveyed",
        "hosts",
        "attends",
        "attended",
        "stresses",
    ]
)


def default_kcna_path(repo: Path) -> Path:
    """../shared/data/kcna-2024/articles.jsonl beside the checkout (or beside its parent, for a
    worktree under /work/wt/): see ``results.shared_data``."""
    from results import shared_data

    return shared_data(repo) / "kcna-2024" / "articles.jsonl"


def load_kcna(path: Path) -> list[Any]:
    """kcna-2024 as the bot stores it: the JSONL reader's articles, and photo and video records
    (empty text) as title-only articles, the way a feed stores a link post."""
    from bot.archive.readers.jsonl import article_from_record

    now = datetime(2024, 11, 11, tzinfo=UTC)
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if not str(record.get("text") or "").strip():
            record = dict(record, text=record.get("title") or "")
        articles.append(article_from_record(record, "KCNA", now=now))
    return articles


def load_judgements(path: Path) -> dict[str, dict[str, Any]]:
    """Week -> judgement ({"stories": [...], "series": [...], ...}). A series lists its
    articles as ``article_ids`` (earlier sets) or ``ids`` (the 2026-12-06d set, whose brief
    spelt it so); both are read as ``article_ids``."""
    weeks: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["weeks"]
    for judgement in weeks.values():
        for series in judgement.get("series", ()):
            series.setdefault("article_ids", series.get("ids", []))
    return weeks


def common_title_words(titles: Iterable[str], count: int = COMMON_TITLE_WORDS) -> frozenset[str]:
    """The ``count`` words that most titles of the archive use (stop words aside)."""
    frequency: Counter[str] = Counter()
    for title in titles:
        frequency.update({w.casefold() for w in _WORD.findall(title)} - _STOP)
    return frozenset(word for word, _ in frequency.most_common(count))


def is_poor_label(label: str, common: frozenset[str]) -> bool:
    """A label made only of the archive's most common title words, honorifics and verbs."""
    words = [w.casefold().strip("'’") for w in _WORD.findall(label)]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words]
    return not words or all(
        w in common or w in HONORIFICS or w in VERBS or w in _STOP for w in words
    )


@dataclass(frozen=True)
class WeekJudgement:
    """The figures of one digest against one week's judgement."""

    week: str
    stories: int
    covered: int
    highlights: int
    repeats: int
    roundup_top5: int
    mixed: int
    labels: tuple[str, ...]
    poor_labels: tuple[str, ...]
    missed: tuple[str, ...]
    keys: tuple[str | None, ...]  # what each highlight covers, in reading order


def _cited(highlight: Any) -> list[str]:
    reports = getattr(highlight, "reports", ()) or ()
    ids = [report.article_id for report in reports]
    return ids or [highlight.article_id]


def highlight_key(highlight: Any, owner: dict[str, str]) -> str | None:
    """The story or series most of the highlight's reports belong to (its lead wins ties)."""
    keys = Counter(owner[i] for i in _cited(highlight) if i in owner)
    if not keys:
        return None
    best = max(keys.values())
    tied = sorted(key for key, count in keys.items() if count == best)
    lead = owner.get(highlight.article_id)
    return lead if lead in tied else tied[0]


def article_owners(judgement: dict[str, Any]) -> dict[str, str]:
    """Each judged article id -> the story id it reports, or "series: <pattern>".

    A hand-chosen story keeps its ids: some weeks' series lists were made by regex over titles
    and also hold story ids (W31, W34, W45 of the 2026-12-06 set, whose README says no roundup
    id is a story id). The bench and the tuners (training/tune_digest.py, digest_misses.py)
    all count ownership this way."""
    owner: dict[str, str] = {}
    for story in judgement["stories"]:
        owner.update({article_id: story["id"] for article_id in story["article_ids"]})
    for series in judgement["series"]:
        for article_id in series["article_ids"]:
            owner.setdefault(article_id, "series: " + series["pattern"])
    return owner


def judge_week(
    digest: Any, week: str, judgement: dict[str, Any], common: frozenset[str]
) -> WeekJudgement:
    """Coverage, repeats, roundups in the top five, mixed highlights and poor labels."""
    owner = article_owners(judgement)
    highlights: Sequence[Any] = digest.highlighted
    keys = [highlight_key(h, owner) for h in highlights]
    story_ids = [story["id"] for story in judgement["stories"]]
    covered = {key for key in keys if key in story_ids}
    seen: set[str] = set()
    repeats = 0
    for key in keys:
        if key is not None:
            repeats += key in seen
            seen.add(key)
    mixed = sum(1 for h in highlights if len({owner[i] for i in _cited(h) if i in owner}) > 1)
    labels = tuple(topic.label for topic in digest.topics)
    return WeekJudgement(
        week=week,
        stories=len(story_ids),
        covered=len(covered),
        highlights=len(highlights),
        repeats=repeats,
        roundup_top5=sum(1 for key in keys[:5] if key is not None and key.startswith("series")),
        mixed=mixed,
        labels=labels,
        poor_labels=tuple(label for label in labels if is_poor_label(label, common)),
        missed=tuple(s for s in story_ids if s not in covered),
        keys=tuple(keys),
    )
