"""Use cases of moderation: check a message, record what was done, and tell the moderators.

Acting comes first: ``check_message`` decides without writing anything, the Discord layer
deletes and times out, and ``record_outcome`` then stores the event and queues the alert and the
member's notice in the outbox. When the database cannot be written, events wait in memory
(write-behind) and the moderators are told once; when it recovers, the queue drains and they are
told again. Configuration (filters, exemptions, escalation) lives in the FilterConfig mixin.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

from bot.core.clock import Clock
from bot.core.database import DatabaseError
from bot.core.guild_settings import GuildSettings
from bot.core.guild_settings_storage import GuildSettingsRepository
from bot.core.ids import IdMaker
from bot.core.storage_health import StorageFault, StorageHealth
from bot.core.write_behind import WriteBehind
from bot.moderation.config import FilterConfig
from bot.moderation.decisions import ActionOutcome, MessageContext, ModerationDecision, Pending
from bot.moderation.domain import (
    Action,
    FilterHit,
    MessageInput,
    ModerationEngine,
    SpamTracker,
    Verdict,
)
from bot.moderation.events import EventLog
from bot.moderation.outbox import Outbox
from bot.moderation.specs import ModerationError
from bot.moderation.storage import (
    ExemptionRepository,
    FilterRepository,
    ModerationEvent,
    ModerationEventRepository,
    OutboxRepository,
)

log = logging.getLogger(__name__)

EXCERPT_CHARS = 500
DECISIONS = ("remove", "dismiss", "warn", "timeout")


class ModerationService(FilterConfig):
    """Per-guild engines, compiled off the event loop and cached until the guild's filters change."""

    def __init__(
        self,
        filters: FilterRepository,
        exemptions: ExemptionRepository,
        events: ModerationEventRepository,
        settings: GuildSettingsRepository,
        clock: Clock,
        *,
        outbox: OutboxRepository,
        health: StorageHealth | None = None,
        writes: WriteBehind | None = None,
        rules: dict[int, str] | None = None,
    ) -> None:
        self._filters = filters
        self._exemptions = exemptions
        self._settings = settings
        self._clock = clock
        self._rules = rules
        self.health = health or StorageHealth()
        self.writes = writes or WriteBehind()
        ids = IdMaker(clock)
        self.events = EventLog(events, self.writes, clock, ids)
        self.outbox = Outbox(outbox, self.writes, clock, ids)
        self._engines: dict[int, ModerationEngine] = {}
        self._engine_locks: dict[int, asyncio.Lock] = {}
        self._spam: dict[int, SpamTracker] = {}
        self._exempt_cache: dict[int, tuple[set[int], set[int]]] = {}
        self._settings_cache: dict[int, GuildSettings] = {}
        self._default_engine: ModerationEngine | None = None
        # Checks run on one worker thread: a 4,000-character message can take tens of
        # milliseconds, which the event loop must not wait for; one thread keeps the per-guild
        # spam state single-threaded and messages in arrival order.
        self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="moderation")
        self._fault_tasks: set[asyncio.Task[None]] = set()
        self.health.add_listener(self._storage_changed)

    def set_rules(self, rules: dict[int, str]) -> None:
        """Rule texts from the community profile, for the sentences moderators and members read."""
        self._rules = rules
        self._engines.clear()
        self._default_engine = None

    async def start(self) -> None:
        """Take over undelivered alerts of the last run and learn the alerts channels."""
        await self.outbox.load()
        try:
            for settings in await self._settings.with_alerts_channel():
                self._settings_cache[settings.guild_id] = settings
        except DatabaseError:
            log.exception("could not read the alerts channels")
        if self.health.fault is not None:
            # A fault from before the bot connected (read-only by setting): say it once now.
            self._storage_changed(self.health.fault)

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
                try:
                    specs = [stored.spec for stored in await self._filters.list(guild_id)]
                except DatabaseError:
                    # Unreadable filters must not stop moderation: the built-ins still run.
                    log.exception("guild %s: filters unreadable, checking with built-ins", guild_id)
                    return await self.engine_for(None)
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

    def warm_up(self) -> None:
        """Load the built-in detectors' models, lexicons and records before the bot connects:
        the first message otherwise loads them (~1.3 s, the event loop ~60-90 ms late)."""
        if self._default_engine is None:
            self._default_engine = ModerationEngine((), rules=self._rules)
        self._default_engine.check_text("Is the famine in N. Korea real? Women are grate people.")

    def _invalidate(self, guild_id: int) -> None:
        self._engines.pop(guild_id, None)

    # -- checking messages ------------------------------------------------------------------------

    async def check_text(self, text: str, guild_id: int | None = None) -> Verdict:
        """A verdict on a bare text, with no author or spam state (CLI, shell, dry runs)."""
        return (await self.engine_for(guild_id)).check_text(text)

    async def explain(self, text: str, guild_id: int | None = None) -> list[FilterHit]:
        return (await self.engine_for(guild_id)).explain(text)

    async def check_message(self, message: MessageContext) -> ModerationDecision:
        """Decide what to do about a new or edited message. Writes nothing: see record_outcome."""
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
                replied_text=message.replied_text,
            ),
            spam,
        )
        if verdict.allowed:
            return ModerationDecision(verdict=verdict)
        settings = await self.guild_settings(message.guild_id)
        event = ModerationEvent(
            id=self.events.new_id(),
            guild_id=message.guild_id,
            channel_id=message.channel_id,
            message_id=message.message_id,
            author_id=message.author_id,
            verdict=verdict.outcome,
            rule=verdict.rule,
            filters=tuple(hit.filter_name for hit in verdict.hits),
            action=verdict.actions[0].value,
            reason=verdict.reason,
            excerpt=message.text[:EXCERPT_CHARS],
            decision=None,
            decided_by=None,
            created=self._clock.now(),
        )
        actions = set(verdict.actions)
        timeout = settings.timeout_minutes if Action.TIMEOUT in actions else None
        escalated = False
        self.events.note(event)  # counted from now on, and found by the alert's buttons
        if verdict.outcome == "remove" and timeout is None:
            since = self._clock.now() - timedelta(minutes=settings.escalation_minutes)
            recent = await self.events.count_recent(message.guild_id, message.author_id, since)
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
            event=event,
            alerts_channel_id=settings.alerts_channel_id,
        )

    async def record_outcome(
        self, decision: ModerationDecision, message: MessageContext, outcome: ActionOutcome
    ) -> None:
        """Store the event with what was done, and queue the alert and the author's notice.

        Never raises for storage faults: the event waits in memory and the alert is delivered
        from memory. The author hears "removed" only when the deletion succeeded.
        """
        event = decision.event
        if event is None:
            return
        await self.events.record(_with_outcome(event, outcome.summary()))
        if outcome.deleted and decision.dm_author:
            await self.outbox.enqueue(
                message.guild_id,
                "dm",
                {
                    "user_id": message.author_id,
                    "notice": "removed",
                    "guild_name": message.guild_name,
                    "reason": decision.verdict.reason,
                    "text": message.text[:1500],
                },
            )
        if decision.alert:
            await self.outbox.enqueue(
                message.guild_id,
                "alert",
                {
                    "type": "verdict",
                    "event_id": event.id,
                    "rule": decision.verdict.rule,
                    "verdict": decision.verdict.outcome,
                    "reason": decision.verdict.reason,
                    "filters": list(dict.fromkeys(event.filters)),
                    "text": message.text[:1500],
                    "author_id": message.author_id,
                    "channel_id": message.channel_id,
                    "message_id": message.message_id,
                    "done": outcome.done,
                    "removed": bool(outcome.deleted),
                    "delete_error": outcome.delete_error,
                },
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
            try:
                exemptions = await self._exemptions.list(guild_id)
            except DatabaseError:
                log.exception("guild %s: exemptions unreadable; none apply for now", guild_id)
                return set(), set()
            cached = (
                {e.target_id for e in exemptions if e.target_type == "channel"},
                {e.target_id for e in exemptions if e.target_type == "role"},
            )
            self._exempt_cache[guild_id] = cached
        return cached

    def close(self) -> None:
        """Stop the checking thread (at shutdown)."""
        self._checker.shutdown(wait=False, cancel_futures=True)

    # -- settings ---------------------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings; the last ones known (or the defaults) when they cannot be read."""
        try:
            settings = await self._settings.get(guild_id)
        except DatabaseError:
            log.exception("guild %s: settings unreadable; using the last known", guild_id)
            return self._settings_cache.get(guild_id) or GuildSettings(guild_id)
        self._settings_cache[guild_id] = settings
        return settings

    async def alerts_channel(self, guild_id: int) -> int | None:
        return (await self.guild_settings(guild_id)).alerts_channel_id

    def _settings_changed(self, settings: GuildSettings) -> None:
        self._settings_cache[settings.guild_id] = settings

    # -- decisions on flags -----------------------------------------------------------------------

    async def decide(self, guild_id: int, event_id: int, decision: str, moderator_id: int) -> bool:
        """Record a moderator's decision on a flagged message (remove, dismiss, warn, timeout)."""
        if decision not in DECISIONS:
            raise ModerationError(f"unknown decision {decision!r}")
        return await self.events.decide(guild_id, event_id, decision, moderator_id)

    async def reopen(self, guild_id: int, event_id: int) -> None:
        await self.events.reopen(guild_id, event_id)

    async def event(self, guild_id: int, event_id: int) -> ModerationEvent | None:
        return await self.events.get(guild_id, event_id)

    async def pending(self, guild_id: int) -> Pending:
        return Pending(
            undecided=await self.events.undecided_flags(guild_id),
            undelivered=self.outbox.pending(guild_id),
            unwritten_events=self.events.unwritten,
            storage=self.health.fault,
        )

    # -- storage faults ---------------------------------------------------------------------------

    async def flush_pending_writes(self) -> int:
        """Retry the writes the storage refused (the Discord layer calls this on a timer)."""
        return await self.writes.flush()

    def _storage_changed(self, fault: StorageFault | None) -> None:
        """Tell every server with an alerts channel, once per fault and once on recovery."""
        if fault is None:
            text = (
                "✅ **Storage recovered**: the database can be written again; moderation events "
                "kept in memory are being written."
            )
        else:
            text = (
                f"⚠️ **Storage fault**: {fault.reason}. Moderation goes on (removals, timeouts "
                "and alerts still happen) but events are kept in memory until the database can "
                "be written; /status shows the state."
            )
        guilds = [g for g, s in self._settings_cache.items() if s.alerts_channel_id is not None]
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for guild_id in guilds:
            task = loop.create_task(self._enqueue_notice(guild_id, text))
            self._fault_tasks.add(task)
            task.add_done_callback(self._fault_tasks.discard)

    async def _enqueue_notice(self, guild_id: int, text: str) -> None:
        await self.outbox.enqueue(guild_id, "alert", {"type": "notice", "text": text})


def _with_outcome(event: ModerationEvent, outcome: str) -> ModerationEvent:
    return replace(event, outcome=outcome)


def _allow() -> Verdict:
    return Verdict("allow", None, (), (), "No rule applies.")
