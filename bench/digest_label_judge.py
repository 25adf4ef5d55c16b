"""A label judge fitted to blind readers' ok/poor verdicts (issue 15, round 13).

It reads what a reader reads: the rendered Markdown page (links removed), one ``## label``
section at a time with the ``### `` highlights under it (headline, summary, "Also:" titles).
It imports nothing of the bot. Features of a label (bench/digest_label_judge.json holds the
weights, fitted by training/fit_label_judge.py on training/data/digest/dev/reader_ab_*.jsonl):

- ``series``: the routine heading ("Series: ...", "Regular features");
- ``two_parts``: two parts joined by " · ";
- ``part_missing``: a part no highlight of the section writes (headline, summary or "Also:");
- ``not_in_lead``: no part is written by the section's first highlight;
- ``unrelated``: two parts that no single highlight writes together;
- ``person``: a part that is a bare person's name (two to four capitalised words, none of which
  the page writes in lower case, no head or event noun);
- ``bare_kind``: a one-part label of a place, body or role with no event ("North Phyongan
  Province", "Syrian PM", "Friendship Tower");
- ``vague``: a one-part label of at most two words, no event noun and no person's name
  ("White Paper", "Construction Site", "Syrian PM");
- ``event``: a part holds an event noun (meeting, visit, test, anniversary, flood ...);
- ``slogan``: a part holds an evaluative adjective or an abstract noun ("State-First
  Principle", "DPRK's Sovereignty");
- ``lead_share``: the share of the section's highlights that write a part.
- ``many``: the section holds three or more highlights (round 14: the third reader calls a label
  poor when half its highlights are about something else, which a long section seldom avoids);
- ``stem_share``: the share of highlights that write a word of the label by its first five
  letters ("Russia" / "Russian", "tests" / "test-fire"), words of four letters or more, so a
  heading in the reader's own words is not judged only by the exact phrases above.

Word lists are the judge's own (bench/digest_label_words.json, digest_reading_words.json,
written before the labeller changed in rounds 11-12).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).with_name("digest_label_judge.json")
LABEL_WORDS = Path(__file__).with_name("digest_label_words.json")
READING_WORDS = Path(__file__).with_name("digest_reading_words.json")
FEATURES = (
    "series",
    "two_parts",
    "part_missing",
    "not_in_lead",
    "unrelated",
    "person",
    "bare_kind",
    "vague",
    "event",
    "slogan",
    "lead_share",
    "many",
    "stem_share",
)
_STOP = frozenset({"with", "from", "their", "this", "that", "over", "into", "other", "news"})
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EXTRA_EVENTS = ("guidance", "inspection", "talks", "medal", "olympics", "cup", "day")


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'").removesuffix("'s") for w in _WORD.findall(text)]


def _phrase(text: str) -> str:
    return " " + " ".join(_words(text)) + " "


def strip_links(markdown: str) -> str:
    """The page as the readers saw it: link texts kept, addresses removed."""
    return _LINK.sub(lambda m: m.group(1), markdown)


@dataclass
class Highlight:
    """One ``###`` highlight as shown: headline, summary and the titles under "Also:"."""

    title: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " \n ".join([self.title, *self.lines])


@dataclass
class Section:
    """One ``##`` topic of a page: its label and highlights."""

    label: str
    highlights: list[Highlight] = field(default_factory=list)
    # Words the page writes in lower case somewhere: common words, never part of a name.
    page_lower: frozenset[str] = frozenset()


def parse_sections(markdown: str) -> list[Section]:
    """The page's topics in reading order (links removed)."""
    sections: list[Section] = []
    for raw in strip_links(markdown).splitlines():
        line = raw.strip()
        if line.startswith("## "):
            sections.append(Section(line[3:].strip()))
        elif line.startswith("### ") and sections:
            sections[-1].highlights.append(Highlight(line[4:].strip()))
        elif line and sections and sections[-1].highlights and not line.startswith("*"):
            sections[-1].highlights[-1].lines.append(line.removeprefix("Also:").strip())
    lower = frozenset(
        w.casefold().removesuffix("'s")
        for s in sections
        for h in s.highlights
        for w in _WORD.findall(" ".join(h.lines))
        if w.islower()
    )
    return [Section(s.label, s.highlights, lower) for s in sections]


@dataclass(frozen=True)
class Words:
    """The judge's word lists."""

    heads: frozenset[str]
    events: frozenset[str]
    slogan: frozenset[str]
    nationality: tuple[str, ...]

    @classmethod
    def load(cls) -> Words:
        label = json.loads(LABEL_WORDS.read_text(encoding="utf-8"))
        reading = json.loads(READING_WORDS.read_text(encoding="utf-8"))
        return cls(
            frozenset(reading["topic_heads"]),
            frozenset(label["event_nouns"]) | frozenset(_EXTRA_EVENTS),
            frozenset(label["evaluative"]) | frozenset(label["abstract_nouns"]),
            tuple(label["nationality_suffixes"]),
        )


