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


async def test_an_import_past_the_limit_names_what_is_already_there(tmp_path) -> None:
    import json

    from bot.moderation.config import MAX_FILTERS_PER_GUILD
    from bot.moderation.specs import ModerationError

    settings = Settings(
        db_path=tmp_path / "i.sqlite3", seeds_dir=tmp_path / "none", digests_dir=REPO / "digests"
    )
    async with open_app(settings, seed=False, start_index=False) as app:
        for word in ("durian", "jackfruit", "mangosteen"):
            await app.moderation.add_filter(
                1, kind="keyword", pattern=word, rule=2, action="flag", moderator_id=None
            )
        document = {
            "version": 1,
            "filters": [
                {"kind": "keyword", "pattern": f"w{n}x", "rule": 2, "action": "flag"}
                for n in range(MAX_FILTERS_PER_GUILD)
            ],
        }
        with pytest.raises(ModerationError) as refused:
            await app.moderation.import_filters(1, json.dumps(document), moderator_id=None)
        assert "10,000 filters into a server that has 3" in str(refused.value)
        assert len(await app.moderation.list_filters(1)) == 3  # nothing half-imported
