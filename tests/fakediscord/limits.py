"""Discord's validation of message bodies: what makes it answer 400 instead of posting.

Limits from https://discord.com/developers/docs/resources/message#embed-object-embed-limits
and the create-message docs. The fake enforces them so that a bot which exceeds them fails in
tests exactly as it would in production (``discord.HTTPException`` 400, code 50035 or 50006).
"""

from __future__ import annotations

from typing import Any

from .models import JSON

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
EMBED_FIELD_LIMITS: dict[str, int] = {"title": 256, "description": 4096}
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_TEXT_MAX = 2048
AUTHOR_NAME_MAX = 256
ACTION_ROWS_MAX = 5
CHOICES_MAX = 25
CHOICE_NAME_MAX = 100


def _embed_errors(index: int, embed: JSON) -> tuple[list[str], int]:
    errors: list[str] = []
    total = 0
    for key, limit in EMBED_FIELD_LIMITS.items():
        text = embed.get(key) or ""
        total += len(text)
        if len(text) > limit:
            errors.append(f"embeds.{index}.{key}: must be {limit} or fewer in length")
    fields: list[JSON] = embed.get("fields") or []
    if len(fields) > FIELDS_MAX:
        errors.append(f"embeds.{index}.fields: must be {FIELDS_MAX} or fewer in length")
    for n, item in enumerate(fields):
        name, value = str(item.get("name") or ""), str(item.get("value") or "")
        total += len(name) + len(value)
        if not name or len(name) > FIELD_NAME_MAX:
            errors.append(f"embeds.{index}.fields.{n}.name: must be 1 to {FIELD_NAME_MAX} long")
        if not value or len(value) > FIELD_VALUE_MAX:
            errors.append(f"embeds.{index}.fields.{n}.value: must be 1 to {FIELD_VALUE_MAX} long")
    footer = str((embed.get("footer") or {}).get("text") or "")
    author = str((embed.get("author") or {}).get("name") or "")
    total += len(footer) + len(author)
    if len(footer) > FOOTER_TEXT_MAX:
        errors.append(f"embeds.{index}.footer.text: must be {FOOTER_TEXT_MAX} or fewer in length")
    if len(author) > AUTHOR_NAME_MAX:
        errors.append(f"embeds.{index}.author.name: must be {AUTHOR_NAME_MAX} or fewer in length")
    return errors, total


def message_errors(body: JSON, *, files: int = 0, editing: bool = False) -> tuple[int, list[str]]:
    """(code, errors) for a message body; code 0 and no errors when Discord would accept it."""
    content = body.get("content")
    embeds: list[JSON] = body.get("embeds") or []
    components: list[JSON] = body.get("components") or []
    errors: list[str] = []
    if content is not None and len(str(content)) > CONTENT_MAX:
        errors.append(f"content: must be {CONTENT_MAX} or fewer in length")
    if len(embeds) > EMBEDS_MAX:
        errors.append(f"embeds: must be {EMBEDS_MAX} or fewer in length")
    total = 0
    for index, embed in enumerate(embeds):
        embed_errors, size = _embed_errors(index, embed)
        errors.extend(embed_errors)
        total += size
    if total > EMBED_TOTAL_MAX:
        errors.append(f"embeds: total text must be {EMBED_TOTAL_MAX} or fewer characters")
    if len(components) > ACTION_ROWS_MAX and not int(body.get("flags") or 0) & (1 << 15):
        errors.append(f"components: must be {ACTION_ROWS_MAX} or fewer in length")
    if errors:
        return 50035, errors
    has_anything = (
        content or embeds or components or files or body.get("sticker_ids") or body.get("poll")
    )
    if not editing and not has_anything:
        return 50006, ["Cannot send an empty message"]
    return 0, []


def autocomplete_errors(data: JSON) -> list[str]:
    """Errors in an autocomplete result (type 8 callback data)."""
    choices: list[dict[str, Any]] = data.get("choices") or []
    errors: list[str] = []
    if len(choices) > CHOICES_MAX:
        errors.append(f"choices: must be {CHOICES_MAX} or fewer in length")
    for n, choice in enumerate(choices):
        name = str(choice.get("name") or "")
        if not name or len(name) > CHOICE_NAME_MAX:
            errors.append(f"choices.{n}.name: must be 1 to {CHOICE_NAME_MAX} long")
        value = choice.get("value")
        if isinstance(value, str) and len(value) > CHOICE_NAME_MAX:
            errors.append(f"choices.{n}.value: must be {CHOICE_NAME_MAX} or fewer in length")
    return errors


_NAME_OK = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")


def _option_errors(prefix: str, options: list[JSON], depth: int) -> list[str]:
    errors: list[str] = []
    if len(options) > 25:
        errors.append(f"{prefix}.options: must be 25 or fewer in length")
    seen_optional = False
    for n, option in enumerate(options):
        where = f"{prefix}.options.{n}"
        errors.extend(_named_errors(where, option))
        if option.get("type") in (1, 2):
            if depth >= 2 or (option["type"] == 2 and depth >= 1):
                errors.append(f"{where}: subcommands nest at most group > subcommand")
            errors.extend(_option_errors(where, option.get("options") or [], depth + 1))
            continue
        if option.get("required"):
            if seen_optional:
                errors.append(f"{where}: required options must be placed before non-required")
        else:
            seen_optional = True
        choices = option.get("choices") or []
        if len(choices) > CHOICES_MAX:
            errors.append(f"{where}.choices: must be {CHOICES_MAX} or fewer in length")
        if choices and option.get("autocomplete"):
            errors.append(f"{where}: autocomplete and choices are mutually exclusive")
    return errors


def _named_errors(where: str, item: JSON) -> list[str]:
    errors: list[str] = []
    name = str(item.get("name") or "")
    if not 1 <= len(name) <= 32 or not set(name) <= _NAME_OK:
        errors.append(f"{where}.name: must be 1-32 lowercase letters, digits, - or _")
    description = str(item.get("description") or "")
    if item.get("type", 1) in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) and not (
        1 <= len(description) <= 100
    ):
        errors.append(f"{where}.description: must be 1 to 100 characters")
    return errors


def command_errors(commands: list[JSON]) -> list[str]:
    """Why Discord would reject a bulk command overwrite (PUT .../commands), if it would."""
    errors: list[str] = []
    chat_input = [c for c in commands if c.get("type", 1) == 1]
    if len(chat_input) > 100:
        errors.append("commands: at most 100 slash commands")
    names = [(c.get("name"), c.get("type", 1)) for c in commands]
    if len(names) != len(set(names)):
        errors.append("commands: names must be unique per type")
    for n, command in enumerate(commands):
        if command.get("type", 1) == 1:
            errors.extend(_named_errors(str(n), command))
            errors.extend(_option_errors(str(n), command.get("options") or [], 0))
    return errors
