"""`digestbot shell`: a local chat that gives the Discord bot's answers as text, with no token.

Slash commands work as in Discord (/ask, /search, /article, /rules, /digest preview, /filter test,
/filter list); any other line is a member's message and shows the moderation verdict.
"""

from __future__ import annotations

import asyncio
import re
import shlex
from collections.abc import Awaitable, Callable
from typing import Any, TextIO

from bot.app import App
from bot.core.payloads import Payload, payload_to_text
from bot.digest.render.outputs import render_discord_messages
from bot.moderation.domain import BUILTIN_FILTER_NAMES, MessageInput, SpamTracker, Verdict
from bot.moderation.render import filter_list_payload, verdict_payload
from bot.search.render import (
    answer_payload,
    article_payload,
    rules_payload,
    search_payload,
)

SHELL_GUILD_ID = 0  # the shell acts as one local server with its own filters and settings
SHELL_AUTHOR_ID = 1  # the one member typing
SHELL_CHANNEL_ID = 1
ASK_HITS = 5
PROMPT = "digestbot> "
HISTORY_FILE = ".digestbot_shell_history"
_EVERYONE = re.compile(r"@(everyone|here)\b")
HELP = """Commands (as in Discord):
  /ask QUESTION            excerpts of the archive that answer it
  /search QUERY            matching articles
  /article TITLE-OR-ID     one article with its summary
  /rules                   the community's rules
  /digest preview [WEEK]   this week's digest so far (or WEEK, e.g. 2024-W40)
  /filter test TEXT        which filters fire on TEXT and why
  /filter list             the filters in force
  /help, /quit
Any other line is treated as a member's message: you see the moderation verdict, with your
earlier messages counted (repeats, floods). Arrow keys edit and recall lines; Ctrl-C clears one."""

Handler = Callable[[App, str], Awaitable[str]]


async def _ask(app: App, rest: str) -> str:
    if not rest.strip():
        return "Usage: /ask QUESTION"
    answer = await app.answers.ask(rest, k=ASK_HITS)
    # Discord pages the excerpts behind a More button; a terminal shows them all, so the count
    # in the header is the count on screen.
    return _text(answer_payload(answer, page_size=max(1, len(answer.hits))))


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


class ShellSession:
    """One local member's conversation: the spam tracker remembers their messages, in order."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.tracker = SpamTracker()
        self.sent = 0

    async def verdict(self, text: str) -> str:
        engine = await self.app.moderation.engine_for(SHELL_GUILD_ID)
        self.sent += 1
        message = MessageInput(
            text=text,
            author_id=SHELL_AUTHOR_ID,
            channel_id=SHELL_CHANNEL_ID,
            mentions_everyone=bool(_EVERYONE.search(text)),
            timestamp=self.app.clock.now().timestamp() + self.sent * 0.001,
        )
        return describe_verdict(engine.check(message, self.tracker))


def describe_verdict(verdict: Verdict) -> str:
    """A removal and a flag read differently: only a removal takes the message down."""
    if verdict.allowed:
        return "✓ allowed: no rule applies."
    if verdict.outcome == "remove":
        return f"✗ removed (rule {verdict.rule}): {verdict.reason}"
    return f"⚑ flagged for the moderators (rule {verdict.rule}), not removed: {verdict.reason}"


async def handle_line(app: App, line: str, session: ShellSession | None = None) -> str | None:
    """The shell's reply to one line; None means quit. A member's message goes through the
    moderation filter with the session's message history (repeats and floods count)."""
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
    return await (session or ShellSession(app)).verdict(line)


async def run_shell(
    app: App,
    stdin: TextIO,
    stdout: TextIO,
    *,
    interactive: bool | None = None,
    prompt_input: Any = None,
    prompt_output: Any = None,
) -> int:
    """Read lines until EOF or /quit. A person at a terminal gets line editing, history (kept
    beside the database) and Ctrl-C to clear the line; piped input is read as it comes."""
    session = ShellSession(app)
    if interactive is None:
        interactive = stdin.isatty() and stdout.isatty()
    if not interactive:
        while True:
            line = await asyncio.to_thread(stdin.readline)
            if not line or not await _answer(app, session, line, stdout):
                return 0
    count = await app.articles.count()
    stdout.write(f"digestbot shell: {count} articles indexed. Type /help, or /quit to leave.\n")
    stdout.flush()
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, InMemoryHistory

    history: Any = InMemoryHistory()
    if app.settings.db_path.parent.is_dir():
        history = FileHistory(str(app.settings.db_path.with_name(HISTORY_FILE)))
    prompt: PromptSession[str] = PromptSession(
        history=history, input=prompt_input, output=prompt_output
    )
    while True:
        try:
            line = await prompt.prompt_async(PROMPT)
        except KeyboardInterrupt:
            continue  # Ctrl-C clears the line, as in any shell
        except EOFError:
            return 0
        if not await _answer(app, session, line, stdout):
            return 0


async def _answer(app: App, session: ShellSession, line: str, stdout: TextIO) -> bool:
    """Print the reply to one line; False when the line ends the session."""
    reply = await handle_line(app, line, session)
    if reply is None:
        return False
    if reply:
        stdout.write(reply + "\n\n")
        stdout.flush()
    return True
