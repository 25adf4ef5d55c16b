"""Rule 3 reads a long message sentence by sentence (denial_sentences): one denying sentence
among ordinary ones is flagged, a long rebuttal or travel story is not."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_bound import ScoreBound
from bot.moderation.domain.denial_sentences import LONG_WORDS, sentence_hit
from bot.moderation.domain.model import RULE3_MODEL_FILE, load_model
from bot.moderation.domain.names import DENIAL_FILTER_NAME
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action

MODEL = load_model(RULE3_MODEL_FILE)
BOUND = ScoreBound(MODEL)
ENGINE = ModerationEngine()

TRIP = (
    "My cousin and I spent a week in Wonsan last autumn and the beach resort was honestly "
    "nicer than most in Europe. The hotel staff were kind and the seafood was fresh every night. "
)


def by_sentence(text: str) -> str | None:
    hit = sentence_hit(DENIAL_FILTER_NAME, normalize(text), MODEL, BOUND)
    if hit is not None:
        assert hit.action is Action.FLAG  # never a removal on one sentence's score
        return hit.matched
    return None


def test_the_denying_sentence_of_a_long_post_is_the_one_flagged() -> None:
    text = TRIP + "All those starvation stories you read online are made up by outsiders."
    matched = by_sentence(text)
    assert matched is not None and "starvation stories" in matched
    assert not ENGINE.check(MessageInput(text=text)).allowed


@pytest.mark.parametrize(
    "text",
    [
        # The trip told honestly, the crisis acknowledged.
        TRIP + "Of course we only saw what the guides wanted us to see, and the hunger in the "
        "provinces is well documented.",
        # A rebuttal that reports the denier's line before answering it.
        "Someone in the last thread wrote that the famine was invented by the CIA to justify "
        "sanctions. That claim ignores the census data, the aid agencies that were on the ground, "
        "and hundreds of survivor interviews collected over twenty years.",
        # Everyday chat, long.
        "Hello everyone, I went to the shop this morning and bought bread, milk and apples. Then "
        "I came home, made soup and watched a documentary about space with my kids. Tomorrow "
        "we are visiting their grandparents by the sea.",
    ],
)
def test_long_discussion_is_not_flagged(text: str) -> None:
    assert by_sentence(text) is None
    assert ENGINE.check(MessageInput(text=text)).hits_for_rule(3) == ()


def test_short_messages_are_read_whole() -> None:
    text = "All those starvation stories are made up. Nobody starved."
    assert len(normalize(text).tokens) < LONG_WORDS
    assert by_sentence(text) is None
