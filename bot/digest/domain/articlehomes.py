"""Features and editorials under the subject their headline names (issue 15, round 21).

Blind readers 17, 18 and 19 called "Editorials and articles" poor in nearly every week ("genre
label, not a subject", "catch-all for unrelated features and propaganda pieces") and named what
it hid: a Red Sea commentary, Japan history, law education, travel features, leader praise. So,
once the page's sections are set, each shown item of the articles section goes under the first
subject its headline names, read in this order:

- ``article_subjects`` (sections.yaml: what features and editorials are about, such as "Party
  ideology" for Rodong Sinmun's calls, "Tributes to the leaders", "Korean history");
- ``statement_topics`` (Japan, the Middle East, South Korea and the US, ...);
- the news sections and the leftover themes ("Science and education", "Society and daily life").

Only the headline counts (LEAD_TOO tries the lead's statement topic too): an editorial's lead
carries its argument's words (W40's essay on Japanese schoolchildren says "human rights"). A subject the page shows already takes the item below its own news; else
the item opens a heading of that subject, when the heading cap leaves room. A move is kept only
when the week's first FIRST highlights stay the same, in order (genrejoin.reading_order), so the
first-five figures cannot move. What no subject takes stays under "Editorials and articles"
(genrenames.py still names it when its items share a subject).

Round 21b (readers 20-22 of round 21's pages): an article opens a NEW heading only when its
headline names a place, country, institution or leader (sections.yaml ``article_openers``); an
abstract word ("history", "faith", "education") files it only below a heading the page shows.
And a story about a leader (``leader_stories``: the headline names a leader, or the lead names one
and tells a past episode) goes under a leaders' subject only, else stays with the editorials.

Round 21c: this is the one pass that files an editorial by its headline; digest25's
genrejoin.join_articles (an editorial under a shown statement topic, below its news) did the same
for a subset and changed no snapshot week after this pass, so it was folded in here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.digest.domain.genrejoin import FIRST, reading_order
from bot.digest.domain.genrenames import shipped_article_subjects
from bot.digest.domain.glued import unglue
from bot.digest.domain.leftovers import (
    ARTICLES,
    GENRES,
    files_genres,
    shipped_leftovers,
    shipped_statement_topics,
)
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.newsroom_data import parse_yaml
from bot.digest.domain.sections import OTHER, Section, section_of, shipped_sections, uses_words

# False keeps round 20b's articles heading (every feature and editorial under it).
FILE_ARTICLES = True
# False: any subject an article names may open a heading, and leader stories are filed like the
# rest (round 21 as merged).
OPEN_BY_NAME = True
# True: an item whose headline names no subject goes under the statement topic its lead names
# (W41's essay on the murder of Empress Myongsong: Japan). Off: a lead's words are its argument's.
LEAD_TOO = False


@lru_cache(maxsize=1)
def topics_last() -> frozenset[str]:
    """sections.yaml ``article_topics_last``: statement topics an article tries last."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    raw = parse_yaml(text).get("article_topics_last") or []
    if not isinstance(raw, list) or not all(isinstance(n, str) for n in raw):
        raise ValueError("sections.yaml: article_topics_last must be a list of topic names")
    known = {t.name for t in shipped_statement_topics()}
    if unknown := set(raw) - known:
        raise ValueError(f"sections.yaml: article_topics_last names no topic {sorted(unknown)}")
    return frozenset(raw)


@dataclass(frozen=True)
class Openers:
    """sections.yaml ``article_openers`` and ``leader_stories``."""

    names: Mapping[str, tuple[str, ...] | None]  # subject -> its opening words (None: its own)
    leaders: tuple[str, ...]
    story_words: tuple[str, ...]
    leader_subjects: tuple[str, ...]


