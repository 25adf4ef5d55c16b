"""Rule 3 in Japanese (bot/moderation/domain/japanese.py, data/japanese_reading.json): cases
written for this test (not from any training or dev file); the data file's own examples run in
test_moderation_script_examples.py."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.chinese import has_han
from bot.moderation.domain.detectors_japanese import JapaneseDenialDetector
from bot.moderation.domain.japanese import denial_cue, has_kana, hate_cue
from bot.moderation.domain.normalize import normalize


def test_the_gate_reads_kana_only() -> None:
    assert has_kana("北朝鮮の飢餓")
    assert has_kana("ｺｯﾁｪﾋﾞ")  # half-width katakana
    assert not has_kana("政治犯集中营")  # Chinese: the Chinese reading's
    assert not has_kana("정치범 수용소")
    assert not has_kana("the famine was real")


def test_a_japanese_message_is_not_read_as_chinese() -> None:
    assert not has_han("北朝鮮の収容所は存在しない")
    assert has_kana("北朝鮮の収容所は存在しない")


def test_an_english_message_costs_no_reading() -> None:
    assert JapaneseDenialDetector().detect(normalize("camps are fake, all of it")) == []


def test_rule_one_is_not_read_in_japanese() -> None:
    assert hate_cue("北朝鮮の人々は嘘つきだ") == ""


@pytest.mark.parametrize(
    "text",
    [
        "脱北者の話はどれもウソ。お金をもらって喋ってるだけ",
        "北朝鮮の強制収容所？そんなもの存在しないよ",
        "餓死者が出たって？ 大げさすぎる、韓国のプロパガンダでしょ",
        "送還されて処刑されたのは自業自得だと思う",
        "北朝鮮の人たちの飢えとか、どうでもいい",
        "拷問なんてデマだから信じるな",
    ],
)
def test_japanese_denials_are_flagged_under_rule_3(text: str) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert not verdict.allowed, text
    hits = [h for h in verdict.hits if h.record == "japanese-denial"]
    assert hits and hits[0].rule == 3
    assert all(hit.effective_action.value == "flag" for hit in verdict.hits)


@pytest.mark.parametrize(
    "text",
    [
        "北朝鮮の飢餓の話を聞くと胸が痛む",  # sympathy
        "脱北者の証言は作り話ではない、何百人もいる",  # a denial word negated after it
        "収容所は捏造だと言う人がいるけど、衛星写真がある",  # given to others
        "労働新聞は人権問題は存在しないと書いている",  # a denial reported
        "明日は休みだから、丹東で冷麺を食べに行こう",  # everyday chat
        "この俳優の演技、嘘みたいにうまいｗｗ",  # no crisis word
    ],
)
def test_japanese_ok_messages_are_allowed(text: str) -> None:
    verdict = ModerationEngine().check(MessageInput(text=text))
    assert verdict.allowed, verdict.hits


def test_hits_name_their_record_and_language() -> None:
    verdict = ModerationEngine().check(MessageInput(text="政治犯収容所なんて存在しない"))
    hit = next(h for h in verdict.hits if h.record == "japanese-denial")
    assert hit.filter_name == "builtin:rule3-denial"
    assert "in Japanese" in hit.reason


def test_a_quoted_line_is_not_the_members_own() -> None:
    assert denial_cue("収容所は存在しない") != ""
    verdict = ModerationEngine().check(
        MessageInput(text="> 収容所は存在しない\nこういう書き込みは本当に悲しい")
    )
    assert not any(h.record == "japanese-denial" for h in verdict.hits)
