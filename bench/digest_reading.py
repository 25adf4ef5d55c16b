"""The judge's "reads oddly" check for topic labels (issue 15, round 12).

Written before the labeller changed, as part of the judge (bench/digest_judging.py uses it);
it imports nothing of the bot and reads its own word lists (bench/digest_reading_words.json,
plus the event nouns of bench/digest_label_words.json). A label part should be a name or noun
phrase a reader recognises as a topic: a place and an event, an organisation, a person and what
they did. A part *reads oddly* (given the titles and texts of the reports its topic cites, and
how many of the archive's articles write each word) when it

- is a date: it holds a month, a weekday or the "Juche" era ("July Juche": words of "one day
  in July Juche 107 (2018)");
- is words of a quotation: the topic's reports write it only inside quotations (quoted spans of
  QUOTATION_WORDS words or more; shorter quoted spans are titles such as a declaration's name):
  "European Atlantic Ocean", from a prime minister's quoted words;
- is written by none of the topic's reports (a phrase spliced together);
- is one unfamiliar word: a single word, not an acronym, that fewer than RARE_WORD_ARTICLES of
  the archive's articles write ("Janggo", "Jangsaenap": two instruments of a list);
- is the second of *two unrelated names*: both parts are bare names (no event noun and no head
  noun that says what kind of topic it is: place, organisation, role) and no single report of
  the topic writes both.

The blind reader's label rules (2026-12-07, training/data/digest/dev/
README_reader_ab_2026_12_07.md), ``label_faults``, judge a whole label:

- *two unrelated parts*: a label of two parts that no single report of its topic writes
  together (any two parts, names or not: "White Paper · Ogye Farm"); parts that belong together
  are named by the same reports (an event and its place or actor are);
- *not what its highlights are about*: no part of it is written by the reports the topic's
  highlights cite (a first draft asked this of the first highlight alone: on the reader's
  judged labels it flagged 5 labels the reader found ok and 2 it found poor, so it was widened
  before any bot change).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

READING_WORDS = Path(__file__).with_name("digest_reading_words.json")
LABEL_WORDS = Path(__file__).with_name("digest_label_words.json")
RARE_WORD_ARTICLES = 5
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
QUOTATION_WORDS = 8  # a quoted span this long is someone's words; shorter ones are titles
_QUOTED = re.compile(r"\"[^\"]{0,600}\"|“[^”]{0,600}”")


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]


def _unquote(match: re.Match[str]) -> str:
    """A quotation (QUOTATION_WORDS words or more) drops out; a quoted title stays."""
    span = match.group(0)
    return " | " if len(_WORD.findall(span)) >= QUOTATION_WORDS else span


def _phrase(text: str) -> str:
    return " " + " ".join(_words(text)) + " "


@dataclass(frozen=True)
class ReadingCheck:
    """The word lists and how many of the archive's articles write each (folded) word."""

    calendar: frozenset[str]
    heads: frozenset[str]
    article_counts: Mapping[str, int]

    def part_faults(self, part: str, texts: Sequence[str]) -> list[str]:
        """Why one part reads oddly, given its topic's report texts (titles and bodies)."""
        keys = _words(part)
        if not keys:
            return []
        found = []
        if any(k in self.calendar for k in keys):
            found.append("a date")
        needle = _phrase(part)
        plain = [_phrase(_QUOTED.sub(_unquote, t)) for t in texts]
        anywhere = [_phrase(t) for t in texts]
        if not any(needle in t for t in anywhere):
            found.append("written by none of its reports")
        elif not any(needle in t for t in plain):
            found.append("words of a quotation")
        tokens = part.split()
        acronym = len(tokens) == 1 and sum(c.isupper() for c in tokens[0]) >= 2
        if (
            len(keys) == 1
            and not acronym
            and self.article_counts.get(keys[0], 0) < (RARE_WORD_ARTICLES)
        ):
            found.append("one unfamiliar word")
        return found

    def is_bare_name(self, part: str) -> bool:
        """A name with no word saying what kind of topic it is (place, body, role, event)."""
        return not any(k in self.heads for k in _words(part))

    def odd_parts(self, label: str, texts: Sequence[str]) -> list[str]:
        """The parts of ``label`` that read oddly, each as "part (why, ...)"."""
        parts = [p.strip() for p in label.split(" · ") if p.strip()]
        faults = {p: self.part_faults(p, texts) for p in parts}
        if len(parts) == 2 and all(self.is_bare_name(p) for p in parts):
            first, second = (_phrase(p) for p in parts)
            if not any(first in _phrase(t) and second in _phrase(t) for t in texts):
                faults[parts[1]].append(f"unrelated to {parts[0]}")
        return [f"{p} ({', '.join(f)})" for p, f in faults.items() if f]


