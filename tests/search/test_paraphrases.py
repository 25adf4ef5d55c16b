"""Paraphrase and fact questions: acronyms and names, synonyms, numbers with units, embeddings."""

from __future__ import annotations

import dataclasses
import json
import struct
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain import answers, dense, query
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import answer_type_of, build_question, plain_form
from bot.search.domain.text import TextAnalyzer
from bot.search.domain.vectors import QueryVector, TermWeights

ARTICLES = [
    ("un", "Sanctions report", "A U.N. panel said the sanctions on fuel were broken twice."),
    ("nk", "Rail link", "North Korea reopened the rail link to Russia after three years."),
    ("rok", "Drills", "South Korea held naval drills near the western sea border on Monday."),
    ("rep", "Defectors", "Police repatriated the escapees to the North despite appeals."),
    (
        "bridge",
        "The bridge",
        "The old bridge was painted blue by workers in the spring. "
        "It is some 600 meters (1,970 feet) long and carries the railway over the river. "
        "Officials praised the bridge and the workers who painted the bridge.",
    ),
    ("other", "Harvest", "Rice and maize harvests rose in the bridge province this autumn."),
]


def _index() -> SearchIndex:
    articles = [Article(id=i, source="t", title=t, body=b) for i, t, b in ARTICLES]
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return _index()


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("What did the UN panel say about fuel sanctions?", "un"),
        ("What did the United Nations panel say about fuel sanctions?", "un"),
        ("When did the DPRK reopen its rail link?", "nk"),
        ("Did NK reopen the rail link?", "nk"),
        ("Where did the ROK hold naval drills?", "rok"),
        ("Were the escapees sent back to the North?", "rep"),
    ],
)
def test_aliases_and_synonyms_find_the_other_spelling(
    index: SearchIndex, question: str, article: str
) -> None:
    hits = index.ask(question).hits
    assert hits, question
    assert hits[0].article_id == article


def test_dotted_acronyms_are_one_term() -> None:
    analyzer = TextAnalyzer()
    assert analyzer.analyze("The U.N. and the UN") == ["un", "un"]
    assert analyzer.analyze("U.S. officials") == analyzer.analyze("u.s. officials")


def test_how_long_questions_get_the_sentence_with_the_length(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ranking's and the excerpt's reading, gate off: on this six-article index the gate
    # refitted in round 16 (bar 1.50 -> 1.61) refuses the excerpt, which is the gate's business.
    off = dataclasses.replace(answers.SETTINGS, min_gate=-1e9, gate_per_decade=0.0)
    monkeypatch.setattr(answers, "SETTINGS", off)
    answer = index.ask("How long is the bridge?")
    assert answer.hits
    assert "600 meters" in answer.hits[0].excerpt


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many people use the internet?", "count"),
        ("How far is the camp from the border?", "size"),
        ("What percentage of people own a phone?", "percentage"),
        ("When did the hotline go quiet?", "date"),
        ("Who is Kim Yo-jong?", None),
    ],
)
def test_answer_types_are_read_from_the_question(question: str, kind: str | None) -> None:
    found = answer_type_of(question)
    assert (found.name if found else None) == kind


def test_plain_form_folds_width_accents_and_shouting() -> None:
    assert (
        plain_form("ＨＯＷ many in NORTH KÓREA use the UN?")
        == "HOW many in North Korea use the UN?"
    )


def test_count_answers_ignore_dates() -> None:
    kind = answer_type_of("How many workers came?")
    assert kind is not None
    assert not kind.matches_answer("The order came on Jan. 22 in 2024.")
    assert kind.matches_answer("Some 30 horses came by rail.")


def _weight_by_term(weights: TermWeights, question: QueryVector) -> dict[str, float]:
    """The query vector's weight of each vocabulary term it holds."""
    terms = {i: term for term, i in weights.vocabulary.items()}
    return {
        terms[int(t)]: float(w) for t, w in zip(question.term_ids, question.weights, strict=True)
    }


def test_a_rarer_alias_never_outweighs_the_word_asked(index: SearchIndex) -> None:
    weights = index.parts().weights
    question = build_question(weights, "North Korea rail link").vector
    by_term = _weight_by_term(weights, question)
    assert by_term["north"] == 1.0
    assert all(w <= 1.0 for w in by_term.values())


def test_everyday_words_expand_to_the_articles_words_at_a_lower_weight() -> None:
    articles = [
        Article(id="net", source="t", title="Access", body="Few people can use the internet."),
        Article(id="rail", source="t", title="Rail", body="The rail link carries coal to ports."),
    ]
    index = SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])
    weights = index.parts().weights
    question = build_question(weights, "Who can get on the web?").vector
    by_term = _weight_by_term(weights, question)
    assert 0.0 < by_term["internet"] == pytest.approx(query.PARAPHRASE_WEIGHT)
    hits = index.ask("Who can get on the web?").hits
    assert hits and hits[0].article_id == "net"


def test_embeddings_load_offline_from_the_installed_package() -> None:
    embedder = dense.default_embedder()
    if embedder is None:
        pytest.skip("wordllama is not installed")
    texts = ["North Korea reopened the rail link", "", "rail link reopened", "bake a cake"]
    vectors = embedder.embed(texts)
    assert vectors.shape == (4, dense.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors[[0, 2, 3]], axis=1), 1.0, atol=1e-4)
    assert not vectors[1].any()
    assert float(vectors[0] @ vectors[2]) > float(vectors[0] @ vectors[3]) + 0.2


def test_read_safetensors_reads_what_the_format_says(tmp_path: Path) -> None:
    matrix = np.arange(12, dtype=np.float16).reshape(3, 4)
    header = json.dumps(
        {"embedding.weight": {"dtype": "F16", "shape": [3, 4], "data_offsets": [0, 24]}}
    ).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + matrix.tobytes())
    assert np.array_equal(dense.read_safetensors(path, "embedding.weight"), matrix)


def test_without_embeddings_the_search_is_lexical_and_still_gated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The package is an ordinary dependency; this covers an install without it.
    monkeypatch.setattr(dense, "default_embedder", lambda: None)
    index = _index()
    assert index.parts().vectors is None
    assert index.ask("What did the UN panel say about fuel sanctions?").hits[0].article_id == "un"
    assert index.ask("How do I bake sourdough bread at home?").hits == []
    again = SearchIndex.from_arrays(index.to_arrays())
    assert again.search("rail link") == index.search("rail link")


def test_embeddings_are_the_same_from_several_threads_and_queries_learn_nothing() -> None:
    embedder = dense.default_embedder()
    if embedder is None:
        pytest.skip("wordllama is not installed")
    texts = [f"Report {i}: rice harvest number {i * 7} in province {i % 13}" for i in range(300)]
    fresh = dense.StaticEmbedder(embedder._tokenizer, embedder._codebook)
    with ThreadPoolExecutor(max_workers=4) as pool:
        parts = list(pool.map(fresh.embed, [texts[i::4] for i in range(4)]))
    alone = dense.StaticEmbedder(embedder._tokenizer, embedder._codebook)
    for i, part in enumerate(parts):
        assert np.allclose(part, alone.embed(texts[i::4]), atol=1e-5)
    known = len(fresh._words.rows)
    fresh.embed(["zyxwv qwertyuiop asdfghjkl"], learn=False)
    assert len(fresh._words.rows) == known


def test_the_stop_list_is_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as SKLEARN

    from bot.search.domain.text import ENGLISH_STOP_WORDS

    assert ENGLISH_STOP_WORDS == SKLEARN
