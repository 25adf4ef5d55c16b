"""Topic labels: short noun phrases and names, chosen by distinctiveness, never filler."""

from __future__ import annotations

import pytest

from bot.digest.domain.build import build_digest
from bot.digest.domain.labels import (
    StoryText,
    build_vocabulary,
    is_uninformative,
    label_topics,
    reads_as_label,
)
from bot.digest.domain.lexicon import STOP_WORDS, fold, words
from bot.digest.domain.phrases import headline_phrases, names
from bot.digest.domain.readable import capitalised_words, reads_well
from tests.digest.support import EXAMPLE_WEEK, SEOUL, example_week

# Earlier headlines of an archive where the leader and the agency are in every other title.
HISTORY = [
    "Respected Comrade Kim Jong Un Receives Greetings from Cuban President",
    "Respected Comrade Kim Jong Un Inspects Tractor Factory",
    "Press Review",
    "New Houses Built in Kangdong County",
    "Respected Comrade Kim Jong Un Sends Reply Message to Syrian President",
    "DPRK Delegation Leaves for Russia",
] * 5


def story(*headlines: str, lead: str = "", weight: float = 1.0) -> StoryText:
    return StoryText(tuple(headlines), lead, weight)


def test_each_topic_gets_the_phrases_that_set_it_apart() -> None:
    flood = [
        story(
            "Reconstruction of Flood-hit Villages Begins in Sinuiju",
            lead="Soldiers began rebuilding houses in Sinuiju, North Phyongan Province.",
        ),
        story(
            "Premier Inspects Flood Reconstruction in North Phyongan",
            lead="Premier Pak Thae Song inspected the reconstruction in North Phyongan Province.",
        ),
    ]
    football = [
        story("Women's Football Team Beats Japan in Asian Cup Qualifier"),
        story("Women's Football Team Wins Asian Cup Qualifying Group"),
    ]
    vocabulary = build_vocabulary(HISTORY)
    labels = label_topics([flood, football], vocabulary)
    assert "North Phyongan" in labels[0] or "Flood" in labels[0], labels
    assert "Asian Cup" in labels[1] or "Football" in labels[1], labels
    assert labels[0] != labels[1]


def test_honorifics_verbs_and_the_archives_common_words_never_make_a_label() -> None:
    vocabulary = build_vocabulary(HISTORY)
    greetings = [
        story("Respected Comrade Kim Jong Un Receives Greetings from Egyptian President"),
        story("Respected Comrade Kim Jong Un Receives Greetings from Lao President"),
    ]
    other = [story("Coal Output Rises at Anju Mines")]
    label = label_topics([greetings, other], vocabulary)[0]
    for word in ("Respected", "Comrade", "Receives"):
        assert word not in label.split(), label
    assert not is_uninformative(label, vocabulary.common_words)
    assert is_uninformative("Kim Jong · Comrade · Receives", vocabulary.common_words)
    assert is_uninformative("Various Places", vocabulary.common_words)


def test_the_example_weeks_labels_name_their_topics() -> None:
    articles = example_week()
    digest = build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)
    vocabulary = build_vocabulary([a.title for a in articles])
    for topic in digest.topics:
        assert topic.label and len(topic.label) <= 60
        assert not is_uninformative(topic.label, vocabulary.common_words), topic.label
        assert "More news" not in topic.label
    assert len({topic.label for topic in digest.topics}) == len(digest.topics)


@pytest.mark.parametrize(
    ("headline", "phrases"),
    [
        ("Youth Day Celebrated", ["Youth Day"]),
        (
            "Respected Comrade Kim Jong Un Oversees Test-fire of 240 mm MRLS",
            ["Kim Jong Un", "Test-fire", "240 mm MRLS"],
        ),
        (
            "People from Flood-hit Areas Spend Pleasant Time",
            ["People", "Flood-hit Areas Spend Pleasant Time"],
        ),
    ],
)
def test_headline_phrases_stop_at_verbs_and_function_words(
    headline: str, phrases: list[str]
) -> None:
    assert headline_phrases(headline) == phrases


def test_names_are_capitalised_runs_without_offices_or_honorifics() -> None:
    text = (
        "Pyongyang, August 28 -- There were talks between Premier Pak Thae Song and Roman "
        "Chekushov, vice-minister of Industry and Trade of the Russian Federation. The respected "
        "Comrade Kim Jong Un sent greetings to the Workers' Party of Korea."
    )
    found = names(text)
    assert "Pak Thae Song" in found and "Roman Chekushov" in found
    assert any(name.endswith("Russian Federation") for name in found)
    assert "Workers' Party of Korea" in found
    assert "Kim Jong Un" in found
    assert not any(fold(w) in STOP_WORDS for name in found for w in words(name)[:1])


