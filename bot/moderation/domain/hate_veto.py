"""Rule 1: when the statement model's low reading overrules what the rules found.

A message the model reads as harmless (P(hate) under the veto bar) that also quotes, reports or
denounces, or holds a counter-speech signal, is counter-speech the rules misread: its statement
findings are dropped. A reporting word alone ('posts', 'says', 'read') beside a contempt frame
does not make a report, though: 'homo mods deleting my posts again lol' keeps its frame (round
13: the veto dropped frames for the word 'posts')."""

from __future__ import annotations

from bot.moderation.domain.hate_context import CounterSpeech
from bot.moderation.domain.hate_rules import FramePatterns


def model_vetoes(
    statement: float | None,
    bar: float,
    framed: bool,
    counter: CounterSpeech,
    frames: FramePatterns,
    plain: str,
    words: frozenset[str],
    group: bool,
) -> bool:
    """Whether the statement model's reading (``statement`` under ``bar``) overrules the rules."""
    if statement is None or statement >= bar or not (framed or counter.any):
        return False
    if framed or counter.strong or counter.condemnation:
        return True
    return not frames.stands(plain, words, group)
