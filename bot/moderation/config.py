"""Use cases of configuring moderation: filters, exemptions, escalation, import/export, backtest.

A mixin of ModerationService (which owns the repositories, the engine cache and the settings
cache); kept apart so each module reads as one responsibility.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import replace

import yaml

from bot.core.clock import Clock
from bot.core.guild_settings import GuildSettings
from bot.core.guild_settings_storage import GuildSettingsRepository
from bot.moderation.decisions import BacktestReport
from bot.moderation.domain import FilterSpec, ModerationEngine
from bot.moderation.specs import (
    ModerationError,
    filter_to_record,
    make_filter_spec,
    parse_filter_document,
    validate_spec,
    validate_specs,
)
from bot.moderation.storage import ExemptionRepository, FilterRepository, StoredFilter

MAX_FILTERS_PER_GUILD = 10_000
MAX_IMPORT_BYTES = 5 * 1024 * 1024


class FilterConfig:
    """Moderators' configuration of their server's filter."""

    _filters: FilterRepository
    _exemptions: ExemptionRepository
    _settings: GuildSettingsRepository
    _clock: Clock
    _rules: dict[int, str] | None
    _exempt_cache: dict[int, tuple[set[int], set[int]]]

    def _invalidate(self, guild_id: int) -> None:
        raise NotImplementedError

    def _settings_changed(self, settings: GuildSettings) -> None:
        raise NotImplementedError

    async def _exemption_sets(self, guild_id: int) -> tuple[set[int], set[int]]:
        raise NotImplementedError

    async def add_filter(
        self,
        guild_id: int,
        *,
        kind: str,
        pattern: str,
        rule: int,
        action: str,
        moderator_id: int | None,
        allow_list: Sequence[str] = (),
        shadow: bool = True,
        name: str | None = None,
    ) -> FilterSpec:
        """Validate and store a filter; new filters start in shadow mode (flag only)."""
        spec = make_filter_spec(kind, pattern, rule, action, allow_list, shadow, name)
        if await self._filters.count(guild_id) >= MAX_FILTERS_PER_GUILD:
            raise ModerationError(
                f"this server already has {MAX_FILTERS_PER_GUILD:,} filters: remove some first"
            )
        # Validation compiles regexes and example vectors: off the loop.
        await asyncio.to_thread(validate_spec, spec)
        stored = await self._filters.add(
            guild_id, spec, created_by=moderator_id, now=self._clock.now()
        )
        self._invalidate(guild_id)
        return stored

    async def remove_filter(self, guild_id: int, filter_id: int) -> bool:
        removed = await self._filters.remove(guild_id, filter_id)
        if removed:
            self._invalidate(guild_id)
        return removed

    async def set_shadow(self, guild_id: int, filter_id: int, shadow: bool) -> bool:
        changed = await self._filters.set_shadow(guild_id, filter_id, shadow)
        if changed:
            self._invalidate(guild_id)
        return changed

    async def list_filters(self, guild_id: int) -> list[StoredFilter]:
        return await self._filters.list(guild_id)

    async def get_filter(self, guild_id: int, filter_id: int) -> StoredFilter | None:
        return await self._filters.get(guild_id, filter_id)

    async def set_alerts_channel(self, guild_id: int, channel_id: int | None) -> GuildSettings:
        settings = await self._settings.update(
            guild_id, now=self._clock.now(), alerts_channel_id=channel_id
        )
        self._settings_changed(settings)
        return settings

    async def configure_escalation(self, guild_id: int, **changes: int) -> GuildSettings:
        """Set escalation_hits, escalation_minutes and timeout_minutes (validated)."""
        allowed = {"escalation_hits", "escalation_minutes", "timeout_minutes"}
        if set(changes) - allowed:
            raise ModerationError("only the escalation hits, minutes and timeout length can be set")
        if not changes:
            return await self._settings.get(guild_id)
        settings = await self._settings.update(guild_id, now=self._clock.now(), **changes)
        self._settings_changed(settings)
        return settings

    async def toggle_exemption(self, guild_id: int, target_id: int, target_type: str) -> bool:
        if target_type not in ("role", "channel"):
            raise ModerationError("only roles and channels can be exempt")
        exempt = await self._exemptions.toggle(guild_id, target_id, target_type)
        self._exempt_cache.pop(guild_id, None)
        return exempt

    async def exemptions(self, guild_id: int) -> tuple[set[int], set[int]]:
        return await self._exemption_sets(guild_id)

    async def backtest(
        self, guild_id: int, filter_id: int, messages: Sequence[tuple[int, str]]
    ) -> BacktestReport:
        """Run one filter over past messages (id, text) and report what it would have caught."""
        stored = await self._filters.get(guild_id, filter_id)
        if stored is None:
            raise ModerationError(
                f"there is no filter #{filter_id} on this server: see /filter list"
            )
        spec = replace(stored.spec, shadow=False, enabled=True)
        engine = await asyncio.to_thread(
            ModerationEngine, [spec], builtins=False, rules=self._rules
        )
        caught = []
        for message_id, text in messages:
            hits = engine.explain(text)
            if hits:
                caught.append((message_id, text[:200], hits[0].reason))
        return BacktestReport(stored.spec, len(messages), caught)

    # -- import / export --------------------------------------------------------------------------

    async def export_filters(self, guild_id: int, fmt: str = "yaml") -> str:
        records = [filter_to_record(stored.spec) for stored in await self._filters.list(guild_id)]
        document = {"version": 1, "guild_id": guild_id, "filters": records}
        if fmt == "json":
            return json.dumps(document, ensure_ascii=False, indent=2)
        return str(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))

    async def import_filters(
        self, guild_id: int, text: str, *, moderator_id: int | None, replace_existing: bool = False
    ) -> int:
        """Import a YAML or JSON export; every filter is validated before any is stored."""
        if len(text.encode()) > MAX_IMPORT_BYTES:
            raise ModerationError("the filter file is over 5 MB")
        specs = parse_filter_document(text)
        existing = 0 if replace_existing else await self._filters.count(guild_id)
        if existing + len(specs) > MAX_FILTERS_PER_GUILD:
            raise ModerationError(
                f"importing {len(specs):,} filters into a server that has {existing:,} would pass "
                f"the {MAX_FILTERS_PER_GUILD:,} limit: remove some first, or import with --replace"
            )
        await asyncio.to_thread(validate_specs, specs)
        count = await self._filters.add_many(
            guild_id,
            specs,
            created_by=moderator_id,
            now=self._clock.now(),
            replace_existing=replace_existing,
        )
        self._invalidate(guild_id)
        return count
