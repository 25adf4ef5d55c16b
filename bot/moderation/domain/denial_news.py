"""A plain news report for rule 3: an outlet, agency or source as the subject of a reporting
verb, followed by the event ('Radio Free Asia reported a new execution in Hyesan', 'Daily NK
sources say two smugglers were shot'). The message tells what was reported; unless it carries
a stance or dismissal word of the member's own ('... total fabrication', 'lol', 'deserved'),
it is a report, not denial. The outlets, sources and verbs are data
(data/rule3_news.json); the detector's other readings decide what the stance words are.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from bot.moderation.domain.denial_patterns import DISMISSIVE_WORDS, NEGATORS, mentions_topic
from bot.moderation.domain.normalize import NormalizedText


def _alternation(phrases: list[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)  # 'radio free asia' before 'rfa'
    return "|".join(re.escape(phrase).replace(r"\ ", " ") for phrase in ordered)


@cache
def _frame() -> re.Pattern[str]:
    data = json.loads(
        resources.files("bot.moderation")
        .joinpath("data", "rule3_news.json")
        .read_text(encoding="utf-8")
    )
    subject = _alternation(data["outlets"] + data["sources"])
    # The subject opens the sentence, perhaps after a word of time ('yesterday rfa reported');
    # up to two words may stand between it and the verb ('daily nk sources say').
    return re.compile(
        r"(?:(?:today|yesterday|earlier|recently|now|also|and|this week|last week) )?"
        rf"(?:{subject})(?:'s)?(?: \S+){{0,2}}? (?:{_alternation(data['verbs'])})"
        r" (?:that |how |about )?(?P<event>.+)"
    )


def news_report(text: NormalizedText, sentence_words: list[str]) -> bool:
    """Whether every sentence of the message (``sentence_words``, canonical words) is an
    outlet or source reporting an event of the crisis, with no question and no dismissal or
    negating word of the member's own (the caller checks the rest of the stance: laughter,
    mockery, approval). A sentence of the member's own ('number pulled out of thin air')
    makes it no plain report."""
    if "?" in text.plain or not sentence_words:
        return False
    if not DISMISSIVE_WORDS.isdisjoint(text.tokens) or not NEGATORS.isdisjoint(text.tokens):
        return False
    frame = _frame()
    for words in sentence_words:
        match = frame.match(words)
        if match is None or not mentions_topic(match.group("event")):
            return False
    return True
