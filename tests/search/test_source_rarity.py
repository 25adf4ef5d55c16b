"""A word common in a prolific source still counts as rare in a small one."""

from __future__ import annotations

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.answers import gate_features
from bot.search.domain.index import SearchIndex
from bot.search.domain.query import Question, build_question
from bot.search.domain.source_rarity import source_rarity


def _index() -> SearchIndex:
    agency = [
        Article(
            id=f"a{i}",
            source="agency",
            title=f"Delegation leaves for Moscow {i}",
            body=f"A delegation left for Moscow on day {i} to discuss trade.",
        )
        for i in range(40)
    ]
    posts = [
        Article(
            id="p0", source="posts", title="Rail link", body="Trade by rail with Moscow resumed."
        ),
        Article(id="p1", source="posts", title="Harvest", body="Rice yields rose in the west."),
        Article(id="p2", source="posts", title="Sport", body="The team won the final in Colombia."),
        Article(id="p3", source="posts", title="Prices", body="Rice prices fell in the markets."),
    ]
    articles = [*agency, *posts]
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])


def _rarity(index: SearchIndex, question: Question) -> dict[str, tuple[tuple[float, ...], ...]]:
    """Each source's rarity of the question's concepts, as the gate reads it."""
    return source_rarity(
        question,
        index._weights,
        index._article_rows,
        index._articles.sources,
        index._alive_articles,
    )


def test_a_word_common_in_one_source_is_rare_in_another() -> None:
    index = _index()
    question = build_question(index._weights, "Moscow")
    rarity = _rarity(index, question)
    (agency,) = rarity["agency"]
    (posts,) = rarity["posts"]
    assert posts[0] > 2 * agency[0]


def test_the_gate_reads_the_higher_of_the_archive_and_the_source_rarity() -> None:
    index = _index()
    question = build_question(index._weights, "When did rail trade with Moscow resume?")
    rarity = _rarity(index, question)
    present = {"moscow", "trade"}
    text = "Trade with Moscow resumed."
    overall = gate_features(question, present, text, 0.5, index.article_count)
    in_posts = gate_features(question, present, text, 0.5, index.article_count, rarity["posts"])
    in_agency = gate_features(question, present, text, 0.5, index.article_count, rarity["agency"])
    assert in_posts.rarest_matched > overall.rarest_matched
    assert in_agency.rarest_matched == overall.rarest_matched
