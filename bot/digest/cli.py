"""`digestbot digest`: a week's digest rendered without Discord."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.core.clock import Clock
from bot.core.exits import EXIT_OK, EXIT_USAGE, CliError
from bot.core.guild_settings import SettingsValueError, validate_timezone
from bot.core.payloads import payload_to_text
from bot.digest.domain.weeks import current_iso_week, parse_iso_week
from bot.digest.render.outputs import (
    chart_filename,
    digest_to_json,
    render_chart_png,
    render_discord_messages,
    render_explanation,
    render_markdown,
)
from bot.digest.service import DigestService


def check_digest_args(args: argparse.Namespace) -> None:
    """Usage errors, found before anything is opened."""
    if args.week:
        try:
            parse_iso_week(args.week)
        except ValueError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
    if args.timezone:
        try:
            validate_timezone(args.timezone)
        except SettingsValueError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None


async def run_digest(args: argparse.Namespace, service: DigestService, clock: Clock) -> int:
    """Build the week's digest in the guild's timezone and print or write it.

    The timezone is --timezone, else --guild's, else that of the only server with a digest
    schedule (said on stderr), else UTC.
    """
    explain = bool(getattr(args, "explain", False))
    if args.timezone:
        tz = ZoneInfo(validate_timezone(args.timezone))
    elif args.guild is not None:
        tz = await service.timezone_of(args.guild)
    else:
        tz, guild = await service.default_timezone()
        if guild is not None:
            print(f"Using the timezone of server {guild}: {tz.key}.", file=sys.stderr)
    week = args.week or current_iso_week(clock.now(), tz)
    digest = await service.build(week, tz)
    templates = service.templates
    document = digest_to_json(digest, templates=templates, explain=explain)
    if args.out:
        out = Path(args.out)
        await asyncio.to_thread(_write_outputs, out, digest, document, templates)
        print(f"Wrote the digest of {week} to {out}/", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
    elif explain:
        sys.stdout.write(render_explanation(digest))
    elif not args.out:
        if digest.is_empty:
            print(digest.empty_reason)
        else:
            messages = render_discord_messages(digest, templates=templates)
            print("\n\n".join(payload_to_text(p) for p in messages))
    return EXIT_OK


def _write_outputs(
    out: Path, digest: object, document: dict[str, object], templates: Path | None
) -> None:
    from bot.digest.domain.build import Digest

    assert isinstance(digest, Digest)
    try:
        out.mkdir(parents=True, exist_ok=True)
        stem = f"digest-{digest.week}"
        chart = None
        if not digest.is_empty:
            chart = chart_filename(digest)
            (out / chart).write_bytes(render_chart_png(digest))
        (out / f"{stem}.md").write_text(
            render_markdown(digest, chart, templates=templates), encoding="utf-8"
        )
        (out / f"{stem}.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise CliError(f"cannot write to {out}: {exc.strerror}") from exc
