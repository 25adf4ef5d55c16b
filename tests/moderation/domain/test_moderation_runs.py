"""Whole phrases run together (hate_runs.RunSplitter through WordRepair and the engine)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine, normalize
from bot.moderation.domain.detectors_hate import HateDetector
from bot.moderation.domain.hate_runs import RunSplitter


@pytest.fixture(scope="module")
def detector() -> HateDetector:
    return HateDetector()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sikhsarefilthyanimalsandeveryoneknowsit",
            "sikhs are filthy animals and everyone knows it",
        ),
        ("honestlythemexicansinmytownaregarbage", "honestly the mexicans in my town are garbage"),
        ("kickthehaitiansout now", "kick the haitians out now"),
    ],
)
def test_splits_a_long_run_holding_a_group_word(
    detector: HateDetector, text: str, expected: str
) -> None:
    assert detector._repair.repair(normalize(text)).text == expected


def test_keeps_contractions_and_refuses_chat_fragments() -> None:
    words = ["they", "leaving", "muslims", "any", "tomy", "nany", "in", "to"]
    splitter = RunSplitter(["muslims"], dict.fromkeys(words, 1.0), words[:4], ["in", "to"])
    assert splitter.split("muslimsthey'releaving") == ("muslims", "they're", "leaving")
    # 'tomy' and 'nany' are chat fragments, not dictionary words: no split uses them
    assert splitter.split("muslimsinany") == ("muslims", "in", "any")
    assert splitter.split("muslimstomy") is None


@pytest.mark.parametrize(
    "text",
    [
        "supercalifragilisticexpialidocious",  # no group word inside
        "qzxjewsvbnm",  # a code with a group word: stray letters
        "grandmasterchef tonight",  # no run of known words holding a group word
        "asianart",  # too short to be a run
        "the lesbophobic abuse she got",  # one word made with a combining form
    ],
)
def test_leaves_other_runs_alone(detector: HateDetector, text: str) -> None:
    normalized = normalize(text)
    assert detector._repair.repair(normalized).text == normalized.text


def test_prefers_the_longer_group_word() -> None:
    words = ["the", "russian", "russians", "sin", "in", "were", "here"]
    splitter = RunSplitter(["russians", "russian"], dict.fromkeys(words, 1.0), words, ["in"])
    assert splitter.split("therussiansinwerehere") == ("the", "russians", "in", "were", "here")


def test_run_together_hate_is_caught_and_spaced_praise_stays_allowed(
    engine: ModerationEngine,
) -> None:
    hateful = engine.check(MessageInput(text="Sikhsarefilthyanimalsandeveryoneknowsit"))
    assert not hateful.allowed
    kind = engine.check(MessageInput(text="Sikhsarewonderfulneighboursandveryhelpful"))
    assert kind.allowed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Ethiop.ians next door are rats", "the ethiopians next door are rats"),
        ("those Kur ds are vermin", "those kurds are vermin"),
        ("Bosni-ans are parasites", "bosnians are parasites"),
    ],
)
def test_joins_a_long_group_word_split_into_a_fragment(
    detector: HateDetector, text: str, expected: str
) -> None:
    assert detector._repair.repair(normalize(text)).text == expected


def test_two_words_of_their_own_are_not_joined(detector: HateDetector) -> None:
    # 'hind' and 'us' would spell 'hindus', but both are words of their own: nothing joins
    normalized = normalize("the deer turned its hind us wards")
    assert "hindus" not in detector._repair.repair(normalized).text
