"""Domain results as Discord message payloads (plain dicts, no discord import), and as text.

The Discord cogs turn these dicts into ``discord.Embed`` objects; the local shell prints them with
``payload_to_text``. One renderer for both is what makes the shell's answer the Discord answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.archive.domain.seed_dump import CommunityProfile
from bot.core.markup import LIMITS, bold_terms, escape_markdown, truncate
from bot.core.payloads import ACCENT, MUTED, Embed, Payload, fit_message_embeds
from bot.search.domain import answerability
from bot.search.domain.model import Answer, ArticleHit, PassageHit

ASK_PAGE_SIZE = 3
SEARCH_PAGE_SIZE = 5
EXCERPT_CHARS = 700


def _date(value: datetime | None) -> str | None:
    return value.strftime("%d %b %Y") if value else None


def _source_line(source: str, published: datetime | None, author: str | None = None) -> str:
    parts = [source.removeprefix("seed:")]
    if when := _date(published):
        parts.append(when)
    if author:  # 'who posted ...?' is answered in the citation
        parts.append(f"posted by {author}")
    return " · ".join(parts)


def _escaped(author: str | None) -> str | None:
    # Authors come from feeds and pages nobody here controls; in a description, markdown renders.
    return escape_markdown(author) if author else None


def passage_embed(hit: PassageHit, position: int) -> Embed:
    embed: Embed = {
        "title": truncate(f"{position}. {hit.title}", LIMITS.embed_title),
        "description": truncate(
            bold_terms(truncate(hit.excerpt, EXCERPT_CHARS), list(hit.matched_terms)),
            LIMITS.embed_description,
        ),
        "color": ACCENT,
        "footer": {
            "text": truncate(
                f"{_source_line(hit.source, hit.published, hit.author)} · score {hit.score:.2f}",
                LIMITS.footer,
            )
        },
    }
    if hit.url:
        embed["url"] = hit.url
    return embed


_REFUSAL_TITLES = {
    "bot": "About this bot",
    "request": "Not something this bot does",
    "allowed": "The community's rules",
    "community": "Not on the community page",
    "live": "No live figures here",
    "opinion": "No opinions here",
}


def answer_payload(answer: Answer, *, page: int = 0, page_size: int = ASK_PAGE_SIZE) -> Payload:
    """The /ask reply: up to ``page_size`` excerpts, or an honest 'no good match'."""
    if not answer.hits:
        lines = [
            escape_markdown(answer.reason or "No good match in the archive for that question.")
        ]
        if answer.suggestions:
            lines.append("")
            lines.append("Close articles you could try with `/article`:")
            lines.extend(
                f"• {escape_markdown(truncate(s.title, 200))}" for s in answer.suggestions[:5]
            )
        return {
            "content": None,
            "embeds": [
                {
                    "title": _REFUSAL_TITLES.get(answer.kind or "", "No good match"),
                    "description": truncate("\n".join(lines), LIMITS.embed_description),
                    "color": MUTED,
                }
            ],
        }
    start = page * page_size
    hits = answer.hits[start : start + page_size]
    embeds = [passage_embed(hit, start + i + 1) for i, hit in enumerate(hits)]
    header = (
        f"**{len(answer.hits)}** excerpt(s) for: {escape_markdown(truncate(answer.question, 200))}"
    )
    if answer.notice:
        # A prediction's excerpts are background, a live value's are as of their post.
        header = f"**{escape_markdown(answer.notice)}**\n{header}"
    return {"content": truncate(header, LIMITS.content), "embeds": fit_message_embeds(embeds)}


def search_payload(
    query: str, hits: Sequence[ArticleHit], *, page: int = 0, page_size: int = SEARCH_PAGE_SIZE
) -> Payload:
    """One page of /search results: one line per article."""
    kind = answerability.kind_of(query)
    if not hits:
        nothing = (
            "Nothing in the archive matches "
            f"“{escape_markdown(truncate(query, 200))}”. Try fewer or other words."
        )
        return {
            "content": None,
            "embeds": [
                {
                    "title": _REFUSAL_TITLES.get(kind or "", "No matching articles"),
                    "description": escape_markdown(answerability.search_refusal(kind) or "")
                    or nothing,
                    "color": MUTED,
                }
            ],
        }
    pages = max(1, -(-len(hits) // page_size))
    page = max(0, min(page, pages - 1))
    lines = []
    for position, hit in enumerate(
        hits[page * page_size : (page + 1) * page_size], start=page * page_size + 1
    ):
        title = escape_markdown(truncate(hit.title, 180))
        linked = f"[{title}]({hit.url})" if hit.url else f"**{title}**"
        lines.append(
            f"{position}. {linked}\n   {_source_line(hit.source, hit.published, _escaped(hit.author))}"
        )
    notice = answerability.search_notice(kind)
    return {
        "content": f"**{escape_markdown(notice)}**" if notice else None,
        "embeds": [
            {
                "title": truncate(f"Articles matching “{query}”", LIMITS.embed_title),
                "description": truncate("\n".join(lines), LIMITS.embed_description),
                "color": ACCENT,
                "footer": {"text": f"Page {page + 1} of {pages} · {len(hits)} article(s)"},
            }
        ],
    }


def search_page_count(hits: Sequence[ArticleHit], page_size: int = SEARCH_PAGE_SIZE) -> int:
    return max(1, -(-len(hits) // page_size))


def article_payload(
    title: str,
    summary: str,
    *,
    url: str | None,
    source: str,
    published: datetime | None,
    author: str | None,
) -> Payload:
    embed: Embed = {
        "title": truncate(title, LIMITS.embed_title),
        "description": truncate(escape_markdown(summary), LIMITS.embed_description),
        "color": ACCENT,
        "fields": [
            {
                "name": "Source",
                "value": truncate(escape_markdown(source.removeprefix("seed:")), 1024),
                "inline": True,
            },
        ],
    }
    if published:
        embed["fields"].append({"name": "Date", "value": _date(published), "inline": True})
    if author:
        embed["fields"].append(
            {"name": "Author", "value": truncate(escape_markdown(author), 1024), "inline": True}
        )
    if url:
        embed["url"] = url
        embed["fields"].append({"name": "Link", "value": truncate(url, 1024), "inline": False})
    return {"content": None, "embeds": [embed]}


def rules_payload(profile: CommunityProfile | None) -> Payload:
    if profile is None or not profile.rules:
        return {
            "content": "The community's rules are not loaded yet: an operator can run "
            "`digestbot ingest seeds/`.",
            "embeds": [],
        }
    lines = [f"**{rule.number}.** {escape_markdown(rule.text)}" for rule in profile.rules]
    embed: Embed = {
        "title": truncate(f"Rules of {profile.name}", LIMITS.embed_title),
        "description": truncate("\n".join(lines), LIMITS.embed_description),
        "color": ACCENT,
    }
    embed["fields"] = [
        {
            "name": "Moderators",
            "value": _moderators_line(profile.moderators),
            "inline": False,
        }
    ]
    if profile.description:
        embed["footer"] = {"text": truncate(profile.description, LIMITS.footer)}
    return {"content": None, "embeds": [embed]}


def _moderators_line(moderators: tuple[str, ...]) -> str:
    """The page's MODERATORS list as it stands: its names (plain text, never a mention), or
    that it names nobody; /ask's community reply points here instead of stating it."""
    names = [escape_markdown(" ".join(m.split())) for m in moderators if m.strip()]
    if not names:
        return "The community page lists none."
    return truncate(", ".join(names), LIMITS.field_value)
