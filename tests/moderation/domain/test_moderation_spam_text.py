"""Rule-2 spam caught from a message's own text: no history, no Discord mention counts."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.detectors_spam import SpamTextDetector, lookalike
from bot.moderation.domain.names import SPAM_FILTER_NAME
from bot.moderation.domain.normalize import normalize


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("@everyone @everyone @everyone free nitro https://discord.gift/abc", "remove"),
        ("Free Nitro for everyone who clicks: https://discord-nitro-gift.ru/claim", "remove"),
        ("check this out https://dlscord.gift/xyz", "remove"),
        ("steam gift card giveaway, claim your skins https://steamcommunnity.com/gift", "remove"),
        ("@here @everyone join https://discord.gg/abcd", "remove"),
        (" ".join(f"https://spam{i}.example/x" for i in range(20)), "remove"),
        ("join our server https://discord.gg/abcd", "flag"),
        ("@everyone the digest is out", "flag"),
        # Any case, and beside non-ASCII text (the detector's substring pre-check).
        ("JOIN OUR SERVER WWW.DISCORD.GG/ABCD", "flag"),
        ("Free NITRO: HTTPS://DLSCORD.GIFT/xyz", "remove"),
        ("rejoignez le serveur très vite Discord.gg/abcd", "flag"),
        (" ".join(f"https://example.com/{i}" for i in range(6)), "flag"),
    ],
)
def test_spam_from_text_alone(engine: ModerationEngine, text: str, outcome: str) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome == outcome, verdict.reason
    assert verdict.rule == 2
    assert any(h.filter_name == SPAM_FILTER_NAME for h in verdict.hits)


@pytest.mark.parametrize(
    "text",
    [
        "Good explainer: https://www.nknews.org/2024/01/some-article and the COI report",
        "my nitro ran out lol",
        "email me at someone@example.com",
        "see https://discord.com/channels/1/2 for the thread",
        "the steam sale is on https://store.steampowered.com/",
        "@mod can you pin this?",
    ],
)
def test_ordinary_links_and_mentions_pass(engine: ModerationEngine, text: str) -> None:
    assert engine.check(MessageInput(text=text)).allowed


def test_lookalike_domains() -> None:
    assert lookalike("dlscord.gift") == "discord.gift"
    assert lookalike("discordapp.com") == ""
    assert lookalike("cdn.discordapp.com") == ""
    assert lookalike("nknews.org") == ""


def test_evidence_quotes_the_message() -> None:
    hits = SpamTextDetector().detect(normalize("@everyone @everyone free nitro https://x.gift/a"))
    assert all(len(h.matched) <= 80 for h in hits)
    assert any("free nitro" in h.matched for h in hits)
