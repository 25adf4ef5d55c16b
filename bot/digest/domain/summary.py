"""Summaries that carry the news: who did what, where and when, in at most 300 characters.

Sentences come from the event's most substantial report. Forms of address go ("Respected
Comrade"), a long appositive after a name goes ("Kim Jong Un, general secretary of ... and
president of ..., oversaw" -> "Kim Jong Un oversaw"), and sentences that praise rather than
report are skipped. Among the first sentences, the one that names the most specific things
(uncommon names, numbers, the headline's words) wins; a second one is added when it fits and
adds names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime

from bot.archive.domain.articles import Article, normalize_whitespace
from bot.archive.domain.summary import split_sentences, trim_to
from bot.digest.domain.glued import unglue
from bot.digest.domain.lexicon import (
    STOP_WORDS,
    cut_appositive,
    fold,
    newsroom,
    stem,
    strip_honorifics,
    words,
)
from bot.digest.domain.phrases import names

SUMMARY_CHARS = 300
SUMMARY_SOURCE_CHARS = 4000
LEAD_SENTENCES = 8  # news puts its point first: later sentences are rarely the gist
BOILERPLATE_SHARE = 0.15  # this share of praise words makes a sentence praise, not news
_DATELINE = re.compile(
    r"^[A-Z][\w .'-]{1,40},\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\([A-Za-z .]+\)\s*[-–—]+\s*"
)
_SECOND_DATELINE = re.compile(r"^\(?[A-Z][\w .'-]{1,40}\)?\s*[-–—]{2}\s*")
_NUMBER = re.compile(r"\d")


def clean_sentence(sentence: str) -> str:
    """A sentence without its dateline, forms of address and long appositives after names."""
    text = _DATELINE.sub("", normalize_whitespace(sentence))
    text = strip_honorifics(text)
    return cut_appositive(text)


def is_boilerplate(sentence: str) -> bool:
    """Praise rather than report: many praise words, and no number to anchor it."""
    room = newsroom()
    content = [fold(w) for w in words(sentence) if fold(w) not in STOP_WORDS]
    if not content:
        return True
    praise = sum(1 for w in content if w in room.boilerplate or w in room.honorific_words)
    return praise / len(content) >= BOILERPLATE_SHARE and not _NUMBER.search(sentence)


def _worthy(sentence: str) -> bool:
    """Captions, crossheads and list items make poor summaries; real sentences have verbs."""
    tokens = sentence.split()
    if len(tokens) < 6 or len(sentence) < 40 or sentence.endswith(":"):
        return False
    if sentence.startswith(("-", "•")) or " | " in sentence:
        return False
    if newsroom().lists_entourage(sentence):
        return False
    letters = [c for c in sentence if c.isalpha()]
    return not (letters and sum(c.isupper() for c in letters) > 0.6 * len(letters))


def summarize_event(
    report: Article,
    headline: str,
    is_common_name: Callable[[str], bool] = lambda name: False,
    max_chars: int = SUMMARY_CHARS,
    known_names: frozenset[str] = frozenset(),
) -> str:
    """The summary of an event from its most substantial ``report``; the headline when the
    report has no sentence worth quoting (photo and link posts)."""
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1 character.")
    # The news is in the first paragraphs; a speech of 9,000 characters need not be split whole.
    body = unglue(report.body[:SUMMARY_SOURCE_CHARS], known_names)
    sentences = [clean_sentence(s) for s in split_sentences(body)][: LEAD_SENTENCES * 2]
    sentences = [_SECOND_DATELINE.sub("", s) if i == 0 else s for i, s in enumerate(sentences)]
    candidates = [(i, s) for i, s in enumerate(sentences) if _worthy(s) and not is_boilerplate(s)][
        :LEAD_SENTENCES
    ]
    if not candidates:
        return trim_to(strip_honorifics(normalize_whitespace(headline)), max_chars)
    title_words = {stem(w) for w in words(headline) if fold(w) not in STOP_WORDS}
    scored = [
        (_information(s, title_words, is_common_name) - 0.08 * position, position, s)
        for position, (_, s) in enumerate(candidates)
    ]
    best_value, best_position, best = max(scored, key=lambda item: (item[0], -item[1]))
    del best_value
    if len(best) >= max_chars:
        return trim_to(best, max_chars)
    named = _specific_names(best, is_common_name)
    for _, position, sentence in sorted(scored, key=lambda item: item[1]):
        if position <= best_position or position > best_position + 2:
            continue
        joiner = " " if best[-1] in ".!?…\"'”’)" else ". "
        combined = f"{best}{joiner}{sentence}"
        # A second sentence must add names and stay on the headline's subject: not the list
        # of officials who came along.
        on_subject = {stem(w) for w in words(sentence)} & title_words
        if (
            len(combined) <= max_chars
            and on_subject
            and _specific_names(sentence, is_common_name) - named
        ):
            return combined
    return best


def _specific_names(sentence: str, is_common_name: Callable[[str], bool]) -> set[str]:
    return {name for name in names(sentence) if not is_common_name(name)}


def _information(
    sentence: str, title_words: set[str], is_common_name: Callable[[str], bool]
) -> float:
    """How much a sentence tells: specific names, numbers, and the headline's words."""
    content = {stem(w) for w in words(sentence) if fold(w) not in STOP_WORDS}
    overlap = len(content & title_words) / max(1, len(title_words))
    specific = len(_specific_names(sentence, is_common_name))
    numbers = min(2, len(_NUMBER.findall(sentence)) and 1 + ("," in sentence))
    return overlap + 0.25 * min(2, specific) + 0.15 * numbers


def summaries_for(
    reports: Sequence[Article],
    headline: str,
    is_common_name: Callable[[str], bool],
    known_names: frozenset[str] = frozenset(),
) -> str:
    """The summary of an event told by ``reports``: from the longest one. ``known_names`` are
    the week's standalone names, to split one glued to the next word ("Kim Jong Unto")."""
    longest = max(reports, key=lambda a: (len(a.body), -reports.index(a)))
    return summarize_event(longest, headline, is_common_name, known_names=known_names)


def series_summary(slots: Sequence[str], days: Sequence[datetime]) -> str:
    """A series line: its slot values with their days ("Egyptian President (Wed 28 Aug), ..."),
    or only the days when the titles repeat ("Mon 26, Tue 27 and Sat 31 Aug")."""
    if any(slots):
        parts = [
            f"{slot} ({_day(day)})" if slot else _day(day)
            for slot, day in zip(slots, days, strict=True)
        ]
        unique = list(dict.fromkeys(parts))
        return trim_to("; ".join(unique) + ".", SUMMARY_CHARS)
    unique_days = list(dict.fromkeys(_day(day) for day in sorted(days)))
    if len(unique_days) == 1:
        return f"On {unique_days[0]}."
    return trim_to(f"On {', '.join(unique_days[:-1])} and {unique_days[-1]}.", SUMMARY_CHARS)


def _day(moment: datetime) -> str:
    return f"{moment:%a} {moment.day} {moment:%b}"
