"""Rule 1's reading of who speaks: a reply's own lines, and scare quotes that are no quoting."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.attribution import speaker_attribution
from bot.moderation.domain.normalize import normalize


def _always(_own: str) -> bool:
    return True


def _never(_own: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("text", "speaks", "expected"),
    [
        ("> they arrived last week\nthat's what I said", _always, ""),
        ("> they arrived last week\nthis is awful to read", _never, "quote"),
        ("> they arrived last week", _always, "quote"),
        ("sure, my 'cousin' is visiting again", _always, ""),
        ("he called them 'vermin' at the rally", _always, "quote"),
        ("the 'just biology' crowd is back", _always, "quote"),
    ],
)
def test_speaker_attribution(text: str, speaks: object, expected: str) -> None:
    assert speaker_attribution(normalize(text), speaks) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "> was the embassy open today?\nKurdish people, always the same story",
        "trans women are men, my trans 'mate' included",
    ],
)
def test_rule1_reads_the_speakers_own_words(text: str) -> None:
    assert not ModerationEngine().check(MessageInput(text=text)).allowed


def test_rule1_does_not_remove_a_condemning_reply() -> None:
    text = "> Kurds are vermin\nthat is dehumanising and going to the mods"
    assert ModerationEngine().check(MessageInput(text=text)).outcome != "remove"
