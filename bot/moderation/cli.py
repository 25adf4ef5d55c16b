"""`digestbot moderate` and `digestbot filters`: the moderation engine from the shell."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

from bot.core.exits import EXIT_OK, EXIT_USAGE, CliError
from bot.core.payloads import payload_to_text
from bot.moderation.batch import moderate_batch, verdict_json
from bot.moderation.domain import BUILTIN_FILTER_NAMES
from bot.moderation.render import describe_filter, verdict_payload
from bot.moderation.service import ModerationService
from bot.moderation.specs import ModerationError


def check_moderate_args(args: argparse.Namespace) -> None:
    """Usage errors, found before anything is opened."""
    if not args.batch and args.text is None:
        raise CliError("moderate needs a text, or --batch with JSON lines on stdin", EXIT_USAGE)
    if args.workers is not None and args.workers < 1:
        raise CliError("--workers must be at least 1", EXIT_USAGE)


async def run_moderate(args: argparse.Namespace, service: ModerationService) -> int:
    workers = args.workers if args.workers is not None else min(os.cpu_count() or 1, 4)
    engine = await service.engine_for(args.guild)
    if args.batch:
        return await moderate_batch(engine, workers)
    verdict = engine.check_text(args.text)
    if args.json:
        print(json.dumps(verdict_json(None, verdict), ensure_ascii=False))
    else:
        print(payload_to_text(verdict_payload(args.text, verdict, engine.explain(args.text))))
    return EXIT_OK


async def run_filters(args: argparse.Namespace, service: ModerationService) -> int:
    guild = args.guild
    try:
        if args.filters_command == "list":
            stored = await service.list_filters(guild)
            for item in stored:
                print(describe_filter(item.spec))
            print(f"{len(stored)} filter(s); built-in: {', '.join(BUILTIN_FILTER_NAMES)}")
        elif args.filters_command == "add":
            spec = await service.add_filter(
                guild,
                kind=args.kind,
                pattern=args.pattern,
                rule=args.rule,
                action=args.action,
                moderator_id=None,
                allow_list=args.allow,
                shadow=not args.active,
                name=args.name,
            )
            print(f"Added {describe_filter(spec)}")
        elif args.filters_command == "remove":
            if not await service.remove_filter(guild, args.filter_id):
                raise CliError(f"there is no filter #{args.filter_id} in guild {guild}")
            print(f"Removed filter #{args.filter_id}")
        elif args.filters_command == "activate":
            if not await service.set_shadow(guild, args.filter_id, False):
                raise CliError(f"there is no filter #{args.filter_id} in guild {guild}")
            print(f"Filter #{args.filter_id} now acts (no longer shadow mode)")
        elif args.filters_command == "import":
            text = await asyncio.to_thread(_read, Path(args.file))
            count = await service.import_filters(
                guild, text, moderator_id=None, replace_existing=args.replace
            )
            print(f"Imported {count} filter(s) into guild {guild}")
        elif args.filters_command == "export":
            sys.stdout.write(await service.export_filters(guild, args.format))
    except ModerationError as exc:
        raise CliError(str(exc)) from None
    return EXIT_OK


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{path}: cannot read ({exc})") from None
