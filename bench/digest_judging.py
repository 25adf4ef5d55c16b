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
- *label parts that read oddly* (``ReadingCheck``, bench/digest_reading.py; round 12, written
  before the labeller changed): a date, words of a quotation, a word almost no article writes,
  or a second bare name no report of the topic writes beside the first.
- *labels poor by the blind reader's rules* (2026-12-07, ``label_faults``): two parts no
  report of the topic writes together, or no part written by its highlights' reports.
- *poor label parts* (the reader's check, ``LabelCheck``; issue 15 round 11, written before the
  labeller changed): a part of a label (labels join parts with " · ") that starts or ends with
  a function word, starts with a verb form, holds an honorific, is a slogan (an evaluative
  adjective before an abstract noun: "Full Confidence"), ends in a generic document word with
  no name and no event noun ("Reply Message"), or is a single common word ("Chinese"). Word
  lists in bench/digest_label_words.json; a *name* is a word the archive's texts capitalise
  in the middle of a sentence at least half the time (or an acronym), and none of the judge's
  listed words ("Central", "Public" and other generic modifiers are no names).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from digest_reading import ReadingCheck, odd_label_parts, unrelated_labels

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


LABEL_WORDS = Path(__file__).with_name("digest_label_words.json")
_MID_SENTENCE = re.compile(r"(?<=[a-z,;:] )[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class LabelCheck:
    """The reader's label check: the judge's word lists and the archive's names."""

    lists: dict[str, frozenset[str]]
    suffixes: tuple[str, ...]
    capitalised: frozenset[str]  # folded words the texts capitalise mid-sentence

    def is_name(self, word: str) -> bool:
        """A word the archive writes as a name (or an acronym), not one of the judge's words."""
        key = _fold(word)
        judged = ("function_words", "document_words", "evaluative", "generic_modifiers")
        if any(key in self.lists[k] for k in judged):
            return False
        if key in self.lists["abstract_nouns"] or key in self.lists["verb_forms"]:
            return False
        if sum(c.isupper() for c in word) >= 2 and not word.isdigit():
            return True
        return key in self.capitalised

    def faults(self, part: str) -> tuple[str, ...]:
        """Why one label part would make a reader balk (empty when it reads well)."""
        tokens = [w for w in part.split() if any(c.isalnum() for c in w)]
        keys = [_fold(w) for w in tokens]
        if not keys:
            return ("empty",)
        lists = self.lists
        found = []
        if keys[0] in lists["function_words"] or keys[-1] in lists["function_words"]:
            found.append("function word at an end")
        if keys[0] in lists["verb_forms"]:
            found.append("starts with a verb")
        if any(k in lists["honorifics"] for k in keys):
            found.append("honorific")
        if any(
            a in lists["evaluative"] and b in lists["abstract_nouns"] for a, b in pairwise(keys)
        ):
            found.append("slogan")
        named = any(self.is_name(w) for w in tokens)
        if (
            len(keys) > 1
            and keys[-1] in lists["document_words"]
            and not named
            and not any(p in lists["event_nouns"] for k in keys for p in k.split("-"))
        ):
            found.append("generic word without a name")
        if len(keys) == 1 and (not named or keys[0].endswith(self.suffixes)):
            found.append("single common word")
        return tuple(found)

    def poor_parts(self, label: str) -> list[str]:
        """The parts of ``label`` with a fault, each as "part (fault, ...)"."""
        result = []
        for part in label.split(" · "):
            faults = self.faults(part.strip())
            if faults:
                result.append(f"{part.strip()} ({', '.join(faults)})")
        return result


def _fold(word: str) -> str:
    word = word.casefold().replace("’", "'").strip("'\".,:;()")
    return word.removesuffix("'s")


def label_check(texts: Iterable[str], path: Path = LABEL_WORDS) -> LabelCheck:
    """The check with the names of ``texts`` (the archive's bodies): words written with a
    capital in the middle of a sentence in at least half of their mid-sentence uses."""
    data = json.loads(path.read_text(encoding="utf-8"))
    lists = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    upper: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for text in texts:
        for word in _MID_SENTENCE.findall(text):
            key = _fold(word)
            uses[key] += 1
            upper[key] += word[0].isupper()
    capitalised = frozenset(k for k, n in uses.items() if upper[k] * 2 >= n)
    return LabelCheck(lists, tuple(data["nationality_suffixes"]), capitalised)


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
    poor_parts: tuple[str, ...] = ()  # the reader's check (only with a LabelCheck)
    odd_parts: tuple[str, ...] = ()  # label parts that read oddly (only with a ReadingCheck)
    unrelated: tuple[str, ...] = ()  # labels poor by the reader's rules of 2026-12-07


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
    digest: Any,
    week: str,
    judgement: dict[str, Any],
    common: frozenset[str],
    check: LabelCheck | None = None,
    reading: tuple[ReadingCheck, Mapping[str, str]] | None = None,
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
        poor_parts=tuple(p for label in labels for p in check.poor_parts(label)) if check else (),
        odd_parts=odd_label_parts(digest, reading) if reading else (),
        unrelated=unrelated_labels(digest, reading[1]) if reading else (),
    )
