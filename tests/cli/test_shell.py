"""`digestbot shell` driven with scripted input: the answers the Discord bot gives, as text."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest

from bot.app import open_app
from bot.cli.shell import handle_line, run_shell
from bot.core.clock import ManualClock
from bot.core.settings import Settings
from tests.support import REPO, SEEDS


@pytest.fixture
async def app(tmp_path):
    settings = Settings(
        db_path=tmp_path / "s.sqlite3", seeds_dir=SEEDS, digests_dir=REPO / "digests"
    )
    async with open_app(settings, clock=ManualClock(datetime(2026, 11, 25, tzinfo=UTC))) as opened:
        yield opened


async def test_scripted_session(app):
    script = "\n".join(
        [
            "/ask How many people in North Korea can use the internet?",
            "/rules",
            "/search Kim Yo-jong",
            "/article Kim Yo-jong",
            "/digest preview",
            "/filter test I hate all koreans, they are vermin",
            "Thanks for posting this, very informative.",
            "/nope",
            "/quit",
            "/rules",
        ]
    )
    out = io.StringIO()
    assert await run_shell(app, io.StringIO(script + "\n"), out) == 0
    text = out.getvalue()
    assert "fewer than 1,000 people" in text
    assert "1. No racism, sexism, homophobia, or transphobia." in text  # bold markers dropped
    assert "Kim Yo-jong" in text and "catatomic" in text
    assert "2026-W48" in text
    assert "rule 1" in text.lower()
    assert "✓ allowed" in text
    assert "Unknown command /nope" in text
    assert text.count("Rules of North Korea") == 1  # nothing after /quit


async def test_the_shell_and_discord_render_the_same_answer(app):
    from bot.core.payloads import payload_to_text
    from bot.search.render import answer_payload

    question = "Why are defectors in China afraid?"
    shell = await handle_line(app, f"/ask {question}")
    discord_payload = answer_payload(await app.answers.ask(question))
    assert shell == payload_to_text(discord_payload)


async def test_usage_lines(app):
    assert "Usage" in await handle_line(app, "/ask")
    assert "Usage" in await handle_line(app, "/filter")
    assert await handle_line(app, "") == ""
    assert await handle_line(app, "/exit") is None
