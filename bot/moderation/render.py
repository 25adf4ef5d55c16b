"""Moderation results as text and payloads (no discord import): verdicts, filter lists, tests."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.markup import LIMITS, escape_markdown, truncate
from bot.core.payloads import MUTED, Payload
from bot.moderation.domain import FilterHit, FilterSpec, Verdict

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
