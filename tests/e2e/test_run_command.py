"""`digestbot run` as an operator starts it: a subprocess pointed at the loopback Discord."""

from __future__ import annotations

import asyncio
import os
import signal
import sys

from tests.e2e.conftest import World, text_of
from tests.support import REPO, SEEDS


async def test_run_answers_ask_and_shuts_down_cleanly_on_sigterm(world: World) -> None:
    fake = world.fake
    env = {
        **os.environ,
        "DISCORD_TOKEN": fake.token,
        "DISCORD_API_BASE": fake.api_base,
        "DIGESTBOT_GUILD_IDS": str(world.guild.id),
        "DIGESTBOT_DB": str(world.db_path),
        "DIGESTBOT_SEEDS": str(SEEDS),
        "PYTHONPATH": str(REPO),
        "LOG_LEVEL": "INFO",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        # An empty database is seeded before the bot connects; then it syncs its commands.
        await fake.wait_for_request(
            "PUT",
            f"/applications/{fake.application_id}/guilds/{world.guild.id}/commands",
            timeout=60,
        )
        await fake.wait_for_ready(timeout=30)
        handle = await world.command(
            world.member,
            "ask",
            {"question": "How many people in North Korea have access to the internet?"},
        )
        reply = await handle.response(timeout=30)
        assert "fewer than 1,000" in text_of(reply)
        refused = await world.command(
            world.member,
            "filter add",
            {"kind": "keyword", "pattern": "x", "rule": 1, "action": "remove"},
            permission_override=True,
        )
        assert "Only moderators" in (await refused.response(timeout=30)).content
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    log = stderr.decode()
    assert process.returncode == 0, log[-2000:]
    assert "Traceback" not in log
    assert "shutting down" in log


async def test_rejected_token_is_one_line_and_exit_1(world: World) -> None:
    env = {
        **os.environ,
        "DISCORD_TOKEN": "not-the-right-token",
        "DISCORD_API_BASE": world.fake.api_base,
        "DIGESTBOT_DB": str(world.db_path),
        "DIGESTBOT_SEEDS": str(SEEDS),
        "PYTHONPATH": str(REPO),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    lines = [line for line in stderr.decode().splitlines() if line.startswith("digestbot:")]
    assert process.returncode == 1
    assert lines == [lines[0]] and "Discord rejected DISCORD_TOKEN" in lines[0]
    assert "Traceback" not in stderr.decode()
