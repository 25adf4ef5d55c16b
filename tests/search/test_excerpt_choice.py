"""The excerpt of a candidate passage shows the passage's own answer (excerpt_choice.py)."""

from __future__ import annotations

import re

from bot.archive.domain.articles import Article
from bot.archive.domain.passages import split_passages
from bot.search.domain.excerpt import best_excerpt
from bot.search.domain.excerpt_choice import passage_excerpt
from bot.search.domain.tables import PassageTable
from bot.search.domain.text import TextAnalyzer

# The previous passage repeats the question's words; the passage itself says how the man was
# identified, one sentence after a sentence both share.
BODY = (
    "Harbour news in brief. "
    "The body of a fisherman who drowned near the harbour of Tarnow was found by the coast "
    "guard on a stormy Monday morning after a long search along the rocky shore, where the "
    "waves had broken two of the old wooden jetties. "
    "Coast guard officers recovered the body of the fisherman from the cold water off the "
    "northern pier late that evening, after many hours of searching in heavy rain and wind, "
    "with two boats and a helicopter from the naval base. "
    "The fisherman was identified from a ferry ticket and a wedding ring found in his coat. "
    "The harbour master thanked the volunteers for their long and patient work."
)
WEIGHTS = {"fisherman": 2.0, "drown": 2.0, "identifi": 1.0, "coast": 1.0, "guard": 1.0}


def _table(body: str) -> tuple[PassageTable, list]:  # type: ignore[type-arg]
    article = Article(id="a", source="s", title="Harbour", body=body)
    passages = split_passages(article)
    return PassageTable.of(passages, [0] * len(passages)), passages


def _weights(analyzer: TextAnalyzer, words: dict[str, float]) -> dict[str, float]:
    return {analyzer.analyze(w)[0]: v for w, v in words.items()}


def test_the_core_run_stays_in_the_passage_and_shows_its_answer() -> None:
    analyzer = TextAnalyzer()
    table, passages = _table(BODY)
    weights = _weights(analyzer, {"fisherman": 2.0, "drowned": 2.0, "coast": 1.0})
    i = next(n for n, p in enumerate(passages) if "ferry ticket" in p.text)
    assert "drowned" not in passages[i].text  # the question's rarest word is the neighbour's
    common = (table, i, passages[i], analyzer, weights, None, 0.0, True)
    loose = passage_excerpt(*common, core_in_passage=False)[0]
    kept = passage_excerpt(*common, core_in_passage=True)[0]
    assert "ferry ticket" not in loose
    assert "ferry ticket" in kept


def test_without_context_the_core_choice_changes_nothing() -> None:
    analyzer = TextAnalyzer()
    table, passages = _table(BODY)
    weights = _weights(analyzer, {"fisherman": 2.0, "drowned": 2.0})
    for i, passage in enumerate(passages):
        common = (table, i, passage, analyzer, weights, None, 0.0, False)
        assert passage_excerpt(*common, core_in_passage=True) == passage_excerpt(*common)


NUMBERS = (
    "Velka has 7,500 mobile phones. "
    "Yet most residents of Velka are not online at home, the survey said, and few cafes offer it. "
    "Only fewer than 300 people in Velka have access to the Internet. "
    "The survey was paid for by the regional council."
)


def test_only_the_best_sentence_of_the_asked_kind_earns_the_bonus() -> None:
    analyzer = TextAnalyzer()
    weights = _weights(analyzer, {"velka": 1.0, "online": 2.5, "access": 2.0})
    number = re.compile(r"\d")

    def holds_number(sentence: str) -> bool:
        return bool(number.search(sentence))

    def excerpt(best_only: bool) -> str:
        return best_excerpt(
            NUMBERS,
            analyzer,
            weights,
            max_chars=150,
            prefer=holds_number,
            bonus=3.0,
            best_preferred_only=best_only,
        )[0]

    # Every sentence with a number earns the bonus: the run with "online" and a number wins.
    assert "fewer than 300" not in excerpt(False)
    # Only the number sentence holding the most question weight ("access") earns it.
    assert "fewer than 300" in excerpt(True)


def test_a_core_outside_every_sentence_falls_back_to_the_whole_text() -> None:
    analyzer = TextAnalyzer()
    weights = _weights(analyzer, {"survey": 1.0})
    whole = best_excerpt(NUMBERS, analyzer, weights)
    assert best_excerpt(NUMBERS, analyzer, weights, core=(10_000, 10_001)) == whole
    assert "survey" in whole[0]


def test_an_excerpt_avoids_the_sentences_its_article_already_shows() -> None:
    analyzer = TextAnalyzer()
    weights = _weights(analyzer, {"fisherman": 2.0, "identified": 2.0, "coast": 1.0})
    text = BODY
    shown_start = text.index("Coast guard officers")
    shown = [(shown_start, text.index("The fisherman was identified"))]
    free, _, (a, b) = best_excerpt(text, analyzer, weights, context=True, avoid=shown)
    assert "Coast guard officers" not in free
    assert not (a < shown[0][1] and shown[0][0] < b)
    # Growing by context stops at a shown sentence: the run cannot reach back past it.
    assert "identified from a ferry ticket" in free and "drowned near the harbour" not in free
    everything = [(0, len(text))]
    assert best_excerpt(text, analyzer, weights, context=True, avoid=everything)[0] == ""
    assert "Coast guard officers" in best_excerpt(text, analyzer, weights, context=True)[0]


def test_a_later_passage_of_a_shown_article_shows_its_own_unshown_sentence() -> None:
    analyzer = TextAnalyzer()
    table, passages = _table(BODY)
    weights = _weights(analyzer, {"fisherman": 2.0, "identified": 2.0, "coast": 1.0})
    i = next(n for n, p in enumerate(passages) if "ferry ticket" in p.text)
    common = (table, i, passages[i], analyzer, weights, None, 0.0, True, True)
    alone, _, (a, b), offset = passage_excerpt(*common)
    base = passages[i].start - offset
    shown = [(base + a, base + b)]
    # The article already shows this passage's excerpt: nothing of it is shown again.
    again = passage_excerpt(*common, shown=shown)[0]
    assert again == "" or not any(s in again for s in re.split(r"(?<=\.) ", alone) if s)
