"""Round 18c's readings of soft_match.py: role nouns, asking words, hyphenated words, the
skipped hedges and chat words, and the everyday groups of soft_match.json (texts of our own,
not of the seed page or of any development set)."""

from __future__ import annotations

import pytest

from bot.search.domain.soft_match import relation_soft, relation_words, said

# A story of our own about a ferry line.
FERRY = (
    "Port officials in Nampo said the ferry company carried 4,000 passengers last year. "
    "The operator stopped answering calls from the harbour in May."
)


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        # A role noun says its verb, and a verb its role noun.
        ("how many island users are there", "users", "Few islanders use the new bridge."),
        ("who uses the bridge", "uses", "The bridge's users are mostly fishermen."),
        ("who leads the choir", "leads", "The choir's leader is a retired teacher."),
        ("who created the mural", "created", "The mural's creator lives in Hamhung."),
    ],
)
def test_a_role_noun_says_its_verb(question: str, word: str, text: str) -> None:
    assert said(question, [word], text, threshold=2.0).by[word]


def test_a_role_noun_needs_its_verb_in_the_excerpt() -> None:
    text = "The bridge was closed for repairs in June."
    assert not said("how many bridge users are there", ["users"], text, threshold=2.0).by["users"]


def test_an_asking_word_is_said_by_an_excerpt_that_asks() -> None:
    asks = "Does anyone know whether the ferry to Nampo still runs in winter?"
    question = "what is the poster asking about the ferry"
    assert said(question, ["asking"], asks, threshold=2.0).by["asking"]
    assert not said(question, ["asking"], FERRY, threshold=2.0).by["asking"]


def test_a_hyphenated_word_asks_what_its_parts_ask() -> None:
    words = relation_words("how many cross-border ferries run", FERRY)
    assert "cross" in words and "border" in words and "cross-border" not in words
    # An affix asks nothing: "inter" of "inter-island".
    assert "inter" not in relation_words("how often do the inter-island ferries run", FERRY)


def test_a_capitalised_compound_stays_a_name() -> None:
    text = "The Trans-Siberian line carried freight to the coast."
    assert relation_words("when did the trans-siberian carry freight", text) == ["carry", "freight"]


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("why are the ferries probably late", "probably"),
        ("why did the ferry stop running lately", "lately"),
        ("will the port reopen soon", "soon"),
        ("where did the ferry come from", "come"),
        ("why is the queue getting longer", "getting"),
        ("what sank near the harbour", "near"),
        ("why is everyone talking about the ferry", "talking"),
        ("for my notes, who runs the ferry", "notes"),
        ("how often do the inter-island ferries run", "inter"),
    ],
)
def test_hedges_light_verbs_and_chat_words_are_no_relation_words(question: str, word: str) -> None:
    assert word not in relation_words(question, FERRY)


def test_what_is_still_asked_stays_asked() -> None:
    assert relation_words("why did the ferry stop running lately", FERRY) == [
        "ferry",
        "stop",
        "running",
    ]


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        ("how old was the dead sailor", "dead", "The sailor's body was found on the beach."),
        ("how many sailors were kept there", "kept", "Forty sailors were detained there."),
        ("what did the city send north", "send", "The city delivered cement to the north."),
        ("what food crossed the river", "food", "Trucks carried wheat and corn across the river."),
        ("why will more people leave by boat", "boat", "More people will leave by sea."),
        ("how long is the canal in kilometres", "kilometres", "The canal is 40 km long."),
        ("what was strapped to the raft", "strapped", "A flag was attached to the raft."),
        ("what kept the raft floating", "floating", "Empty barrels kept the raft afloat."),
        ("why are the traders stressed", "stressed", "The traders feel increasingly insecure."),
        ("how many women work at the mill", "women", "The mill employs 300 female workers."),
        (
            "what religion were they asked about",
            "religion",
            "They were asked if they went to church.",
        ),
        ("how many phone lines are there", "lines", "There are 2,000 phone connections."),
        ("did the trade grow", "grow", "Trade between the towns increased in 2020."),
        ("what was the drowned sailor's age", "age", "The sailor was 34 years old."),
        ("who are the mods", "mods", "The forum's moderators are volunteers."),
        ("which code must members obey", "obey", "Members follow the club's code."),
        ("what bigotry is banned", "bigotry", "No racism or sexism."),
        ("how many members does the club have", "members", "The club lists 40 readers."),
        ("who commented on the photos", "commented", "An analyst said the photos were new."),
        ("who is the ministry's spox", "spox", "The ministry's spokesperson declined."),
        ("how will the body be handled", "handled", "It will be treated as unclaimed."),
        ("will they burn the body", "burn", "The body will be cremated."),
        ("what were the detainees questioned about", "questioned", "They were interrogated."),
        ("why does the city think more will come", "think", "The city predicts more arrivals."),
        ("were the fishermen shipped back", "shipped", "The fishermen were repatriated."),
        ("what did the mayor ask the governor", "ask", "The mayor called on the governor."),
        ("what does the charity want", "want", "The charity calls for access."),
        ("what did he want upgraded", "upgraded", "He urged them to improve the road."),
        ("how many firms are there", "firms", "Twenty companies operate there."),
        ("who is the port chief", "chief", "The head of the port resigned."),
        ("where did the body wash up", "wash", "The body was discovered on the shore."),
        ("what about relations with the town", "relations", "Ties with the town improved."),
        ("when did the port quit answering", "quit", "The port stopped answering."),
        ("when did pyongyang send the orders", "pyongyang", "North Korea sent the orders."),
        ("why did seoul close the office", "seoul", "South Korea closed the office."),
        ("what does the govt say", "govt", "The government denied it."),
    ],
)
def test_round_18c_groups_say_everyday_words(question: str, word: str, text: str) -> None:
    assert said(question, [word], text, threshold=2.0).by[word]


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        # A group needs one of its phrases in the excerpt: no food, no boat, no unit.
        ("what food crossed the river", "food", "Trucks carried cement across the river."),
        ("why will more people leave by boat", "boat", "More people will leave by train."),
        ("how long is the canal in kilometres", "kilometres", "The canal is 25 miles long."),
        # "hold" (a capacity, a position) is no detention.
        ("how many people can the hall hold", "hold", "Forty people were detained there."),
    ],
)
def test_round_18c_groups_do_not_say_what_the_excerpt_lacks(
    question: str, word: str, text: str
) -> None:
    assert not said(question, [word], text, threshold=2.0).by[word]


def test_the_ferry_question_reads_as_said() -> None:
    # "company" / "operator" and "quit" / "stopped": every relation word said.
    assert relation_soft("when did the ferry firm quit picking up calls", FERRY, 2.0) == 0.0


def test_a_request_word_is_no_relation_word() -> None:
    assert relation_words("summarize the story about the ferry that sank", FERRY) == [
        "ferry",
        "sank",
    ]


def test_a_prediction_asks_no_relation_the_background_must_say() -> None:
    # Shown as background under a heading: the change it asks about is not yet in any post.
    assert relation_words("will the port ever stop the ferry to nampo?", FERRY) == []
    assert "stop" in relation_words("when did the port stop the ferry to nampo", FERRY)
