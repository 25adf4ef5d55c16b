"""`digestbot sources list|add|remove|pause|resume|poll --guild ID`: followed feeds from the shell."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from bot.archive.domain.articles import Article
from bot.core.clock import Clock
from bot.core.exits import EXIT_FAILURE, EXIT_OK, CliError
from bot.feeds.domain import describe_source, more_line

if TYPE_CHECKING:
    from bot.feeds.service import PollResult, SourceService


class PrintingAnnouncer:
    """Announcements and alerts of a poll run from the shell go to stdout and stderr."""

    async def announce(self, channel_id: int, articles: list[Article], more: int) -> None:
        for article in articles:
            print(f"  new in channel {channel_id}: {article.title} {article.url or ''}".rstrip())
        if (line := more_line(more)) is not None:
            print(f"  {line}")

    async def alert(self, guild_id: int, text: str) -> None:
        print(f"alert for guild {guild_id}: {text}", file=sys.stderr)


def _minutes(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"the interval is a whole number of minutes, got {value!r}"
        ) from None


def add_sources_parser(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """The `sources` command and its actions, added to the main parser's subparsers."""
    sources = commands.add_parser("sources", help="feeds a server follows (polled by the bot)")
    actions = sources.add_subparsers(dest="sources_command", metavar="ACTION",
                                     parser_class=parser_class)  # fmt: skip
    actions.required = True
    listing = actions.add_parser("list", help="list the feeds with their status")
    add = actions.add_parser("add", help="follow a feed (fetched once to check it)")
    add.add_argument("url")
    add.add_argument("--label", help="a name for the feed (default: the feed's title)")
    add.add_argument("--interval", type=_minutes, help="minutes between polls (5-1440, default 15)")
    add.add_argument("--announce", type=int, metavar="CHANNEL_ID", help="post new items here")
    remove = actions.add_parser("remove", help="stop following a feed")
    pause = actions.add_parser("pause", help="stop polling a feed for now")
    resume = actions.add_parser("resume", help="poll a paused feed again")
    for sub in (remove, pause, resume):
        sub.add_argument("source_id", type=int)
    poll = actions.add_parser("poll", help="poll now: one feed, or all the server's enabled feeds")
    poll.add_argument("source_id", type=int, nargs="?")
    for sub in (listing, add, remove, pause, resume, poll):
        sub.add_argument("--guild", type=int, required=True, help="the server id")


def sources_need_index(args: argparse.Namespace) -> bool:
    """Adding and polling store articles: the search index must be running to take them."""
    return bool(args.sources_command in ("add", "poll"))


async def run_sources(args: argparse.Namespace, service: SourceService, clock: Clock) -> int:
    """Run one `sources` action; a moderator-facing problem becomes a one-line CliError."""
    from bot.feeds.service import SourceProblem

    service.set_announcer(PrintingAnnouncer())
    guild = args.guild
    now = clock.now
    try:
        if args.sources_command == "list":
            sources = await service.list_sources(guild)
            for source in sources:
                print("\n".join(describe_source(source, now())))
            print(f"{len(sources)} source(s) in guild {guild}")
        elif args.sources_command == "add":
            preview = await service.preview(args.url)
            print(f"Feed: {preview.title or '(untitled)'}, {preview.item_count} item(s)")
            result = await service.add(
                guild,
                args.url,
                label=args.label,
                announce_channel_id=args.announce,
                interval_minutes=args.interval,
                preview=preview,
            )
            print("\n".join(describe_source(result.source, now())))
            print(result.first_poll.summary())
        elif args.sources_command == "remove":
            removed = await service.remove(guild, args.source_id)
            print(f"Removed #{removed.id} {removed.label} ({removed.url})")
        elif args.sources_command == "pause":
            paused = await service.pause(guild, args.source_id)
            print(f"Paused #{paused.id} {paused.label}")
        elif args.sources_command == "resume":
            resumed = await service.resume(guild, args.source_id)
            print(f"Resumed #{resumed.id} {resumed.label}; it is polled at the next chance")
        elif args.sources_command == "poll":
            return await _poll(service, guild, args.source_id)
    except SourceProblem as exc:
        raise CliError(str(exc)) from None
    return EXIT_OK


async def _poll(service: SourceService, guild: int, source_id: int | None) -> int:
    if source_id is not None:
        await service.get(guild, source_id)  # another guild's source is not reachable
        results: list[PollResult] = [await service.poll(source_id)]
    else:
        results = [
            await service.poll(source.id)
            for source in await service.list_sources(guild)
            if source.enabled
        ]
    for result in results:
        print(result.summary())
    if not results:
        print(f"guild {guild} follows no enabled feed")
    failed = [r for r in results if r.status in ("failed", "error")]
    return EXIT_FAILURE if failed and len(failed) == len(results) else EXIT_OK
