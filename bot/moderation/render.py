"""Moderation results as text and payloads (no discord import): verdicts, filter lists, tests."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from bot.core.markup import LIMITS, escape_markdown, truncate
from bot.core.payloads import MUTED, Payload
from bot.moderation.domain import FilterHit, FilterSpec, Verdict

if TYPE_CHECKING:
    from bot.moderation.decisions import Pending

VERDICT_COLOURS = {"allow": 0x38A169, "flag": 0xD69E2E, "remove": 0xE53E3E}


def describe_filter(spec: FilterSpec) -> str:
    mode = "shadow (flags only)" if spec.shadow else "active"
    name = f" “{spec.name}”" if spec.name else ""
    pattern = truncate(spec.pattern.replace("\n", " / "), 120)
    return (
        f"#{spec.id}{name} · {spec.kind} `{pattern.replace('`', 'ˋ')}` · rule {spec.rule} · "
        f"{spec.action.value} · {mode}"
    )


def filter_list_payload(filters: Sequence[FilterSpec], *, builtins: Sequence[str]) -> Payload:
    lines = [describe_filter(spec) for spec in filters]
    if not lines:
        lines = ["No moderator filters yet: add one with `/filter add`."]
    description = truncate("\n".join(lines), LIMITS.embed_description)
    return {
        "content": None,
        "embeds": [
            {
                "title": f"Filters ({len(filters)})",
                "description": description,
                "color": MUTED,
                "footer": {"text": truncate("Built-in: " + ", ".join(builtins), LIMITS.footer)},
            }
        ],
    }


def hit_line(hit: FilterHit) -> str:
    shadow = " (shadow: flag only)" if hit.shadow else ""
    return (
        f"• **{escape_markdown(hit.filter_name)}** → rule {hit.rule}, "
        f"{hit.effective_action.value}{shadow}: {escape_markdown(truncate(hit.reason, 300))}"
    )


def verdict_payload(text: str, verdict: Verdict, hits: Sequence[FilterHit]) -> Payload:
    """/filter test and the shell: what the engine decides on a text, and every filter that fired."""
    if verdict.allowed and not hits:
        summary = "**allow**: no filter fires on this text."
    else:
        rule = f" (rule {verdict.rule})" if verdict.rule else ""
        summary = f"**{verdict.outcome}**{rule}: {escape_markdown(verdict.reason)}"
    lines = [summary, *[hit_line(hit) for hit in hits]]
    return {
        "content": None,
        "embeds": [
            {
                "title": "Filter test",
                "description": truncate("\n".join(lines), LIMITS.embed_description),
                "color": VERDICT_COLOURS[verdict.outcome],
                "fields": [
                    {
                        "name": "Text",
                        "value": truncate(escape_markdown(text), LIMITS.field_value) or "(empty)",
                    }
                ],
            }
        ],
    }


def alert_payload(alert: dict[str, Any]) -> Payload:
    """The moderators' alert for an outbox item (a verdict with its event, or a notice)."""
    if alert.get("type") == "notice":
        return {"content": truncate(str(alert["text"]), LIMITS.content), "embeds": []}
    verdict = str(alert["verdict"])
    guild_id = int(alert.get("guild_id") or 0)
    jump = f"https://discord.com/channels/{guild_id}/{alert['channel_id']}/{alert['message_id']}"
    title = (
        f"Rule {alert['rule']}: removed"
        if verdict == "remove" and alert.get("removed")
        else f"Rule {alert['rule']}: flagged for review"
        if verdict == "flag"
        else f"Rule {alert['rule']}: removal FAILED (the message is still up)"
    )
    fields = [
        {"name": "Author", "value": f"<@{alert['author_id']}> ({alert['author_id']})"},
        {"name": "Where", "value": f"[jump]({jump}) in <#{alert['channel_id']}>"},
        {
            "name": "Filters",
            "value": truncate(escape_markdown(", ".join(alert.get("filters") or [])) or "-", 1024),
            "inline": False,
        },
        {
            "name": "Why",
            "value": truncate(escape_markdown(str(alert["reason"])), 1024),
            "inline": False,
        },
    ]
    done = list(alert.get("done") or [])
    if alert.get("delete_error"):
        done.append(f"deletion failed: {alert['delete_error']}; use Remove to try again")
    if done:
        fields.append(
            {
                "name": "Done",
                "value": truncate(escape_markdown("; ".join(done)), 1024),
                "inline": False,
            }
        )
    return {
        "content": None,
        "embeds": [
            {
                "title": truncate(title, LIMITS.embed_title),
                "description": truncate(escape_markdown(str(alert["text"])) or "(no text)", 1500),
                "color": VERDICT_COLOURS["remove" if verdict == "remove" else "flag"],
                "fields": fields,
                "footer": {"text": f"event #{alert['event_id']}"},
            }
        ],
    }


def pending_payload(pending: Pending) -> Payload:
    """/filter pending: undecided flags, deliveries still waiting, and the storage state."""
    lines: list[str] = []
    if pending.storage is not None:
        lines.append(f"⚠️ **Storage fault** since {pending.storage.since:%Y-%m-%d %H:%M} UTC: "
                     f"{escape_markdown(pending.storage.reason)}")  # fmt: skip
    if pending.unwritten_events:
        lines.append(
            f"{pending.unwritten_events} moderation event(s) kept in memory, not yet written."
        )
    lines.append(f"**Undecided flags** ({len(pending.undecided)})")
    for event in pending.undecided[:10]:
        jump = (
            f"https://discord.com/channels/{event.guild_id}/{event.channel_id}/{event.message_id}"
        )
        excerpt = escape_markdown(truncate(event.excerpt.replace("\n", " "), 80))
        lines.append(
            f"• #{event.id} rule {event.rule} · <@{event.author_id}> · [{excerpt}]({jump})"
        )
    lines.append(f"**Undelivered alerts and notices** ({len(pending.undelivered)})")
    for item in pending.undelivered[:10]:
        what = "alert" if item.kind == "alert" else "DM to the author"
        error = f": {escape_markdown(truncate(item.last_error, 120))}" if item.last_error else ""
        lines.append(
            f"• {what} #{item.id}, {item.attempts} attempt(s), next "
            f"<t:{int(item.next_attempt.timestamp())}:R>{error}"
        )
    return {
        "content": None,
        "embeds": [
            {
                "title": "Pending moderation",
                "description": truncate("\n".join(lines), LIMITS.embed_description),
                "color": MUTED,
            }
        ],
    }
