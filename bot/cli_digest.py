"""`digestbot digest`: a week's digest rendered without Discord."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.app import open_app
from bot.cli_common import EXIT_OK, EXIT_USAGE, CliError
from bot.domain.digest_weeks import current_iso_week, parse_iso_week
from bot.domain.guild_settings import SettingsValueError, validate_timezone
from bot.render import payload_to_text
from bot.services.digest_render import (
    chart_filename,
    digest_to_json,
    render_chart_png,
    render_discord_messages,
    render_markdown,
)
from bot.settings import Settings


async def run_digest(args: argparse.Namespace, settings: Settings) -> int:
    if args.week:
        try:
            parse_iso_week(args.week)
        except ValueError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
    async with open_app(settings) as app:
        if args.timezone:
            try:
                tz = ZoneInfo(validate_timezone(args.timezone))
            except SettingsValueError as exc:
                raise CliError(str(exc), EXIT_USAGE) from None
        else:
            tz = await app.digests.timezone_of(args.guild)
        week = args.week or current_iso_week(app.clock.now(), tz)
        digest = await app.digests.build(week, tz)
    document = digest_to_json(digest)
    if args.out:
        out = Path(args.out)
        await asyncio.to_thread(_write_outputs, out, digest, document)
        print(f"Wrote the digest of {week} to {out}/", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
    elif not args.out:
        if digest.is_empty:
            print(digest.empty_reason)
        else:
            print("\n\n".join(payload_to_text(p) for p in render_discord_messages(digest)))
    return EXIT_OK


def _write_outputs(out: Path, digest: object, document: dict[str, object]) -> None:
    from bot.domain.digest import Digest

    assert isinstance(digest, Digest)
    try:
        out.mkdir(parents=True, exist_ok=True)
        stem = f"digest-{digest.week}"
        chart = None
        if not digest.is_empty:
            chart = chart_filename(digest)
            (out / chart).write_bytes(render_chart_png(digest))
        (out / f"{stem}.md").write_text(render_markdown(digest, chart), encoding="utf-8")
        (out / f"{stem}.json").write_text(
            json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise CliError(f"cannot write to {out}: {exc.strerror}") from exc
