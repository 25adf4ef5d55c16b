"""The trained parts of the built-in detectors: logistic regressions stored as JSON.

Rule 1's weights come from bench/train_rule1.py (davidson-2017, MIT licence), rule 3's from
bench/train_rule3.py (statements written for digestbot); see data/README.md. They are package
data read once through importlib.resources: plain numbers, no pickle, nothing tied to one
scikit-learn version. Both score the normalised tokens the engine sees at run time.
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
RULE3_MODEL_FILE = "rule3_model.json"


def features_of_tokens(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Unigrams and bigrams of tokens, the models' features."""
    words = [t for t in tokens if not t.isdigit()]
    return [*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))]


def featurize(text: str) -> list[str]:
    """Features of a raw text (used by training, so train and run time see the same tokens)."""
    return features_of_tokens(normalize(text).tokens)


@dataclass(frozen=True, slots=True)
class LinearTextModel:
    """Logistic regression weights: ``probability`` of the positive class for some tokens."""

    intercept: float
    weights: dict[str, float]

    def score(self, tokens: tuple[str, ...] | list[str]) -> float:
        """The decision value (log-odds) for a token sequence."""
        return self.intercept + sum(
            self.weights.get(f, 0.0) for f in set(features_of_tokens(tokens))
        )

    def probability(self, tokens: tuple[str, ...] | list[str]) -> float:
        """P(positive class) for a token sequence."""
        z = self.score(tokens)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def contributions(self, tokens: tuple[str, ...] | list[str], top: int = 3) -> list[str]:
        """The features pushing hardest towards the positive class (to explain a hit)."""
        present = {f: self.weights[f] for f in set(features_of_tokens(tokens)) if f in self.weights}
        ranked = sorted(present.items(), key=lambda item: (-item[1], item[0]))
        return [feature for feature, weight in ranked[:top] if weight > 0]


# The name rule 1's detector has always used.
HateModel = LinearTextModel


@lru_cache(maxsize=4)
def load_model(name: str = MODEL_FILE) -> LinearTextModel:
    """A shipped model (one that never fires when its weights file is missing)."""
    resource = resources.files("bot.domain.moderation").joinpath("data", name)
    if not resource.is_file():
        return LinearTextModel(intercept=-10.0, weights={})
    payload = json.loads(resource.read_text(encoding="utf-8"))
    return LinearTextModel(float(payload["intercept"]), dict(payload["weights"]))
