"""The weekly digest as Discord message payloads: 1 to 3 messages, every limit respected.

Text is rendered by the macros of digests/discord.j2; this module lays the pieces out in embeds
(one per topic, split when long), packs the embeds into messages, and, when the week does not
fit in three messages, renders again with shorter titles and summaries. A final pass trims any
field that still exceeds a limit, so hostile input can never produce a payload Discord rejects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.archive.domain.summary import trim_to
from bot.core.markup import LIMITS
from bot.core.payloads import Embed, Payload
from bot.digest.domain.build import Digest, DigestArticle
from bot.digest.render.templates import digest_environment

MAX_MESSAGES = 3
# Discord's limits, from the shared table in bot.core.markup.
CONTENT_CHARS = LIMITS.content
TITLE_CHARS = LIMITS.embed_title
DESCRIPTION_CHARS = LIMITS.embed_description
FIELDS_PER_EMBED = LIMITS.embed_fields
FIELD_NAME_CHARS = LIMITS.field_name
FIELD_VALUE_CHARS = LIMITS.field_value
FOOTER_CHARS = LIMITS.footer
AUTHOR_CHARS = LIMITS.author_name
EMBED_TOTAL_CHARS = LIMITS.embed_total
EMBEDS_PER_MESSAGE = LIMITS.embeds_per_message
# Colours per topic (colour-blind friendly, Okabe-Ito), the same order as the chart's bars.
TOPIC_COLOURS = (0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00)
CHART_COLOUR = 0x555555


@dataclass(frozen=True)
class Budget:
    """Characters an article may use before escaping: title and summary."""

    title: int
    summary: int


# Tried in order until the digest fits in MAX_MESSAGES; the last drops summaries entirely.
BUDGETS = (Budget(200, 300), Budget(150, 200), Budget(100, 120), Budget(80, 0))


def discord_length(text: str) -> int:
    """Length as Discord counts it, erring high: UTF-16 code units (an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def embed_length(embed: Embed) -> int:
    """The characters of an embed that count towards the 6,000 per message."""
    parts = [embed.get("title") or "", embed.get("description") or ""]
    parts.append((embed.get("footer") or {}).get("text") or "")
    parts.append((embed.get("author") or {}).get("name") or "")
    for field in embed.get("fields") or []:
        parts.extend([field.get("name") or "", field.get("value") or ""])
    return sum(discord_length(part) for part in parts)


def payload_violations(payload: Payload) -> list[str]:
    """Every way ``payload`` breaks a Discord limit, as sentences (empty when it is valid)."""
    problems: list[str] = []
    content = payload.get("content") or ""
    embeds: list[Embed] = payload.get("embeds") or []
    if discord_length(content) > CONTENT_CHARS:
        problems.append(f"content has {discord_length(content)} characters (max {CONTENT_CHARS})")
    if not content and not embeds:
        problems.append("the message has neither content nor embeds")
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"{len(embeds)} embeds (max {EMBEDS_PER_MESSAGE})")
    total = sum(embed_length(embed) for embed in embeds)
    if total > EMBED_TOTAL_CHARS:
        problems.append(f"embeds total {total} characters (max {EMBED_TOTAL_CHARS})")
    for number, embed in enumerate(embeds, start=1):
        checks = [
            ("title", embed.get("title") or "", TITLE_CHARS),
            ("description", embed.get("description") or "", DESCRIPTION_CHARS),
            ("footer", (embed.get("footer") or {}).get("text") or "", FOOTER_CHARS),
            ("author", (embed.get("author") or {}).get("name") or "", AUTHOR_CHARS),
        ]
        fields = embed.get("fields") or []
        if len(fields) > FIELDS_PER_EMBED:
            problems.append(f"embed {number} has {len(fields)} fields (max {FIELDS_PER_EMBED})")
        for field in fields:
            checks.append(("field name", field.get("name") or "", FIELD_NAME_CHARS))
            checks.append(("field value", field.get("value") or "", FIELD_VALUE_CHARS))
        for name, text, limit in checks:
            if discord_length(text) > limit:
                problems.append(f"embed {number} {name} has {discord_length(text)} (max {limit})")
    return problems


def render_discord_messages(
    digest: Digest, chart_filename: str | None = None, *, templates: Path | None = None
) -> list[Payload]:
    """The digest as 1 to 3 message payloads {"content", "embeds", "allowed_mentions"}.

    An empty week gives no messages (nothing is posted; ``digest.empty_reason`` says why).
    With ``chart_filename``, a last embed shows the chart from ``attachment://<chart_filename>``,
    which the poster attaches under that name.
    """
    if digest.is_empty:
        return []
    messages: list[list[Embed]] = []
    for budget in BUDGETS:
        messages = _pack(_embeds(digest, budget, chart_filename, templates))
        if len(messages) <= MAX_MESSAGES:
            break
    else:
        # Even without summaries the week does not fit (absurd titles or labels): keep the
        # first messages, which hold the biggest topics' best articles.
        messages = messages[:MAX_MESSAGES]
    return _payloads(digest, messages, templates)


