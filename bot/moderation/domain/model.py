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
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from bot.moderation.domain.normalize import NormalizedText, normalize
from bot.moderation.domain.stems import stem_words

MODEL_FILE = "rule1_model.json"
RULE1_STATEMENTS_MODEL_FILE = "rule1_statements_model.json"
RULE3_MODEL_FILE = "rule3_model.json"


def features_of_tokens(tokens: tuple[str, ...] | list[str]) -> list[str]:
    """Unigrams and bigrams of tokens, the models' features."""
    words = [t for t in tokens if not t.isdigit()]
    # map and pairwise run in C: this is on every message's path.
    return [*words, *map(" ".join, itertools.pairwise(words))]


def featurize(text: str) -> list[str]:
    """Features of a raw text (used by training, so train and run time see the same tokens)."""
    return features_of_tokens(normalize(text).tokens)


# Quotation marks around a claim: "the camps are 'just farms'" reports or mocks a phrase.
_QUOTED = re.compile(r"[\"“”«»„]|(?:^|\s)'[^']+'")


# Rule 3's model reads this many words of a message: it was trained on statements of at most
# about 90 words, so its scores say little beyond that (the patterns still read everything),
# and long pasted articles would otherwise make the slowest messages slower.
STATEMENT_WORDS = 120


def statement_features(text: NormalizedText) -> list[str]:
    """Rule 3's features: words and word pairs, word stems ('~starv' for starved, starving),
    and whether the message quotes something or asks a question. Rebuttals and reports of
    denial share denial's words; quotation marks and questions are much of what tells them
    apart, and normalisation has dropped both."""
    words = [t for t in text.tokens[:STATEMENT_WORDS] if not t.isdigit()]
    return _assemble(words, stem_words(words), text.original)


_NEGATOR_WORDS = """not no never nobody nothing nowhere neither nor none without don't doesn't
    didn't isn't aren't wasn't weren't won't wouldn't can't cannot couldn't shouldn't haven't
    hasn't ain't dont doesnt didnt isnt arent wasnt werent wont wouldnt cant couldnt shouldnt"""
_NEGATORS = frozenset(_NEGATOR_WORDS.split())
# How many words after a negator it reaches: 'Mexicans aren't lazy' negates 'lazy'.
_NEGATION_SCOPE = 3


def negated_statement_features(text: NormalizedText) -> list[str]:
    """statement_features where the words in a negator's reach are marked with '!' (in words,
    pairs and stems): 'Mexicans aren't lazy' then shares nothing with 'Mexicans are lazy' but
    the group, and a model weighs '!lazy' on its own."""
    words = [t for t in text.tokens[:STATEMENT_WORDS] if not t.isdigit()]
    stems = stem_words(words)
    reach = 0
    for index, word in enumerate(words if not _NEGATORS.isdisjoint(words) else ()):
        if word in _NEGATORS:
            reach = _NEGATION_SCOPE
        elif reach:
            words[index] = "!" + word
            stems[index] = "!" + stems[index]
            reach -= 1
    return _assemble(words, stems, text.original)


def _assemble(words: list[str], stems: list[str], original: str) -> list[str]:
    """Words, word pairs, '~' stems and the _quote / _question flags (map and pairwise run in
    C: this is on every message's path)."""
    features = [*words, *map(" ".join, itertools.pairwise(words))]
    features.extend(map("~".__add__, stems))
    if _quoted(original):
        features.append("_quote")
    if original.rstrip().endswith("?"):
        features.append("_question")
    return features


# Every match of _QUOTED holds one of these characters (tested in C before the regex runs).
_QUOTE_CHARS = re.compile(r"[\"“”«»„']")
_last_quoted: list[tuple[str, bool]] = [("", False)]


def _quoted(original: str) -> bool:
    """Whether ``original`` quotes something (remembered for the last text: rules 1 and 3 both
    ask about the same message)."""
    last, answer = _last_quoted[0]
    if original is last:
        return answer
    answer = _QUOTE_CHARS.search(original) is not None and _QUOTED.search(original) is not None
    _last_quoted[0] = (original, answer)
    return answer


def masked_statement_features(text: NormalizedText) -> list[str]:
    """negated_statement_features with every protected group written 'qqg' ('Muslims are
    lovely' and 'Jews are lovely' share all their features): the model must learn what is
    said of a group, not which groups hateful messages name most."""
    from bot.moderation.domain.hate_lexicon import load_lexicon

    lexicon = load_lexicon()
    masked: list[str] = []
    squeezed = text.squeezed_tokens
    skip = False
    for index, token in enumerate(text.tokens[:STATEMENT_WORDS]):
        if skip:
            skip = False
            continue
        key = squeezed[index]
        following = squeezed[index + 1] if index + 1 < len(squeezed) else ""
        if key in lexicon.adjectives and following in lexicon.person_nouns:
            masked.append("qqg")
            skip = True
        elif key in lexicon.groups or key in lexicon.singulars:
            masked.append("qqg")
        else:
            masked.append(token)
    return negated_statement_features(replace(text, tokens=tuple(masked)))


