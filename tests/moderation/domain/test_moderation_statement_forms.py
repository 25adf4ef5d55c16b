"""Rule 1, round 20 (moderation46): classes of predicate, not sentences. A group said to be
made for service or denied a capacity by nature ('born to obey', "aren't wired for"), a group's
members reduced to looks or service ('docile', 'porcelain dolls', 'the perfect wife'), and a
member dismissed through an identity ascribed to them. All flagged, never removed; the
counter-stereotype, the agent and the plain praise stay allowed. Cases written for these
tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import ModerationEngine
from bot.moderation.domain.statement_forms import REDUCED, essence, reduce_roles
from tests.moderation.verdicts import rule1


@pytest.mark.parametrize(
    "text",
    [
        "Filipino women are born to serve, that's why Seoul hires them",
        "honestly women were built to cook and clean, not to negotiate treaties",
        "ladies are simply not cut out for running a ministry",
        "Japanese wives are so docile, the defectors should marry them",
        "those Thai girls are exotic little dolls, every tourist knows it",
        "Vietnamese women make the perfect wife for a farmer",
        "you're a lesbian, so nobody cares what you think about the summit",
        "he's a gay man, of course he defends the regime's fashion, ignore him",
        "keep the lesbians away from the kids at that camp, simple",
        "gay men around boys, what could go wrong",
    ],
)
def test_reduced_or_essential_claims_about_a_group_are_flagged(
    engine: ModerationEngine, text: str
) -> None:
    assert rule1(engine, text) == {"flag"}


@pytest.mark.parametrize(
    "text",
    [
        "gay people are born this way and the regime should accept it",
        "women are not meant to be silent about the border guards",
        "defector women are made to work by the brokers, it is forced labour",
        "women make great engineers, look at the KAIST graduates",
        "Korean women are beautiful and brave",
        "you're Korean, so you can read the original KCNA text for us",
        "you're gay and you still posted the source, thanks",
        "women aren't built to be oppressed, and the markets prove it",
        "trans kids in Seoul schools need counsellors who know the issues",
        "lesbian couples adopting children is legal in more countries every year",
    ],
)
def test_counter_stereotypes_agents_and_praise_stay_allowed(
    engine: ModerationEngine, text: str
) -> None:
    assert rule1(engine, text) == set()


def test_essence_reads_denial_and_service() -> None:
    assert essence(["are", "born", "to", "obey"]) == ([REDUCED], False)
    assert essence(["just", "aren't", "wired", "for", "command"]) == (["command"], True)
    assert essence(["are", "born", "this", "way"]) is None
    assert essence(["are", "made", "to", "work", "by", "the", "regime"]) is None
    assert essence(["born", "to", "obey"]) is None  # no copula: not said of the group


def test_roles_read_only_after_praise() -> None:
    assert reduce_roles(["make", "the", "ideal", "wife"]) == ["make", "the", REDUCED, "wife"]
    assert reduce_roles(["are", "wives", "and", "mothers"]) == ["are", "wives", "and", "mothers"]
    assert reduce_roles(["make", "great", "engineers"]) == ["make", "great", "engineers"]


def _examples(name: str) -> list[tuple[str, str]]:
    import json
    from importlib import resources

    resource = resources.files("bot.moderation").joinpath("data", "predicates_rule1.json")
    return [tuple(e) for e in json.loads(resource.read_text(encoding="utf-8"))["examples"][name]]


@pytest.mark.parametrize(("clause", "reading"), _examples("reads") + _examples("does_not_read"))
def test_the_data_files_examples(clause: str, reading: str) -> None:
    from bot.moderation.domain.hate_lexicon import load_lexicon
    from bot.moderation.domain.hate_reading import own_valences
    from bot.moderation.domain.statements import read_clause

    said = read_clause(clause, "them", own_valences(load_lexicon()))
    assert said is not None
    found = "contempt" if said.contempt else "denies" if said.denies_positive else ""
    assert found == reading
