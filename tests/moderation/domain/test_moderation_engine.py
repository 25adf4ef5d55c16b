"""The engine: harshest action wins, shadow mode, explain, spam, bad input, scale."""

from __future__ import annotations

import pytest

from bot.moderation.domain import (
    BUILTIN_FILTER_NAMES,
    Action,
    FilterHit,
    FilterSpec,
    MessageInput,
    ModerationEngine,
    SpamTracker,
    merge_hits,
)


def hit(action: Action, rule: int = 2, *, shadow: bool = False, name: str = "f") -> FilterHit:
    return FilterHit(name, rule, action, "x", "because", shadow)


def test_harshest_action_wins_and_names_its_rule() -> None:
    verdict = merge_hits([hit(Action.FLAG, 3), hit(Action.TIMEOUT, 1), hit(Action.WARN, 2)])
    assert verdict.outcome == "remove"
    assert verdict.rule == 1
    assert verdict.actions == (Action.TIMEOUT, Action.WARN, Action.FLAG)
    assert "rule 1" in verdict.reason


def test_warn_and_flag_only_flag() -> None:
    assert merge_hits([hit(Action.WARN)]).outcome == "flag"
    assert merge_hits([hit(Action.FLAG)]).outcome == "flag"
    assert merge_hits([]).outcome == "allow"


def test_shadow_hits_only_flag() -> None:
    verdict = merge_hits([hit(Action.TIMEOUT, shadow=True)])
    assert verdict.outcome == "flag"
    assert verdict.actions == (Action.FLAG,)
    assert "shadow" in verdict.reason


def test_shadow_filter_in_engine() -> None:
    spec = FilterSpec(1, "keyword", "spam", 2, Action.REMOVE, shadow=True, name="new")
    verdict = ModerationEngine([spec], builtins=False).check(MessageInput("spam spam"))
    assert verdict.outcome == "flag"
    assert verdict.hits[0].shadow


def test_explain_lists_every_filter_that_fires() -> None:
    specs = [
        FilterSpec(1, "keyword", "vermin", 1, Action.FLAG, name="word"),
        FilterSpec(2, "regex", r"muslims? are", 1, Action.WARN, name="rx"),
    ]
    names = {h.filter_name for h in ModerationEngine(specs).explain("Muslims are vermin")}
    assert {"word", "rx", "builtin:rule1-hate"} <= names


def test_builtin_names_and_disabling() -> None:
    assert "builtin:rule1-hate" in BUILTIN_FILTER_NAMES
    assert "builtin:rule3-denial" in BUILTIN_FILTER_NAMES
    assert "builtin:rule2-spam" in BUILTIN_FILTER_NAMES
    assert "builtin:rule1-slurs" in BUILTIN_FILTER_NAMES
    engine = ModerationEngine(disabled_builtins=["builtin:rule1-hate"])
    assert engine.check(MessageInput("Muslims are vermin")).allowed
    only_slurs_off = ModerationEngine(disabled_builtins=["builtin:rule1-slurs"])
    assert only_slurs_off.check(MessageInput("you faggot")).allowed
    assert not only_slurs_off.check(MessageInput("Muslims are vermin")).allowed


def test_builtin_action_override_and_shadow() -> None:
    softer = ModerationEngine(builtin_actions={"builtin:rule3-denial": Action.FLAG})
    assert softer.check(MessageInput("The famine never happened.")).outcome == "flag"
    shadowed = ModerationEngine(builtin_shadow=["builtin:rule1-hate"])
    verdict = shadowed.check(MessageInput("Muslims are vermin"))
    assert verdict.outcome == "flag"
    assert verdict.hits[0].shadow


def test_spam_can_be_disabled() -> None:
    engine = ModerationEngine(builtins=False, disabled_builtins=["builtin:rule2-spam"])
    mass = MessageInput("hi", mention_count=50)
    assert engine.check(mass, SpamTracker()).allowed


def test_custom_rule_names_appear_in_reason() -> None:
    engine = ModerationEngine(rules={1: "Be kind to everyone"})
    assert "Be kind to everyone" in engine.check(MessageInput("I hate women")).reason


def test_guild_engines_are_independent() -> None:
    guild_a = ModerationEngine([FilterSpec(1, "keyword", "pineapple", 2, Action.REMOVE)])
    guild_b = ModerationEngine()
    assert not guild_a.check(MessageInput("pineapple")).allowed
    assert guild_b.check(MessageInput("pineapple")).allowed


def test_spam_repeats_mentions_and_links() -> None:
    engine = ModerationEngine(builtins=False)
    tracker = SpamTracker()
    text = "buy cheap gold at my shop now"
    outcomes = [
        engine.check(MessageInput(text, author_id=1, timestamp=t), tracker).outcome
        for t in (0.0, 5.0, 10.0)
    ]
    assert outcomes == ["allow", "allow", "remove"]
    # Another author, and the same author after the window, start afresh.
    assert engine.check(MessageInput(text, author_id=2, timestamp=11.0), tracker).allowed
    assert engine.check(MessageInput(text, author_id=1, timestamp=500.0), tracker).allowed
    mass = MessageInput("hi all", author_id=3, mention_count=8, timestamp=1.0)
    assert engine.check(mass, tracker).outcome == "remove"
    links = " ".join(f"https://x{i}.example" for i in range(6))
    assert engine.check(MessageInput(links, author_id=4, timestamp=1.0), tracker).rule == 2


def test_spam_tracker_ignores_short_repeats_and_is_bounded() -> None:
    engine = ModerationEngine(builtins=False)
    tracker = SpamTracker()
    for t in range(5):
        assert engine.check(MessageInput("ok", author_id=1, timestamp=t * 20.0), tracker).allowed
    for author in range(tracker.limits.max_authors + 50):
        tracker.observe(MessageInput("hello there", author_id=author), engine_text("hello there"))
    assert len(tracker) == tracker.limits.max_authors


def engine_text(text: str):  # type: ignore[no-untyped-def]
    from bot.moderation.domain import normalize

    return normalize(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "😀" * 500,
        "z̴͉a̷l̶g̵o̸" * 200,
        "\x00" * 100,
        "you " * 1000,
        "so " * 2000,
        "a" * 4_000,
        "Muslims " * 500 + "are vermin",
        "(" * 2000,
        '"' * 3000,
    ],
)
def test_bad_input_is_handled(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text, attachment_count=1))
    assert verdict.outcome in ("allow", "flag", "remove")


def test_ten_thousand_filters() -> None:
    specs = [FilterSpec(i, "keyword", f"badword{i}", 2, Action.REMOVE) for i in range(9_900)] + [
        FilterSpec(10_000 + i, "regex", rf"evil{i}\d+", 2, Action.FLAG) for i in range(60)
    ]
    specs += [
        FilterSpec(20_000 + i, "example", f"example message number {i} about scams", 2, Action.FLAG)
        for i in range(40)
    ]
    engine = ModerationEngine(specs)
    assert not engine.rejected
    assert engine.check(MessageInput("this has badword9899 in it")).outcome == "remove"
    assert engine.check(MessageInput("evil59123")).outcome == "flag"
    assert engine.check(MessageInput("a perfectly normal message")).allowed
