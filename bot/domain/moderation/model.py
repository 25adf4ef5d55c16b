"""The trained part of rule 1: a logistic regression over normalised words, stored as JSON.

Weights come from bench/train_rule1.py (davidson-2017, MIT licence; see data/README.md). They
are package data read once at import through importlib.resources: plain numbers, no pickle.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from bot.domain.moderation.normalize import normalize

MODEL_FILE = "rule1_model.json"


def features_of_tokens(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Unigrams and bigrams of tokens, the model's features."""
    words = [t for t in tokens if not t.isdigit()]
    return [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]


def featurize(text: str) -> list[str]:
    """Features of a raw text (used by training, so train and run time see the same tokens)."""
    return features_of_tokens(normalize(text).tokens)


@dataclass(frozen=True, slots=True)
class HateModel:
    """Logistic regression weights: ``probability`` of the hate class for some tokens."""

    intercept: float
    weights: dict[str, float]

    def probability(self, tokens: tuple[str, ...] | list[str]) -> float:
        """P(hate) for a token sequence."""
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in set(features_of_tokens(tokens)))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@lru_cache(maxsize=1)
def load_model() -> HateModel:
    """The shipped model (an empty one when the weights file is missing, e.g. mid-training)."""
    resource = resources.files("bot.domain.moderation").joinpath("data", MODEL_FILE)
    if not resource.is_file():
        return HateModel(intercept=-10.0, weights={})
    payload = json.loads(resource.read_text(encoding="utf-8"))
    return HateModel(float(payload["intercept"]), dict(payload["weights"]))
