"""Moderators type keywords with capitals; members type in any case: both must meet."""

from __future__ import annotations

import pytest

from bot.app import open_app
from bot.core.settings import Settings
from tests.support import REPO


@pytest.mark.parametrize(
    ("pattern", "text", "caught"),
    [
        ("Durian", "I love durian", True),
        ("Durian", "DURIAN season!", True),
        ("durian", "Durian cake", True),
        ("Durian", "durians", False),  # a whole word: the plural is another word
        ("Durian*", "DURIANS everywhere", True),
        ("*Coin*", "free BitCoin here", True),
        ("Kim Jong", "kim jong un spoke", True),
        ("Durian", "a mango", False),
    ],
)
async def test_keyword_filters_ignore_case(tmp_path, pattern: str, text: str, caught: bool) -> None:
    settings = Settings(
        db_path=tmp_path / "k.sqlite3", seeds_dir=tmp_path / "none", digests_dir=REPO / "digests"
    )
    async with open_app(settings, seed=False, start_index=False) as app:
        await app.moderation.add_filter(
            1, kind="keyword", pattern=pattern, rule=2, action="remove", moderator_id=None,
            shadow=False,
        )  # fmt: skip
        verdict = await app.moderation.check_text(text, 1)
    assert (verdict.outcome == "remove") is caught, verdict.reason