def label_faults(label: str, texts: Sequence[str], lead_texts: Sequence[str]) -> list[str]:
    """Why a whole label is poor by the reader's rules: its topic's report texts (every story
    under the label), and those its highlights cite."""
    # "Series: " heads the routine section: a heading's form, not words of the label.
    parts = [_phrase(p) for p in label.removeprefix("Series: ").split(" · ") if _words(p)]
    found = []
    if len(parts) == 2 and not any(all(p in _phrase(t) for p in parts) for t in texts):
        found.append("two unrelated parts")
    lead = [_phrase(t) for t in lead_texts]
    if parts and lead and not any(p in t for p in parts for t in lead):
        found.append("not what its highlights are about")
    return found


def reading_check(
    articles: Iterable[tuple[str, str]],
    path: Path = READING_WORDS,
    label_words: Path = LABEL_WORDS,
) -> ReadingCheck:
    """The check with the archive's ``articles`` as (title, text) pairs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    events = json.loads(label_words.read_text(encoding="utf-8"))["event_nouns"]
    counts: Counter[str] = Counter()
    for title, text in articles:
        counts.update(set(_words(title)) | set(_words(text)))
    heads = frozenset(data["topic_heads"]) | frozenset(events)
    return ReadingCheck(frozenset(data["calendar_words"]), heads, counts)


def lead_texts(topic: object, texts: Mapping[str, str]) -> list[str]:
    """The titles and texts of the reports the topic's highlights cite."""
    highlighted = getattr(topic, "highlighted", ()) or ()
    if not highlighted:
        return []
    ids = [
        i
        for h in highlighted
        for i in [r.article_id for r in getattr(h, "reports", ()) or ()] or [h.article_id]
    ]
    return [texts[i] for i in ids if i in texts]


def topic_texts(digest: object, topic: object, texts: Mapping[str, str]) -> list[str]:
    """The titles and texts of every report of a digest topic: every story the ranking puts
    under its label (what the labeller read), else the reports its highlights cite."""
    label = getattr(topic, "label", None)
    ids = [
        i
        for story in getattr(digest, "ranking", ()) or ()
        if getattr(story, "topic_label", None) == label
        for i in story.article_ids
    ]
    for highlight in getattr(topic, "highlighted", ()):
        reports = getattr(highlight, "reports", ()) or ()
        ids += [r.article_id for r in reports] or [highlight.article_id]
    return [texts[i] for i in dict.fromkeys(ids) if i in texts]


def unrelated_labels(digest: Any, texts: Mapping[str, str]) -> tuple[str, ...]:
    """Labels poor by the blind reader's rules (bench/digest_reading.py ``label_faults``):
    two parts no report writes together, or no part its highlights' reports write."""
    found = []
    for topic in digest.topics:
        faults = label_faults(
            topic.label, topic_texts(digest, topic, texts), lead_texts(topic, texts)
        )
        if faults:
            found.append(f"{topic.label} ({', '.join(faults)})")
    return tuple(found)


def odd_label_parts(
    digest: Any, reading: tuple[ReadingCheck, Mapping[str, str]]
) -> tuple[str, ...]:
    """The label parts that read oddly (bench/digest_reading.py), every topic of the digest.
    ``reading`` is the check and the archive's texts by article id (title and body)."""
    check, texts = reading
    return tuple(
        part
        for topic in digest.topics
        for part in check.odd_parts(topic.label, topic_texts(digest, topic, texts))
    )
