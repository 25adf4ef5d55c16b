"""A Korean, Chinese or Japanese word whose romanisation spells an English slur is no slur.

The normaliser romanises Hangul, kana and Han characters (unidecode): '인준' (a confirmation
vote) becomes 'injun' and '동남아' (South-east Asia) 'dongnama', which the slur list read as
slurs, and a Korean sentence about a vote in parliament was removed. Texts written for this
test."""

from __future__ import annotations

import pytest

from bot.moderation.domain import ModerationEngine
from bot.moderation.domain.hate_findings import Finding, written_in_latin
from bot.moderation.domain.hate_lexicon import load_lexicon

LEXICON = load_lexicon()


@pytest.mark.parametrize(
    "text",
    [
        "국회 인준 절차가 늦어지고 있다",  # the confirmation vote in parliament is delayed
        "총리 인준 표결은 다음 주래",  # the prime minister's confirmation vote is next week
        "동남아 노동자들 이야기도 기사에 나왔어",  # the article also covers South-east Asian workers
    ],
)
def test_a_romanised_word_is_no_slur(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check_text(text)
    assert all(h.filter_name != "builtin:rule1-slurs" for h in verdict.hits), verdict.hits
    assert verdict.outcome != "remove"


def test_a_slur_in_latin_letters_inside_korean_still_counts(engine: ModerationEngine) -> None:
    verdict = engine.check_text("저 gook 새끼들 다 똑같아")
    assert any(h.filter_name == "builtin:rule1-slurs" for h in verdict.hits)


def test_only_findings_written_in_latin_letters_are_kept() -> None:
    romanised = Finding("slur!", "a slur", "injun", False)
    written = Finding("slur!", "a slur", "gook", False)
    assert written_in_latin([romanised, written], "인준 gook", LEXICON) == [written]
    assert written_in_latin([romanised], "you injun", LEXICON) == [romanised]  # no script
    listed = Finding("slur", "a slur", "gimcinyeo", False)  # a listed romanised Korean slur
    assert written_in_latin([listed], "김치녀", LEXICON) == [listed]


def test_a_disguised_latin_slur_inside_korean_still_counts() -> None:
    disguised = Finding("slur!", "a slur", "chink", False)
    assert written_in_latin([disguised], "저 ch!nk 새끼들", LEXICON) == [disguised]
    assert written_in_latin([disguised], "저 ch*nk 새끼들", LEXICON) == [disguised]
