"""/rules shows the community page's MODERATORS list as the page gives it: names or none."""

from __future__ import annotations

from pathlib import Path

from bot.archive.domain.seed_dump import CommunityProfile, Rule, parse_seed_dump
from bot.core.payloads import payload_to_text
from bot.search.render import rules_payload

SEED_PAGE = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("000_*.txt"))[0]


def _profile(moderators: tuple[str, ...]) -> CommunityProfile:
    return CommunityProfile(
        name="Example",
        description="News and talk.",
        rules=(Rule(1, "Be kind."),),
        founded=None,
        moderators=moderators,
    )


def test_named_moderators_are_listed_as_plain_text() -> None:
    payload = rules_payload(_profile(("kim_admin", "a*b*")))
    text = payload_to_text(payload)
    assert "Moderators: kim_admin, a*b*" in text
    assert "lists none" not in text
    # A name cannot format the embed: its markdown is escaped in the field Discord shows.
    assert payload["embeds"][0]["fields"][0]["value"] == "kim\\_admin, a\\*b\\*"


def test_an_empty_list_says_the_page_lists_none() -> None:
    assert "Moderators: The community page lists none." in payload_to_text(
        rules_payload(_profile(()))
    )


def test_the_shipped_page_s_list_is_read_not_assumed() -> None:
    profile = parse_seed_dump(SEED_PAGE.read_text(encoding="utf-8"), SEED_PAGE.name).profile
    text = payload_to_text(rules_payload(profile))
    expected = ", ".join(profile.moderators) if profile.moderators else "lists none"
    assert expected in text
