"""Round 20's readings of soft_match.py (branch search35): negated auxiliaries and light verbs
ask nothing, and soft_match.json's new everyday groups (texts of our own, about an invented
fishing town, not of the seed page or of any development set)."""

from __future__ import annotations

import pytest

from bot.search.domain.soft_match import relation_words, said

HARBOUR = (
    "The harbour master of Sinpo said the cannery was shut for security reasons. "
    "Dockers who ran off last spring are now hiding inland."
)


@pytest.mark.parametrize(
    ("question", "word"),
    [
        # A negated auxiliary asks nothing the excerpt must say.
        ("why wouldn't the harbour master talk", "wouldn't"),
        ("why won't the cannery open", "won't"),
        ("why cant the dockers go home", "cant"),
        # Light verbs and asking words.
        ("what are the dockers doing inland", "doing"),
        ("how were the dockers trying to hide", "trying"),
        ("what are the cannery's numbers", "numbers"),
        ("what is the catch volume at sinpo", "volume"),
    ],
)
def test_negations_light_verbs_and_asking_words_are_no_relation_words(
    question: str, word: str
) -> None:
    assert word not in relation_words(question, HARBOUR)


def test_what_the_question_asks_stays_asked() -> None:
    words = relation_words("why wouldn't the harbour master reopen the cannery", HARBOUR)
    assert "reopen" in words and "cannery" in words


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        ("when did the dockers run away", "run", "Several dockers fled the port in April."),
        ("where is the fishermen's lockup", "lockup", "The detention centre sits by the pier."),
        ("how far is the prison from the pier", "prison", "Dockers were detained near the pier."),
        ("what kept the raft floating", "floating", "Foam blocks kept the raft afloat."),
        ("did the raft have flotation", "flotation", "Foam blocks kept the raft afloat."),
        ("after the summit, what changed", "summit", "After the two mayors met, tariffs fell."),
        ("what did the barges carry", "carry", "The barges delivered salt to the coast."),
        ("can sailors still buy counterfeit passes", "counterfeit", "Fake passes are scarce."),
        ("are ID cards still sold at the port", "cards", "Forged IDs are sold at the port."),
        ("what did the mayor instruct the clerks to do", "instruct", "The mayor issued orders."),
        ("when was the port law passed", "passed", "The port law was adopted in 2019."),
        ("when did trains reach the port", "trains", "The rail link reached the port in 2010."),
        ("what goods left the port", "goods", "Cargo left the port at dawn."),
        ("who runs the province", "province", "The region is run by a governor."),
        ("how did the mayor justify the ban", "justify", "The mayor cited security reasons."),
        ("which search term is most popular", "term", "The keyword 'ferry' leads."),
        ("how many dockers were interviewed", "interviewed", "Twelve dockers gave testimony."),
        ("who is catching the runaways", "catching", "Police arrested three runaways."),
        ("which firms operate at the port", "operate", "Firms based in the port sell fish."),
    ],
)
def test_round_20_groups_say_everyday_words(question: str, word: str, text: str) -> None:
    assert said(question, [word], text, threshold=2.0).by[word]


@pytest.mark.parametrize(
    ("question", "word", "text"),
    [
        # A group needs one of its phrases in the excerpt.
        ("can sailors still buy counterfeit passes", "counterfeit", "Passes are scarce."),
        ("when did trains reach the port", "trains", "The road reached the port in 2010."),
        ("how did the mayor justify the ban", "justify", "The mayor announced the ban."),
        ("who is catching the runaways", "catching", "Three runaways hid in a barn."),
    ],
)
def test_round_20_groups_do_not_say_what_the_excerpt_lacks(
    question: str, word: str, text: str
) -> None:
    assert not said(question, [word], text, threshold=2.0).by[word]
