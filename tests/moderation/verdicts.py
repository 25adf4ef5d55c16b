"""What the engine does with a message, read the same way by the rule tests."""

from __future__ import annotations

from bot.moderation.domain import MessageInput, ModerationEngine


def rule1(engine: ModerationEngine, text: str) -> set[str]:
    """The actions rule 1 takes on ``text`` (empty: allowed by rule 1)."""
    return {h.effective_action.value for h in engine.check(MessageInput(text)).hits if h.rule == 1}
