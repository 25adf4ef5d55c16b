"""The architecture's size rule: no module of the bot over 400 lines (../shared/ARCHITECTURE.md).

A module that grows past it has more than one job; split it along the jobs, as
bot/moderation/domain/hate_findings.py and valence.py were split out of the rule-1 modules."""

from __future__ import annotations

from pathlib import Path

LIMIT = 400
BOT = Path(__file__).resolve().parents[1] / "bot"


def test_no_module_of_the_bot_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(BOT.parent)): len(path.read_text(encoding="utf-8").splitlines())
        for path in BOT.rglob("*.py")
    }
    assert sizes, "no modules found"
    over = {name: lines for name, lines in sizes.items() if lines > LIMIT}
    assert not over, f"modules over {LIMIT} lines: {over}"