def label_parts(label: str) -> list[str]:
    """The parts a reader reads: the routine heading's prefix is a form, not a part."""
    body = label.removeprefix("Series:").strip()
    return [p.strip() for p in body.split(" · ") if _words(p)]


def features(section: Section, words: Words) -> dict[str, float]:
    """The judge's features of one section's label, given its highlights."""
    label = section.label
    parts = label_parts(label)
    keys = [_phrase(p) for p in parts]
    texts = [_phrase(h.text) for h in section.highlights]
    lead = texts[:1]
    found = [[k in t for t in texts] for k in keys]

    def is_person(part: str) -> bool:
        tokens = part.split()
        folded = _words(part)
        return (
            2 <= len(tokens) <= 4
            and all(t[:1].isupper() for t in tokens)
            and not any(t.isupper() and len(t) > 1 for t in tokens)
            and not any(w in words.heads or w in words.events for w in folded)
            and not any(w in section.page_lower for w in folded)
        )

    def kind_only(part: str) -> bool:
        folded = _words(part)
        return any(w in words.heads for w in folded) and not any(w in words.events for w in folded)

    has_event = any(w in words.events for p in parts for w in _words(p))
    one = parts[0] if len(parts) == 1 else ""
    vague = bool(one) and not has_event and len(_words(one)) <= 2 and not is_person(one)
    series = label.startswith("Series:") or label.casefold() == "regular features"
    return {
        "series": float(series),
        "two_parts": float(len(parts) == 2),
        "part_missing": float(any(not any(f) for f in found)) if texts else 0.0,
        "not_in_lead": float(bool(lead) and not any(k in lead[0] for k in keys)),
        "unrelated": float(
            len(keys) == 2 and not any(keys[0] in t and keys[1] in t for t in texts)
        ),
        "person": float(any(is_person(p) for p in parts)),
        "bare_kind": float(bool(one) and kind_only(one)),
        "vague": float(vague),
        "event": float(has_event),
        "slogan": float(any(w in words.slogan for p in parts for w in _words(p))),
        "lead_share": (
            sum(any(k in t for k in keys) for t in texts) / len(texts) if texts else 0.0
        ),
        "many": float(len(texts) >= 3),
        "stem_share": _stem_share(parts, section),
    }


def _content_words(text: str) -> set[str]:
    return {w for w in _words(text.replace("-", " ")) if len(w) >= 4 and w not in _STOP}


def _same_word(one: str, other: str) -> bool:
    """One word by its first five letters, or one a prefix of the other ("test" / "tests")."""
    return one[:5] == other[:5] or one.startswith(other) or other.startswith(one)


def _stem_share(parts: Sequence[str], section: Section) -> float:
    """Share of highlights writing a word of the label, compared by its first five letters."""
    label = _content_words(" ".join(parts))
    if not section.highlights or not label:
        return 0.0
    hits = sum(
        any(_same_word(a, b) for a in label for b in _content_words(h.text))
        for h in section.highlights
    )
    return hits / len(section.highlights)


@dataclass(frozen=True)
class Judge:
    """Logistic weights over FEATURES: probability that a reader calls a label poor."""

    weights: Mapping[str, float]
    bias: float
    words: Words

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Judge:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["weights"], data["bias"], Words.load())

    def poor_probability(self, section: Section) -> float:
        values = features(section, self.words)
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-z))

    def is_poor(self, section: Section) -> bool:
        return self.poor_probability(section) >= 0.5

    def poor_labels(self, markdown: str) -> list[str]:
        """The labels of a rendered page this judge calls poor."""
        return [s.label for s in parse_sections(markdown) if self.is_poor(s)]


def fit(
    rows: Sequence[Mapping[str, float]], poor: Sequence[bool], penalty: float = 1.0
) -> tuple[dict[str, float], float]:
    """L2-regularised logistic regression by gradient descent (small data, numpy only)."""
    x = np.array([[row[k] for k in FEATURES] for row in rows], dtype=float)
    y = np.array(poor, dtype=float)
    w = np.zeros(len(FEATURES))
    b = 0.0
    n = max(1, len(rows))
    for _ in range(4000):
        err = 1.0 / (1.0 + np.exp(-(x @ w + b))) - y
        w -= 0.5 * (x.T @ err / n + penalty * w / n)
        b -= 0.5 * float(err.sum()) / n
    return {k: float(v) for k, v in zip(FEATURES, w, strict=True)}, b
