"""Rules 3 and 1 in Chinese (bot/moderation/domain/chinese.py, data/chinese_reading.json): cases written
for this test (not from any training or dev file); the data file's own examples run in
test_moderation_script_examples.py."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.chinese import denial_cue, has_han, hate_cue
from bot.moderation.domain.detectors_chinese import ChineseDenialDetector, ChineseHateDetector
from bot.moderation.domain.normalize import normalize


def test_the_gate_reads_han_only() -> None:
    assert has_han("政治犯集中营")
    assert has_han("ok 哈哈")
    assert not has_han("the famine was real")
    assert not has_han("정치범 수용소")
    assert not has_han("café ☕")


def test_an_english_message_costs_no_reading() -> None:
    text = normalize("camps are fake, all of it")
    assert ChineseDenialDetector().detect(text) == []
    assert ChineseHateDetector().detect(text) == []


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("脱北者的证词都是编的", "脫北者的證詞都是編的"),
        ("劳改营根本不存在", "勞改營根本不存在"),
        ("黑鬼都是小偷", "黑鬼都是小偷"),
    ],
)
def test_traditional_characters_read_as_simplified(simplified: str, traditional: str) -> None:
    cue = denial_cue if "小偷" not in simplified else hate_cue
    assert cue(simplified) and cue(simplified) == cue(traditional)


def test_full_width_latin_is_folded() -> None:
    assert hate_cue("ＺＮ都该滚")


@pytest.mark.parametrize(
    "text",
    [
        "这不是瞎扯，集中营的证词很多",  # the denial word negated
        "“劳改营是编的”——朝鲜官方的说法",  # the denial word quoted
        "说饿死人是谎言的人应该去看看数据",  # given to others
    ],
)
def test_a_denial_word_that_is_not_the_members_claim_does_not_count(text: str) -> None:
    assert not denial_cue(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("朝鲜的劳改营都是韩国编出来的，别信", 3),
        ("被遣返的叛徒枪毙了也是活该", 3),
        ("脫北者全是拿錢的演員", 3),
        ("支那人都是小偷", 1),
        ("同性恋就是有病，都该抓起来", 1),
    ],
)
def test_chinese_breaches_are_flagged_under_their_rule(text: str, rule: int) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert not verdict.allowed
    assert rule in {hit.rule for hit in verdict.hits}
    assert all(hit.effective_action.value == "flag" for hit in verdict.hits)


@pytest.mark.parametrize(
    "text",
    [
        "被遣返的脱北者太可怜了",  # sympathy
        "朝中社声称朝鲜没有政治犯，这是谎言",  # a denial reported, rebutted
        "“黑鬼”这个词是种族歧视，别用",  # a slur named to discourage it
        "中国政府抓捕脱北者的政策是错的",  # a government, news
        "我们明天放假，去丹东吃冷面",  # everyday chat
    ],
)
def test_chinese_ok_messages_are_allowed(text: str) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert verdict.allowed, verdict.hits


def test_hits_name_their_record_and_language() -> None:
    verdict = ModerationEngine().check(MessageInput(text="集中营根本不存在"))
    hit = next(h for h in verdict.hits if h.record == "chinese-denial")
    assert hit.filter_name == "builtin:rule3-denial"
    assert "in Chinese" in hit.reason
