"""Rule 1's round-10 readings: sarcasm at a group's expense read as the claim it inverts, calm
calls to exclude ('better off without', 'keep them out'), exclusion carried by a question and
rankings framed as biology or statistics; and the ok counterparts that must stay allowed
(sarcasm at bigots, support for a group, debunked claims, look-alike phrasings). Cases written
for these tests, not from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.hate_rules import frame_patterns
from bot.moderation.domain.normalize import normalize


@pytest.mark.parametrize(
    "text",
    [
        "oh look, a Pakistani who pays his rent on time. alert the papers",
        "a Somali with a library card? must be a first",
        "wow the deaf kid finally managed to order a coffee, give him a medal for not getting lost",
        "sure, Romanians are SO trustworthy 🙄",
        "Nigerians are famously law-abiding /s",
        "well done to the Roma family upstairs for lasting a whole weekend without a police visit",
        "oh great, more Somalis arriving on the ferry",
        "the estate would be so much quieter without any Pakistanis on it",
        "this forum would be a nicer place if the lesbians just left",
        "imagine our town with no Somalis, heaven",
        "keep the Nigerians out of our cricket club",
        "never let Pakistanis into the fire brigade",
        "why do we keep hiring Romanians when they never turn up on time",
        "statistically Nigerians commit more fraud, it's just numbers",
        "it's basic biology, women are less logical than men",
        "ah yes, Nigerians, famously reliable",
        "Nigerians selling cars, totally not scammers",
        "Somalis lecturing everyone about hygiene, ok",
        "for the kids' sake, keep the gay teachers away from the school",
        "Pakistanis should never be hired as judges",
        "Korea should stop admitting Somalis",
        "house the Romanians in separate villages, far from us",
        "sorry but Nigerians are only good for fixing phones",
        "genetically, Somalis are built for manual work and little else",
        "Nigerians running a space agency? sure, and pigs will fly",
        "Somalis are famous for their honesty, sure.",
    ],
)
def test_sarcasm_and_calm_exclusion_are_caught(engine: ModerationEngine, text: str) -> None:
    assert any(h.rule == 1 for h in engine.check(MessageInput(text)).hits)


@pytest.mark.parametrize(
    "text",
    [
        "a Nigerian who won the marathon? amazing, huge congrats to him",
        "oh sure, because Pakistanis are the reason the buses are late",
        "the club would be better off without racists in it",
        "imagine a world without hatred of Nigerians",
        "the scheme keeps Pakistani kids out of poverty",
        "statistically, migrants are less likely to be hired, which is discrimination",
        "the claim that women are biologically less logical is junk science",
        "oh great, another rainy day in Busan",
        "we should hire more Nigerian engineers, the ones we have are brilliant",
        "Romanians deserve the same protection at work as anyone else",
        "for their safety, Somali refugees should never be deported",
        "Pakistani nurses shouldn't be in debt for their visas",
        "the Nigerian students won the robotics cup again",
        "I pray for the Somali families who lost their homes in the floods",
        "a Somali who won the chess cup for once, brilliant",
        "Nigerians are known for their generosity, we loved the wedding",
    ],
)
def test_their_counterparts_are_allowed(engine: ModerationEngine, text: str) -> None:
    verdict = engine.check(MessageInput(text))
    assert not any(h.rule == 1 for h in verdict.hits), verdict.hits


def test_an_eye_roll_reads_as_sarcasm_only_where_it_is() -> None:
    frames = frame_patterns()
    plain = "the sikhs are so law abiding"
    assert frames.with_laughter(plain, "the Sikhs are so law-abiding 🙄").endswith(" /s")
    assert frames.with_laughter(plain, "the Sikhs are so law-abiding") == plain


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("s 1 k h s are vermin", ("sikhs", "are", "vermin")),
        ("k 0 r e a n 5 s out", ("koreanss", "out")),
        ("grades a 1 b 2 c 3", ("grades", "a", "1", "b", "2", "c", "3")),
        ("1 2 3 go", ("1", "2", "3", "go")),
        ("plan a 1 b", ("plan", "a", "1", "b")),
    ],
)
def test_spaced_letters_with_leet_digits_are_one_word(text: str, tokens: tuple[str, ...]) -> None:
    assert normalize(text).tokens == tokens


def test_a_spaced_leet_name_is_read_as_the_group(engine: ModerationEngine) -> None:
    assert any(h.rule == 1 for h in engine.check(MessageInput("s 1 k h s are vermin")).hits)