def stance_statement_features(text: NormalizedText) -> list[str]:
    """statement_features and rule 3's stance features ('_s:witness_liar', '_s:regime_liar',
    ...: bot.moderation.domain.denial_features), which say who is called a liar and what is
    called fake, relations a bag of words cannot read."""
    from bot.moderation.domain.denial_features import stance_features

    return statement_features(text) + stance_features(text)


def scoped_stance_features(text: NormalizedText) -> list[str]:
    """stance_statement_features with the words in a negator's reach marked '!' and those a
    reporting cue attributes to someone else marked '^' (in words, pairs and stems:
    bot.moderation.domain.denial_marks): 'they're not fine' and 'Pyongyang calls the reports
    lies' then share no denier's word with 'they're fine' and 'the reports are lies'."""
    from bot.moderation.domain.denial_features import stance_features
    from bot.moderation.domain.denial_marks import scoped_words

    words, stems, extra = scoped_words(text, STATEMENT_WORDS)
    return _assemble(words, stems, text.original) + extra + stance_features(text)


def masked_valence_features(text: NormalizedText) -> list[str]:
    """masked_statement_features and the kind of word near each group ('_q>N': contempt after
    a group; bot.moderation.domain.hate_features), which carry to words no writer used."""
    from bot.moderation.domain.hate_features import valence_features

    features = masked_statement_features(text)
    words = list(itertools.takewhile(lambda f: " " not in f and f[:1] not in "~_", features))
    return features + valence_features(words)


def reading_statement_features(text: NormalizedText) -> list[str]:
    """stance_statement_features and rule 3's sentence readings ('_r:affirm', '_r:neg_crisis',
    ...: bot.moderation.domain.denial_reading_features): what each sentence does with the
    crisis, and what a negator reaches."""
    from bot.moderation.domain.denial_reading_features import reading_features

    return stance_statement_features(text) + reading_features(text)


FEATURIZERS: dict[str, Callable[[NormalizedText], list[str]]] = {
    "words": lambda text: features_of_tokens(text.tokens),
    "statement": statement_features,
    "statement+stance": stance_statement_features,
    "statement+stance+reading": reading_statement_features,
    "statement+stance+scope": scoped_stance_features,
    "statement+negation": negated_statement_features,
    "masked+negation": masked_statement_features,
    "masked+negation+valence": masked_valence_features,
}


@dataclass(frozen=True, slots=True)
class LinearTextModel:
    """Logistic regression weights: ``probability`` of the positive class for some tokens."""

    intercept: float
    weights: dict[str, float]
    features: str = "words"  # a FEATURIZERS key

    @property
    def trained(self) -> bool:
        """False for the stand-in used when a weights file is missing: it has no opinion."""
        return bool(self.weights)

    def probability_of(self, text: NormalizedText) -> float:
        """P(positive class) for a normalised message, with the model's own features."""
        return self.probability_of_features(FEATURIZERS[self.features](text))

    def probability_of_features(self, features: list[str]) -> float:
        """P(positive class) given the model's features of a message."""
        z = self.intercept + sum(filter(None, map(self.weights.get, set(features))))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def score(self, tokens: tuple[str, ...] | list[str]) -> float:
        """The decision value (log-odds) for a token sequence."""
        present = set(features_of_tokens(tokens))
        return self.intercept + sum(filter(None, map(self.weights.get, present)))

    def probability(self, tokens: tuple[str, ...] | list[str]) -> float:
        """P(positive class) for a token sequence."""
        z = self.score(tokens)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def contributions(self, text: NormalizedText, top: int = 3) -> list[str]:
        """The words pushing hardest towards the positive class (to explain a hit)."""
        present = {
            f: self.weights[f]
            for f in set(FEATURIZERS[self.features](text))
            if f in self.weights and not f.startswith(("~", "_"))
        }
        ranked = sorted(present.items(), key=lambda item: (-item[1], item[0]))
        return [feature for feature, weight in ranked[:top] if weight > 0]


# The name rule 1's detector has always used.
HateModel = LinearTextModel


@lru_cache(maxsize=4)
def load_model(name: str = MODEL_FILE) -> LinearTextModel:
    """A shipped model (one that never fires when its weights file is missing)."""
    resource = resources.files("bot.moderation").joinpath("data", name)
    if not resource.is_file():
        return LinearTextModel(intercept=-10.0, weights={})
    payload = json.loads(resource.read_text(encoding="utf-8"))
    features = str(payload.get("featurizer", "words"))
    if features not in FEATURIZERS:
        raise ValueError(f"{name}: unknown featurizer {features!r}")
    return LinearTextModel(float(payload["intercept"]), dict(payload["weights"]), features)
