"""Message payloads: plain dicts in Discord's shape, shared by every renderer, and as plain text.

Renderers build these dicts (no discord import); the Discord layer turns them into embeds and the
local shell prints them with ``payload_to_text``. One renderer for both is what makes the shell's
answer the Discord answer.
"""

from __future__ import annotations

from typing import Any

from bot.core.markup import LIMITS, truncate

Embed = dict[str, Any]
Payload = dict[str, Any]

ACCENT = 0x2B6CB0
MUTED = 0x718096


def embed_size(embed: Embed) -> int:
    """Characters Discord counts towards the 6,000 per message."""
    size = len(embed.get("title") or "") + len(embed.get("description") or "")
    size += len((embed.get("footer") or {}).get("text") or "")
    size += len((embed.get("author") or {}).get("name") or "")
    for field in embed.get("fields") or []:
        size += len(field.get("name") or "") + len(field.get("value") or "")
    return size


def fit_message_embeds(embeds: list[Embed]) -> list[Embed]:
    """Keep a message within 10 embeds and 6,000 characters, trimming descriptions with '…'."""
    embeds = embeds[: LIMITS.embeds_per_message]
    while sum(embed_size(e) for e in embeds) > LIMITS.embed_total:
        largest = max(embeds, key=lambda e: len(e.get("description") or ""))
        description = largest.get("description") or ""
        excess = sum(embed_size(e) for e in embeds) - LIMITS.embed_total
        if len(description) <= 1:
            embeds.pop()
            continue
        largest["description"] = truncate(description, max(1, len(description) - excess - 1))
    return embeds


def payload_to_text(payload: Payload) -> str:
    """A message payload as plain text, for the local shell."""
    lines: list[str] = []
    if payload.get("content"):
        lines.append(str(payload["content"]))
    for embed in payload.get("embeds") or []:
        if lines:
            lines.append("")
        title = embed.get("title")
        if title:
            lines.append(f"## {title}")
        if embed.get("url"):
            lines.append(f"<{embed['url']}>")
        if embed.get("description"):
            lines.append(str(embed["description"]))
        for field in embed.get("fields") or []:
            lines.append(f"{field.get('name')}: {field.get('value')}")
        footer = (embed.get("footer") or {}).get("text")
        if footer:
            lines.append(f"— {footer}")
    # A terminal does not render Discord's bold markers; drop them before unescaping.
    return _unescape("\n".join(lines).replace("**", ""))


def _unescape(text: str) -> str:
    # Backslash escapes exist for Discord's renderer; a terminal shows the characters themselves.
    out: list[str] = []
    skip = False
    for index, char in enumerate(text):
        if skip:
            skip = False
            out.append(char)
            continue
        if char == "\\" and index + 1 < len(text) and not text[index + 1].isalnum():
            skip = True
            continue
        out.append(char)
    return "".join(out).replace("\u200b", "")
