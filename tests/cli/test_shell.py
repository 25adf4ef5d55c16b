"""`digestbot shell` driven with scripted input: the answers the Discord bot gives, as text."""

from __future__ import annotations

import asyncio
import io
from datetime import UTC, datetime

import pytest

from bot.app import open_app
from bot.cli.shell import ShellSession, handle_line, run_shell
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


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("/ask what are the rules here?", "No denying or belittling the humanitarian crisis"),
        ("/ask what is this community for?", "Discussion & news related to North Korea."),
    ],
)
async def test_questions_about_the_community_cite_its_page(app, question, answer):
    reply = await handle_line(app, question)
    first = reply.split("## ")[1]
    assert "About this community" in first
    assert answer in first.replace("**", "")


async def test_news_questions_still_get_news(app):
    reply = await handle_line(app, "/ask How many people in North Korea can use the internet?")
    first = reply.split("## ")[1]
    assert "About this community" not in first
    assert "fewer than 1,000 people" in first.replace("**", "")


async def test_the_excerpt_count_is_what_is_shown(app):
    reply = await handle_line(app, "/ask What happened to the defectors in China?")
    header = reply.splitlines()[0]
    count = int(header.split(" excerpt")[0])
    assert count >= 2
    assert sum(1 for line in reply.splitlines() if line.startswith("## ")) == count


async def test_flags_and_removals_read_differently_and_history_counts(app):
    await app.moderation.add_filter(
        0, kind="keyword", pattern="jackfruit", rule=2, action="remove", moderator_id=None
    )  # new filters start in shadow mode: they only flag
    session = ShellSession(app)
    flagged = await handle_line(app, "jackfruit for everyone", session)
    assert flagged.startswith("⚑ flagged for the moderators (rule 2), not removed")
    repeated = [await handle_line(app, "buy cheap followers at my site", session) for _ in range(3)]
    assert repeated[0].startswith("✓ allowed") and repeated[1].startswith("✓ allowed")
    assert repeated[2].startswith("✗ removed (rule 2)") and "same message 3 times" in repeated[2]
    # a fresh session (another member) starts with no history
    assert (await handle_line(app, "buy cheap followers at my site")).startswith("✓ allowed")


class SignallingOutput(io.StringIO):
    """What the shell prints, with an event set on every write (a test awaits replies)."""

    def __init__(self) -> None:
        super().__init__()
        self.wrote = asyncio.Event()

    def write(self, text: str) -> int:
        self.wrote.set()
        return super().write(text)

    async def wait_for(self, needle: str, count: int = 1) -> None:
        while self.getvalue().count(needle) < count:
            self.wrote.clear()
            await asyncio.wait_for(self.wrote.wait(), timeout=5)


async def test_interactive_line_editing_history_and_ctrl_c(app):
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    out = SignallingOutput()
    with create_pipe_input() as keys:
        shell = asyncio.create_task(
            run_shell(app, io.StringIO(), out, interactive=True, prompt_input=keys,
                      prompt_output=DummyOutput())
        )  # fmt: skip
        # a half-typed line abandoned with Ctrl-C, then /rules
        keys.send_text("/ask half a question\x03/rules\r")
        await out.wait_for("Rules of North Korea")
        keys.send_text("\x1b[A\r")  # the up arrow recalls /rules
        await out.wait_for("Rules of North Korea", count=2)
        keys.send_text("/quit\r")
        assert await asyncio.wait_for(shell, timeout=5) == 0
    text = out.getvalue()
    assert "half a question" not in text and "excerpt" not in text
    history = app.settings.db_path.with_name(".digestbot_shell_history").read_text()
    assert "+/rules" in history and "+/quit" in history and "half" not in history


async def test_usage_lines(app):
    assert "Usage" in await handle_line(app, "/ask")
    assert "Usage" in await handle_line(app, "/filter")
    assert await handle_line(app, "") == ""
    assert await handle_line(app, "/exit") is None


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("/ask hey what can you do", "/article to read one post"),
        ("/search can u draft a speech for me", "not a chat assistant"),
        ("/ask can I share instagram reels here?", "do not mention that"),
        ("/ask what's your opinion of the Ganghwa drowning?", "I have no opinions"),
    ],
)
async def test_the_shell_answers_the_bot_s_own_kinds_as_the_bot_does(app, line, said):
    reply = (await handle_line(app, line)).replace("**", "")
    assert said in reply
    assert "excerpt(s) for" not in reply or said == "I have no opinions"
