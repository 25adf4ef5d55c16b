"""Discord message text: markdown escaping, mention neutralising, and the platform's size limits."""

from __future__ import annotations

import re
from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class DiscordLimits:
    """https://discord.com/developers/docs/resources/message#embed-object-embed-limits"""

    content: int = 2000
    embed_title: int = 256
    embed_description: int = 4096
    embed_fields: int = 25
    field_name: int = 256
    field_value: int = 1024
    footer: int = 2048
    author_name: int = 256
    embed_total: int = 6000  # all embeds of one message together
    embeds_per_message: int = 10
    autocomplete_choices: int = 25
    choice_name: int = 100


LIMITS = DiscordLimits()

# Characters that start Discord markdown: bold/italics, underline, strike, code, spoiler, quote,
# headings and lists at line start, masked links.
_MARKDOWN = re.compile(r"([\\*_~`|\[\]])")
# Quotes, headings and list markers only mean something at the start of a line.
_LINE_START_MARKUP = re.compile(r"^(\s*)(>>>|>|#{1,3}|-#|[-+]|\d+\.)(?=\s)", re.MULTILINE)
_MASS_MENTION = re.compile(r"@(everyone|here)", re.IGNORECASE)
_ID_MENTION = re.compile(r"<(@[!&]?|#)(\d+)>")
_ZWSP = "\u200b"


def neutralize_mentions(text: str) -> str:
    """Make @everyone, @here and <@id>/<@&id>/<#id> inert even where allowed_mentions is ignored."""
    text = _MASS_MENTION.sub(lambda m: f"@{_ZWSP}{m.group(1)}", text)
    return _ID_MENTION.sub(lambda m: f"<{m.group(1)}{_ZWSP}{m.group(2)}>", text)


def escape_markdown(text: str) -> str:
    """Escape text from members or articles so it renders literally, mentions included."""
    escaped = _MARKDOWN.sub(r"\\\1", text)
    escaped = _LINE_START_MARKUP.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)
    return neutralize_mentions(escaped)


def truncate(text: str, limit: int) -> str:
    """Cut to ``limit`` characters, at a word when one is near, ending with '…'."""
    if limit <= 0:
        return ""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.7:
        cut = cut[:space]
    # Never leave a dangling escape backslash or half a bold marker behind the ellipsis.
    cut = cut.rstrip("\\ ")
    if cut.count("**") % 2:
        cut = cut[: cut.rfind("**")]
    return cut + ELLIPSIS


def bold_terms(text: str, terms: tuple[str, ...] | list[str]) -> str:
    """Escape ``text`` and put the given words in bold (whole words, case-insensitive)."""
    words = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not words:
        return escape_markdown(text)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
    )
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(escape_markdown(text[last : match.start()]))
        out.append(f"**{escape_markdown(match.group(0))}**")
        last = match.end()
    out.append(escape_markdown(text[last:]))
    return "".join(out).replace("****", "")
