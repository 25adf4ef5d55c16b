"""The community page as a searchable entry: its description, rules and founding as sentences."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bot.archive.domain.community_page import (
    COMMUNITY_TITLE,
    community_article,
    community_version,
)
from bot.archive.domain.passages import split_passages
from bot.archive.domain.seed_dump import CommunityProfile, Rule, parse_seed_dump

SEED = next((Path(__file__).parents[2] / "seeds").glob("*.txt"))


def _profile() -> CommunityProfile:
    return parse_seed_dump(SEED.read_text(encoding="utf-8"), SEED.name).profile


def test_the_entry_holds_description_rules_and_founding() -> None:
    page = community_article(_profile())
    assert page is not None
    assert page.title == COMMUNITY_TITLE
    assert "Discussion & news related to North Korea." in page.body
    assert "Rule 1: No racism, sexism, homophobia, or transphobia." in page.body
    assert "Rule 3: No denying or belittling the humanitarian crisis in NK." in page.body
    assert "founded 1 year ago" in page.body


def test_the_rules_share_a_passage_apart_from_the_description() -> None:
    page = community_article(_profile())
    assert page is not None
    texts = [p.text for p in split_passages(page)]
    rules = [t for t in texts if "Rule 2:" in t]
    assert rules and all(f"Rule {n}:" in rules[0] for n in (1, 2, 3))
    assert not any("Rule 2:" in t for t in texts if "Discussion & news" in t)


def test_an_empty_page_is_no_entry_and_a_change_changes_the_version() -> None:
    empty = CommunityProfile(name="", description="", rules=(), founded=None)
    assert community_article(empty) is None
    profile = _profile()
    changed = dataclasses.replace(profile, rules=(*profile.rules, Rule(4, "Be kind.")))
    assert community_version(profile) != community_version(changed)
    assert community_version(profile) == community_version(_profile())
    assert community_version(None) == community_version(empty)


def test_the_page_s_reader_count_is_answerable_and_absent_when_unknown() -> None:
    profile = _profile()
    assert profile.readers == "55 readers"
    page = community_article(profile)
    assert page is not None and "listed 55 readers" in page.body
    unknown = community_article(dataclasses.replace(profile, readers=None))
    assert unknown is not None and "readers" not in unknown.body
    assert "founded 1 year ago" in unknown.body


def test_the_page_s_moderators_are_said_in_the_founding_sentence() -> None:
    profile = _profile()
    page = community_article(profile)
    assert page is not None and "its MODERATORS list empty." in page.body
    named = community_article(dataclasses.replace(profile, moderators=("alice", " bob ")))
    assert named is not None and "its MODERATORS list: alice, bob." in named.body
    texts = [p.text for p in split_passages(named)]
    # Still one sentence with the founding: the rules keep their own passage.
    assert any("founded 1 year ago" in t and "list: alice" in t for t in texts)
    assert any(all(f"Rule {n}:" in t for n in (1, 2, 3)) for t in texts)
