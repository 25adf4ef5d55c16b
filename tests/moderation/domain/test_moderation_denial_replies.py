"""Rule 3 on what the statement patterns cannot read alone: short replies against what they
answer, scare quotes around the crisis's words, and crisis words about the speaker's own life."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_scare_quotes import scare_quote_hit
from bot.moderation.domain.names import DENIAL_FILTER_NAME
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action

ENGINE = ModerationEngine()


def rule3(text: str, replied: str | None = None) -> list[str]:
    verdict = ENGINE.check(MessageInput(text=text, replied_text=replied))
    hits = verdict.hits_for_rule(3)
    assert all(hit.action is Action.FLAG for hit in hits), hits  # never removed on this alone
    return [hit.record for hit in hits]


@pytest.mark.parametrize(
    ("replied", "reply"),
    [
        ("Children in Ryanggang were foraging for grass roots last spring.", "no they werent"),
        ("the new UN report on detention centres is out", "yeah and it is all made up"),
        ("Two million died in the famine.", "source? trust me bro"),
    ],
)
def test_a_dismissive_reply_to_the_crisis_is_flagged(replied: str, reply: str) -> None:
    assert rule3(reply, replied)
    # The same answer quoting its line ('> ...') reads the same way.
    assert rule3(f"> {replied}\n{reply}")


@pytest.mark.parametrize(
    ("replied", "reply"),
    [
        ("Did anyone see the match last night? We won 3-0", "lol that never happened"),
        ("KCNA says this year's harvest broke every record", "never happened lol"),
        ("state media claims every family got extra rations", "its all made up anyway"),
        # Round 10's model read this answer at 0.74, over the reply bar (0.65); an xfail until
        # round 15, whose flag bar (denial_model.THRESHOLD 0.70) and retrained model clear it.
        # Round 16's model marks negated words ('not !happy !about !it': denial_marks) and has
        # no weight for '!happy', where the plain model's 'happy' pulled down: it reads 0.84.
        pytest.param(
            "the new UN report on detention centres is out",
            "they were not happy about it",
            marks=pytest.mark.xfail(strict=True, reason="negation marks lose 'happy' (0.84)"),
        ),
    ],
)
def test_replies_to_other_things_or_to_the_regime_are_not(replied: str, reply: str) -> None:
    assert rule3(reply, replied) == []


def test_context_words_need_the_crisis_to_be_known() -> None:
    # 'They were not.' could answer anything: only flagged against an account of the crisis.
    assert rule3("they were not.") == []
    assert rule3("they were not.", "People were eating tree bark in Hamgyong.")
    # A sweeping 'never happened' stands alone: a moderator reads the thread.
    assert rule3("nah, none of that ever happened") == ["reply-02"]


@pytest.mark.parametrize(
    "text",
    [
        "the 'malnourished' kids on that poster look pretty healthy to me",
        'every year a new "famine" right before the donor conference',
        "our brave 'witnesses' forgot their lines again",
    ],
)
def test_scare_quotes_around_the_crisis_are_flagged(text: str) -> None:
    # The message is flagged (by the model when it reads it as denial too) ...
    assert rule3(text)
    # ... and the scare-quote reading finds it on its own.
    assert scare_quote_hit(DENIAL_FILTER_NAME, normalize(text)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "is 'famine' the right word for 2024, or is chronic food insecurity more accurate?",
        'the "crisis actors" smear against survivors is vile',
        "He called it a 'hoax'. It was not: the WFP fed millions for a decade.",
    ],
)
def test_quotes_that_discuss_the_word_or_rebut_are_not(text: str) -> None:
    assert "scare-quote" not in rule3(text)


@pytest.mark.parametrize(
    "text",
    [
        "my flat is basically a prison cell lol",
        "soccer camp this week nearly killed me lmao",
        "my dog acts like theres a famine whenever i open the fridge",
    ],
)
def test_crisis_words_about_the_speakers_own_life_are_chat(text: str) -> None:
    assert rule3(text) == []


def test_the_same_words_about_north_korea_are_read() -> None:
    verdict = ENGINE.check(MessageInput(text="lol north korea's camps are basically summer camp"))
    assert verdict.hits_for_rule(3)


@pytest.mark.parametrize(
    "text",
    [
        "oh sure, the camps never existed, that's why the satellites keep finding guard towers",
        "ah yes, the famine was made up, and the ration cuts announced on state TV too I suppose",
    ],
)
def test_mock_agreement_with_a_denial_mocks_the_deniers(text: str) -> None:
    assert rule3(text) == []


def test_mock_agreement_that_concedes_and_then_denies_is_still_read() -> None:
    verdict = ENGINE.check(
        MessageInput(text="sure, a few people went hungry, but the famine never happened")
    )
    assert verdict.hits_for_rule(3)


def test_a_quoted_denial_answered_with_evidence_is_not_the_members_denial() -> None:
    text = "> the famine is western propaganda\nthe WFP ran food aid there for twenty years. read."
    assert rule3(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "the article says 'starvation' but the source is one anonymous trader, wait for more",
        "mods, someone keeps saying the camps are 'summer resorts' in general, can you look",
        "lift the sanctions on fertiliser, farmers in Hwanghae are going hungry over politics",
        "this state is one big prison and everyone inside knows it",
    ],
)
def test_reports_of_quotes_and_plain_statements_of_suffering_are_not_denial(text: str) -> None:
    assert rule3(text) == []


def test_a_members_mom_is_not_an_insult_unless_it_is_one() -> None:
    def harassment(text: str) -> list[str]:
        verdict = ENGINE.check(MessageInput(text=text))
        return [h.filter_name for h in verdict.hits if h.filter_name.endswith("harassment")]

    assert harassment("thanks for sharing your mom's story, it matters") == []
    assert harassment("your mom")


# A reply naming no crisis word is judged against what it answers, whether it quotes it
# ('> ...') or is a Discord reply: against an account of the crisis it is on the crisis.
@pytest.mark.parametrize(
    ("replied", "reply"),
    [
        (
            "my brother was shot at the river crossing in 2019",
            "should have stayed home then, rules are rules",
        ),
        ("dozens died of hunger in Kilju county this winter", "psyop"),
        (
            "hospitals in the provinces have no anaesthetic",
            "they have better hospitals than we do, relax",
        ),
    ],
)
def test_an_answer_waving_away_an_account_is_flagged(replied: str, reply: str) -> None:
    assert rule3(f"> {replied}\n{reply}")
    assert rule3(reply, replied)


@pytest.mark.parametrize(
    ("replied", "reply"),
    [
        # the same dismissal of something else
        ("our team finally won the derby", "psyop"),
        ("should have stayed home then, rules are rules", "psyop"),
        # sympathy, agreement and sources under an account
        (
            "she escaped with her two kids through Laos",
            "that took incredible courage, I hope they are safe now",
        ),
        (
            "my brother was shot at the river crossing",
            "I'm so sorry. Nobody should have to risk that to leave",
        ),
        (
            "hospitals in the provinces have no anaesthetic",
            "that matches what the WHO reported in 2019",
        ),
        ("the new UN report on detention centres is out", "same here"),
        # dismissing a denial dismisses the denial
        ("the famine never happened", "lmao ok. next"),
    ],
)
def test_other_answers_are_not(replied: str, reply: str) -> None:
    assert rule3(f"> {replied}\n{reply}") == []
    assert rule3(reply, replied) == []


def test_the_answer_alone_is_read_without_the_account() -> None:
    # Without what it answers, 'psyop' is one word and says nothing of the crisis.
    assert rule3("psyop") == []
