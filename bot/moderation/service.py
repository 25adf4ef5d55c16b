"""Use cases of moderation: check a message, and let moderators configure the filters."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

import yaml

from bot.core.clock import Clock
from bot.core.guild_settings import GuildSettings
from bot.core.guild_settings_storage import GuildSettingsRepository
from bot.moderation.decisions import BacktestReport, MessageContext, ModerationDecision
from bot.moderation.domain import (
    Action,
    FilterHit,
    FilterSpec,
    MessageInput,
    ModerationEngine,
    SpamTracker,
    Verdict,
)
from bot.moderation.specs import (
    ModerationError,
    filter_to_record,
    make_filter_spec,
    parse_filter_document,
    validate_spec,
    validate_specs,
)
from bot.moderation.storage import (
    ExemptionRepository,
    FilterRepository,
    ModerationEvent,
    ModerationEventRepository,
    StoredFilter,
)

log = logging.getLogger(__name__)

MAX_FILTERS_PER_GUILD = 10_000
MAX_IMPORT_BYTES = 5 * 1024 * 1024
EXCERPT_CHARS = 500


class ModerationService:
    """Per-guild engines, compiled off the event loop and cached until the guild's filters change."""

    def __init__(
        self,
        filters: FilterRepository,
        exemptions: ExemptionRepository,
        events: ModerationEventRepository,
        settings: GuildSettingsRepository,
        clock: Clock,
        *,
        rules: dict[int, str] | None = None,
    ) -> None:
        self._filters = filters
        self._exemptions = exemptions
        self._events = events
        self._settings = settings
        self._clock = clock
        self._rules = rules
        self._engines: dict[int, ModerationEngine] = {}
        self._engine_locks: dict[int, asyncio.Lock] = {}
        self._spam: dict[int, SpamTracker] = {}
        self._exempt_cache: dict[int, tuple[set[int], set[int]]] = {}
        self._default_engine: ModerationEngine | None = None
        # Checks run on one worker thread: a 4,000-character message can take tens of
        # milliseconds, which the event loop must not wait for; one thread keeps the per-guild
        # spam state single-threaded and messages in arrival order.
        self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="moderation")

    def set_rules(self, rules: dict[int, str]) -> None:
        """Rule texts from the community profile, for the sentences moderators and members read."""
        self._rules = rules
        self._engines.clear()
        self._default_engine = None

    # -- engines ----------------------------------------------------------------------------------

    async def engine_for(self, guild_id: int | None) -> ModerationEngine:
        """The guild's engine (its filters + built-ins); None means a fresh install's."""
        if guild_id is None:
            if self._default_engine is None:
                self._default_engine = await asyncio.to_thread(
                    ModerationEngine, (), rules=self._rules
                )
            return self._default_engine
        engine = self._engines.get(guild_id)
        if engine is not None:
            return engine
        lock = self._engine_locks.setdefault(guild_id, asyncio.Lock())
        async with lock:
            engine = self._engines.get(guild_id)
            if engine is None:
                specs = [stored.spec for stored in await self._filters.list(guild_id)]
                # Compiling thousands of keywords and regexes takes a while: not on the loop.
                engine = await asyncio.to_thread(ModerationEngine, specs, rules=self._rules)
                for rejected in engine.rejected:
                    log.warning(
                        "guild %s: filter %s is not used: %s",
                        guild_id,
                        rejected.spec.display_name,
                        rejected.reason,
                    )
                self._engines[guild_id] = engine
        return engine

    def _invalidate(self, guild_id: int) -> None:
        self._engines.pop(guild_id, None)

    # -- checking messages ------------------------------------------------------------------------

    async def check_text(self, text: str, guild_id: int | None = None) -> Verdict:
        """A verdict on a bare text, with no author or spam state (CLI, shell, dry runs)."""
        return (await self.engine_for(guild_id)).check_text(text)

    async def explain(self, text: str, guild_id: int | None = None) -> list[FilterHit]:
        return (await self.engine_for(guild_id)).explain(text)

    async def check_message(self, message: MessageContext) -> ModerationDecision:
        """Decide what to do about a new or edited message, and record any verdict but allow."""
        exempt = await self._exempt_reason(message)
        if exempt is not None:
            return ModerationDecision(verdict=_allow(), exempt_reason=exempt)
        engine = await self.engine_for(message.guild_id)
        spam = None if message.edited else self._spam.setdefault(message.guild_id, SpamTracker())
        loop = asyncio.get_running_loop()
        verdict = await loop.run_in_executor(
            self._checker,
            engine.check,
            MessageInput(
                text=message.text,
                author_id=message.author_id,
                channel_id=message.channel_id,
                mention_count=message.mention_count,
                mentions_everyone=message.mentions_everyone,
                attachment_count=message.attachment_count,
                timestamp=message.timestamp,
            ),
            spam,
        )
        if verdict.allowed:
            return ModerationDecision(verdict=verdict)
        settings = await self._settings.get(message.guild_id)
        now = self._clock.now()
        event_id = await self._events.record(
            guild_id=message.guild_id,
            channel_id=message.channel_id,
            message_id=message.message_id,
            author_id=message.author_id,
            verdict=verdict.outcome,
            rule=verdict.rule,
            filters=[hit.filter_name for hit in verdict.hits],
            action=verdict.actions[0].value,
            reason=verdict.reason,
            excerpt=message.text[:EXCERPT_CHARS],
            now=now,
        )
        return await self._decide(verdict, settings, message, event_id)

    async def _decide(
        self, verdict: Verdict, settings: GuildSettings, message: MessageContext, event_id: int
    ) -> ModerationDecision:
        actions = set(verdict.actions)
        timeout = settings.timeout_minutes if Action.TIMEOUT in actions else None
        escalated = False
        if verdict.outcome == "remove" and timeout is None:
            since = self._clock.now() - timedelta(minutes=settings.escalation_minutes)
            recent = await self._events.count_recent(message.guild_id, message.author_id, since)
            if recent >= settings.escalation_hits:
                timeout, escalated = settings.timeout_minutes, True
        delete = verdict.outcome == "remove"
        return ModerationDecision(
            verdict=verdict,
            delete=delete,
            dm_author=delete,
            warn=Action.WARN in actions and not delete,
            alert=True,
            timeout_minutes=timeout,
            escalated=escalated,
            event_id=event_id,
            alerts_channel_id=settings.alerts_channel_id,
        )

    async def _exempt_reason(self, message: MessageContext) -> str | None:
        if message.author_is_bot:
            return "bots are not moderated"
        if message.author_can_manage_messages:
            return "members who can manage messages are exempt"
        if not message.text.strip() and not message.mention_count and not message.mentions_everyone:
            return "nothing to check (no text)"
        channels, roles = await self._exemption_sets(message.guild_id)
        if message.channel_id in channels:
            return "this channel is exempt"
        if roles.intersection(message.role_ids):
            return "one of the member's roles is exempt"
        return None

    async def _exemption_sets(self, guild_id: int) -> tuple[set[int], set[int]]:
        cached = self._exempt_cache.get(guild_id)
        if cached is None:
            exemptions = await self._exemptions.list(guild_id)
            cached = (
                {e.target_id for e in exemptions if e.target_type == "channel"},
                {e.target_id for e in exemptions if e.target_type == "role"},
            )
            self._exempt_cache[guild_id] = cached
        return cached

    def close(self) -> None:
        """Stop the checking thread (at shutdown)."""
        self._checker.shutdown(wait=False, cancel_futures=True)

    # -- decisions on flags -----------------------------------------------------------------------

    async def decide(self, guild_id: int, event_id: int, decision: str, moderator_id: int) -> bool:
        """Record a moderator's decision on a flagged message (remove, dismiss, warn, timeout)."""
        if decision not in ("remove", "dismiss", "warn", "timeout"):
            raise ModerationError(f"unknown decision {decision!r}")
        return await self._events.decide(
            guild_id, event_id, decision, moderator_id, now=self._clock.now()
        )

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        return await self._settings.get(guild_id)

    async def event(self, guild_id: int, event_id: int) -> ModerationEvent | None:
        return await self._events.get(guild_id, event_id)

    # -- configuration ----------------------------------------------------------------------------

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
        return await self._settings.update(
            guild_id, now=self._clock.now(), alerts_channel_id=channel_id
        )

    async def configure_escalation(self, guild_id: int, **changes: int) -> GuildSettings:
        """Set escalation_hits, escalation_minutes and timeout_minutes (validated)."""
        allowed = {"escalation_hits", "escalation_minutes", "timeout_minutes"}
        if set(changes) - allowed:
            raise ModerationError("only the escalation hits, minutes and timeout length can be set")
        if not changes:
            return await self._settings.get(guild_id)
        return await self._settings.update(guild_id, now=self._clock.now(), **changes)

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
                f"importing {len(specs):,} filters would pass the {MAX_FILTERS_PER_GUILD:,} limit"
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


def _allow() -> Verdict:
    return Verdict("allow", None, (), (), "No rule applies.")
