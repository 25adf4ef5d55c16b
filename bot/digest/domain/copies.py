"""Copies: one item that a wire service posts several times, and roundups set apart.

A wire service posts one item under several sections (identical copies), as a photo or video
record that carries only the title, and sometimes as a re-edited version a few hours later (a
word of the headline changed, a sentence added). All of these are one item: the digest joins
them before it looks for events, so that a re-edit never looks like a recurring series
("Weapons-grade" / "Weapon-grade") and every copy counts as a report of the same item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.archive.domain.articles import Article
from bot.archive.domain.near_duplicates import shingles
from bot.digest.domain.lexicon import fold, newsroom, stem, strip_honorifics, words

_BULLET_LINES = 4  # a body with this many "- " lines is a list of news, not a story
# Re-edited versions: bodies whose word pairs overlap this much, at most this many days apart.
REEDIT_OVERLAP = 0.5
REEDIT_DAYS = 1
REEDIT_CHARS = 2000
REEDIT_TITLES = 0.5  # ... and whose headlines share this share of their words


@dataclass(frozen=True)
class Copies:
    """Articles that are one item posted several times (same body, or a titled photo of it)."""

    members: tuple[int, ...]  # indices into the week's articles, oldest first
    title: str  # the title without forms of address
    day: date  # the first copy's local day
    roundup: bool


def clean_title(article: Article) -> str:
    """The article's title without forms of address ("Respected Comrade")."""
    return strip_honorifics(article.title.strip()) or article.title.strip() or "Untitled"


def is_title_only(article: Article) -> bool:
    """A photo, video or link post: the body is the title (or nothing)."""
    title = article.title.split()
    # Split no further than one word past the title's length: a longer body (nearly every
    # report) differs at once, without splitting all of it (this runs for the whole history).
    body = article.body.split(None, len(title))
    if not body:
        return True
    if len(body) != len(title):
        return False
    return " ".join(body).casefold() == " ".join(title).casefold()


def is_roundup(article: Article) -> bool:
    """A press review, newspaper review or bulleted list of the day's news."""
    if newsroom().is_roundup_title(article.title):
        return True
    bullets = sum(1 for line in article.body.splitlines() if line.lstrip().startswith(("- ", "• ")))
    return bullets >= _BULLET_LINES


def join_copies(articles: Sequence[Article], tz: ZoneInfo) -> list[Copies]:
    """Group the copies of each item; ``articles`` are the week's, oldest first.

    Copies are: the same body; the same title on the same day when one of the two is title-only;
    and re-edited versions (bodies that overlap by REEDIT_OVERLAP, REEDIT_DAYS apart at most).
    """
    groups: list[list[int]] = []
    by_key: dict[object, int] = {}
    for index, article in enumerate(articles):
        moment = article.date
        assert moment is not None
        day = moment.astimezone(tz).date()
        title_key = ("title", " ".join(words(fold(article.title))), day)
        body_key = None if is_title_only(article) else ("body", article.content_hash)
        found = by_key.get(body_key) if body_key else None
        if found is None:
            found = by_key.get(title_key)
            # The same title the same day is one item only when one of the two is title-only:
            # two different bodies under one title are two items ("Press Statement of ...").
            if (
                found is not None
                and body_key is not None
                and not any(is_title_only(articles[i]) for i in groups[found])
            ):
                found = None
        if found is None:
            found = len(groups)
            groups.append([])
        groups[found].append(index)
        if body_key:
            by_key[body_key] = found
        by_key.setdefault(title_key, found)
    groups = _join_reedits(articles, groups, tz)
    result = []
    for members in groups:
        first = articles[members[0]]
        assert first.date is not None
        # A group's title is that of a copy with a body, when there is one.
        titled = next((articles[i] for i in members if not is_title_only(articles[i])), first)
        result.append(
            Copies(
                members=tuple(members),
                title=clean_title(titled),
                day=first.date.astimezone(tz).date(),
                roundup=any(is_roundup(articles[i]) for i in members),
            )
        )
    return result


def _join_reedits(
    articles: Sequence[Article], groups: list[list[int]], tz: ZoneInfo
) -> list[list[int]]:
    """Groups whose bodies are re-edits of one another, joined: most of their word pairs and
    most of their headline words are the same (a re-edit may change a word of the headline;
    two visits described in one formula differ in what they visited)."""
    texts: list[set[str] | None] = []
    days: list[int] = []
    heads = [{stem(w) for w in words(articles[m[0]].title)} for m in groups]
    for members in groups:
        bodies = [articles[i] for i in members if not is_title_only(articles[i])]
        longest = max(bodies, key=lambda a: len(a.body)) if bodies else None
        texts.append(shingles(longest.body[:REEDIT_CHARS]) if longest is not None else None)
        moment = articles[members[0]].date
        assert moment is not None
        days.append(moment.astimezone(tz).date().toordinal())
    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(texts):
        if not a or is_roundup(articles[groups[i][0]]):
            continue
        for j in range(i + 1, len(groups)):
            b = texts[j]
            if not b or abs(days[i] - days[j]) > REEDIT_DAYS:
                continue
            # A cheap bound first: the overlap cannot reach the bar if the sizes differ much.
            if min(len(a), len(b)) < REEDIT_OVERLAP * max(len(a), len(b)):
                continue
            if (
                len(a & b) >= REEDIT_OVERLAP * len(a | b)
                and len(heads[i] & heads[j]) >= REEDIT_TITLES * len(heads[i] | heads[j])
                and not is_roundup(articles[groups[j][0]])
            ):
                parent[find(j)] = find(i)
    joined: dict[int, list[int]] = {}
    for i, members in enumerate(groups):
        joined.setdefault(find(i), []).extend(members)
    return sorted((sorted(m) for m in joined.values()), key=lambda m: m[0])


def listed_items(article: Article) -> list[str]:
    """The stories a roundup lists: its lines after the first (the dateline and intro), bullets
    stripped, section headings (short lines) skipped."""
    lines = [line.strip().lstrip("-•").strip() for line in article.body.splitlines()[1:]]
    return [line for line in lines if len(line) > 30]
