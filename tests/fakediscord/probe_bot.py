"""A minimal AutoShardedBot that exercises what digestbot's cogs will do, for the loopback tests.

One slash command group (reply, defer, followup, button, announce, autocomplete, modal), one
top-level moderators-only command, one button view, and message/edit listeners.
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

NOT_YOUR_BUTTON = "This is not your button"
BANNED_WORD = "forbidden"


class MoreView(discord.ui.View):
    """A 'More' button only the invoker may press."""

    def __init__(self, owner_id: int) -> None:
        super().__init__(timeout=300)
        self.owner_id = owner_id

    @discord.ui.button(label="More", custom_id="probe:more")
    async def more(
        self, interaction: discord.Interaction, button: discord.ui.Button[MoreView]
    ) -> None:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(NOT_YOUR_BUTTON, ephemeral=True)
            return
        await interaction.response.edit_message(content="page 2", view=self)


probe = app_commands.Group(name="probe", description="Loopback probes")


@probe.command(name="reply", description="Reply with the text")
@app_commands.describe(text="What to say", public="Visible to everyone")
async def probe_reply(interaction: discord.Interaction, text: str, public: bool = False) -> None:
    await interaction.response.send_message(
        text, ephemeral=not public, allowed_mentions=discord.AllowedMentions.none()
    )


@probe.command(name="slow", description="Defer, then edit the original response")
async def probe_slow(interaction: discord.Interaction) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    await interaction.edit_original_response(content="done thinking")


@probe.command(name="followup", description="Reply, then follow up")
async def probe_followup(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("first")
    await interaction.followup.send("second", ephemeral=True)


@probe.command(name="button", description="Reply with a More button")
async def probe_button(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("page 1", view=MoreView(interaction.user.id))


@probe.command(name="announce", description="Post in a channel, mentioning a role")
@app_commands.describe(channel="Where", role="Who to mention")
async def probe_announce(
    interaction: discord.Interaction, channel: discord.TextChannel, role: discord.Role
) -> None:
    await channel.send(
        f"{role.mention} @everyone news", allowed_mentions=discord.AllowedMentions.none()
    )
    await interaction.response.send_message(f"posted in {channel.mention}", ephemeral=True)


# default_permissions only applies to top-level commands (Discord has no per-subcommand value).
@app_commands.command(name="configure", description="Moderators only")
@app_commands.default_permissions(manage_guild=True)
@app_commands.checks.has_permissions(manage_guild=True)
async def configure(interaction: discord.Interaction) -> None:
    await interaction.response.send_message("configured", ephemeral=True)


async def pick_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    titles = [f"{current} article {n}" for n in range(40)]
    return [app_commands.Choice(name=t, value=t) for t in titles[:25]]


@probe.command(name="pick", description="Pick an article")
@app_commands.autocomplete(article=pick_autocomplete)
async def probe_pick(interaction: discord.Interaction, article: str) -> None:
    await interaction.response.send_message(article, ephemeral=True)


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    text: discord.ui.TextInput[FeedbackModal] = discord.ui.TextInput(
        label="Your feedback", custom_id="feedback:text"
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks for: {self.text.value}", ephemeral=True)


@probe.command(name="feedback", description="Open a modal")
async def probe_feedback(interaction: discord.Interaction) -> None:
    await interaction.response.send_modal(FeedbackModal(custom_id="feedback"))


class ProbeBot(commands.AutoShardedBot):
    """The smallest bot that exercises what digestbot's cogs will do."""

    def __init__(self, *, message_content: bool = True) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        intents.message_content = message_content
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            guild_ready_timeout=0.05,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        self.tree.add_command(probe)
        self.tree.add_command(configure)
        self.tree.on_error = self.on_tree_error  # type: ignore[method-assign]
        self.seen: list[discord.Message] = []

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # discord.py waits 5 s before every re-IDENTIFY (Discord's identify rate limit);
        # the loopback has no such limit, and tests must stay fast.
        return None

    async def on_tree_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        if isinstance(error, app_commands.MissingPermissions):
            await interaction.response.send_message("Only moderators can do that.", ephemeral=True)
            return
        raise error

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append(message)
        if not message.author.bot and BANNED_WORD in message.content:
            await message.delete()

    async def on_message_edit(self, before: discord.Message, after: discord.Message) -> None:
        if not after.author.bot and BANNED_WORD in after.content:
            await after.delete()
