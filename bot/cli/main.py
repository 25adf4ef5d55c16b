"""`digestbot`: the operator's command line. Every failure is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, NoReturn

from bot import __version__
from bot.archive.readers.base import SourceError
from bot.core.database import DatabaseError
from bot.core.exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, TOKEN_HELP, CliError
from bot.core.settings import Settings, SettingsError, configure_logging, load_settings

# Heavy modules (scikit-learn, matplotlib, discord.py) are imported inside the handlers that need
# them, so `digestbot --help`, usage errors and `run` without a token answer at once.

log = logging.getLogger("digestbot")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts read stderr.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _k(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"-k must be a whole number, got {value!r}") from None
    if not 1 <= number <= 25:
        raise argparse.ArgumentTypeError(f"-k must be between 1 and 25, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="digestbot",
        description="The North Korea community's Discord bot: answers, weekly digests, moderation.",
        epilog=(
            "exit status: 0 when every input was handled (duplicates and reported bad lines "
            "included), 1 when an input could not be read or a command failed, 2 for usage "
            "errors. Problems are reported one per line on stderr as 'path:line: message'."
        ),
    )
    parser.add_argument("--version", action="version", version=f"digestbot {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    commands.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    commands.add_parser("shell", help="a local chat that answers like the bot, no token needed")

    ingest = commands.add_parser("ingest", help="add articles from files, directories or feed URLs")
    ingest.add_argument("targets", nargs="+", metavar="PATH_OR_URL")

    ask = commands.add_parser("ask", help="answer a question with excerpts of the archive")
    ask.add_argument("question", nargs="?", help="the question (omit with --batch)")
    ask.add_argument("--batch", action="store_true", help='JSON lines {"id","question"} on stdin')
    ask.add_argument("-k", type=_k, default=5, help="number of hits (1-25, default 5)")
    ask.add_argument("--json", action="store_true", help="print JSON")

    search = commands.add_parser("search", help="list the articles that match a query")
    search.add_argument("query", nargs="?", help="the query (omit with --batch)")
    search.add_argument("--batch", action="store_true", help='JSON lines {"id","query"} on stdin')
    search.add_argument("-k", type=_k, default=10, help="number of articles (1-25, default 10)")
    search.add_argument("--json", action="store_true", help="print JSON")

    digest = commands.add_parser("digest", help="render a week's digest without Discord")
    digest.add_argument("--week", help="ISO week, e.g. 2024-W40 (default: the current week)")
    digest.add_argument("--guild", type=int, help="use this server's timezone")
    digest.add_argument("--timezone", help="IANA timezone (default: the server's, else UTC)")
    digest.add_argument("--json", action="store_true", help="print the JSON contract")
    digest.add_argument(
        "--explain", action="store_true", help="show every story's score and its reasons"
    )
    digest.add_argument("--out", metavar="DIR", help="write Markdown, JSON and the chart here")

    moderate = commands.add_parser("moderate", help="the moderation verdict on texts")
    moderate.add_argument("text", nargs="?", help="the message (omit with --batch)")
    moderate.add_argument("--batch", action="store_true", help='JSON lines {"id","text"} on stdin')
    moderate.add_argument("--guild", type=int, help="use this server's filters")
    moderate.add_argument("--json", action="store_true", help="print JSON")
    moderate.add_argument(
        "--workers",
        type=int,
        help="processes checking a large --batch (default: one per core, at most 4)",
    )

    filters = commands.add_parser("filters", help="a server's moderation filters")
    filter_commands = filters.add_subparsers(dest="filters_command", metavar="ACTION",
                                             parser_class=_Parser)  # fmt: skip
    filter_commands.required = True
    listing = filter_commands.add_parser("list", help="list the filters")
    add = filter_commands.add_parser("add", help="add a filter (validated)")
    add.add_argument("kind", choices=["keyword", "regex", "example"])
    add.add_argument("pattern")
    add.add_argument("--rule", type=int, choices=[1, 2, 3], required=True)
    add.add_argument("--action", choices=["remove", "flag", "warn", "timeout"], default="flag")
    add.add_argument("--allow", action="append", default=[], help="an allow-list entry")
    add.add_argument("--name")
    add.add_argument("--active", action="store_true", help="act at once (default: shadow mode)")
    remove = filter_commands.add_parser("remove", help="remove a filter by id")
    remove.add_argument("filter_id", type=int)
    activate = filter_commands.add_parser(
        "activate", help="let a shadow-mode filter act (new filters only flag)"
    )
    activate.add_argument("filter_id", type=int)
    imp = filter_commands.add_parser("import", help="import filters from YAML or JSON")
    imp.add_argument("file")
    imp.add_argument("--replace", action="store_true", help="replace the server's filters")
    exp = filter_commands.add_parser("export", help="export filters as YAML or JSON")
    exp.add_argument("--format", choices=["yaml", "json"], default="yaml")
    for sub in (listing, add, remove, activate, imp, exp):
        sub.add_argument("--guild", type=int, required=True, help="the server id")

    from bot.feeds.cli import add_sources_parser

    add_sources_parser(commands, _Parser)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=_Parser)
    db_commands.required = True
    db_commands.add_parser("check", help="migrate, then check integrity and report counts")

    return parser


CommandHandler = Callable[[argparse.Namespace, Settings], Coroutine[Any, Any, int]]


# -- commands -----------------------------------------------------------------------------------


async def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.cli.progress import ingest_progress

    async with open_app(settings, seed=False) as app:
        with ingest_progress(sys.stderr) as progress:
            report = await app.ingest.ingest(args.targets, progress=progress)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"Ingest finished: {report.summary()}.")
    # Reported bad lines and duplicates are handled input; an input that could not be read is not.
    return EXIT_FAILURE if report.unreadable else EXIT_OK


async def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.search.cli import check_ask_args, run_ask

    check_ask_args(args)
    async with open_app(settings) as app:
        return await run_ask(args, app.answers)


async def _search(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.search.cli import check_search_args, run_search

    check_search_args(args)
    async with open_app(settings) as app:
        return await run_search(args, app.answers)


async def _digest(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.digest.cli import check_digest_args, run_digest

    check_digest_args(args)
    async with open_app(settings) as app:
        if args.guild is not None and not await app.guild_settings.exists(args.guild):
            raise CliError(
                f"there is no server {args.guild} in {settings.db_path}: check the id, or give "
                "--timezone instead",
                EXIT_USAGE,
            )
        return await run_digest(args, app.digests, app.clock)


async def _moderate(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.moderation.cli import check_moderate_args, run_moderate

    check_moderate_args(args)
    async with open_app(settings, start_index=False) as app:
        return await run_moderate(args, app.moderation)


async def _filters(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.moderation.cli import run_filters

    async with open_app(settings, seed=False, start_index=False) as app:
        return await run_filters(args, app.moderation)


async def _sources(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.feeds.cli import run_sources, sources_need_index

    async with open_app(settings, seed=False, start_index=sources_need_index(args)) as app:
        return await run_sources(args, app.sources, app.clock)


async def _db(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app

    async with open_app(settings, seed=False, start_index=False) as app:
        problems = await app.db.integrity_check()
        version = await app.db.schema_version()
        print(f"database: {settings.db_path}")
        print(f"schema version: {version}")
        print(f"articles: {await app.articles.count()}")
        print(f"passages: {await app.articles.passage_count()}")
        unwritable = await app.db.probe_writable()
        for problem in problems:
            print(f"problem: {problem}", file=sys.stderr)
        print("integrity: ok" if not problems else f"integrity: {len(problems)} problem(s)")
        if unwritable is None:
            print("writable: yes")
        else:
            print(f"writable: no ({unwritable})")
            print(f"problem: the bot cannot record anything: {unwritable}", file=sys.stderr)
    return EXIT_FAILURE if problems or (unwritable and not settings.read_only) else EXIT_OK


async def _shell(args: argparse.Namespace, settings: Settings) -> int:
    from bot.app import open_app
    from bot.cli.shell import run_shell

    async with open_app(settings) as app:
        return await run_shell(app, sys.stdin, sys.stdout)


async def _run(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.discord_token:
        # Checked before importing discord.py and the engines: the answer is immediate.
        raise CliError(f"DISCORD_TOKEN is not set: {TOKEN_HELP}", EXIT_USAGE)
    from bot.run import run_bot

    return await run_bot(settings)


# -- entry point --------------------------------------------------------------------------------


HANDLERS: dict[str, CommandHandler] = {
    "run": _run,
    "shell": _shell,
    "ingest": _ingest,
    "ask": _ask,
    "search": _search,
    "digest": _digest,
    "moderate": _moderate,
    "filters": _filters,
    "sources": _sources,
    "db": _db,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Console script entry point."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"digestbot: {exc}", file=sys.stderr)
        return EXIT_USAGE
    configure_logging(settings.log_level)
    handler = HANDLERS.get(args.command)
    if handler is None:  # pragma: no cover - argparse only accepts known commands
        print(f"digestbot: unknown command {args.command}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return asyncio.run(handler(args, settings))
    except CliError as exc:
        print(f"digestbot: {exc}", file=sys.stderr)
        return exc.code
    except (DatabaseError, SourceError, SettingsError) as exc:
        print(f"digestbot: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("digestbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: one line, details in the log
        log.debug("unexpected failure", exc_info=True)
        print(
            f"digestbot: unexpected error: {exc.__class__.__name__}: {exc} "
            "(run with LOG_LEVEL=DEBUG for details)",
            file=sys.stderr,
        )
        return EXIT_FAILURE
