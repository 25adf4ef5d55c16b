"""The shared stems (stems.py) are the stemmer's own, whatever its memory holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import Stemmer

from bot.moderation.domain import stems
from bot.moderation.domain.normalize import normalize

CASES = Path(__file__).resolve().parents[1] / "cases"


def _words() -> list[str]:
    words: list[str] = []
    for path in sorted(CASES.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    words.extend(normalize(json.loads(line)["text"]).tokens)
    return words


@pytest.mark.parametrize("memory", [131_072, 5])
def test_stems_are_the_stemmers(memory: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stems, "_MAX_STEMS", memory)
    monkeypatch.setattr(stems, "_stems", {})
    reference = Stemmer.Stemmer("english")
    words = _words()
    assert len(words) > 1_000
    for start in range(0, len(words), 37):
        chunk = words[start : start + 37]
        assert stems.stem_words(chunk) == reference.stemWords(chunk)
    assert [stems.stem_word(w) for w in words[:500]] == reference.stemWords(words[:500])
    assert len(stems._stems) <= max(memory, 37) + 37


def test_stem_words_returns_a_new_list() -> None:
    first = stems.stem_words(["starving", "camps"])
    first[0] = "!" + first[0]  # negated_statement_features marks stems in place
    assert stems.stem_words(["starving", "camps"]) == ["starv", "camp"]


@pytest.mark.parametrize("featurizer", ["statement", "statement+negation", "masked+negation"])
def test_a_refit_model_scores_as_with_the_stemmer_itself(
    featurizer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model retrained later (new weights, any featurizer) reads the same features through
    the shared stems as through PyStemmer called directly, so it scores the same."""
    from bot.moderation.domain import model

    texts = [
        normalize(t)
        for t in (
            "The camps were starving people, and nobody denies it.",
            "Mexicans aren't lazy; refugees are fleeing famines.",
            "gays are amazing but the regime's stories are lies",
        )
    ]
    ours = [model.FEATURIZERS[featurizer](t) for t in texts]
    reference = Stemmer.Stemmer("english")
    monkeypatch.setattr(model, "stem_words", reference.stemWords)
    theirs = [model.FEATURIZERS[featurizer](t) for t in texts]
    assert ours == theirs
    refit = model.LinearTextModel(
        -0.5, {f: 0.1 * len(f) for f in theirs[0] + theirs[1]}, featurizer
    )
    monkeypatch.undo()
    assert [refit.probability_of(t) for t in texts] == [
        refit.probability_of_features(f) for f in theirs
    ]
