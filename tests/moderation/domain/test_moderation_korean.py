"""Rules 3 and 1 in Korean (bot/moderation/domain/korean.py, data/korean_reading.json): cases written
for this test (not from any training or dev file); the data file's own examples run in
test_moderation_script_examples.py."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.detectors_korean import KoreanDenialDetector, KoreanHateDetector
from bot.moderation.domain.korean import denial_cue, has_hangul, hate_cue
from bot.moderation.domain.normalize import normalize


def test_the_gate_reads_hangul_only() -> None:
    assert has_hangul("정치범 수용소")
    assert has_hangul("ok ㅋㅋ")
    assert not has_hangul("the famine was real")
    assert not has_hangul("北朝鮮の人権状況")
    assert not has_hangul("café ☕")


def test_an_english_message_costs_no_reading() -> None:
    text = normalize("camps are fake, all of it")
    assert KoreanDenialDetector().detect(text) == []
    assert KoreanHateDetector().detect(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("관리소 같은거 실제론 없음. 다 국정원 작품", 3),
        ("강제북송 당한 사람들 맞아도 싸지", 3),
        ("탈북자들 말은 하나도 믿지마 ㅋㅋ", 3),
        ("쪽바리들은 믿으면 안됨", 1),
        ("조선족들은 다 범죄자 종자임", 1),
    ],
)
def test_korean_breaches_are_flagged_under_their_rule(text: str, rule: int) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert not verdict.allowed
    assert rule in {hit.rule for hit in verdict.hits}
    assert all(hit.effective_action.value == "flag" for hit in verdict.hits)


@pytest.mark.parametrize(
    "text",
    [
        "강제북송 된 사람들 너무 불쌍하다",  # sympathy
        "중앙통신은 정치범 수용소가 없다고 주장함. 말도 안 되는 소리",  # a denial reported, rebutted
        "'짱깨'라는 표현은 쓰지 마세요",  # a slur named to discourage it
        "일본 정부가 납치 문제 해결을 요구했다",  # a government, news
    ],
)
def test_korean_ok_messages_are_allowed(text: str) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert verdict.allowed, verdict.hits


def test_a_quoted_korean_denial_is_not_the_members() -> None:
    verdict = ModerationEngine().check(MessageInput(text="> 수용소는 다 주작임\n출처 좀"))
    assert not any(hit.record == "korean-denial" for hit in verdict.hits)


def test_a_hit_names_its_reading_and_quotes_the_message() -> None:
    hits = KoreanDenialDetector().detect(normalize("북한 수용소 얘기 다 주작임ㅋㅋ"))
    assert [h.record for h in hits] == ["korean-denial"]
    assert "주작" in hits[0].matched and "주작" in hits[0].reason


def test_why_and_guy_are_not_the_slur_in_hangul() -> None:
    # '왜 놈이' ('why ... the guy'): the Korean reading keeps the space. The romanised slur
    # list still reads 'wae nom' as 'waenom' and flags it (a known false flag, rule1-slurs).
    assert not hate_cue("왜 놈이 아직 안 왔지")
    assert hate_cue("왜놈들은 다 똑같다")


@pytest.mark.parametrize(
    "text",
    [
        "수용소가 날조는 아님. 생존자가 수백 명임",  # negated right after the word
        "당국 해명으로는 굶는 사람이 없대... 아니 그게 없다고 하는 게 말이 되냐",
        "국경 넘다 시신으로 발견됐다니 할 말이 없다",  # an idiom of 없다
        "중국에서 가짜 여권 사다가 잡혀 북송됨",  # a fake passport is the news
    ],
)
def test_korean_words_negated_reported_or_idiomatic_are_not_the_members_claim(text: str) -> None:
    assert denial_cue(text) == ""


@pytest.mark.parametrize(
    "text",
    [
        "북한 관련 보도는 죄다 소설임",  # a phrase that holds its own crisis word
        "수용소가 날조 아님? 다들 속는 듯",  # '아님?' asks, it does not negate
        "북송되는 사람들 코스프레 좀 그만",
    ],
)
def test_korean_denials_added_in_round_21_are_read(text: str) -> None:
    assert denial_cue(text) != ""
