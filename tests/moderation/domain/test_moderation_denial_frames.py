"""Rule 3: denials the speaker does not make (refused, reported, quoted) and affirmations of the
crisis, which overrule a flag on the model's word alone."""

from __future__ import annotations

import pytest

from bot.moderation.domain.denial_model import model_hit
from bot.moderation.domain.denial_stance import affirms_crisis
from bot.moderation.domain.detectors_denial import DENIAL_FILTER_NAME, DenialDetector
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize

# A model that reads every message as denial: what is left allowed is the reading's doing.
ALWAYS = LinearTextModel(intercept=50.0, weights={"_": 0.0}, features="statement")
# No weights: the patterns alone decide.
UNTRAINED = LinearTextModel(intercept=-50.0, weights={})


@pytest.mark.parametrize(
    "text",
    [
        "I won't pretend the prison camps don't exist, whatever I think of Washington.",
        "One bad memoir doesn't mean the famine never happened.",
        "Some guy tried to argue the famine was fake, and got ratioed.",
        'Their spokesman said "there are no political prison camps in our republic" again.',
        'That "the camps are all a myth" video has no sources at all.',
    ],
)
def test_a_denial_the_speaker_does_not_make_is_no_hit(text: str) -> None:
    assert DenialDetector(model=UNTRAINED).detect(normalize(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The prison camps don't exist.",
        "I said it before: the famine never happened.",
        "The famine never happened, says everyone who has actually been there.",
        'the "camp survivor" stories are all made up',
    ],
)
def test_the_speakers_own_denial_is_still_a_hit(text: str) -> None:
    assert DenialDetector(model=UNTRAINED).detect(normalize(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Read the new WFP brief on rural provinces, grim reading.",
        "The 1990s famine in the northeast was horrific.",
        "Children in the camps face constant hunger and beatings.",
    ],
)
def test_affirming_the_crisis_overrules_the_model_alone(text: str) -> None:
    assert affirms_crisis(normalize(text))
    assert model_hit(DENIAL_FILTER_NAME, normalize(text), ALWAYS) is None


@pytest.mark.parametrize(
    "text",
    [
        "The famine is not a crisis, they're fine.",
        "If the camps are brutal then so is every jail in Texas.",
        "oh no, the famine was so horrific lol",
        "Prisons in the US are brutal too, so drop the NK camp stuff.",
        'Suddenly a few skinny kids make it "a humanitarian crisis".',
        "Was the famine really that horrific?",
    ],
)
def test_negated_sarcastic_or_framed_affirmations_do_not_count(text: str) -> None:
    assert not affirms_crisis(normalize(text))
    assert model_hit(DENIAL_FILTER_NAME, normalize(text), ALWAYS) is not None