KIM = [
    ["kim", "jong", "un"],
    ["kim", "il", "sung"],
    ["kim", "yo", "jong"],
    ["supreme", "people", "assembly"],
]


@pytest.mark.parametrize(
    "phrase",
    [
        "Chairman Kim Jong",  # a name cut short
        "Central Committee Kim",
        "Jong Il's Works",
        "Il Sung's Benevolence",
        "Int'l Security Analyst's",  # possessive end
        "Kim Yo-jong · Un's",
        "DPRK Reap Good",  # verb and dangling adjective
        "Never Give up",
        "Grave Infringement upon",
        "Sports Contest Brisk",
        "Citizens Fervently Welcome",
        "Roads Completely",
        "Members' Story-Telling",  # the owner cut off
        "Kim Il Sunghosted",  # a name glued to a verb
    ],
)
def test_fragments_possessives_and_dangling_words_never_read_as_labels(phrase: str) -> None:
    assert not reads_as_label(phrase, KIM)


@pytest.mark.parametrize(
    "phrase",
    [
        "Youth Day",
        "Kim Jong Un",
        "Ore Transport System",
        "Regional-industry Factories",
        "Supreme People's Assembly",
        "ROK's Serious Provocation",
        "Candlelight Rally",
    ],
)
def test_noun_phrases_and_whole_names_read_as_labels(phrase: str) -> None:
    assert reads_as_label(phrase, KIM)


def test_a_label_keeps_the_head_noun_the_text_repeats() -> None:
    vocabulary = build_vocabulary(HISTORY)
    senior = [
        story(
            "Senior Party and Government Officials Visit Kumsusan Palace",
            lead="Senior party and government officials visited the Kumsusan Palace of the Sun.",
        )
    ]
    farm = [
        story(
            "Farmers in DPRK Reap Good Harvest",
            lead="Farmers of Jongju reaped a good harvest of rice this autumn.",
        )
    ]
    labels = label_topics([senior, farm], vocabulary)
    assert "Senior Party" not in labels[0] and "Kumsusan Palace" in labels[0], labels
    assert "Reap" not in labels[1] and "Good Harvest" in labels[1], labels


@pytest.mark.parametrize(
    "part",
    [
        "Upon Officials",  # a particle at its start
        "Become Pioneers",  # a verb at its start
        "Finishing Building Materials",
        "Full Confidence",  # slogans: a praising or condemning adjective and an abstract noun
        "Sure Victory",
        "Criminal Colors",
        "Reply Message",  # a generic noun with no name and no event beside it
        "Congratulatory Group",
        "Central Leadership Body",
        "Chinese",  # a lone nationality adjective
        "Resolutely",  # a single word no text writes as a name
    ],
)
def test_a_part_a_reader_would_balk_at_never_reads_well(part: str) -> None:
    capitalised = capitalised_words(
        ["Delegates of the Chinese party and of Sinuiju met at the Ryugyong Hospital."]
    )
    assert not reads_well(part, capitalised)


@pytest.mark.parametrize(
    "part",
    [
        "Flood Recovery",  # an event noun needs no name
        "Founding Anniversary",
        "Sinuiju",  # a single word the texts write as a name
        "Ryugyong Hospital",
        "Military Delegation",
        "Building Materials",  # an -ing word that names a thing
        "DPRK Player",  # an acronym is a name
    ],
)
def test_names_events_and_concrete_heads_read_well(part: str) -> None:
    capitalised = capitalised_words(
        ["Delegates of the Chinese party and of Sinuiju met at the Ryugyong Hospital."]
    )
    assert reads_well(part, capitalised)


def test_a_topic_whose_only_distinct_phrase_is_a_slogan_falls_back_to_a_readable_part() -> None:
    slogan = [
        story(
            "Full Confidence in Sure Victory Stressed at Meeting in Sinuiju",
            lead="Full confidence in sure victory was stressed at a meeting in Sinuiju city.",
        ),
    ]
    other = [story("Coal Output Rises at Anju Mines", lead="The Anju mines raised coal output.")]
    label = label_topics([slogan, other], build_vocabulary(HISTORY))[0]
    for part in label.split(" · "):
        assert part not in {"Full Confidence", "Sure Victory"}, label
    assert "Sinuiju" in label, label
