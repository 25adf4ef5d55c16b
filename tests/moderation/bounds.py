"""A check shared by the rule-3 model tests: a score bound never hides a message above the bar."""

from __future__ import annotations

from bot.moderation.domain.denial_bound import ScoreBound
from bot.moderation.domain.model import FEATURIZERS, LinearTextModel
from bot.moderation.domain.normalize import normalize

BARS = (0.01, 0.05, 0.2, 0.4, 0.55, 0.8)


def assert_bound_is_sound(model: LinearTextModel, bound: ScoreBound, texts: list[str]) -> None:
    """Wherever ``bound`` says a text is below a bar, the model's probability is below it."""
    for text in texts:
        message = normalize(text)
        probability = model.probability_of_features(FEATURIZERS[model.features](message))
        for bar in BARS:
            if bound.below(message, bar):
                assert probability < bar, (text, bar, probability)
