"""Filters as moderators write them: options to FilterSpecs, validation, YAML/JSON import and export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import yaml

from bot.moderation.domain import (
    FILTER_KINDS,
    Action,
    FilterSpec,
    FilterValidationError,
    validate_filter,
)

FILTER_ACTIONS = ("remove", "flag", "warn", "timeout")


class ModerationError(ValueError):
    """A moderator's request cannot be done; the message says why and what would work."""


def validate_spec(spec: FilterSpec) -> None:
    try:
        validate_filter(spec.kind, spec.pattern, spec.allow_list)
    except FilterValidationError as exc:
        raise ModerationError(exc.reason) from exc


def validate_specs(specs: Sequence[FilterSpec]) -> None:
    for position, spec in enumerate(specs, start=1):
        try:
            validate_spec(spec)
        except ModerationError as exc:
            raise ModerationError(f"filter {position}: {exc}") from exc


def make_filter_spec(
    kind: str,
    pattern: str,
    rule: int,
    action: str,
    allow_list: Sequence[str] = (),
    shadow: bool = True,
    name: str | None = None,
) -> FilterSpec:
    """A FilterSpec from a moderator's options, with a sentence for each bad value."""
    if kind not in FILTER_KINDS:
        raise ModerationError(f"the kind must be one of {', '.join(FILTER_KINDS)}, not {kind!r}")
    if rule not in (1, 2, 3):
        raise ModerationError(f"the rule must be 1, 2 or 3, not {rule}")
    if action not in FILTER_ACTIONS:
        raise ModerationError(
            f"the action must be one of {', '.join(FILTER_ACTIONS)}, not {action!r}"
        )
    if not pattern.strip():
        raise ModerationError("the pattern is empty: give a keyword, a regex or an example")
    return FilterSpec(
        id=0,
        kind=kind,
        pattern=pattern,
        rule=rule,
        action=Action(action),
        allow_list=tuple(a.strip() for a in allow_list if a.strip()),
        shadow=shadow,
        name=(name or "").strip()[:80] or None,
    )


def filter_to_record(spec: FilterSpec) -> dict[str, Any]:
    record: dict[str, Any] = {
        "kind": spec.kind,
        "pattern": spec.pattern,
        "rule": spec.rule,
        "action": spec.action.value,
    }
    if spec.name:
        record["name"] = spec.name
    if spec.allow_list:
        record["allow_list"] = list(spec.allow_list)
    record["shadow"] = spec.shadow
    if not spec.enabled:
        record["enabled"] = False
    return record


_RECORD_KEYS = {"kind", "pattern", "rule", "action", "name", "allow_list", "shadow", "enabled"}


def parse_filter_document(text: str) -> list[FilterSpec]:
    """Filters from a YAML/JSON export ({"filters": [...]} or a bare list)."""
    try:
        document = yaml.safe_load(text)  # JSON is YAML, so one parser reads both
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ModerationError(f"the filter file is not valid YAML or JSON{where}") from exc
    records = document.get("filters") if isinstance(document, dict) else document
    if not isinstance(records, list):
        raise ModerationError("the filter file must hold a list of filters under 'filters'")
    specs: list[FilterSpec] = []
    for position, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise ModerationError(f"filter {position}: expected a mapping of kind, pattern, rule")
        unknown = set(record) - _RECORD_KEYS
        if unknown:
            raise ModerationError(f"filter {position}: unknown key(s) {', '.join(sorted(unknown))}")
        try:
            spec = make_filter_spec(
                str(record.get("kind", "")),
                str(record.get("pattern", "")),
                int(record.get("rule", 0)),
                str(record.get("action", "flag")),
                [str(a) for a in record.get("allow_list") or []],
                bool(record.get("shadow", False)),
                record.get("name"),
            )
        except (ModerationError, ValueError, TypeError) as exc:
            raise ModerationError(f"filter {position}: {exc}") from exc
        specs.append(replace(spec, enabled=bool(record.get("enabled", True))))
    return specs
