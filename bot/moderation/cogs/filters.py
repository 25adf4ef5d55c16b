"""/filter: moderators configure the moderation filter (their server's only)."""

from __future__ import annotations

import re
from typing import Any, Literal

import discord
from discord import app_commands

from bot.core.guild_settings import SettingsValueError
from bot.core.markup import LIMITS, escape_markdown, truncate
from bot.discord.checks import ModeratorGroup, moderator_autocomplete
from bot.discord.client import DigestBot
from bot.discord.replies import in_time, matching_choices, parse_id, reply
from bot.moderation.domain import BUILTIN_FILTER_NAMES
from bot.moderation.render import (
    describe_filter,
    filter_list_payload,
    pending_payload,
    verdict_payload,
)
from bot.moderation.service import ModerationService
from bot.moderation.specs import ModerationError

MAX_PATTERN = 1000
MAX_TEST_TEXT = 4000
_TARGET = re.compile(r"^(?:(role|channel):)?<?(?:@&|#)?(\d{1,20})>?$")


class FilterGroup(ModeratorGroup):
    def __init__(self, service: ModerationService) -> None:
        super().__init__(name="filter", description="Configure the moderation filter")
        self.service = service

    @app_commands.command(
        name="add", description="Add a filter (it starts in shadow mode: flags only)"
    )
    @app_commands.describe(
        kind="keyword (word, prefix*, *suffix, *substring*), regex (RE2), or example messages",
        pattern="Keywords separated by commas, a regex, or example messages one per line",
        rule="The community rule it enforces (1, 2 or 3)",
        action="What happens to a matching message once the filter acts",
        allow="Comma-separated words that never match (e.g. assistance, classic)",
        shadow="Only flag to moderators until you activate it (default: yes)",
        name="A short name moderators will see",
    )
    async def add(
        self,
        interaction: discord.Interaction[Any],
        kind: Literal["keyword", "regex", "example"],
        pattern: app_commands.Range[str, 1, MAX_PATTERN],
        rule: app_commands.Range[int, 1, 3],
        action: Literal["remove", "flag", "warn", "timeout"],
        allow: app_commands.Range[str, 0, 1000] | None = None,
        shadow: bool = True,
        name: app_commands.Range[str, 0, 80] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            spec = await self.service.add_filter(
                interaction.guild_id,
                kind=kind,
                pattern=pattern,
                rule=rule,
                action=action,
                moderator_id=interaction.user.id,
                allow_list=[a for a in (allow or "").split(",") if a.strip()],
                shadow=shadow,
                name=name,
            )
        except ModerationError as exc:
            await reply(interaction, text=f"Filter not added: {exc}")
            return
        follow = (
            " It is in shadow mode: it only flags. Check it with `/filter backtest`, then "
            "`/filter activate`."
            if spec.shadow
            else ""
        )
        await reply(interaction, text=f"Added {describe_filter(spec)}.{follow}")

    @app_commands.command(name="remove", description="Remove a filter")
    @app_commands.describe(filter="The filter to remove")
    async def remove(self, interaction: discord.Interaction[Any], filter: str) -> None:
        assert interaction.guild_id is not None
        filter_id = parse_id(filter)
        if filter_id is None or not await in_time(
            interaction, self.service.remove_filter(interaction.guild_id, filter_id)
        ):
            await reply(interaction, text=_unknown(filter))
            return
        await reply(interaction, text=f"Removed filter #{filter_id}.")

    @app_commands.command(name="activate", description="Let a shadow-mode filter act")
    @app_commands.describe(filter="The filter to activate")
    async def activate(self, interaction: discord.Interaction[Any], filter: str) -> None:
        assert interaction.guild_id is not None
        filter_id = parse_id(filter)
        if filter_id is None or not await in_time(
            interaction, self.service.set_shadow(interaction.guild_id, filter_id, False)
        ):
            await reply(interaction, text=_unknown(filter))
            return
        await reply(interaction, text=f"Filter #{filter_id} now acts (no longer shadow mode).")

    @app_commands.command(name="list", description="List this server's filters")
    async def list_(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        listed = await in_time(interaction, self.service.list_filters(interaction.guild_id))
        filters = [f.spec for f in listed]
        await reply(interaction, filter_list_payload(filters, builtins=BUILTIN_FILTER_NAMES))

    @app_commands.command(
        name="pending", description="Flags nobody decided on, and alerts not delivered yet"
    )
    async def pending(self, interaction: discord.Interaction[Any]) -> None:
        assert interaction.guild_id is not None
        pending = await in_time(interaction, self.service.pending(interaction.guild_id))
        await reply(interaction, pending_payload(pending))

    @app_commands.command(
        name="test", description="Which filters fire on a text, and why (nothing is acted on)"
    )
    @app_commands.describe(text="The message to test")
    async def test(
        self, interaction: discord.Interaction[Any], text: app_commands.Range[str, 1, MAX_TEST_TEXT]
    ) -> None:
        assert interaction.guild_id is not None
        # The first use in a server compiles its filters: that may take longer than 3 s.
        await interaction.response.defer(ephemeral=True, thinking=True)
        verdict = await self.service.check_text(text, interaction.guild_id)
        hits = await self.service.explain(text, interaction.guild_id)
        await reply(interaction, verdict_payload(text, verdict, hits))

    @app_commands.command(name="alerts", description="Where flagged messages are reported")
    @app_commands.describe(channel="The moderators' alerts channel")
    async def alerts(
        self, interaction: discord.Interaction[Any], channel: discord.TextChannel
    ) -> None:
        assert interaction.guild_id is not None
        await in_time(
            interaction, self.service.set_alerts_channel(interaction.guild_id, channel.id)
        )
        await reply(interaction, text=f"Moderation alerts will go to <#{channel.id}>.")

    @app_commands.command(
        name="escalation", description="Timeout length, and how many hits in how long lead to one"
    )
    @app_commands.describe(
        hits="This many removals or flags ... (1-100)",
        minutes="... within this many minutes lead to a timeout (1-10080)",
        length="Length of a timeout in minutes (1-40320, Discord's maximum is 28 days)",
    )
    async def escalation(
        self,
        interaction: discord.Interaction[Any],
        hits: app_commands.Range[int, 1, 100] | None = None,
        minutes: app_commands.Range[int, 1, 10080] | None = None,
        length: app_commands.Range[int, 1, 40320] | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        changes = {
            key: value
            for key, value in (
                ("escalation_hits", hits),
                ("escalation_minutes", minutes),
                ("timeout_minutes", length),
            )
            if value is not None
        }
        try:
            settings = await in_time(
                interaction, self.service.configure_escalation(interaction.guild_id, **changes)
            )
        except SettingsValueError as exc:
            await reply(interaction, text=f"Not changed: {exc}.")
            return
        await reply(
            interaction,
            text=(
                f"{settings.escalation_hits} hit(s) within {settings.escalation_minutes} minute(s) "
                f"lead to a timeout of {settings.timeout_minutes} minute(s); the timeout action "
                "uses the same length."
            ),
        )

    @app_commands.command(
        name="exempt", description="Exempt a role or channel from the filter (again to undo)"
    )
    @app_commands.describe(target="A role or a channel")
    async def exempt(self, interaction: discord.Interaction[Any], target: str) -> None:
        guild = interaction.guild
        assert guild is not None
        match = _TARGET.match(target.strip())
        kind: str | None = None
        if match:
            target_id = int(match.group(2))
            if match.group(1):
                kind = match.group(1)
            elif guild.get_role(target_id) is not None:
                kind = "role"
            elif guild.get_channel(target_id) is not None:
                kind = "channel"
        if match is None or kind is None:
            await reply(
                interaction,
                text="That is not a role or channel of this server: pick one from the list.",
            )
            return
        exempt = await in_time(
            interaction, self.service.toggle_exemption(guild.id, target_id, kind)
        )
        mention = f"<@&{target_id}>" if kind == "role" else f"<#{target_id}>"
        state = "is now exempt from" if exempt else "is no longer exempt from"
        await reply(interaction, text=f"The {kind} {mention} {state} the moderation filter.")

    @exempt.autocomplete("target")
    @moderator_autocomplete
    async def exempt_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        guild = interaction.guild
        if guild is None:
            return []
        needle = current.casefold().lstrip("@#")
        choices = [
            app_commands.Choice(name=truncate(f"@{role.name} (role)", 100), value=f"role:{role.id}")
            for role in guild.roles
            if not role.is_default() and needle in role.name.casefold()
        ]
        choices += [
            app_commands.Choice(
                name=truncate(f"#{ch.name} (channel)", 100), value=f"channel:{ch.id}"
            )
            for ch in guild.text_channels
            if needle in ch.name.casefold()
        ]
        return choices[: LIMITS.autocomplete_choices]

    @app_commands.command(
        name="backtest", description="What a filter would have caught in this channel"
    )
    @app_commands.describe(filter="The filter to try", messages="How many recent messages (1-1000)")
    async def backtest(
        self,
        interaction: discord.Interaction[Any],
        filter: str,
        messages: app_commands.Range[int, 1, 1000] = 200,
    ) -> None:
        assert interaction.guild_id is not None
        filter_id = parse_id(filter)
        channel = interaction.channel
        if filter_id is None:
            await reply(interaction, text=_unknown(filter))
            return
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            await reply(interaction, text="Run the backtest in the text channel to scan.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        history = [
            (message.id, message.content)
            async for message in channel.history(limit=messages)
            if not message.author.bot and message.content
        ]
        try:
            report = await self.service.backtest(interaction.guild_id, filter_id, history)
        except ModerationError as exc:
            await reply(interaction, text=str(exc))
            return
        lines = [
            f"Filter #{filter_id} would have caught **{len(report.caught)}** of the last "
            f"{report.scanned} member messages in <#{channel.id}>."
        ]
        for message_id, excerpt, why in report.caught[:15]:
            link = f"https://discord.com/channels/{interaction.guild_id}/{channel.id}/{message_id}"
            lines.append(
                f"• [{escape_markdown(truncate(excerpt, 80))}]({link}): {escape_markdown(why)}"
            )
        if len(report.caught) > 15:
            lines.append(f"…and {len(report.caught) - 15} more.")
        await reply(
            interaction,
            {"embeds": [{"title": "Backtest", "description": truncate("\n".join(lines), 4096)}]},
        )

    @remove.autocomplete("filter")
    @activate.autocomplete("filter")
    @backtest.autocomplete("filter")
    @moderator_autocomplete
    async def filter_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        filters = await self.service.list_filters(interaction.guild_id)
        return matching_choices(
            ((describe_filter(f.spec), str(f.spec.id)) for f in filters), current
        )


def _unknown(raw: str) -> str:
    return f"There is no filter “{escape_markdown(truncate(raw, 40))}” on this server: pick one from `/filter list`."


async def setup(bot: DigestBot, service: ModerationService) -> None:
    bot.tree.add_command(FilterGroup(service))
