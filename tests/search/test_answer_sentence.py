"""The passage whose one sentence holds the question's words and the asked-for kind ranks first."""

from __future__ import annotations

import dataclasses

import bot.search.domain.answers as answers
from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.answer_sentence import answer_sentence_coverage, answer_test
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import build_question

# One long article: the canal's words repeated near the start, its length said once, later.
BODY = (
    "The canal trade grew fast. Canal barges and canal boats crowded the canal docks of "
    "Ostrava and the canal towns. Canal tolls rose as canal traffic doubled. "
    "Engineers praised the work. Farmers sold grain at the markets. The mayor opened a school. "
    "Painters restored the old church. Fishermen mended their nets by the lake. "
    "The canal runs 40 kilometres (25 miles) from the lake to the sea. "
    "Its locks were rebuilt last spring. Tourists came in the summer."
)
PEOPLE = (
    "The canal authority met the head of the capital on Monday to discuss the canal budget and the "
    "canal repairs. The authority praised the canal workers. Lorries carried stone. "
    "Bakers sold bread. The choir sang. Buses ran late. Gardens were watered. "
    "The canal authority is headed by Marta Kowalczyk, who took office in May."
)


def _index(bodies: dict[str, str]) -> SearchIndex:
    articles = [Article(id=k, source=k, title="Notes", body=v) for k, v in bodies.items()]
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])


def _first_excerpt(
    index: SearchIndex, question: str, weight: float, focus_boost: float = 0.0
) -> str:
    shipped = answers.SETTINGS
    answers.SETTINGS = dataclasses.replace(
        shipped,
        min_gate=-1e9,
        gate_per_decade=0.0,
        sentence_weight=weight,
        focus_boost=focus_boost,
    )
    try:
        hits = index.ask(question, k=3).hits
    finally:
        answers.SETTINGS = shipped
    assert hits
    return hits[0].excerpt


def test_a_length_question_gets_the_sentence_that_says_the_length() -> None:
    index = _index({"canal": BODY})
    question = "how long is the canal?"
    assert "40 kilometres" in _first_excerpt(index, question, 1.0)
    # Without the sentence term the passage that repeats "canal" wins: the term decides it.
    assert "40 kilometres" not in _first_excerpt(index, question, 0.0)


def test_a_who_question_gets_the_sentence_that_names_someone_new() -> None:
    index = _index({"authority": PEOPLE})
    question = "who heads the canal authority?"
    assert "Marta Kowalczyk" in _first_excerpt(index, question, 1.0)
    assert "Marta Kowalczyk" not in _first_excerpt(index, question, 0.0)


def test_the_question_s_own_names_do_not_answer_who() -> None:
    index = _index({"authority": PEOPLE})
    weights = index.parts().weights
    question = build_question(weights, "who met the canal authority in Ostrava Town?")
    holds = answer_test(question, weights.analyzer)
    assert holds is not None
    assert not holds("The canal authority met in Ostrava Town on Monday.")
    assert holds("The canal authority met Marta Kowalczyk on Monday.")


def test_a_question_without_an_asked_kind_has_no_answer_sentence() -> None:
    index = _index({"canal": BODY})
    weights = index.parts().weights
    assert answer_test(build_question(weights, "canal tolls and traffic"), weights.analyzer) is None


def test_the_coverage_is_that_of_the_best_answer_sentence() -> None:
    index = _index({"canal": BODY})
    weights = index.parts().weights
    question = build_question(weights, "how long is the canal?")
    holds = answer_test(question, weights.analyzer)
    assert holds is not None
    analyzer = weights.analyzer
    said = "The canal runs 40 kilometres (25 miles) from the lake to the sea."
    assert answer_sentence_coverage(question, said, analyzer, holds) == 1.0
    assert (
        answer_sentence_coverage(question, "Canal boats crowded the docks.", analyzer, holds) == 0.0
    )


# Two reports: one repeats the question's words, the other names who holds the post.
REPORTS = {
    "meeting": "The port authority of Rason met on Monday about port fees.",
    "named": "Workers repaired the docks. The port authority is now run by Kang Chol-min.",
}


def test_a_passage_holding_a_name_of_the_asked_kind_is_boosted() -> None:
    index = _index(REPORTS)
    question = "who runs the port authority in Rason?"
    assert "Kang Chol-min" in _first_excerpt(index, question, 0.0, focus_boost=1.0)
    # Without the boost the report that repeats the question's words comes first.
    assert "Kang Chol-min" not in _first_excerpt(index, question, 0.0, focus_boost=0.0)
