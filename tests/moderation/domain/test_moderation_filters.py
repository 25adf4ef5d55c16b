"""Moderator filters: validation with reasons, AutoMod keyword semantics, allow lists, RE2."""

from __future__ import annotations

import pytest

from bot.moderation.domain import (
    Action,
    FilterSpec,
    FilterValidationError,
    MessageInput,
    ModerationEngine,
    validate_filter,
)


def keyword(pattern: str, *, allow: tuple[str, ...] = (), fid: int = 1) -> FilterSpec:
    return FilterSpec(fid, "keyword", pattern, 2, Action.REMOVE, allow_list=allow)


def fires(spec: FilterSpec, text: str) -> bool:
    engine = ModerationEngine([spec], builtins=False)
    return not engine.check(MessageInput(text)).allowed


@pytest.mark.parametrize(
    ("kind", "pattern", "words"),
    [
        ("regex", "(a+)+$", "repeats a group"),
        ("regex", "(a*b)*", "repeats a group"),
        ("regex", "(?=x)y", "not valid RE2"),
        ("regex", r"(\w)\1", "not valid RE2"),
        ("regex", "x*", "matches an empty message"),
        ("regex", "a" * 600, "limit is"),
        ("regex", "((a{100}){100}){100}", "not valid RE2"),
        ("regex", "[a-z]{500}[0-9]{500}", "too costly"),
        ("keyword", "a*b", "may only start or end"),
        ("keyword", "*ab*", "at least 3 letters"),
        ("keyword", "***", "needs some letters"),
        ("keyword", "😀", "no letters or digits"),
        ("keyword", "x" * 61, "longer than 60"),
        ("example", "bad", "too short"),
        ("bogus", "x", "Unknown filter kind"),
        ("keyword", "   ", "empty"),
    ],
)
def test_validation_refuses_with_a_reason(kind: str, pattern: str, words: str) -> None:
    with pytest.raises(FilterValidationError) as excinfo:
        validate_filter(kind, pattern)
    assert words in excinfo.value.reason
    assert excinfo.value.reason.endswith((".", "'"))


@pytest.mark.parametrize(
    ("kind", "pattern", "caught", "passed"),
    [
        ("regex", r"discord\.gg/\w+", "join discord.gg/abc now", "discord is down"),
        ("regex", r"\b(buy|cheap) (followers|likes)\b", "cheap likes here", "I like cheap food"),
        ("keyword", "scam, free nitro, *coin*", "FREE NITRO for all", "nitrogen levels"),
        ("keyword", "scam, free nitro, *coin*", "buy bitcoin today", "a discount coupon"),
        (
            "example",
            "the famine never happened and the camps are fake",
            "the camps are fake and the famine never happened",
            "the famine in the 1990s killed many people",
        ),
    ],
)
def test_valid_filters_pass_and_then_catch_what_they_name(
    kind: str, pattern: str, caught: str, passed: str
) -> None:
    validate_filter(kind, pattern)  # raises for an invalid filter
    engine = ModerationEngine([FilterSpec(1, kind, pattern, 2, Action.FLAG)], builtins=False)
    assert engine.explain(caught), f"{pattern!r} should catch {caught!r}"
    assert not engine.explain(passed), f"{pattern!r} should not catch {passed!r}"


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("ass", "you ass", True),
        ("ass", "a$$", True),
        ("ass", "asssss", True),
        ("ass", "as I said", False),
        ("ass", "assistance", False),
        ("ass*", "assistance", True),
        ("ass*", "class", False),
        ("*ass", "class", True),
        ("*ass", "assistance", False),
        ("*ass*", "classic", True),
        ("free nitro", "get FREE   N1TRO here", True),
        ("free nitro", "free nitrogen", False),
        ("free nitro*", "free nitrogen", True),
    ],
)
def test_keyword_semantics_follow_automod(pattern: str, text: str, expected: bool) -> None:
    assert fires(keyword(pattern), text) is expected


def test_allow_list_excuses_the_covering_word() -> None:
    spec = keyword("*ass*", allow=("assistance", "class*"))
    assert not fires(spec, "I need assistance with my classes")
    assert fires(spec, "kiss my ass")


def test_regex_runs_on_normalised_text_and_reports_match() -> None:
    spec = FilterSpec(7, "regex", r"discord\.gg/\w+", 2, Action.FLAG, name="invites")
    verdict = ModerationEngine([spec], builtins=False).check(MessageInput("Join DISCORD.GG/abc!"))
    assert verdict.outcome == "flag"
    assert verdict.hits[0].filter_name == "invites"
    assert verdict.hits[0].matched == "discord.gg/abc"


def test_example_filter_catches_rewording_not_unrelated() -> None:
    spec = FilterSpec(
        3, "example", "the famine never happened, it is western propaganda", 3, Action.REMOVE
    )
    engine = ModerationEngine([spec], builtins=False)
    assert not engine.check(
        MessageInput("that famine never happened, pure western propaganda")
    ).allowed
    assert engine.check(MessageInput("the famine killed many people in the 1990s")).allowed


def test_rejected_stored_filters_are_reported_not_fatal() -> None:
    bad = FilterSpec(9, "regex", "(a+)+$", 2, Action.REMOVE)
    good = keyword("spam")
    engine = ModerationEngine([bad, good], builtins=False)
    assert [r.spec.id for r in engine.rejected] == [9]
    assert not engine.check(MessageInput("spam")).allowed


def test_disabled_filters_do_not_fire() -> None:
    spec = FilterSpec(1, "keyword", "spam", 2, Action.REMOVE, enabled=False)
    assert not fires(spec, "spam")
