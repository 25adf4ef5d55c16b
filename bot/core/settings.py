"""Settings from the environment and a .env file: the only place that reads either."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

from bot.core.resources import bundled_dir

DEFAULT_DB = Path("data/digestbot.sqlite3")
DEFAULT_API_BASE = "https://discord.com/api/v10"
_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """A setting has a value the bot cannot use; the message names the variable."""


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path
    seeds_dir: Path
    digests_dir: Path
    discord_token: str | None = None
    discord_api_base: str = DEFAULT_API_BASE
    guild_ids: tuple[int, ...] = ()
    log_level: str = "WARNING"
    owner_ids: tuple[int, ...] = ()
    read_only: bool = False
    feed_allow_hosts: tuple[str, ...] = ()


def _ids(name: str, raw: str | None) -> tuple[int, ...]:
    if not raw or not raw.strip():
        return ()
    values: list[int] = []
    for part in raw.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit():
            raise SettingsError(
                f"{name} must be a comma-separated list of numeric ids, got {part!r}"
            )
        values.append(int(part))
    return tuple(values)


def load_settings(
    environ: Mapping[str, str] | None = None, *, dotenv_path: Path | None = Path(".env")
) -> Settings:
    """Environment variables win over the .env file; unknown values fail with the variable's name."""
    values: dict[str, str] = {}
    if dotenv_path is not None and dotenv_path.is_file():
        values.update({k: v for k, v in dotenv_values(dotenv_path).items() if v is not None})
    values.update(os.environ if environ is None else environ)

    level = (values.get("LOG_LEVEL") or "WARNING").strip().upper()
    if level not in _LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(_LOG_LEVELS)}, got {level!r}")
    api_base = (values.get("DISCORD_API_BASE") or DEFAULT_API_BASE).strip().rstrip("/")
    if not api_base.startswith(("http://", "https://")):
        raise SettingsError(f"DISCORD_API_BASE must be an http(s) URL, got {api_base!r}")
    token = (values.get("DISCORD_TOKEN") or "").strip() or None
    db_raw = (values.get("DIGESTBOT_DB") or "").strip()
    seeds_raw = (values.get("DIGESTBOT_SEEDS") or "").strip()
    digests_raw = (values.get("DIGESTBOT_DIGESTS") or "").strip()
    return Settings(
        db_path=Path(db_raw).expanduser() if db_raw else DEFAULT_DB,
        seeds_dir=Path(seeds_raw).expanduser() if seeds_raw else bundled_dir("seeds"),
        digests_dir=Path(digests_raw).expanduser() if digests_raw else bundled_dir("digests"),
        discord_token=token,
        discord_api_base=api_base,
        guild_ids=_ids("DIGESTBOT_GUILD_IDS", values.get("DIGESTBOT_GUILD_IDS")),
        log_level=level,
        owner_ids=_ids("DIGESTBOT_OWNER_IDS", values.get("DIGESTBOT_OWNER_IDS")),
        read_only=_flag("DIGESTBOT_READ_ONLY", values.get("DIGESTBOT_READ_ONLY")),
        feed_allow_hosts=_hosts(values.get("DIGESTBOT_FEED_ALLOW_HOSTS")),
    )


def _flag(name: str, raw: str | None) -> bool:
    value = (raw or "").strip().casefold()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise SettingsError(f"{name} must be 1 or 0 (true/false, yes/no), got {raw!r}")


def _hosts(raw: str | None) -> tuple[str, ...]:
    """Host names or IP addresses (comma-separated), lower-cased, without brackets."""
    if not raw:
        return ()
    return tuple(
        part.strip().strip("[]").casefold()
        for part in raw.replace(";", ",").split(",")
        if part.strip()
    )


def configure_logging(level: str) -> None:
    logging.basicConfig(
        level=getattr(logging, level, logging.WARNING),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
