"""Label parts that would read oddly never label a topic (issue 15, round 12): a date, a name
only a quotation says, a one-word name only a list in the text gives, two bare names no story
writes together."""

from __future__ import annotations

from bot.digest.domain.labels import StoryText, build_vocabulary, label_topics
from bot.digest.domain.readable import (
    is_bare_name,
    is_person_like,
    reads_well,
    without_quotations,
)

HISTORY = [
    "Respected Comrade Kim Jong Un Inspects Tractor Factory",
    "Press Review",
    "New Houses Built in Kangdong County",
    "DPRK Delegation Leaves for Russia",
] * 5
OTHER = [StoryText(("Coal Output Rises at Anju Mines",), "The Anju mines raised coal output.")]


def label_of(*stories: StoryText) -> str:
    return label_topics([list(stories), OTHER], build_vocabulary(HISTORY))[0]


def test_a_month_is_a_date_not_a_topic() -> None:
    assert not reads_well("July Juche", frozenset({"july", "juche"}))
    assert reads_well("Arduous March Museum", frozenset({"arduous", "march", "museum"}))


def test_a_long_quotation_is_cut_but_a_quoted_title_stays() -> None:
    text = 'He said "Atlantic Ocean and the Pacific are inseparable for our security" and left.'
    assert "Atlantic" not in without_quotations(text)
    assert "Washington Declaration" in without_quotations('the "Washington Declaration" was')


def test_a_name_only_a_quotation_gives_never_labels() -> None:
    lead = (
        'Kishida said "Baltic Ocean and the Indo-Pacific are inseparable in guaranteeing '
        'security" at the talks. He met the German minister.'
    )
    label = label_of(StoryText(("Japan's Military Moves Denounced",), lead))
    assert "Baltic Ocean" not in label, label


def test_a_one_word_name_from_a_list_in_the_text_never_labels() -> None:
    lead = (
        "The Pyongyang Musical Instrument Factory improved 50 kinds of national instruments "
        "including kayagum, Janggo and Jangsaenap."
    )
    label = label_of(StoryText(("Pyongyang Musical Instrument Factory",), lead))
    assert "Janggo" not in label and "Jangsaenap" not in label, label


def test_two_bare_names_no_story_writes_together_are_not_one_label() -> None:
    assert is_bare_name("Nguyen Phu Trong") and not is_bare_name("Songrim City")
    stories = [
        StoryText(("Kim Tok Hun Visits Orchards",), "Premier Kim Tok Hun visited orchards."),
        StoryText(("Nguyen Phu Trong Mourned",), "Condolences on the death of Nguyen Phu Trong."),
    ]
    label = label_of(*stories)
    assert label.split(" · ") != ["Kim Tok Hun", "Nguyen Phu Trong"], label
    assert not {"Kim Tok Hun", "Nguyen Phu Trong"} <= set(label.split(" · ")), label


def _story(headline: str, lead: str = "") -> StoryText:
    return StoryText((headline,), lead, 1.0)


def test_two_parts_only_when_one_story_writes_both() -> None:
    vocabulary = build_vocabulary(["Press Review", "Weather Forecast"] * 5)
    # Two unrelated items of one topic: a pamphlet and a farm. One part, the best.
    mixed = [
        _story("NATO Pamphlet Denounced", lead="A NATO pamphlet issued in Brussels."),
        _story("NATO Pamphlet Slammed", lead="The NATO pamphlet was slammed again."),
        _story("Harvest at Tobong Orchard", lead="Tobong Orchard picked its apples."),
    ]
    # An event and its place, written together: both parts.
    paired = [
        _story(
            "Bridge Construction Finished in Ryonggang County",
            lead="Bridge construction was finished in Ryonggang County on Monday.",
        ),
        _story("Bridge Construction Hailed", lead="Bridge construction in Ryonggang County."),
    ]
    other = [_story("Coal Output Rises at Anju Mines", lead="Anju Mines raised output.")]
    labels = label_topics([mixed, paired, other], vocabulary)
    assert " · " not in labels[0] and "NATO Pamphlet" in labels[0], labels
    assert labels[1].count(" · ") == 1, labels
    assert "Ryonggang County" in labels[1] and "Bridge Construction" in labels[1], labels


def test_a_persons_name_alone_gives_way_to_what_happened() -> None:
    assert is_person_like("Pak Chol Sun", frozenset({"pak", "chol", "sun"}))
    assert not is_person_like("White Paper", frozenset({"pak"}))
    assert not is_person_like("Flood Recovery", frozenset({"flood", "recovery"}))
