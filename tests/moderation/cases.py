"""The moderation regression cases: labelled messages in tests/moderation/cases/*.jsonl.

They are test data only: nothing under training/ reads them (tests/test_training_data.py checks).
"""

from __future__ import annotations

import json
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent / "cases"

Case = tuple[str, str, int | None]  # (category, text, rule the message breaks, or None)


def load_cases(name: str = "functional") -> list[Case]:
    """Every case of ``cases/<name>.jsonl``, in file order."""
    cases: list[Case] = []
    path = CASES_DIR / f"{name}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases.append((row["category"], row["text"], row["rule"]))
    return cases


ALL_CASES = load_cases()