def _macros(templates: Path | None) -> Any:
    return digest_environment(templates).get_template("discord.j2").module


def _embeds(
    digest: Digest, budget: Budget, chart_filename: str | None, templates: Path | None
) -> list[Embed]:
    macros = _macros(templates)
    embeds: list[Embed] = []
    count = len(digest.topics)
    for number, topic in enumerate(digest.topics, start=1):
        entries = [_article_entry(macros.article, item, budget) for item in topic.highlighted]
        chunks = _chunk(entries, DESCRIPTION_CHARS)
        colour = topic_colour(number - 1)
        for part, chunk in enumerate(chunks):
            embed: Embed = {
                "title": _fit(str(macros.topic_title(topic, number, count, part > 0)), TITLE_CHARS),
                "description": chunk,
                "color": colour,
            }
            if topic.more and part == len(chunks) - 1:
                embed["footer"] = {"text": _fit(str(macros.more(topic)), FOOTER_CHARS)}
            embeds.append(embed)
    if chart_filename:
        embeds.append(
            {
                "title": _fit(str(macros.chart_title(digest)), TITLE_CHARS),
                "color": CHART_COLOUR,
                "image": {"url": f"attachment://{chart_filename}"},
            }
        )
    return embeds


def _article_entry(
    render: Callable[[DigestArticle, int, int], object], item: DigestArticle, budget: Budget
) -> str:
    entry = str(render(item, budget.title, budget.summary)).strip()
    # An entry can only exceed a description when a budget is absurd; trim it whole.
    return _fit(entry, DESCRIPTION_CHARS)


def _chunk(entries: list[str], limit: int) -> list[str]:
    """Join entries with blank lines into as few descriptions of at most ``limit`` as possible."""
    chunks: list[str] = []
    current = ""
    for entry in entries:
        candidate = f"{current}\n\n{entry}" if current else entry
        if current and discord_length(candidate) > limit:
            chunks.append(current)
            current = entry
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks or [""]


def _pack(embeds: list[Embed]) -> list[list[Embed]]:
    """Greedy: fill a message until 10 embeds or 6,000 characters, then start the next."""
    messages: list[list[Embed]] = []
    current: list[Embed] = []
    size = 0
    for embed in embeds:
        length = embed_length(embed)
        if current and (len(current) >= EMBEDS_PER_MESSAGE or size + length > EMBED_TOTAL_CHARS):
            messages.append(current)
            current, size = [], 0
        current.append(embed)
        size += length
    if current:
        messages.append(current)
    return messages


def _payloads(digest: Digest, messages: list[list[Embed]], templates: Path | None) -> list[Payload]:
    macros = _macros(templates)
    span = digest.span
    payloads: list[Payload] = []
    for part, embeds in enumerate(messages, start=1):
        if part == 1:
            content = str(macros.header(digest, span))
        else:
            content = str(macros.continued(digest, part, len(messages)))
        payload: Payload = {
            "content": _fit(content.strip(), CONTENT_CHARS),
            "embeds": [_enforce_embed(embed) for embed in embeds],
            # The poster must not ping anyone, whatever the text says.
            "allowed_mentions": {"parse": []},
        }
        _enforce_total(payload["embeds"])
        payloads.append(payload)
    return payloads


def _fit(text: str, limit: int) -> str:
    """Trim to ``limit`` as Discord counts, never leaving a dangling escape backslash."""
    if discord_length(text) <= limit:
        return text
    trimmed = text
    while discord_length(trimmed) > limit:
        overshoot = discord_length(trimmed) - limit
        trimmed = trim_to(trimmed, max(1, len(trimmed) - overshoot))
        body = trimmed.removesuffix("…").rstrip("\\")
        trimmed = body + "…"
    return trimmed


def _enforce_embed(embed: Embed) -> Embed:
    fixed = dict(embed)
    if "title" in fixed:
        fixed["title"] = _fit(fixed["title"], TITLE_CHARS)
    if "description" in fixed:
        fixed["description"] = _fit(fixed["description"], DESCRIPTION_CHARS)
    if "footer" in fixed:
        fixed["footer"] = {"text": _fit(fixed["footer"]["text"], FOOTER_CHARS)}
    return fixed


def _enforce_total(embeds: list[Embed]) -> None:
    """Last resort: shorten the longest description until the message is within 6,000."""
    while sum(embed_length(e) for e in embeds) > EMBED_TOTAL_CHARS:
        longest = max(embeds, key=lambda e: discord_length(e.get("description") or ""))
        description = longest.get("description") or ""
        excess = sum(embed_length(e) for e in embeds) - EMBED_TOTAL_CHARS
        if discord_length(description) <= 1:
            embeds.remove(longest)
            continue
        longest["description"] = _fit(description, discord_length(description) - excess)


def topic_colour(index: int) -> int:
    """The colour of the topic at ``index`` (0-based), shared by embeds and the chart."""
    return TOPIC_COLOURS[index % len(TOPIC_COLOURS)]
