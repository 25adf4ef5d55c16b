"""Rule 1, round 17 (moderation37): 'orcs' for a people, 'yellow monkeys', and a starred slur
whose star runs hide more than one letter each ('nig**s' can only be 'niggers'). A state, army
or thing called an orc, ski slopes and a weak word hidden by stars are left alone. (A literal
'yellow monkey' toy is flagged too: the phrase is read as the slur wherever it stands, flag only.)
Cases written for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.detectors_hate import HateDetector


@pytest.mark.parametrize(
    "text",
    [
        "the Russians are orcs, all of them",
        "Belarusians are orcs too, the whole lot",
        "typical yellow monkeys running that factory",
        "look at the yellow monkeys on the parade ground",
        "I see you nig**s lol",
    ],
)
def test_a_people_as_orcs_and_animal_epithets_are_caught(
    engine: ModerationEngine, text: str
) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome != "allow", text
    assert verdict.rule == 1


@pytest.mark.parametrize(
    "text",
    [
        "typical yellow monkeys running that factory",
        "I see you nig**s lol",
    ],
)
def test_new_epithet_readings_only_flag(engine: ModerationEngine, text: str) -> None:
    assert engine.check(MessageInput(text=text)).outcome == "flag"


@pytest.mark.parametrize(
    "text",
    [
        "the MSS are orcs",
        "Wagner mercenaries are orcs",
        "orc figurines from the game sold out in Seoul",
        "the ski slopes near Masikryong are empty this winter",
        "golden snub-nosed monkeys are yellow, not the macaques",
        "calling Koreans 'yellow monkeys' is racist and the mods removed it",
    ],
)
def test_states_things_and_mentions_are_left_alone(engine: ModerationEngine, text: str) -> None:
    assert engine.check(MessageInput(text=text)).allowed, text


@pytest.mark.parametrize(
    ("token", "spells"),
    [
        ("nig**s", "niggers"),  # 'nigers' (squeezed) and 'niggas' (weak) are not on the list
        ("n*ggers", "niggers"),  # exact length first
        ("f*gs", "fags"),
        ("b***h", None),  # a weak word: never unmasked
        ("sh*t", None),
        ("n*****s", None),  # several slurs fit
    ],
)
def test_starred_word_spells_one_slur(token: str, spells: str | None) -> None:
    assert HateDetector()._repair.starred.unmask(token) == spells


@pytest.mark.parametrize(
    "text",
    [
        "> Nigerians are vermin, every one of them\nthis",
        "> Peruvians are animals\nexactly lol, always have been",
        "> lesbians are a disease\n^ this, never met a normal one",
        "> Hindus are subhuman\n100%, the whole lot",
    ],
)
def test_a_reply_opening_with_agreement_takes_on_the_quote(
    engine: ModerationEngine, text: str
) -> None:
    verdict = engine.check(MessageInput(text=text))
    assert verdict.outcome == "flag", (text, verdict.reason)
    assert verdict.rule == 1


@pytest.mark.parametrize(
    "text",
    [
        "> Nigerians are vermin, every one of them\nthis is exactly the racism rule 1 bans",
        "> Peruvians are animals\nexactly the kind of post that gets you banned, reported",
        "> lesbians are a disease\nyeah but no, that's the regime's line",
        "> Hindus are subhuman\nnope",
        "> the new sanctions package passed the senate\nthis, finally",
        "> the MSS are vermin\nexactly",
    ],
)
def test_a_reply_that_rejects_or_agrees_with_no_hate_is_left_alone(
    engine: ModerationEngine, text: str
) -> None:
    assert engine.check(MessageInput(text=text)).allowed, text
