"""Rule 1: a reporting word shields a statement about a group only when it comes before the
group ('my uncle says women ...'); after it, the group is the speaker (texts written here)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.hate_context import counter_speech
from bot.moderation.domain.hate_lexicon import load_lexicon
from bot.moderation.domain.normalize import normalize


def test_the_group_as_speaker_is_no_report(engine: ModerationEngine) -> None:
    verdict = engine.check(
        MessageInput(text="if a korean ever tells me what to eat again i will slap him")
    )
    assert verdict.outcome == "flag"  # flagged, never removed, by this reading
    assert any(h.rule == 1 for h in verdict.hits)


@pytest.mark.parametrize(
    "text",
    [
        "a chinese guy told me the border is closed",
        "my friend told me koreans are lovely people",
        "she said trans people are mentally ill, which is disgusting",
    ],
)
def test_reports_and_plain_news_stay_allowed(engine: ModerationEngine, text: str) -> None:
    assert engine.check(MessageInput(text=text)).allowed


@pytest.mark.parametrize(
    ("text", "rebuts"),
    [
        ("my uncle says women belong at home", True),
        ("if a woman ever tells me what to do i walk out", False),
        ("whenever a woman posts here the thread dies", False),
    ],
)
def test_rebuts_reads_the_reporting_word_before_the_group(text: str, rebuts: bool) -> None:
    plain = normalize(text).plain
    signals = counter_speech(plain)
    assert signals.reporting
    assert signals.rebuts(plain, load_lexicon()) is rebuts
