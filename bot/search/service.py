"""Use cases of members: ask a question, search articles, read one article, read the rules."""

from __future__ import annotations

from dataclasses import dataclass

from bot.archive.domain.articles import Article
from bot.archive.domain.seed_dump import CommunityProfile
from bot.archive.domain.summary import summarize
from bot.archive.storage.articles import ArticleRepository
from bot.archive.storage.community import CommunityRepository
from bot.search.domain.model import Answer, ArticleHit
from bot.search.index_manager import IndexManager

MAX_K = 25
AUTOCOMPLETE_LIMIT = 25  # Discord's own cap on autocomplete choices


@dataclass(frozen=True, slots=True)
class ArticleView:
    article: Article
    summary: str


class AnswerService:
    """The one place answers come from: the Discord cogs, the shell and the CLI all call it."""

    def __init__(
        self,
        index: IndexManager,
        articles: ArticleRepository,
        community: CommunityRepository,
    ) -> None:
        self._index = index
        self._articles = articles
        self._community = community

    async def ask(self, question: str, k: int = 5) -> Answer:
        """The best passages for a question, or no hits with a reason and close titles."""
        return self._index.current.ask(question, k=_clamp(k))

    async def search(self, query: str, k: int = 10) -> list[ArticleHit]:
        """Articles matching a query, one entry per article, best first."""
        return self._index.current.search(query, k=_clamp(k))

    async def article(self, article_id: str) -> ArticleView | None:
        article = await self._articles.get(article_id)
        if article is None:
            return None
        return ArticleView(article, summarize(article))

    async def find_article(self, text: str) -> ArticleView | None:
        """An article by id, exact title, or the best title match (the shell's /article)."""
        text = text.strip()
        if not text:
            return None
        view = await self.article(text)
        if view is not None:
            return view
        choices = await self.autocomplete_titles(text, limit=1)
        return await self.article(choices[0][0]) if choices else None

    async def autocomplete_titles(
        self, current: str, limit: int = AUTOCOMPLETE_LIMIT
    ) -> list[tuple[str, str]]:
        """(id, title) of articles whose title contains what was typed, newest first."""
        limit = max(1, min(limit, AUTOCOMPLETE_LIMIT))
        needle = " ".join(current.casefold().split())
        titles = await self._articles.titles()
        if not needle:
            return titles[:limit]
        starts = [t for t in titles if t[1].casefold().startswith(needle)]
        contains = [t for t in titles if needle in t[1].casefold() and t not in starts]
        found = (starts + contains)[:limit]
        if len(found) < limit:
            for hit in await self.search(current, k=limit):
                pair = (hit.article_id, hit.title)
                if pair not in found:
                    found.append(pair)
                if len(found) >= limit:
                    break
        return found

    async def community(self) -> CommunityProfile | None:
        return await self._community.get()


def _clamp(k: int) -> int:
    return max(1, min(int(k), MAX_K))
