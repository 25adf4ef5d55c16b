"""The "no good match" gate: its data file, its features, and what it answers and refuses."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.archive.domain.seed_dump import parse_seed_dump
from bot.search.domain.gate import FEATURES, GateFeatures, GateWeights, gate_features, shipped_gate
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import build_question

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_1d72199d3cd966bf.txt"
CASES = Path(__file__).with_name("gate_cases.jsonl")


def _build(articles: list[Article]) -> SearchIndex:
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])


@pytest.fixture(scope="module")
def seed_index() -> SearchIndex:
    dump = parse_seed_dump(SEED.read_text(encoding="utf-8"))
    return _build(
        [
            Article(id=f"seed-{i}", source="seed", title=p.title, body=p.body)
            for i, p in enumerate(dump.posts)
        ]
    )


def test_the_shipped_gate_reads_only_known_features_and_round_trips() -> None:
    gate = shipped_gate()
    names = [n for n, _ in gate.weights] + [n for n, _ in gate.per_decade_weights]
    assert names and set(names) <= set(FEATURES)
    assert GateWeights.from_json(gate.to_json()) == gate


def test_a_gate_file_naming_an_unknown_feature_is_refused() -> None:
    document = {**shipped_gate().to_json(), "weights": {"score_margin": 1.0}}
    with pytest.raises(ValueError, match="score_margin"):
        GateWeights.from_json(document)


def _chance_match(rarest: float) -> GateFeatures:
    """A passage that matches a question's common words only, up to ``rarest``, in the flat
    candidate list of chance matches (nothing stands out, lexically or by cosine)."""
    return GateFeatures(
        coverage=0.6,
        cosine=0.4,
        matched=3,
        unmatched=1,
        type_missing=0,
        number_missing=0,
        rarest_matched=rarest,
        second_matched=rarest * 0.8,
        known_coverage=0.6,
        rare_mass=rarest**2 * 1.8,
        top_gap=0.05,
        nqc=0.15,
        relative=0.9,
        dense_best=0.3,
        dense_gap=0.12,
    )


def _margin(gate: GateWeights, f: GateFeatures, articles: int) -> float:
    bar = gate.min_gate + gate.per_decade * math.log10(max(articles, gate.min_articles))
    return gate.score(f, articles) - bar - gate.past_knee(articles)


@pytest.mark.parametrize("rarest", [0.3, 0.5, 0.7])
def test_the_gate_asks_more_of_common_word_matches_as_the_archive_grows(rarest: float) -> None:
    gate = shipped_gate()
    f = _chance_match(rarest)
    margins = [_margin(gate, f, n) for n in (100, 2_000, 12_000, 100_000)]
    assert margins == sorted(margins, reverse=True)
    assert margins[0] > margins[-1]


def test_a_rare_word_matched_counts_for_more_in_a_larger_archive() -> None:
    gate = shipped_gate()
    common, rare = _chance_match(0.4), _chance_match(1.1)
    gap = [gate.score(rare, n) - gate.score(common, n) for n in (100, 12_000)]
    assert gap[1] > gap[0] > 0


def test_an_archive_smaller_than_the_calibrated_one_reads_as_that_size() -> None:
    gate = replace(shipped_gate(), min_articles=8)
    f = _chance_match(0.8)
    assert gate.score(f, 2) == gate.score(f, 8)
    assert gate.passes(f, 2) == gate.passes(f, 8)


def test_past_the_knee_the_bar_grows_by_its_own_slope() -> None:
    one_line = replace(shipped_gate(), knee_articles=0)
    knee = replace(one_line, knee_articles=2_000, per_decade_above=one_line.per_decade + 1.0)
    f = _chance_match(0.8)
    for n in (100, 2_000):
        assert _margin(knee, f, n) == _margin(one_line, f, n)
    assert _margin(knee, f, 20_000) == pytest.approx(_margin(one_line, f, 20_000) - 1.0)
    margin = _margin(one_line, f, 20_000)
    between = replace(knee, per_decade_above=one_line.per_decade + 2 * abs(margin) + 0.1)
    assert not between.passes(f, 20_000)
    assert between.passes(f, 2_000) == one_line.passes(f, 2_000)


def _toy_index() -> SearchIndex:
    return _build(
        [
            Article(id="a", source="t", title="Flood", body="The Yalu flood cut the rail line."),
            Article(id="b", source="t", title="Harvest", body="Rice yields rose after the flood."),
            Article(id="c", source="t", title="Port", body="Ships left the port of Nampo."),
        ]
    )


def test_the_second_rarest_word_matched_and_the_rare_mass() -> None:
    index = _toy_index()
    question = build_question(index.parts().weights, "Did the Yalu flood cut the rail line?")
    both = gate_features(question, {"yalu", "flood", "rail", "line", "cut"}, "", 0.5, 3)
    one = gate_features(question, {"flood"}, "", 0.5, 3)
    assert both.second_matched > 0.0 and one.second_matched == 0.0
    assert both.rarest_matched >= both.second_matched
    assert both.rare_mass > one.rare_mass > 0.0


def test_words_the_archive_lacks_do_not_count_against_known_coverage() -> None:
    index = _toy_index()
    weights = index.parts().weights
    plain = build_question(weights, "Yalu flood")
    chatty = build_question(weights, "ppl say teh Yalu flood lol")
    present = {"yalu", "flood"}
    assert chatty.known.count(False) >= 2
    assert gate_features(chatty, present, "", 0.5, 3).known_coverage == 1.0
    assert gate_features(chatty, present, "", 0.5, 3).coverage < 1.0
    assert gate_features(plain, present, "", 0.5, 3).coverage == 1.0


def _cases() -> list[dict[str, object]]:
    return [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]


def test_chatty_questions_about_the_seed_are_answered(seed_index: SearchIndex) -> None:
    answerable = [c for c in _cases() if not c.get("offtopic")]
    right = 0
    for case in answerable:
        hits = seed_index.ask(str(case["question"])).hits[:3]
        right += any(str(case["answer"]) in h.excerpt for h in hits)
    assert right >= 7, f"{right} of {len(answerable)}"


@pytest.mark.parametrize("case", [c for c in _cases() if c.get("offtopic")])
def test_chatty_off_topic_questions_are_refused(
    seed_index: SearchIndex, case: dict[str, object]
) -> None:
    assert seed_index.ask(str(case["question"])).hits == []
