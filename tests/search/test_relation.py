"""What a question asks of its subject, and whether an excerpt matches it (relation.py)."""

from __future__ import annotations

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.gate import GateFeatures, gate_features
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import build_question
from bot.search.domain.relation import Relation, capitalised_terms, frame_terms, relation

_ARTICLES = [
    Article(
        id="a",
        source="t",
        title="Chongryon schools",
        body="Chongryon runs schools for Koreans living in Japan. The federation was founded "
        "in 1955 by Han Duk-su. Pak Thae-song visited a fertiliser complex in Hamhung.",
    ),
    Article(id="b", source="t", title="Harvest", body="Farmers brought in the rice harvest."),
]


def _features(question: str, excerpt: str) -> GateFeatures:
    index = SearchIndex.build(_ARTICLES, [p for a in _ARTICLES for p in split_passages(a)])
    weights = index.parts().weights
    built = build_question(weights, question)
    present = set(weights.analyzer.analyze(excerpt))
    return gate_features(built, present, excerpt, 0.4, 2)


def _concept(*stems: str) -> tuple[frozenset[str], ...]:
    return (frozenset(stems),)


def test_names_and_frame_words_are_not_what_is_asked() -> None:
    names = capitalised_terms("When was Pak Thae-song appointed premier?")
    assert {"pak", "thae-song"} <= names and "appointed" not in names
    assert {"tell", "happen", "article"} <= frame_terms()
    concepts = [_concept("pak"), _concept("happen")]
    assert relation(concepts, [True, False], "What happened to Pak?", "Pak left.") == Relation()


def test_a_name_the_excerpt_capitalises_is_a_name_in_a_chatty_question() -> None:
    concepts = [_concept("kim"), _concept("visit")]
    said = relation(concepts, [True, False], "did kim visit", "Kim Yo Jong stayed home.")
    assert said == Relation(1.0, 1)


def test_an_excerpt_that_names_the_subject_but_not_what_is_asked_misses_it() -> None:
    features = _features(
        "Who founded the Chongryon federation?",
        "Chongryon runs schools for Koreans living in Japan.",
    )
    assert (features.relation_missing, features.relation_unmatched) == (1, 1.0)


def test_an_excerpt_that_says_what_is_asked_of_the_subject_matches_it() -> None:
    features = _features(
        "Who founded the Chongryon federation?",
        "The federation was founded in 1955 by Han Duk-su.",
    )
    assert (features.relation_missing, features.relation_unmatched) == (0, 0.0)


def test_half_of_what_is_asked_reads_as_half_unmatched() -> None:
    features = _features(
        "When was Pak Thae-song appointed to run the fertiliser complex?",
        "Pak Thae-song visited a fertiliser complex in Hamhung.",
    )
    assert features.relation_missing == 0
    assert 0.0 < features.relation_unmatched < 1.0
