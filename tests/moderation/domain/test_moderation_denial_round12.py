"""Rule 3, round 12: the scope of the model's flag on messages naming none of the crisis (words
of violence wished on someone are no content), and the shipped fit being the fit leave-one-writer-out
measures. Cases written for these tests, not taken from the training or development files."""

from __future__ import annotations

import math

import pytest

from bot.moderation.domain.denial_against import rebuts, speaks_against
from bot.moderation.domain.denial_content import says_something
from bot.moderation.domain.denial_model import strong_signal
from bot.moderation.domain.detectors_denial import DenialDetector
from bot.moderation.domain.model import LinearTextModel
from bot.moderation.domain.normalize import normalize
from training.linear_training import fit

VIOLENCE_ELSEWHERE = [
    "Lawyers should all be shot lol.",
    "referees who blow calls like that should get shot",
    "spammers ought to be killed honestly",
]
VIOLENCE_ON_THE_CRISIS = [
    "they got shot crossing, good riddance",  # who: 'they'
    "stadium shootings at dawn? a tall tale, never filmed",  # the shootings as a fact
    "the ones shot in north korea had it coming",  # North Korea named
    "the border crossers who got shot, who cares",  # the border
]


def sure_model(probability: float = 0.99) -> LinearTextModel:
    """A model that reads every message at ``probability``."""
    return LinearTextModel(
        intercept=math.log(probability / (1 - probability)),
        weights={"_": 0.0},
        features="statement",
    )


@pytest.mark.parametrize("text", VIOLENCE_ELSEWHERE)
def test_violence_wished_on_others_is_no_content_for_rule_3(text: str) -> None:
    message = normalize(text)
    assert not says_something(message, message)
    assert DenialDetector(model=sure_model()).detect(message) == []


@pytest.mark.parametrize("text", VIOLENCE_ON_THE_CRISIS)
def test_violence_beside_whom_or_where_is_still_read(text: str) -> None:
    message = normalize(text)
    assert says_something(message, message)
    hits = DenialDetector(model=sure_model()).detect(message)
    assert hits and hits[0].rule == 3


def test_a_reply_to_an_account_of_shootings_is_read_against_it() -> None:
    # The answer names nothing, but what it answers is an account of the crisis.
    account = normalize("Guards shot a woman crossing the Tumen river last winter.")
    hits = DenialDetector(model=sure_model()).detect(normalize("shoot more lol"), account)
    assert hits and hits[0].rule == 3


def test_pairs_of_weight_zero_leave_the_plain_fit() -> None:
    docs = [["camps", "fake"], ["camps", "real"]] * 6
    labels = [1, 0] * 6
    pairs = [(2 * i, 2 * i + 1) for i in range(6)]
    assert fit(docs, labels, 1.0, 1, pairs, 0.0) == fit(docs, labels, 1.0, 1)
    assert fit(docs, labels, 1.0, 1, pairs, 1.0) != fit(docs, labels, 1.0, 1)


MOCKING_THE_DENIERS = [
    "ah yes, the cia, famously able to script every refugee in seoul",
    "ah yes, state media, a fountain of truth",
    "ah yes, one tour bus ride proves the whole country eats well",
]
MOCKING_THE_VICTIMS = [
    "ah yes, the weeping defector grandma on tv, famously never rehearsed",
    "ah yes the gulag, best summer retreat on the peninsula",
]


@pytest.mark.parametrize("text", MOCKING_THE_DENIERS)
def test_mock_praise_of_the_deniers_claim_speaks_against_denial(text: str) -> None:
    assert speaks_against(" ".join(normalize(text).tokens))


@pytest.mark.parametrize("text", MOCKING_THE_VICTIMS)
def test_mock_praise_of_the_victims_does_not(text: str) -> None:
    assert not speaks_against(" ".join(normalize(text).tokens))
    hits = DenialDetector(model=sure_model(0.9)).detect(normalize(text))
    assert hits and hits[0].rule == 3


ACCOUNTS_TOLD = [
    "Former guards described beatings during interrogation at the county jail.",
    "my heart goes out to the families who starved in 1997",
]
ACCOUNTS_LAUGHED_AT = [
    "she described the beatings in detention again lol, new book out?",
    "Heartbreaking: man had to queue for rice twice. More at 11.",
    "families starved, sure, sure 😂",
]


@pytest.mark.parametrize("text", ACCOUNTS_TOLD)
def test_an_account_or_sympathy_is_discussion(text: str) -> None:
    assert strong_signal(normalize(text)) == "reports an account of abuses"


@pytest.mark.parametrize("text", ACCOUNTS_LAUGHED_AT)
def test_an_account_laughed_at_is_not(text: str) -> None:
    assert strong_signal(normalize(text)) != "reports an account of abuses"


@pytest.mark.parametrize(
    "text",
    ["the famine was real and it was awful", "nobody serious doubts the camps are real"],
)
def test_calling_the_crisis_real_rebuts_denial(text: str) -> None:
    assert rebuts(" ".join(normalize(text).tokens))


@pytest.mark.parametrize(
    "text",
    ["nothing the refugee ngos print about hunger is real", "none of those camp photos are real"],
)
def test_nothing_of_it_real_does_not(text: str) -> None:
    assert not rebuts(" ".join(normalize(text).tokens))
