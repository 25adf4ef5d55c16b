"""The routine section's label: what its series and roundups are, not a generic name.

The routine section (series and roundups, shown after the news) is labelled "Series: " and the
names of its lines, best first: each line's name is the longest noun phrase of its title pattern
that reads as a label, leaving out the slot, the week's frequent newsmakers ("Kim Jong Un") and
verbs ("DPRK Advances into {…} of 2024 FIFA U-20 Women's World Cup" -> "2024 FIFA U-20 Women's
World Cup"; "Kim Jong Un Receives Greetings from {…}" -> "Greetings").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.digest.domain.labels import MAX_LABEL_CHARS, reads_as_label
from bot.digest.domain.lexicon import fold, newsroom
from bot.digest.domain.phrases import ends_phrase, phrase_runs
from bot.digest.domain.series import SLOT

ROUTINE_PREFIX = "Series: "
ROUTINE_FALLBACK = "Regular features"
ROUTINE_NAMES = 2
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z0-9]|[^\sA-Za-z0-9]")


def title_phrases(title: str) -> list[str]:
    """A title's noun phrases: runs of capitalised words or numbers between verbs, forms of
    address, function words and punctuation ("New Houses" keeps its "New"; the "th" a slot
    leaves behind in "{…}th Candlelight Rally" is no word of the title)."""

    def breaks(token: str) -> bool:
        kept = fold(token) == "new" and token[0].isupper()
        return not kept and (token[0].islower() or ends_phrase(token))

    return phrase_runs(_TOKEN.findall(title), breaks)


def series_name(title: str, is_common: Callable[[str], bool]) -> str | None:
    """The name of one routine line from its title or pattern (None when nothing reads well).

    The subject before the title's first verb ("Kim Jong Un Receives …", "DPRK Advances …") is
    who acts in every item, not what the line holds: it names the line only when nothing else
    does ("New Houses Built in {…}")."""
    subject = frozenset(title_phrases(_before_first_verb(title)))
    candidates: list[str] = []
    for piece in title.split(SLOT):
        for phrase in title_phrases(piece):
            # "New" heads a name ("New Year", "New Houses"), which the label check reads as a
            # stop word: the rest of the phrase is checked.
            rest = phrase.removeprefix("New ")
            # The week's frequent newsmakers ("Kim Jong Un") say nothing of the line.
            if not rest or not reads_as_label(rest) or (" " in phrase and is_common(phrase)):
                continue
            if len(phrase.split()) == 1 and len(phrase) < 3:
                continue
            candidates.append(phrase)
    objects = [c for c in candidates if c not in subject] or candidates
    if not objects:
        return None
    return max(objects, key=lambda p: (len(p.split()), -objects.index(p)))


def _before_first_verb(title: str) -> str:
    """The title's words before its first verb, when a slot does not come first."""
    room = newsroom()
    before: list[str] = []
    for token in _TOKEN.findall(title):
        if room.is_verb(token):
            return " ".join(before)
        if token == SLOT or not token[0].isalnum():
            return ""
        before.append(token)
    return ""


def routine_label(titles: Sequence[str], is_common: Callable[[str], bool]) -> str:
    """The section's label from its lines' titles or patterns, best first."""
    chosen: list[str] = []
    for title in titles:
        name = series_name(title, is_common)
        if name is None or fold(name) in {fold(c) for c in chosen}:
            continue
        if chosen and len(ROUTINE_PREFIX + ", ".join([*chosen, name])) > MAX_LABEL_CHARS:
            break
        chosen.append(name)
        if len(chosen) >= ROUTINE_NAMES:
            break
    if not chosen:
        return ROUTINE_FALLBACK
    return (ROUTINE_PREFIX + ", ".join(chosen))[: MAX_LABEL_CHARS + len(ROUTINE_PREFIX)]
