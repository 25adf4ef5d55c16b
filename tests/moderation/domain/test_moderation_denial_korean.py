"""Messages in Korean (members post in it now and then): they pass through the whole engine
without an error and without a flag by accident. Cases written for this test. Korean denials
are read since round 18 (test_moderation_korean.py)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine

KOREAN = [
    "북한 주민들이 굶고 있어서 너무 슬프다",  # sympathy
    "정치범 수용소는 실제로 존재합니다",  # the camps exist
    "ㅋㅋㅋㅋ",  # laughter alone
    "> 탈북자가 또 증언했다\n고마워요, 잘 읽었습니다",  # a reply under a quoted line
    "北朝鮮の人権状況は深刻だ",  # Japanese, the same path
]


@pytest.mark.parametrize("text", KOREAN)
def test_a_korean_message_passes_without_error_or_flag(text: str) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert verdict.allowed, verdict.hits


def test_english_crisis_words_inside_a_korean_message_are_still_read() -> None:
    verdict = ModerationEngine().check(MessageInput(text="famine은 fake임 ㅋㅋ"))
    assert not verdict.allowed


def test_a_korean_denial_is_flagged_not_removed() -> None:
    verdict = ModerationEngine().check(MessageInput(text="북한 기근은 가짜야. 다 선전이야"))
    assert not verdict.allowed
    assert {hit.effective_action.value for hit in verdict.hits} == {"flag"}
