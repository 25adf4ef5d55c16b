"""Every example in the readings' data files (data/korean_reading.json, data/chinese_reading.json,
data/japanese_reading.json):
the "rule3_flag" / "rule1_flag" lines give their rule's cue, the "_allow" lines give none."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

from bot.moderation.domain import chinese, japanese, korean

READINGS: tuple[ModuleType, ...] = (korean, chinese, japanese)


def _cases() -> list[tuple[str, str, str, bool]]:
    cases = []
    for module in READINGS:
        examples = module.reading_data()["examples"]
        for key in ("rule3_flag", "rule3_allow", "rule1_flag", "rule1_allow"):
            cue = "denial_cue" if key.startswith("rule3") else "hate_cue"
            cases += [
                (module.__name__, cue, text, key.endswith("flag")) for text in examples.get(key, [])
            ]
    return cases


@pytest.mark.parametrize(("module", "cue", "text", "flags"), _cases())
def test_data_examples(module: str, cue: str, text: str, flags: bool) -> None:
    reading = next(m for m in READINGS if m.__name__ == module)
    read: Callable[[str], str] = getattr(reading, cue)
    assert bool(read(text)) is flags
