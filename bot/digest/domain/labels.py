"""Topic labels a reader understands: short noun phrases and names, chosen by distinctiveness.

Candidates are the noun phrases of a topic's headlines (runs between verbs and function words)
and the names in its reports. A candidate scores by how many of the topic's stories use it,
minus how much the rest of the week uses it, times how rare it is in earlier weeks' headlines.
Forms of address, verbs, single common words and phrases made only of the archive's most common
headline words never make a label.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.digest.domain.label_choice import (
    FIRST_HIGHLIGHT_BOOST,
    choose_parts,
    headline_subject,
    plain_headline,
    visible_text,
)
from bot.digest.domain.lexicon import (
    CALENDAR_WORDS_SHORT,
    STOP_WORDS,
    fold,
    is_adverb,
    newsroom,
    words,
)
from bot.digest.domain.name_pieces import cuts_name, glued_to, glued_word
from bot.digest.domain.phrases import headline_phrases, names
from bot.digest.domain.readable import (
    capitalised_words,
    reads_well,
    without_quotations,
)

LABEL_PHRASES = 2
LEAD_NAME_PRIOR = 0.5  # a name from a story's text counts half a phrase of its headline
COMMON_TITLE_WORDS = 30  # the archive's this many most common headline words name no topic
COMMON_MIN_HEADLINES = 5
COMMON_MIN_SHARE = 0.02
MAX_LABEL_CHARS = 48


@dataclass(frozen=True)
class StoryText:
    """What the labeller reads of one story: its headlines, the lead of its main report, and
    its weight (importance: what the reader sees first should name the topic)."""

    headlines: tuple[str, ...]
    lead: str
    weight: float = 1.0
    shown: bool = True  # a highlight the reader sees under the label
    summary: str = ""  # what the reader sees of its report, when it is shown
    title: str = ""  # the headline shown, when it is shown
    first: bool = False  # the topic's first highlight


@dataclass(frozen=True)
class Vocabulary:
    """Headline word and phrase frequencies of earlier weeks, and the most common words."""

    phrase_share: dict[str, float]  # folded phrase -> share of earlier headlines using it
    common_words: frozenset[str]

    def rarity(self, phrase: str) -> float:
        """Inverse document frequency of a phrase in earlier headlines (1 when never seen)."""
        return 1.0 + math.log(1.0 / (self.phrase_share.get(phrase, 0.0) + 0.002)) / 6.2


def build_vocabulary(headlines: Iterable[str]) -> Vocabulary:
    """Phrase shares of ``headlines`` (earlier weeks' and this week's) and their top words."""
    phrases: Counter[str] = Counter()
    single: Counter[str] = Counter()
    total = 0
    for headline in headlines:
        total += 1
        tokens = [fold(w) for w in words(headline)]
        seen = {" ".join(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens) - n + 1)}
        phrases.update(seen)
        single.update({t for t in tokens if t not in STOP_WORDS})
    shares = {phrase: count / max(1, total) for phrase, count in phrases.items()}
    # In a small archive every word is among the "most common": a word must also be in a fair
    # share of the headlines to count as common.
    floor = max(COMMON_MIN_HEADLINES, COMMON_MIN_SHARE * total)
    common = frozenset(
        word for word, count in single.most_common(COMMON_TITLE_WORDS) if count >= floor
    )
    return Vocabulary(shares, common)


def is_uninformative(label: str, common_words: frozenset[str]) -> bool:
    """A label made only of common headline words, forms of address, verbs or stop words."""
    room = newsroom()
    parts = [fold(w) for w in words(label)]
    return not parts or all(
        w in common_words
        or w in STOP_WORDS
        or w in room.vague
        or room.is_honorific(w)
        or room.is_verb(w)
        or w in room.office_words
        for w in parts
    )


def label_topics(
    topics: Sequence[Sequence[StoryText]],
    vocabulary: Vocabulary,
    is_common: Callable[[str], bool] = lambda phrase: False,
    parts: int = LABEL_PHRASES,
) -> list[str]:
    """One label per topic (same order), distinct from each other, of at most ``parts`` parts.

    ``is_common`` says whether a name or word is used by many texts of the week and its history
    ("Workers' Party of Korea"): such names and single words never label a topic.
    """
    # Every name of the week's texts: a label never holds a piece of one ("Il Sung's Works").
    known = KnownNames(
        name.split() for topic in topics for story in topic for name in names(story.lead)
    )
    # The words the week's texts write as names: a label part needs one unless its head says
    # what happened ("Flood Recovery"); see bot.digest.domain.readable.
    capitalised = capitalised_words(story.lead for topic in topics for story in topic)
    story_phrases = [[_phrases_of(story, is_common, known) for story in topic] for topic in topics]
    week_weight: defaultdict[str, float] = defaultdict(float)
    for topic, phrases_of_topic in zip(topics, story_phrases, strict=True):
        for story, phrases in zip(topic, phrases_of_topic, strict=True):
            for key in phrases:
                week_weight[key] += story.weight
    total_weight = sum(story.weight for topic in topics for story in topic)
    labels: list[str] = []
    used: set[str] = set()
    for number, (topic, phrases_of_topic) in enumerate(zip(topics, story_phrases, strict=True)):
        inside: defaultdict[str, float] = defaultdict(float)
        surface: dict[str, str] = {}
        prior: dict[str, float] = {}
        for story, phrases in zip(topic, phrases_of_topic, strict=True):
            for key, (display, weight) in phrases.items():
                inside[key] += story.weight
                surface.setdefault(key, display)
                prior[key] = max(prior.get(key, 0.0), weight)
        size = max(1e-9, sum(story.weight for story in topic))
        rest = max(1e-9, total_weight - size)
        seen = [visible_text(s.headlines, s.summary or s.lead) for s in topic if s.shown] or [
            visible_text(s.headlines, s.summary or s.lead) for s in topic
        ]
        first = [visible_text(s.headlines, s.summary or s.lead) for s in topic if s.first]
        # What the reader would find under the label (all candidates when nothing is).
        visible = {k: w for k, w in inside.items() if any(f" {k} " in t for t in seen)} or inside
        scored = []
        for key, weight in inside.items():
            if is_uninformative(key, vocabulary.common_words) or key in used:
                continue
            if not any(f" {key} " in text for text in seen):
                continue  # the reader would not find it under the label
            if not reads_well(surface[key], capitalised):
                continue
            share_inside = weight / size
            share_outside = (week_weight[key] - weight) / rest
            distinct = share_inside - share_outside
            if distinct <= 0:
                continue
            # Longer phrases say more; a lone name in one story should not beat a shared theme.
            length = 1.0 + 0.15 * (len(key.split()) - 1)
            boost = FIRST_HIGHLIGHT_BOOST if any(f" {key} " in t for t in first) else 1.0
            score = distinct * vocabulary.rarity(key) * length * prior[key] * boost
            scored.append((score, key))
        scored.sort(key=lambda item: (-item[0], item[1]))

        def related(
            one: str,
            other: str,
            topic: Sequence[StoryText] = topic,
            surface: dict[str, str] = surface,
        ) -> bool:
            return _related(surface[one], surface[other], topic)

        chosen = choose_parts(scored, surface, related, capitalised, parts)
        shown = [surface[key] for key in chosen]
        label = " · ".join(shown)
        if len(label) > MAX_LABEL_CHARS:
            label = shown[0][:MAX_LABEL_CHARS]
        leading = [s.title or s.headlines[0] for s in topic if s.first and s.headlines]
        if not label and leading:
            subject = headline_subject(leading[0], capitalised) or ""
            common = is_uninformative(subject, vocabulary.common_words) or is_common(subject)
            label = "" if common else subject
        if not label:  # the week's everyday names ("Rodong Sinmun") say no topic
            rare = {k: w for k, w in visible.items() if not is_common(surface[k])} or visible
            label = _fallback(rare, surface, vocabulary, capitalised) or ""
            label = label or plain_headline(next(iter(leading), "")) or ""
            label = label or _fallback(rare, surface, vocabulary, capitalised, loose=True) or ""
            label = label or f"More news ({number + 1})"
        used.update(chosen)
        labels.append(label)
    return _unique(labels)


def _related(first: str, second: str, topic: Sequence[StoryText]) -> bool:
    """Two parts read as one topic only when one shown highlight writes both (its headlines or
    summary): an event and its place or actor are written together, two unrelated items of a
    topic are not ("White Paper · Ogye Farm", "Kim Tok Hun · Nguyen Phu Trong")."""
    pair = (_key(first), _key(second))
    for story in topic:
        spoken = visible_text(story.headlines, story.summary or story.lead) if story.shown else ""
        if all(f" {part} " in spoken for part in pair):
            return True
    return False


def _fallback(
    inside: dict[str, float],
    surface: dict[str, str],
    vocabulary: Vocabulary,
    capitalised: frozenset[str],
    loose: bool = False,
) -> str | None:
    """When nothing is distinctive (one topic, or a tiny week): the topic's most used phrase
    that reads well and is not made only of common words; ``loose``: its most used phrase of
    two words or more."""
    ranked = sorted(inside, key=lambda key: (-inside[key], -len(key.split()), key))
    for key in ranked:
        if not is_uninformative(key, vocabulary.common_words) and reads_well(
            surface[key], capitalised
        ):
            return surface[key][:MAX_LABEL_CHARS]
    multiword = (surface[key][:MAX_LABEL_CHARS] for key in ranked if " " in key)
    return next(multiword, None) if loose else None


def _phrases_of(
    story: StoryText, is_common: Callable[[str], bool], known: KnownNames
) -> dict[str, tuple[str, float]]:
    """Folded candidate phrase -> (its display form, its prior): headline phrases say what the
    story is about (1.0), names from the lead say who and where (LEAD_NAME_PRIOR)."""
    found: dict[str, tuple[str, float]] = {}
    # Names inside a quotation are what someone said, not what happened ("European Atlantic
    # Ocean" in a prime minister's words).
    lead_names = [name for name in names(without_quotations(story.lead)) if len(name.split()) <= 3]
    # A single headline word counts only when the text uses it as a name ("KPA", not "Join").
    single_names = {fold(name) for name in lead_names if " " not in name}
    headline_words = {fold(w) for h in story.headlines for w in words(h)}
    # A headline phrase the text repeats is what the story is about, and a noun phrase: the
    # text writes "reaped a good harvest", never "reap good harvest".
    spoken = " ".join(fold(w) for w in words(story.lead))
    endings = [
        part
        for h in story.headlines
        for p in headline_phrases(h)
        if not _coordinated(p, h)
        for part in _heads(p)
    ]
    candidates = [
        part
        for part in endings
        if (" " in part and f" {_key(part)} " in f" {spoken} ") or fold(part) in single_names
    ]
    if not candidates:  # a text that repeats none of its headline: the headline alone
        candidates = [part for part in endings if " " in part or not story.lead]
    from_headlines = len(candidates)
    # A one-word name only the text writes is an example of a list ("kayagum, Janggo and
    # Jangsaenap") unless the headline says it or it is an acronym ("KPA").
    candidates.extend(
        name
        for name in lead_names
        if not is_common(name)
        and (" " in name or fold(name) in headline_words or sum(c.isupper() for c in name) >= 2)
    )
    for position, phrase in enumerate(candidates):
        if not reads_as_label(phrase, known):
            continue
        parts = phrase.split()
        if len(parts) == 1 and (len(parts[0]) < 3 or is_common(parts[0])):
            continue
        key = " ".join(fold(p) for p in parts)
        prior = 1.0 if position < from_headlines else LEAD_NAME_PRIOR
        if key not in found or found[key][1] < prior:
            found[key] = (phrase, prior)
    return found


def _coordinated(phrase: str, headline: str) -> bool:
    """A phrase the headline continues with "and" and another capitalised word: the first half
    of a coordination ("Senior Party and Government Officials"), whose head comes later."""
    return re.search(re.escape(phrase) + r"\s+and\s+[A-Z]", headline) is not None


def _key(phrase: str) -> str:
    return " ".join(fold(w) for w in words(phrase))


def _heads(phrase: str) -> list[str]:
    """The phrase and its shorter endings ("Ore Transport System", "Transport System", "System"):
    an English noun phrase ends in its head noun, so only endings keep what the phrase names;
    cutting its end leaves a modifier dangling ("Senior Party")."""
    parts = phrase.split()
    return [" ".join(parts[start:]) for start in range(max(0, len(parts) - 3), len(parts))]


class KnownNames:
    """The names of the week's texts (folded word tuples), indexed by word, for the label
    checks: a phrase is compared only with the names that share one of its words."""

    def __init__(self, whole_names: Iterable[Sequence[str]]) -> None:
        folded = {tuple(fold(w) for w in name) for name in whole_names}
        self.names = frozenset(name for name in folded if len(name) >= 2)
        self.by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for name in sorted(self.names):
            for word in set(name):
                self.by_word[word].append(name)
        self.pieces = frozenset(w for name in self.names for w in name if 2 <= len(w) <= 5)

    def near(self, keys: Sequence[str]) -> list[tuple[str, ...]]:
        """The names that share a word with ``keys``."""
        found: dict[tuple[str, ...], None] = {}
        for key in keys:
            for name in self.by_word.get(key, ()):
                found.setdefault(name)
        return list(found)


def reads_as_label(phrase: str, whole_names: KnownNames | Sequence[Sequence[str]] = ()) -> bool:
    """Whether ``phrase`` reads as a noun phrase or a name: no honorific, verb, adverb,
    possessive end, dangling modifier or particle at the end ("Brisk", "Give up", "upon"), name
    glued to the next word ("Kim Il Sunghosted") or piece of a longer name ("Marshal Kim Jong", "Jong Il's Works") of
    ``whole_names`` (the names of the story's text, as word lists)."""
    room = newsroom()
    parts = phrase.split()
    if not parts or fold(parts[0]) in STOP_WORDS or fold(parts[-1]) in STOP_WORDS:
        return False
    known = whole_names if isinstance(whole_names, KnownNames) else KnownNames(whole_names)
    keys = [fold(p) for p in parts]
    # Praise inside a name the text uses is part of the name ("Supreme People's Assembly").
    whole = tuple(keys) in known.names
    if any((room.is_honorific(p) and not whole) or room.is_verb(p) or is_adverb(p) for p in parts):
        return False
    if all(fold(p) in CALENDAR_WORDS_SHORT or p.isdigit() for p in parts):
        return False
    last = parts[-1].casefold().replace("’", "'")
    if last.endswith(("'s", "'")) or room.is_dangling(parts[-1]):
        return False
    if parts[0].replace("’", "'").endswith("s'"):  # "Members' Story-Telling": owner cut off
        return False
    if any(glued_word(key, known.pieces) for key in keys):
        return False
    return not any(cuts_name(keys, name) or glued_to(keys, name) for name in known.near(keys))


def _overlaps(key: str, other: str) -> bool:
    return bool(set(key.split()) & set(other.split()))


def _unique(labels: list[str]) -> list[str]:
    seen: defaultdict[str, int] = defaultdict(int)
    result = []
    for label in labels:
        seen[label] += 1
        result.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return result
