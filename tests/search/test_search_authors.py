"""A post's submitter travels with its excerpts, so 'who posted ...?' is answered in the citation."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import numpy as np
import pytest

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.core.payloads import payload_to_text
from bot.search.domain.index import IndexFormatError, SearchIndex
from bot.search.render import answer_payload

WHEN = datetime(2025, 12, 6, tzinfo=UTC)


def _index() -> SearchIndex:
    articles = [
        Article(
            id="post-1",
            source="North Korea",
            title="Kimchi rations in Chongjin",
            body="A member asked whether the winter kimchi rations in Chongjin were cut again.",
            published=WHEN,
            author="winter_reader",
        ),
        Article(
            id="news-1",
            source="Daily NK",
            title="Rice prices in Hyesan",
            body="Rice prices in Hyesan markets rose sharply to 8,500 won a kilogram in the last week of November.",
            published=WHEN,
        ),
    ]
    passages = [p for a in articles for p in split_passages(a)]
    return SearchIndex.build(articles, passages)


def test_the_submitter_is_cited_with_the_excerpt() -> None:
    answer = _index().ask("who asked about kimchi rations in Chongjin?")
    assert answer.hits and answer.hits[0].author == "winter_reader"
    text = payload_to_text(answer_payload(answer))
    assert "posted by winter_reader" in text


def test_an_article_without_an_author_cites_no_one() -> None:
    answer = _index().ask("rice prices in Hyesan markets")
    assert answer.hits and answer.hits[0].author is None
    assert "posted by" not in payload_to_text(answer_payload(answer))


def test_authors_survive_saving_and_an_index_without_them_is_refused() -> None:
    index = _index()
    arrays = index.to_arrays()
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    buffer.seek(0)
    with np.load(buffer, allow_pickle=False) as loaded:
        restored = SearchIndex.from_arrays(dict(loaded))
    assert restored.ask("kimchi rations in Chongjin").hits[0].author == "winter_reader"
    # An index saved before authors were kept is refused, so the manager rebuilds it.
    older = {k: v for k, v in arrays.items() if not k.startswith("article_authors_")}
    with pytest.raises(IndexFormatError):
        SearchIndex.from_arrays(older)
