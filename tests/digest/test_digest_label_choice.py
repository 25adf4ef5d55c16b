"""Labels a reader calls ok (issue 15, round 13): written by what the reader sees under them,
never a bare name, place or role alone, and a plain description of the first highlight when
no part reads as a label."""

from __future__ import annotations

from bot.digest.domain.label_choice import (
    headline_subject,
    looks_like_person,
    stands_alone,
)
from bot.digest.domain.labels import StoryText, build_vocabulary, label_topics

NAMES = frozenset({"kim", "tok", "hun", "ri", "il", "hyok", "anju", "kangso", "nato"})


def test_a_bare_name_place_or_role_does_not_stand_alone() -> None:
    assert not stands_alone("Ri Il Hyok", NAMES)
    assert not stands_alone("Kangso County", NAMES)
    assert not stands_alone("White Paper", NAMES)
    assert not stands_alone("CPC", NAMES)
    assert stands_alone("Flood Recovery", NAMES)
    assert stands_alone("ICBM Test-fire", NAMES)
    assert stands_alone("NATO Pamphlet", NAMES)


def test_a_persons_name_is_told_from_a_thing() -> None:
    assert looks_like_person("O Su Yong", frozenset({"su", "yong"}))
    assert looks_like_person("Kim Tok Hun", NAMES)
    assert not looks_like_person("Kangso County", NAMES)
    assert not looks_like_person("Bridge Construction", NAMES)


def test_headline_subject_describes_the_highlight() -> None:
    assert headline_subject("ICBM Test-fire Conducted in DPRK", NAMES) == "ICBM Test-fire"
    # A person's name before the verb: what comes after it.
    assert (
        headline_subject("Kim Tok Hun Oversees Performance Test of Drones", NAMES)
        == "Performance Test of Drones"
    )
    # Cut before a particle, never inside a name.
    cut = headline_subject(
        "Kim Tok Hun Receives Greetings to General Secretary of CPC Central Committee", NAMES
    )
    assert cut == "Greetings to General Secretary", cut
    assert (
        headline_subject("Kim Tok Hun Receives Ri Il Hyok", NAMES)
        == "Kim Tok Hun Receives Ri Il Hyok"
    )
    assert headline_subject("Kim Tok Hun", NAMES) is None


def _story(headline: str, lead: str, shown: bool = True, first: bool = False) -> StoryText:
    return StoryText((headline,), lead, 1.0, shown=shown, first=first)


def test_a_label_is_written_by_a_shown_highlight() -> None:
    vocabulary = build_vocabulary(["Press Review", "Weather Forecast"] * 5)
    # The hidden story's name is used more, but the reader never sees it under the label.
    topic = [
        _story("Flood Recovery Held in Kujang", "Flood recovery was held in Kujang.", first=True),
        _story("Kangso Mineral Water Praised", "Kangso Mineral Water is praised.", shown=False),
        _story("Kangso Mineral Water Exported", "Kangso Mineral Water exported.", shown=False),
    ]
    other = [_story("Coal Output Rises at Anju Mines", "Anju Mines raised output.", first=True)]
    labels = label_topics([topic, other], vocabulary)
    assert "Kangso" not in labels[0] and "Flood Recovery" in labels[0], labels


def test_no_part_that_reads_as_a_label_gives_the_first_highlights_subject() -> None:
    vocabulary = build_vocabulary(["Press Review", "Weather Forecast"] * 5)
    topic = [
        _story(
            "Kim Tok Hun Receives Ri Il Hyok",
            "Premier Kim Tok Hun received Ri Il Hyok on Monday.",
            first=True,
        ),
    ]
    other = [_story("Coal Output Rises at Anju Mines", "Anju Mines raised output.", first=True)]
    labels = label_topics([topic, other], vocabulary)
    assert labels[0] not in ("Kim Tok Hun", "Ri Il Hyok", "Kim Tok Hun · Ri Il Hyok"), labels


def test_two_parts_that_do_not_stand_alone_read_together_only_in_kind() -> None:
    vocabulary = build_vocabulary(["Press Review", "Weather Forecast"] * 5)
    names = "Premier Kim Tok Hun met the Belarusian Foreign Minister."
    person_and_role = [
        _story("Kim Tok Hun Meets Belarusian Foreign Minister", names, first=True),
        _story("Kim Tok Hun Meets Belarusian Foreign Minister Again", names),
    ]
    place = "Ri Il Hyok spoke at Sariwon Indoor Stadium."
    person_and_place = [
        _story("Ri Il Hyok Speaks at Sariwon Indoor Stadium", place, first=True),
        _story("Ri Il Hyok Speaks at Sariwon Indoor Stadium Again", place),
    ]
    labels = label_topics([person_and_role, person_and_place], vocabulary)
    assert labels[0] == "Kim Tok Hun · Belarusian Foreign Minister", labels
    assert labels[1] != "Ri Il Hyok · Sariwon Indoor Stadium", labels


def test_the_plain_headline_is_the_last_resort_without_its_source() -> None:
    from bot.digest.domain.label_choice import plain_headline

    assert plain_headline("Respected Comrade Kim Tok Hun Visits Farms: Rodong Sinmun") == (
        "Kim Tok Hun Visits Farms"
    )
    assert plain_headline("") is None
