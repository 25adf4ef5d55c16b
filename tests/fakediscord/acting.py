"""Acting as Discord users: messages, edits, slash commands, autocomplete, clicks, modals."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .gateway import Gateway
from .handles import InteractionHandle
from .interactions import (
    APPLICATION_COMMAND,
    AUTOCOMPLETE,
    MESSAGE_COMPONENT,
    MODAL_SUBMIT,
    InteractionRecord,
    InvalidInteraction,
    command_data,
    interaction_payload,
)
from .messages import Attachment, Message
from .models import JSON, Channel, Member, User
from .recording import DEFAULT_TIMEOUT, Recorder
from .rest import RestApi
from .state import World

BUTTON, STRING_SELECT = 2, 3


class MemberActions:
    """What members do; every action becomes the gateway event Discord would send the bot."""

    # Provided by FakeDiscord.
    world: World
    recorder: Recorder
    gateway: Gateway
    rest: RestApi

    async def send_message(
        self,
        channel: Channel,
        author: Member | User,
        content: str = "",
        *,
        embeds: Sequence[JSON] = (),
        files: Iterable[tuple[str, bytes]] = (),
        reply_to: Message | None = None,
    ) -> Message:
        """A member (or, in a DM channel, a user) writes a message: MESSAGE_CREATE."""
        user = author.user if isinstance(author, Member) else author
        body: JSON = {"content": content, "embeds": list(embeds)}
        if reply_to is not None:
            body["message_reference"] = {
                "message_id": str(reply_to.id),
                "channel_id": str(reply_to.channel.id),
            }
        attachments = [Attachment(self.world.next_id(), n, d) for n, d in files]
        message = self.world.add_message(channel, user, body, attachments)
        self.world.announce_message("MESSAGE_CREATE", message)
        return message

    async def send_dm(self, user: Member | User, content: str) -> Message:
        """A user writes to the bot in DMs (delivered only with the DIRECT_MESSAGES intent)."""
        account = user.user if isinstance(user, Member) else user
        return await self.send_message(self.world.dm_channel_for(account), account, content)

    async def edit_message(
        self, message: Message, content: str | None = None, *, embeds: Sequence[JSON] | None = None
    ) -> Message:
        """The author edits a message: MESSAGE_UPDATE with the full new message."""
        body: JSON = {}
        if content is not None:
            body["content"] = content
        if embeds is not None:
            body["embeds"] = list(embeds)
        self.world.apply_edit(message, body, [])
        self.world.announce_message("MESSAGE_UPDATE", message)
        return message

    async def delete_message(self, message: Message) -> None:
        """The author (or another moderator) deletes a message: MESSAGE_DELETE."""
        message.deleted = True
        self.world.announce_message("MESSAGE_DELETE", message)

    def _interaction(
        self,
        type: int,
        channel: Channel,
        member: Member,
        data: JSON,
        message: Message | None = None,
    ) -> InteractionHandle:
        interaction_id = self.world.next_id()
        token = f"fake-interaction-token-{interaction_id}"
        payload = interaction_payload(
            self.world,
            interaction_id=interaction_id,
            token=token,
            type=type,
            channel=channel,
            member=member,
            data=data,
            message=message,
        )
        record = InteractionRecord(
            interaction_id,
            token,
            type,
            payload,
            channel,
            member,
            created=asyncio.get_running_loop().time(),
            component_message=message,
        )
        self.rest.interactions[interaction_id] = record
        self.rest.interactions_by_token[token] = record
        self.gateway.dispatch("INTERACTION_CREATE", payload, channel.guild)
        return InteractionHandle(record, self.recorder.signal)

    async def send_slash_command(
        self,
        channel: Channel,
        member: Member,
        command: str,
        options: Mapping[str, Any] | None = None,
        *,
        validate: bool = True,
        permission_override: bool = False,
    ) -> InteractionHandle:
        """``member`` runs ``/command`` in ``channel``; ``command`` may be "filter add".

        Options are Python values: str/int/float/bool, or a Channel, Role, Member for
        channel/role/user options (Discord's ``resolved`` data is filled in). With ``validate``
        the synced definition is enforced as Discord's client would (required, choices,
        lengths, ranges, and default_member_permissions unless ``permission_override``).
        """
        data = command_data(
            self.world,
            channel,
            member,
            command,
            options or {},
            validate=validate,
            permission_override=permission_override,
        )
        return self._interaction(APPLICATION_COMMAND, channel, member, data)

    async def autocomplete(
        self,
        channel: Channel,
        member: Member,
        command: str,
        options: Mapping[str, Any],
        *,
        focused: str,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
        validate: bool = True,
    ) -> list[JSON]:
        """Type into an autocomplete option; return the bot's choices (``[{name, value}]``)."""
        if focused not in options:
            raise InvalidInteraction(f"focused option {focused!r} must be among the options")
        data = command_data(
            self.world,
            channel,
            member,
            command,
            options,
            validate=validate,
            permission_override=True,
            focused=focused,
        )
        handle = self._interaction(AUTOCOMPLETE, channel, member, data)
        return (await handle.response(timeout)).choices

    async def click_button(
        self, message: Message, custom_id: str, member: Member, *, validate: bool = True
    ) -> InteractionHandle:
        """``member`` clicks the button ``custom_id`` on ``message`` (must exist and be enabled)."""
        return self._component(message, custom_id, member, BUTTON, None, validate)

    async def select(
        self,
        message: Message,
        custom_id: str,
        member: Member,
        values: Sequence[str],
        *,
        validate: bool = True,
    ) -> InteractionHandle:
        """``member`` picks ``values`` in the select menu ``custom_id`` on ``message``."""
        return self._component(message, custom_id, member, STRING_SELECT, list(values), validate)

    def _component(
        self,
        message: Message,
        custom_id: str,
        member: Member,
        kind: int,
        values: list[str] | None,
        validate: bool,
    ) -> InteractionHandle:
        component = message.find_component(custom_id)
        if validate:
            if message.deleted:
                raise InvalidInteraction("the message was deleted")
            if component is None:
                raise InvalidInteraction(f"no component {custom_id!r}; has {message.custom_ids()}")
            if component.get("disabled"):
                raise InvalidInteraction(f"component {custom_id!r} is disabled")
            if message.ephemeral and message.interaction_metadata is not None:
                owner = message.interaction_metadata["user"]["id"]
                if owner != str(member.id):
                    raise InvalidInteraction("only the recipient can see an ephemeral message")
        component_type = int(component["type"]) if component else kind
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        return self._interaction(MESSAGE_COMPONENT, message.channel, member, data, message)

    async def submit_modal(
        self,
        channel: Channel,
        member: Member,
        custom_id: str,
        fields: Mapping[str, str],
        *,
        message: Message | None = None,
    ) -> InteractionHandle:
        """``member`` submits the modal ``custom_id`` with text inputs ``{custom_id: value}``."""
        rows = [
            {"type": 1, "components": [{"type": 4, "custom_id": key, "value": value}]}
            for key, value in fields.items()
        ]
        data: JSON = {"custom_id": custom_id, "components": rows}
        return self._interaction(MODAL_SUBMIT, channel, member, data, message)
