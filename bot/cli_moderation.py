"""`digestbot moderate` and `digestbot filters`: the moderation engine from the shell."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from bot.app import open_app
from bot.cli_common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliError
from bot.domain.moderation import BUILTIN_FILTER_NAMES, Verdict
from bot.render import payload_to_text
from bot.render_moderation import describe_filter, verdict_payload
from bot.services.filter_specs import ModerationError
from bot.settings import Settings


def verdict_json(record_id: Any, verdict: Verdict) -> dict[str, Any]:
    names: list[str] = []
    for hit in verdict.hits:
        if hit.filter_name not in names:
            names.append(hit.filter_name)
    return {
        "id": record_id,
        "verdict": verdict.outcome,
        "rule": verdict.rule,
        "filters": names,
        "reason": verdict.reason,
    }


async def run_moderate(args: argparse.Namespace, settings: Settings) -> int:
    if not args.batch and args.text is None:
        raise CliError("moderate needs a text, or --batch with JSON lines on stdin", EXIT_USAGE)
    async with open_app(settings, start_index=False) as app:
        engine = await app.moderation.engine_for(args.guild)
        if args.batch:
            failures = 0
            out = sys.stdout
            while True:
                lines = await asyncio.to_thread(sys.stdin.readlines, 1 << 20)
                if not lines:
                    break
                chunk: list[str] = []
                for line in lines:
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                            raise ValueError("expected an object with a string 'text'")
                    except ValueError as exc:
                        failures += 1
                        message = f"stdin: {exc}"
                        print(f"error: {message}", file=sys.stderr)
                        chunk.append(json.dumps({"id": None, "verdict": None, "error": message}))
                        continue
                    verdict = engine.check_text(record["text"])
                    chunk.append(json.dumps(verdict_json(record.get("id"), verdict),
                                            ensure_ascii=False))  # fmt: skip
                out.write("\n".join(chunk) + ("\n" if chunk else ""))
            out.flush()
            return EXIT_FAILURE if failures else EXIT_OK
        verdict = engine.check_text(args.text)
        if args.json:
            print(json.dumps(verdict_json(None, verdict), ensure_ascii=False))
        else:
            print(payload_to_text(verdict_payload(args.text, verdict, engine.explain(args.text))))
    return EXIT_OK


async def run_filters(args: argparse.Namespace, settings: Settings) -> int:
    async with open_app(settings, seed=False, start_index=False) as app:
        service = app.moderation
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
