"""Interactive components: buttons only the invoker may press, which expire."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

import discord

from bot.core.payloads import Payload
from bot.discord.replies import NO_MENTIONS, to_embeds

VIEW_TIMEOUT = 300.0  # seconds: buttons expire after 5 minutes
NOT_YOURS = "This is not your button: run the command yourself to get your own."


class OwnedView(discord.ui.View):
    """A view whose buttons answer only the member who ran the command."""

    def __init__(self, owner_id: int, *, timeout: float = VIEW_TIMEOUT) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.interaction: discord.Interaction[Any] | None = None

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(
                NOT_YOURS, ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return False
        return True

    async def on_timeout(self) -> None:
        # Grey the buttons out so nobody presses a dead one.
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.interaction is not None:
            # The message may be gone or the token expired: then there is nothing to update.
            with contextlib.suppress(discord.HTTPException):
                await self.interaction.edit_original_response(view=self)


class PagerView(OwnedView):
    """Previous / Next through pages that ``render_page`` draws."""

    def __init__(self, owner_id: int, render_page: Callable[[int], Payload], pages: int) -> None:
        super().__init__(owner_id)
        self.render_page = render_page
        self.pages = pages
        self.page = 0
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page == 0
        self.next.disabled = self.page + 1 >= self.pages

    async def _show(self, interaction: discord.Interaction[Any]) -> None:
        self._sync_buttons()
        payload = self.render_page(self.page)
        await interaction.response.edit_message(
            content=payload.get("content"), embeds=to_embeds(payload), view=self,
            allowed_mentions=NO_MENTIONS,
        )  # fmt: skip

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        self.page = max(0, self.page - 1)
        await self._show(interaction)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        self.page = min(self.pages - 1, self.page + 1)
        await self._show(interaction)


class AskMoreView(PagerView):
    """/ask's 'More' button: the next excerpts (a pager that only goes forward)."""

    def __init__(self, owner_id: int, render_page: Callable[[int], Payload], pages: int) -> None:
        super().__init__(owner_id, render_page, pages)
        self.remove_item(self.previous)
        self.next.label = "More"
        self.next.style = discord.ButtonStyle.primary


class ConfirmView(OwnedView):
    """Yes / Cancel; ``on_confirm`` runs once for the owner."""

    def __init__(
        self,
        owner_id: int,
        on_confirm: Callable[[discord.Interaction[Any]], Awaitable[None]],
        *,
        confirm_label: str = "Post again",
    ) -> None:
        super().__init__(owner_id, timeout=120)
        self.on_confirm = on_confirm
        self.confirm.label = confirm_label

    @discord.ui.button(label="Confirm", style=discord.ButtonStyle.danger)
    async def confirm(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        await self.on_confirm(interaction)

    @discord.ui.button(label="Cancel", style=discord.ButtonStyle.secondary)
    async def cancel(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        self.stop()
        await interaction.response.edit_message(content="Cancelled.", embeds=[], view=None)
