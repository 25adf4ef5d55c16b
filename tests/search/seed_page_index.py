"""The seed's posts and its community page in one index, as the bot builds them from seeds/."""

from __future__ import annotations

from pathlib import Path

from bot.archive.domain.articles import Article
from bot.archive.domain.community_page import community_article
from bot.archive.domain.passages import split_passages
from bot.archive.domain.seed_dump import parse_seed_dump
from bot.search.domain.index import SearchIndex

SEED = next((Path(__file__).parents[2] / "seeds").glob("*.txt"))


def seed_and_page_index() -> SearchIndex:
    """An index of the seed dump's posts and its community page entry."""
    dump = parse_seed_dump(SEED.read_text(encoding="utf-8"), SEED.name)
    page = community_article(dump.profile)
    assert page is not None
    posts = [
        Article(id=f"p{i}", source="seed", title=p.title, body=p.body)
        for i, p in enumerate(dump.posts)
    ]
    articles = [*posts, page]
    return SearchIndex.build(articles, [p for a in articles for p in split_passages(a)])
