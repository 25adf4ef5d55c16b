"""/ask, /search, /article and /rules: members' questions, answered from the archive."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.markup import LIMITS, truncate
from bot.discord.client import DigestBot
from bot.discord.replies import in_time, reply
from bot.discord.views import AskMoreView, PagerView
from bot.search.render import (
    ASK_PAGE_SIZE,
    answer_payload,
    article_payload,
    rules_payload,
    search_page_count,
    search_payload,
)
from bot.search.service import AnswerService, ArticleView

MAX_QUESTION = 300
ASK_HITS = 9  # three pages of three excerpts behind the 'More' button
SEARCH_HITS = 25


def _too_long(kind: str, text: str, limit: int) -> str | None:
    if not text.strip():
        return (
            f"The {kind} is empty: type a few words, for example “internet access in North Korea”."
        )
    if len(text) > limit:
        return f"The {kind} is {len(text):,} characters long; keep it under {limit} characters."
    return None


class AskCog(commands.Cog):
    def __init__(self, bot: DigestBot, answers: AnswerService) -> None:
        self.bot = bot
        self.answers = answers

    @app_commands.command(
        name="ask", description="Ask a question; get excerpts of the community's articles"
    )
    @app_commands.describe(
        question="Your question, e.g. How many people in North Korea have internet access?",
        public="Show the answer to the whole channel (default: only you)",
    )
    async def ask(
        self,
        interaction: discord.Interaction[Any],
        question: app_commands.Range[str, 1, MAX_QUESTION],
        public: bool = False,
    ) -> None:
        if problem := _too_long("question", question, MAX_QUESTION):
            await reply(interaction, text=problem)
            return
        answer = await in_time(
            interaction, self.answers.ask(question, k=ASK_HITS), ephemeral=not public
        )
        pages = max(1, -(-len(answer.hits) // ASK_PAGE_SIZE))

        def render(page: int) -> dict[str, Any]:
            return answer_payload(answer, page=page)

        view = AskMoreView(interaction.user.id, render, pages) if pages > 1 else None
        await reply(interaction, render(0), ephemeral=not public, view=view)
        if view is not None:
            view.interaction = interaction

    @app_commands.command(
        name="search", description="List the community's articles that match your words"
    )
    @app_commands.describe(
        query="Words to look for, e.g. defectors China detention",
        public="Show the results to the whole channel (default: only you)",
    )
    async def search(
        self,
        interaction: discord.Interaction[Any],
        query: app_commands.Range[str, 1, MAX_QUESTION],
        public: bool = False,
    ) -> None:
        if problem := _too_long("query", query, MAX_QUESTION):
            await reply(interaction, text=problem)
            return
        hits = await in_time(
            interaction, self.answers.search(query, k=SEARCH_HITS), ephemeral=not public
        )
        pages = search_page_count(hits)

        def render(page: int) -> dict[str, Any]:
            return search_payload(query, hits, page=page)

        view = PagerView(interaction.user.id, render, pages) if pages > 1 else None
        await reply(interaction, render(0), ephemeral=not public, view=view)
        if view is not None:
            view.interaction = interaction

    @app_commands.command(name="article", description="Read one article: date, link and summary")
    @app_commands.describe(article="Start typing a title")
    async def article(self, interaction: discord.Interaction[Any], article: str) -> None:
        view = await in_time(interaction, self._article_view(article))
        if view is None:
            await reply(
                interaction,
                text="No article matches that: pick one of the suggestions as you type, or use /search.",
            )
            return
        a = view.article
        payload = article_payload(
            a.title, view.summary, url=a.url, source=a.source, published=a.date, author=a.author
        )
        await reply(interaction, payload, ephemeral=True)

    async def _article_view(self, article: str) -> ArticleView | None:
        """The article a choice names (its id), else the best title match of what was typed."""
        view = await self.answers.article(article.strip())
        return view if view is not None else await self.answers.find_article(article)

    @article.autocomplete("article")
    async def article_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        choices = await self.answers.autocomplete_titles(
            current[:MAX_QUESTION], limit=LIMITS.autocomplete_choices
        )
        return [
            app_commands.Choice(name=truncate(title, LIMITS.choice_name), value=article_id)
            for article_id, title in choices
        ]

    @app_commands.command(name="rules", description="The community's rules")
    async def rules(self, interaction: discord.Interaction[Any]) -> None:
        community = await in_time(interaction, self.answers.community())
        await reply(interaction, rules_payload(community), ephemeral=True)


async def setup(bot: DigestBot, answers: AnswerService) -> None:
    await bot.add_cog(AskCog(bot, answers))
