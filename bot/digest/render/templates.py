"""The Jinja2 environment of the digest templates (DIGESTBOT_DIGESTS, default the shipped
digests/ folder) and its filters.

Autoescape is off (the outputs are Markdown, not HTML); escaping is explicit, through the
``md`` and ``discord`` filters registered here, applied in the templates to every piece of text
that comes from an article.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.archive.domain.summary import trim_to
from bot.core.resources import bundled_dir
from bot.digest.domain.model import DigestArticle, Report

# Discord does not render masked links longer than this, and nobody reads them anyway.
MAX_LINK_CHARS = 512
# CommonMark: emphasis, code, links, raw HTML, tables, strikethrough. Brackets are escaped,
# so parentheses can never complete a link and need no escape.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# Headings, lists and setext underlines only mean something at the start of a line.
_MD_LINE_START = re.compile(r"^(#{1,6}|[-+=]|\d+[.)])(?=\s|$)")
_ZWSP = "\u200b"
# Discord markdown: bold/italics, underline, strike, code, spoiler, quote, masked links.
_DISCORD_SPECIAL = re.compile(r"([\\*_~`|>\[\]])")
# Headings, subtext and list markers only mean something at the start of a line.
_DISCORD_LINE_START = re.compile(r"^(-#|#{1,3}|[-+]|\d+\.)(?=\s|$)")


def templates_dir() -> Path:
    """The shipped templates: digests/ at the repository root, or inside the installed wheel."""
    return bundled_dir("digests")


@cache
def digest_environment(directory: Path | None = None) -> Environment:
    """The (cached) Jinja2 environment over ``directory`` (default: templates_dir())."""
    env = Environment(
        loader=FileSystemLoader(str(directory or templates_dir())),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_archive_markdown
    env.filters["md_url"] = markdown_url
    env.filters["discord"] = escape_discord
    env.filters["cut"] = cut
    env.filters["safe_url"] = safe_url
    env.filters["day"] = format_day
    env.filters["when"] = format_when
    env.filters["other_reports"] = other_reports
    env.filters["source"] = source_name
    return env


def escape_discord(text: object) -> str:
    """Article text made literal for Discord: markdown escaped, @ followed by a zero-width space.

    Every '@' gets the zero-width space (not only @everyone/@here), so no article can produce a
    mention of any kind even where allowed_mentions is not honoured.
    """
    flat = " ".join(str(text).split())
    escaped = _DISCORD_SPECIAL.sub(r"\\\1", flat)
    escaped = _DISCORD_LINE_START.sub(lambda m: "\\" + m.group(1), escaped)
    return escaped.replace("@", f"@{_ZWSP}")


def escape_archive_markdown(text: object) -> str:
    """Article text made literal for a Markdown page (CommonMark punctuation escapes)."""
    flat = " ".join(str(text).split())
    escaped = _MD_SPECIAL.sub(r"\\\1", flat)
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(1), escaped)


def cut(text: object, max_chars: int) -> str:
    """Trim to ``max_chars`` at a word, with '…' (before escaping, so escapes stay whole)."""
    return trim_to(" ".join(str(text).split()), max_chars) if max_chars > 0 else ""


def safe_url(url: object) -> str:
    """The URL ready to sit inside ``[text](url)``, or "" when it should not be linked.

    Only http(s) URLs of reasonable length are linked; characters that would end the link
    early (parentheses, spaces, angle brackets) are percent-encoded.
    """
    if not url:
        return ""
    text = str(url).strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return ""
    encoded = quote(text, safe=":/?#[]@!$&'*+,;=%~-._")
    encoded = encoded.replace("[", "%5B").replace("]", "%5D").replace("'", "%27")
    return encoded if len(encoded) <= MAX_LINK_CHARS else ""


def markdown_url(url: object) -> str:
    """A relative file name or URL made safe for a Markdown link target."""
    return quote(str(url), safe=":/?#@!$&'*+,;=%~-._")


def source_name(source: object) -> str:
    """A source as readers know it: the seed's "seed:North Korea" is just "North Korea"."""
    return str(source).removeprefix("seed:")


def format_day(moment: datetime) -> str:
    """A short day for a digest line: "Mon 23 Nov 2026"."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}"


def format_when(item: DigestArticle) -> str:
    """When a highlight happened, in the guild's timezone: one day ("Wed 28 Aug 2024"), the
    days its reports span ("Tue 27 – Sat 31 Aug 2024"), or an approximate month for a post
    dated by its age ("about Nov 2025")."""
    if item.approximate:
        return f"about {item.published:%b %Y}"
    first, last = item.first.date(), item.last.date()
    if first == last:
        return format_day(item.first)
    left = f"{first:%a} {first.day}"
    if (first.year, first.month) != (last.year, last.month):
        left += f" {first:%b}" + (f" {first.year}" if first.year != last.year else "")
    return f"{left} – {last:%a} {last.day} {last:%b %Y}"


def other_reports(item: DigestArticle, limit: int = 4) -> list[Report]:
    """The highlight's other reports worth a link: one per distinct title, lead excluded (a
    series or roundup lists its items in its summary instead)."""
    if item.kind != "event":
        return []
    seen = {" ".join(item.title.casefold().split())}
    lead_title = next((r.title for r in item.reports if r.article_id == item.article_id), None)
    if lead_title:
        seen.add(" ".join(lead_title.casefold().split()))
    chosen: list[Report] = []
    for report in item.reports:
        key = " ".join(report.title.casefold().split())
        if report.article_id == item.article_id or key in seen:
            continue
        seen.add(key)
        chosen.append(report)
    return chosen[:limit]
