"""Rule 3's stance reading: affirming the crisis vetoes a model-only flag; visitors' anecdotes
and mockery of the victims are flagged (cases written for these tests, not taken from the
training or development files)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine
from bot.moderation.domain.denial_anecdotes import anecdote_hit
from bot.moderation.domain.denial_model import model_hit, strong_signal
from bot.moderation.domain.denial_stance import affirms_crisis
from bot.moderation.domain.detectors_denial import DENIAL_FILTER_NAME
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize
from bot.moderation.domain.verdict import Action

# A model that reads every message as denial at p = 0.90 (under the 'sure' bound): what is
# left unflagged is the stance reading's doing.
LIKELY = LinearTextModel(intercept=2.2, weights={"_": 0.0}, features="statement")


@pytest.mark.parametrize(
    "text",
    [
        "Clinics in the northern provinces ran out of medicine long ago and nobody restocks them.",
        "The security ministry sends whole families to the mines for one careless remark.",
        "Families along the Tumen still go hungry every lean season.",
        "Pyongyang cut rations to the northeast first, and the northeast paid for it.",
        "Returnees face interrogation and many end up in a labour camp.",
        "During the worst years people were eating tree bark and grass soup.",
        # The regime as the one who starves or lies ('its' reads as 'it is' once normalised).
        "Honestly the leadership is a mafia that starves its own people to pay for rockets.",
        "Rodong Sinmun keeps lying about the harvest every single autumn.",
    ],
)
def test_affirming_the_crisis_vetoes_a_model_only_flag(text: str) -> None:
    message = normalize(text)
    assert affirms_crisis(message)
    assert model_hit(DENIAL_FILTER_NAME, message, LIKELY) is None


@pytest.mark.parametrize(
    "text",
    [
        # minimising, whataboutism, justification, victim blaming: the phrase is not the
        # speaker's affirmation
        "A few villagers went hungry one winter, hardly a famine.",
        "People starve everywhere, I don't see why this country gets a thread every week.",
        "The ones who went hungry were the ones who refused to work, not the regime's fault.",
        "The state locks up traitors and they deserved every day of it.",
        "Every state locks up its troublemakers, Pyongyang is no different.",
        "If people starved, that was the price of independence.",
    ],
)
def test_minimising_or_justifying_does_not_count_as_affirming(text: str) -> None:
    assert not affirms_crisis(normalize(text))


def test_a_model_only_flag_stands_against_a_minimised_affirmation() -> None:
    message = normalize("A few villagers in North Korea went hungry one winter, hardly a famine.")
    hit = model_hit(DENIAL_FILTER_NAME, message, LIKELY)
    assert hit is not None and hit.action is Action.FLAG


@pytest.mark.parametrize(
    "text",
    [
        "my uncle took a Koryo trip and said the children all looked healthy and happy",
        "Spent a week in Rason, not a single skinny kid anywhere. so much for the starving "
        "millions",
        "watched three vlogs from Hamhung and everyone seemed well fed to me",
        "went to Sinuiju last year, saw no sign of hunger anywhere, the stories are nonsense",
    ],
)
def test_a_visitors_anecdote_offered_as_proof_is_flagged(text: str) -> None:
    hit = anecdote_hit(DENIAL_FILTER_NAME, normalize(text))
    assert hit is not None and hit.action is Action.FLAG and hit.record
    assert hit.record.startswith("anecdote-")


@pytest.mark.parametrize(
    "text",
    [
        # the caveat about what visitors are shown makes it a report, not a denial
        "did a tour in 2019, people in the capital looked fine but you only see what the "
        "minders want you to see",
        "my friend visited Pyongyang and the guides would not let them leave the bus, "
        "everyone they met looked healthy because the capital is a showcase",
        # no witness frame: a claim alone is left to the statement patterns and the model
        "the kids in the photo look healthy",
        # a visit with nothing said about how people are
        "we visited Kaesong for a day, the museum was interesting",
    ],
)
def test_anecdotes_with_a_caveat_or_without_a_claim_are_not_flagged(text: str) -> None:
    assert anecdote_hit(DENIAL_FILTER_NAME, normalize(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "these refugees crying on every talk show, maybe try not breaking the law",
        "the guy who swam the river should have stayed home and eaten his rice ration lol",
        "boo hoo the famine, get the violins out",
        "defectors complaining about the camps? enjoy the consequences",
    ],
)
def test_mocking_the_victims_is_flagged(text: str) -> None:
    hit = anecdote_hit(DENIAL_FILTER_NAME, normalize(text))
    assert hit is not None and hit.action is Action.FLAG
    assert hit.record is not None and hit.record.startswith("victim-mockery")


@pytest.mark.parametrize(
    "text",
    [
        # reporting or denouncing the mockery
        'a troll in the other server posted "boo hoo the famine" under the memorial thread',
        "mocking refugees for crying on TV is disgusting, they lost everything",
        # crying with the victims, not at them
        "I was crying reading the testimonies of the refugees in that book",
        # a plain cue with neither a victim nor the crisis named
        "boo hoo my team lost again",
    ],
)
def test_reports_sympathy_and_everyday_talk_are_not_mockery(text: str) -> None:
    assert anecdote_hit(DENIAL_FILTER_NAME, normalize(text)) is None


def test_the_engine_flags_an_anecdote_but_never_removes_it() -> None:
    verdict = ModerationEngine().check(
        MessageInput(
            text="my cousin went on a tour and everyone looked totally fine, so much for the famine"
        )
    )
    assert verdict.outcome == "flag" and verdict.rule == 3


# A model sure of denial (p = 0.99): only a strong signal (a rebuttal) or an affirmation vetoes.
SURE = LinearTextModel(intercept=4.6, weights={"_": 0.0}, features="statement")


@pytest.mark.parametrize(
    "text",
    [
        "One exaggerated memoir doesn't make the whole camp system imaginary.",
        "Crossing the river without papers does not justify torture.",
        "Please stop calling the survivors paid actors.",
        "Shooting hungry people at the border is not keeping order.",
        "Calling the camps fake is how you end up trusting only the people who run them.",
    ],
)
def test_a_rebuttal_that_names_the_denial_vetoes_even_a_sure_model(text: str) -> None:
    message = normalize(text)
    assert strong_signal(message) == "rebuts denial"
    assert model_hit(DENIAL_FILTER_NAME, message, SURE) is None


@pytest.mark.parametrize(
    "text",
    [
        "Stop spreading lies about the DPRK, the camps are fake.",
        "Calling them prisoners is generous, they are criminals.",
        "Executing traitors is not cruel, it is justice.",
    ],
)
def test_denial_is_not_read_as_a_rebuttal(text: str) -> None:
    message = normalize(text)
    assert strong_signal(message) != "rebuts denial"
    assert model_hit(DENIAL_FILTER_NAME, message, SURE) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Handing escapees back to the border guards is unforgivable.",
        "Escapees deserve our support and a voice in this country.",
        "Women from the North are routinely trafficked across the river.",
        "Ordinary families are stuck living under a murderous regime.",
    ],
)
def test_condemning_the_abuse_or_standing_with_the_victims_affirms_the_crisis(text: str) -> None:
    message = normalize(text)
    assert affirms_crisis(message)
    assert model_hit(DENIAL_FILTER_NAME, message, LIKELY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Those defectors deserved every day they spent in the camps.",
        "The escapees crying about it on TV are pathetic.",
    ],
)
def test_approving_the_abuse_or_scorning_the_victims_does_not(text: str) -> None:
    assert not affirms_crisis(normalize(text))