def _words(raw: object, what: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise ValueError(f"sections.yaml: {what} must be a list of words")
    return tuple(w.casefold() for w in raw)


def _names(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise ValueError("sections.yaml: leader_stories.subjects must be a list of names")
    return tuple(raw)


@lru_cache(maxsize=1)
def shipped_openers() -> Openers:
    """The shipped ``article_openers`` and ``leader_stories`` (read once)."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_openers(text)


def parse_openers(text: str) -> Openers:
    """``article_openers`` and ``leader_stories`` of a sections.yaml text."""
    raw = parse_yaml(text)
    openers = raw.get("article_openers") or {}
    stories = raw.get("leader_stories") or {}
    if not isinstance(openers, dict) or not isinstance(stories, dict):
        raise ValueError("sections.yaml: article_openers and leader_stories must be mappings")
    names = {
        str(name): None if words == "*" else _words(words, f"article_openers[{name}]")
        for name, words in openers.items()
    }
    return Openers(
        names=names,
        leaders=_words(stories.get("leaders") or [], "leader_stories.leaders"),
        story_words=_words(stories.get("story_words") or [], "leader_stories.story_words"),
        leader_subjects=_names(stories.get("subjects") or []),
    )


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def is_leader_story(highlight: DigestArticle, openers: Openers | None = None) -> bool:
    """Whether ``highlight`` tells a story of a leader: its headline names a leader, or its
    lead names one and tells a past episode (a story word, or a year before the article's)."""
    rules = openers or shipped_openers()
    if uses_words(rules.leaders, highlight.title):
        return True
    lead = unglue(highlight.summary, frozenset(name.rstrip("*").title() for name in rules.leaders))
    if not uses_words(rules.leaders, lead):
        return False
    past = any(int(y) < highlight.published.year for y in _YEAR.findall(lead))
    return past or uses_words(rules.story_words, lead)


def may_open(subject: str, headline: str, table: Sequence[Section], openers: Openers) -> bool:
    """Whether an article with ``headline`` filed under ``subject`` may open its heading: the
    headline names one of the subject's ``article_openers`` words."""
    if subject not in openers.names:
        return False
    words = openers.names[subject]
    if words is None:
        words = next((s.words for s in table if s.name == subject), ())
    return uses_words(words, headline)


def subject_table() -> tuple[Section, ...]:
    """The subjects an article may go under, in the order they are tried."""
    news = tuple(s for s in shipped_sections() if s.name not in GENRES)
    topics = shipped_statement_topics()
    last = topics_last()
    return (
        *shipped_article_subjects(),
        *(t for t in topics if t.name not in last),
        *news,
        *shipped_leftovers(),
        *(t for t in topics if t.name in last),
    )


def article_subject_of(highlight: DigestArticle, table: Sequence[Section] | None = None) -> str:
    """The first subject of ``table`` (default :func:`subject_table`) the headline names; with
    LEAD_TOO, else the first statement topic the lead (summary) names as well; else "Other
    news"."""
    subjects = subject_table() if table is None else table
    named = section_of(highlight.title, "", subjects)
    if named == OTHER and LEAD_TOO and highlight.summary:
        topics = shipped_statement_topics()
        named = section_of(highlight.summary, "", topics)
    return named


def file_articles(
    sections: Mapping[str, Sequence[int]],
    highlights: Mapping[int, DigestArticle],
    place: Callable[[int], float],
    demoted: frozenset[int] | set[int] = frozenset(),
    cap: int = 0,
) -> tuple[dict[str, list[int]], set[int]]:
    """``sections`` with each shown item of the articles section under the subject its headline
    names (joined below a shown heading's news, or under a new heading within ``cap``) where the
    week's first FIRST highlights stay the same; and the highlights read below their section's
    news."""
    out = {name: list(members) for name, members in sections.items()}
    lowered = set(demoted)
    if not FILE_ARTICLES or not files_genres() or not out.get(ARTICLES):
        return out, lowered
    shown = highlights.__contains__
    first = reading_order(out, shown, place, lowered)[:FIRST]
    table = subject_table()
    openers = shipped_openers()
    for i in sorted((i for i in out[ARTICLES] if shown(i)), key=lambda i: -place(i)):
        if i in first:
            continue
        subject = article_subject_of(highlights[i], table)
        if subject in (OTHER, *GENRES):
            continue
        if OPEN_BY_NAME and is_leader_story(highlights[i], openers):
            subject = _leader_subject(subject, highlights[i].title, openers)
            if not subject:
                continue
        trial = {name: list(members) for name, members in out.items()}
        trial[ARTICLES].remove(i)
        opened = not any(shown(j) for j in trial.get(subject, ()))
        trial.setdefault(subject, []).append(i)
        if opened and OPEN_BY_NAME and not may_open(subject, highlights[i].title, table, openers):
            continue
        if opened and cap and _headings(trial, shown) > max(cap, _headings(out, shown)):
            continue
        below = lowered if opened else lowered | {i}
        if reading_order(trial, shown, place, below)[:FIRST] != first:
            continue
        out, lowered = trial, below
    if not any(shown(j) for j in out[ARTICLES]):
        out = {n: m for n, m in out.items() if n != ARTICLES or m}
    return out, lowered


def _leader_subject(subject: str, headline: str, openers: Openers) -> str:
    """A leader story's subject: ``subject`` when a leaders' subject, else the first of those
    when the headline names the leader, else none (it stays with the editorials)."""
    if subject in openers.leader_subjects:
        return subject
    named = openers.leader_subjects and uses_words(openers.leaders, headline)
    return openers.leader_subjects[0] if named else ""


def _headings(sections: Mapping[str, Sequence[int]], shown: Callable[[int], bool]) -> int:
    return sum(1 for members in sections.values() if any(shown(i) for i in members))
