"""Rule 1 reads hate phrased as a question, inflected and disguised slurs, and leaves the
look-alikes alone (cases written for these tests, not taken from any data file)."""

from __future__ import annotations

import pytest

from bot.moderation.domain import MessageInput, ModerationEngine, normalize
from bot.moderation.domain.detectors_hate import HateDetector


@pytest.fixture(scope="module")
def detector() -> HateDetector:
    return HateDetector()


def rule1(engine: ModerationEngine, text: str) -> list[str]:
    """The rule-1 hits' actions for ``text``."""
    verdict = engine.check(MessageInput(text=text))
    return [hit.action.value for hit in verdict.hits if hit.rule == 1]


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        # 'do' only carries the question: the records read what is said of the group.
        ("Why do immigrants insist on being parasites?", "qqg are parasites"),
        ("Why do Muslims keep being such savages?", "qqg are such savages"),
        ("why does every refugee smell so bad?", "every qqg smell so bad"),
        # '... are all mentally ill' says it of the group, it does not name another one.
        ("Is it just me or are Jews all mentally ill?", "qqg are all mentally ill"),
        # A right doubted in a question is the denial it implies.
        ("Should Hindus even be allowed to vote?", "qqg shouldn't be allowed to vote"),
        # ... but another subject keeps its auxiliary.
        ("Why do we keep disabled people waiting?", "we keep qqg do waiting"),
    ],
)
def test_questions_put_the_predicate_back(detector: HateDetector, text: str, clause: str) -> None:
    assert detector.tagged_clauses(text) == [clause]


@pytest.mark.parametrize(
    "text",
    [
        "Why do immigrants insist on being parasites?",
        "Why do trans people insist on being such freaks?",
        "Is it just me or are gay people all mentally ill?",
        "look at these chinkz",
        "the spazzes are at it again",
        "fa66ots should burn",
        "those slant-eyed clowns again",
        "Should lesbians really be allowed to adopt?",
        "Gya people are all creeps.",
        "I hte refugees.",
        # 'to save money' is no praise beside a killing word.
        "Autistic people should be euthanised to cut costs and save money.",
        "Hindus are only really good for running shops.",
        "Why are Sikhs even allowed to drive?",
        # 'kiss' is no praise when the message is disgust at a same-sex couple.
        "Watching two women kiss makes me want to puke.",
        "there are only 2 genders, deal with it",
    ],
)
def test_hate_in_questions_and_inflected_slurs_is_caught(
    engine: ModerationEngine, text: str
) -> None:
    assert rule1(engine, text)


@pytest.mark.parametrize(
    "text",
    [
        "Why do women keep being underpaid?",
        "Why do refugees keep being turned away at the border?",
        "Muslims insist on being heard in this debate, and rightly so.",
        "Why do Koreans insist on being so welcoming to visitors?",
        "We are all mentally ill here lol",
        "The estimate was 600k deaths, maybe more.",
        "I keep seeing two men kiss in that film, what a sweet story",
        "Should trans athletes be allowed to compete?",
        "Women should really be allowed to lead more often.",
        "his reporting slants everything toward Seoul",
        "my fav people are all here tonight",
        "I hit the gym before work",
        # A passive after 'why are X' is what others do to the group.
        "Why are refugees treated so badly in this country?",
        "why are gay people still discriminated against at work?",
        "I love seeing two men kiss at weddings, so sweet",
        "I'd rather be dead than late to this meeting",
        # Killing words say harm was done, not contempt, in a report of an atrocity.
        "The genocide of the Roma in the war killed hundreds of thousands of people.",
    ],
)
def test_look_alikes_are_allowed(engine: ModerationEngine, text: str) -> None:
    assert rule1(engine, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Group names as written, not only squeezed ('refugees', not 'refuge' + 's').
        ("refugeesshouldgobacktotheirowncountry", "refugees should go back to their own country"),
        ("alltheimmigrantsarethieves", "all the immigrants are thieves"),
        # A run-together question.
        ("whyaremuslimssoviolent", "why are muslims so violent"),
    ],
)
def test_run_together_statements_are_split(
    detector: HateDetector, text: str, expected: str
) -> None:
    assert detector._repair.repair(normalize(text)).text == expected


@pytest.mark.parametrize(
    "text", ["#stopasianhate", "#blacklivesmatter", "howareyoutoday", "whyisthesitedownagain"]
)
def test_hashtags_and_chat_stay_whole(detector: HateDetector, text: str) -> None:
    normalized = normalize(text)
    assert detector._repair.repair(normalized) is normalized


def test_numbers_are_never_read_as_disguised_slurs(detector: HateDetector) -> None:
    normalized = normalize("between 600k and 800k people")
    assert detector._repair.repair(normalized) is normalized


def test_a_listed_slur_is_left_as_written(detector: HateDetector) -> None:
    # Its squeezed form is in the lexicon already: a 'repair' would only lose the plural.
    normalized = normalize("those poofs again")
    assert detector._repair.repair(normalized) is normalized


def test_english_words_are_not_typos(detector: HateDetector) -> None:
    # 'seeing' is one swap from a rule-1 word ('seeking'), and an ordinary word.
    assert detector.tagged_clauses("seeing them") == ["seeing them"]
