"""What the engine decides: actions, the hits that led to them, and the merged verdict."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

Outcome = Literal["allow", "flag", "remove"]

#: The community's rules, from the seed page; moderators may rename them per guild.
DEFAULT_RULES: Mapping[int, str] = {
    1: "No racism, sexism, homophobia, or transphobia",
    2: "Follow Lemmy's Code of Conduct: no insulting, harassing, threatening or spamming",
    3: "No denying or belittling the humanitarian crisis in North Korea",
}


class Action(StrEnum):
    """What should happen to a message; ``severity`` orders them so the harshest wins."""

    ALLOW = "allow"
    FLAG = "flag"
    WARN = "warn"
    REMOVE = "remove"
    TIMEOUT = "timeout"

    @property
    def severity(self) -> int:
        """0 for allow up to 4 for timeout."""
        return _SEVERITY[self]


_SEVERITY: dict[Action, int] = {
    Action.ALLOW: 0,
    Action.FLAG: 1,
    Action.WARN: 2,
    Action.REMOVE: 3,
    Action.TIMEOUT: 4,
}


@dataclass(frozen=True, slots=True)
class FilterHit:
    """One filter (moderator-written or built-in) that fired on a message.

    ``matched`` is the normalised text that matched (so a disguised 'n1gg3r' shows as the word it
    spells), for built-in detectors the phrase with some context, up to about 80 characters;
    ``reason`` is a short phrase saying why, for moderators.
    """

    filter_name: str
    rule: int
    action: Action
    matched: str
    reason: str
    shadow: bool
    #: The declarative pattern record that fired (bot/moderation/rules/*.yaml), or "".
    record: str = ""

    @property
    def effective_action(self) -> Action:
        """A shadow filter only ever flags, whatever action it is configured with."""
        if self.action is Action.ALLOW:
            return Action.ALLOW
        return Action.FLAG if self.shadow else self.action


@dataclass(frozen=True, slots=True)
class Verdict:
    """The merged decision on one message.

    ``outcome`` is "remove" when the harshest effective action is remove or timeout, "flag" for
    flag or warn, else "allow". ``actions`` are the distinct effective actions, harshest first
    (empty when allowed); ``rule`` is the rule of the harshest hit.
    """

    outcome: Outcome
    rule: int | None
    hits: tuple[FilterHit, ...]
    actions: tuple[Action, ...]
    reason: str

    @property
    def allowed(self) -> bool:
        """True when nothing should happen to the message."""
        return self.outcome == "allow"

    def hits_for_rule(self, rule: int) -> tuple[FilterHit, ...]:
        """The hits tied to one rule."""
        return tuple(hit for hit in self.hits if hit.rule == rule)


ALLOW_VERDICT = Verdict(outcome="allow", rule=None, hits=(), actions=(), reason="No rule applies.")


def merge_hits(hits: Iterable[FilterHit], rules: Mapping[int, str] = DEFAULT_RULES) -> Verdict:
    """Merge hits into one verdict: the harshest effective action wins.

    Ties between equally harsh hits go to the first one, so callers list moderator filters before
    built-in detectors (a moderator's own wording of the problem is the better explanation).
    """
    ordered = tuple(hits)
    if not ordered:
        return ALLOW_VERDICT  # nearly every message: one shared verdict, equal to a new one
    effective = [hit for hit in ordered if hit.effective_action is not Action.ALLOW]
    if not effective:
        return Verdict("allow", None, ordered, (), ALLOW_VERDICT.reason)
    top = max(effective, key=lambda hit: hit.effective_action.severity)
    # max() keeps the first of equals, which is the documented tie-break.
    actions = tuple(sorted({hit.effective_action for hit in effective}, key=lambda a: -a.severity))
    harsh = top.effective_action.severity >= _SEVERITY[Action.REMOVE]
    outcome: Outcome = "remove" if harsh else "flag"
    return Verdict(outcome, top.rule, ordered, actions, describe_hit(top, rules))


def describe_hit(hit: FilterHit, rules: Mapping[int, str] = DEFAULT_RULES) -> str:
    """A sentence naming the rule and why the hit fired, fit for a DM or an alert."""
    rule_text = rules.get(hit.rule, "")
    named = f"rule {hit.rule} ({rule_text})" if rule_text else f"rule {hit.rule}"
    shadow = " [shadow mode: flag only]" if hit.shadow else ""
    return f"This message breaks {named}: {hit.reason} (filter {hit.filter_name}).{shadow}"
