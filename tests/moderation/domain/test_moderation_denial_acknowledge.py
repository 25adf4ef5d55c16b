"""Rule 3, after the 06k run: a message granting that the crisis is real while comparing it,
blaming sanctions or doubting one witness is not flagged on the model's word alone; the same
words inside a denial frame are. Cases written for these tests, not taken from any data file."""

from __future__ import annotations

import pytest

from bot.moderation.domain.denial_acknowledge import acknowledges
from bot.moderation.domain.denial_model import weak_signal
from bot.moderation.domain.normalize import normalize


@pytest.mark.parametrize(
    "text",
    [
        "Cuba's prisons are grim too, but the kwalliso system was real and it still runs.",
        "Nobody denies the prisons up north are full; the debate is about the numbers.",
        "The Gulf states abuse migrant workers, and that doesn't excuse Pyongyang's labour exports.",
        "Both governments are terrible to the people they lock up.",
        "The embargo drove a lot of the hunger in the provinces after 2017.",
        "Rural clinics in Hamgyong are running out of antibiotics every winter.",
        "Sending teenagers to dig canals for free is forced labour, plain and simple.",
    ],
)
def test_acknowledgements_in_the_speakers_voice(text: str) -> None:
    assert acknowledges(normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "I don't believe the prison stories are real at all.",
        "If the famine was real, where are the mass graves?",
        "Sure, the hunger was real, lol, people there just love to complain.",
        "The famine was real? Nobody I met there was ever hungry.",
        "Nobody questions the defectors because you'd be called heartless.",
        "They were traitors, the camps did happen and they deserved it.",
        "People who claim the work brigades are slave labour have never been there.",
    ],
)
def test_no_acknowledgement_in_a_denial_frame_or_someone_elses_claim(text: str) -> None:
    assert not acknowledges(normalize(text))


def test_one_witness_singled_out_is_doubt_about_one_source() -> None:
    assert weak_signal(normalize("This one escapee's timeline doesn't line up for me."))
    assert not weak_signal(normalize("Every escapee's timeline is made up."))
