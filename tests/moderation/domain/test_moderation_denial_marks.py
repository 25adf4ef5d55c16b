"""Rule 3's scope marks (denial_marks): the examples of data/rule3_marks.json, the featurizer
that carries them and the score bound that must hold with them. Cases written for these tests,
not taken from the training or development files."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from bot.moderation.domain.denial_bound import ScoreBound
from bot.moderation.domain.denial_marks import scoped_words
from bot.moderation.domain.model import FEATURIZERS, STATEMENT_WORDS, LinearTextModel
from bot.moderation.domain.normalize import normalize
from tests.moderation.bounds import assert_bound_is_sound


def _examples() -> list[tuple[str, list[str]]]:
    data = resources.files("bot.moderation").joinpath("data", "rule3_marks.json")
    raw = json.loads(data.read_text(encoding="utf-8"))
    return [(e["text"], e["marked"]) for e in raw["examples"]]


@pytest.mark.parametrize(("text", "marked"), _examples())
def test_every_example_of_the_marks_file_holds(text: str, marked: list[str]) -> None:
    words, stems, _ = scoped_words(normalize(text), STATEMENT_WORDS)
    assert words == marked
    assert [s[:1] == "!" for s in stems] == [w[:1] == "!" for w in words]


def test_a_clause_break_ends_a_reach() -> None:
    words, _, _ = scoped_words(normalize("not really. famine everywhere"), STATEMENT_WORDS)
    assert words == ["not", "!really", "famine", "everywhere"]


def test_numbers_are_dropped_after_marking() -> None:
    words, _, _ = scoped_words(normalize("not 3 people starved"), STATEMENT_WORDS)
    assert words == ["not", "!people", "!starved"]


def test_the_featurizer_marks_words_pairs_and_stems() -> None:
    features = FEATURIZERS["statement+stance+scope"](normalize("they're not fine"))
    assert {"!fine", "not !fine", "~!fine"} <= set(features)
    assert "fine" not in features


def test_the_score_bound_holds_with_scope_marks() -> None:
    """Marked words, pairs and stems are summed exactly; the bound must never say 'below'
    for a message the model scores above."""
    weights = {
        "nothing": 2.0,
        "^nothing": -1.5,
        "!fine": -1.0,
        "fine": 1.5,
        "~!propaganda": -2.0,
        "propaganda": 1.0,
        "not !propaganda": -0.5,
        "calls ^the": 0.7,
        "~famin": 0.4,
        "_s:crisis_dismissed": 1.0,
    }
    model = LinearTextModel(intercept=-2.0, weights=weights, features="statement+stance+scope")
    bound = ScoreBound(model)
    assert bound.usable
    texts = [
        "they're fine",
        "they're not fine",
        "it's propaganda",
        "it's not propaganda",
        "ppl act like it's nothing",
        "nothing happened, the famine is a hoax",
        "KCNA calls the famine reports propaganda",
    ]
    assert_bound_is_sound(model, bound, texts)
