"""Rule 3's pattern records (bot/moderation/rules/rule3_denial.yaml), compiled once.

The records use the vocabulary macros of :mod:`denial_patterns` (TOPIC, CAMP, NK_SUBJECT,
DISMISSIVE, FILL); families ``denial``, ``mockery`` and ``smear`` are hits, ``rebuttal`` and
``contradiction`` are the exemptions the detector checks after a hit.
"""

from __future__ import annotations

import re

from bot.moderation.domain.denial_patterns import CAMP, DISMISSIVE, FILL, NK_SUBJECT, TOPIC
from bot.moderation.domain.rulebook import PatternRecord, load_records

RULES_FILE = "rule3_denial.yaml"
MACROS = {
    "TOPIC": TOPIC,
    "CAMP": CAMP,
    "NK_SUBJECT": NK_SUBJECT,
    "DISMISSIVE": DISMISSIVE,
    "FILL": FILL,
}

RECORDS: tuple[PatternRecord, ...] = load_records(RULES_FILE, MACROS)
#: The hit families, in the order the detector tries them.
HIT_FAMILIES = ("denial", "mockery", "smear")


def family(name: str) -> tuple[PatternRecord, ...]:
    """The records of one family, in file order."""
    return tuple(r for r in RECORDS if r.family == name)


def _one(name: str) -> re.Pattern[str]:
    found = family(name)
    if len(found) != 1:
        raise ValueError(f"{RULES_FILE}: expected one '{name}' record, found {len(found)}")
    return found[0].regex


# Rebuttals and reports of denial beyond denial_patterns.REBUTTAL ('... my uncle says, but
# he's wrong', 'Claiming X is an insult to the victims').
MORE_REBUTTAL = _one("rebuttal")
# A short sentence that contradicts the one before: 'Tankies say it was exaggerated. It's not.'
CONTRADICTS_PREVIOUS = _one("contradiction")
