"""`digestbot shell`: a local chat that gives the Discord bot's answers as text, with no token.

Slash commands work as in Discord (/ask, /search, /article, /rules, /digest preview, /filter test,
/filter list); any other line is a member's message and shows the moderation verdict.
"""

from __future__ import annotations

import asyncio
import shlex
from collections.abc import Awaitable, Callable
from typing import TextIO

from bot.app import App
from bot.core.payloads import Payload, payload_to_text
from bot.digest.render.outputs import render_discord_messages
from bot.moderation.domain import BUILTIN_FILTER_NAMES
from bot.moderation.render import filter_list_payload, verdict_payload
from bot.search.render import (
    answer_payload,
    article_payload,
    rules_payload,
    search_payload,
)

SHELL_GUILD_ID = 0  # the shell acts as one local server with its own filters and settings
PROMPT = "digestbot> "
HELP = """Commands (as in Discord):
  /ask QUESTION            excerpts of the archive that answer it
  /search QUERY            matching articles
  /article TITLE-OR-ID     one article with its summary
  /rules                   the community's rules
  /digest preview [WEEK]   this week's digest so far (or WEEK, e.g. 2024-W40)
  /filter test TEXT        which filters fire on TEXT and why
  /filter list             the filters in force
  /help, /quit
Any other line is treated as a member's message: you see the moderation verdict."""

Handler = Callable[[App, str], Awaitable[str]]


async def _ask(app: App, rest: str) -> str:
    if not rest.strip():
        return "Usage: /ask QUESTION"
    return _text(answer_payload(await app.answers.ask(rest)))


async def _search(app: App, rest: str) -> str:
    if not rest.strip():
        return "Usage: /search QUERY"
    return _text(search_payload(rest, await app.answers.search(rest)))


async def _article(app: App, rest: str) -> str:
    view = await app.answers.find_article(rest)
    if view is None:
        return f"No article matches “{rest.strip()}”: try /search first."
    a = view.article
    return _text(
        article_payload(
            a.title, view.summary, url=a.url, source=a.source, published=a.date, author=a.author
        )
    )


async def _rules(app: App, rest: str) -> str:
    return _text(rules_payload(await app.answers.community()))


async def _digest(app: App, rest: str) -> str:
    parts = rest.split()
    if not parts or parts[0] != "preview":
        return "Usage: /digest preview [WEEK]   (posting needs the Discord bot)"
    week = parts[1] if len(parts) > 1 else None
    try:
        digest = await app.digests.preview(None, week)
    except ValueError as exc:
        return str(exc)
    if digest.is_empty:
        return digest.empty_reason or "Nothing to post this week."
    return "\n\n".join(
        _text(p) for p in render_discord_messages(digest, templates=app.digests.templates)
    )


async def _filter(app: App, rest: str) -> str:
    sub, _, text = rest.strip().partition(" ")
    if sub == "test":
        if not text.strip():
            return "Usage: /filter test TEXT"
        verdict = await app.moderation.check_text(text, SHELL_GUILD_ID)
        hits = await app.moderation.explain(text, SHELL_GUILD_ID)
        return _text(verdict_payload(text, verdict, hits))
    if sub == "list":
        filters = [f.spec for f in await app.moderation.list_filters(SHELL_GUILD_ID)]
        return _text(filter_list_payload(filters, builtins=BUILTIN_FILTER_NAMES))
    return "Usage: /filter test TEXT | /filter list   (changing filters: digestbot filters ...)"


COMMANDS: dict[str, Handler] = {
    "/ask": _ask,
    "/search": _search,
    "/article": _article,
    "/rules": _rules,
    "/digest": _digest,
    "/filter": _filter,
}


def _text(payload: Payload) -> str:
    return payload_to_text(payload)


async def handle_line(app: App, line: str) -> str | None:
    """The shell's reply to one line; None means quit."""
    line = line.strip()
    if not line:
        return ""
    if line in ("/quit", "/exit"):
        return None
    if line in ("/help", "/?"):
        return HELP
    if line.startswith("/"):
        name, _, rest = line.partition(" ")
        handler = COMMANDS.get(name)
        if handler is None:
            return f"Unknown command {shlex.quote(name)}: type /help for the list."
        return await handler(app, rest)
    verdict = await app.moderation.check_text(line, SHELL_GUILD_ID)
    if verdict.allowed:
        return "✓ allowed: no rule applies."
    return f"✗ {verdict.outcome}: {verdict.reason}"


async def run_shell(app: App, stdin: TextIO, stdout: TextIO) -> int:
    """Read lines until EOF or /quit; a prompt only when a person is typing."""
    interactive = stdin.isatty()
    if interactive:
        count = await app.articles.count()
        stdout.write(f"digestbot shell: {count} articles indexed. Type /help, or /quit to leave.\n")
    while True:
        if interactive:
            stdout.write(PROMPT)
            stdout.flush()
        line = await asyncio.to_thread(stdin.readline)
        if not line:
            break
        reply = await handle_line(app, line)
        if reply is None:
            break
        if reply:
            stdout.write(reply + "\n\n")
            stdout.flush()
    return 0
