"""The sentence that holds what a question asks: its words together with the asked-for kind.

In a long article the passage that repeats the question's words ("cross-border trade between
North Korea and Russia") often outranks the one whose single sentence answers ("Russia shares a
10-mile (17-km) border with North Korea"). A passage's answer sentence is its sentence that
holds something of the kind asked for (a number with its unit, a date, a name that is not the
question's own: query.py's answer types and focus.py's fillers) and the most of the question's
concept weight; /ask adds a share of that coverage to the passage's score (answers.py).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.archive.domain.passages import split_sentences
from bot.search.domain.focus import asked, filler_names, has_filler
from bot.search.domain.query import Question, coverage
from bot.search.domain.text import TextAnalyzer


def answer_test(question: Question, analyzer: TextAnalyzer) -> Callable[[str], bool] | None:
    """Whether a sentence holds the kind of answer ``question`` asks for (None: no kind).

    The focus, when the question has one, is the more specific ("how long is the border?" asks
    for a length, where its answer type also takes "three years"); a name answers only with a
    word that none of the question's own words or their aliases has ("North Koreans" does not
    answer "who ... North Korea?").
    """
    wanted = asked(question.text)
    focus = wanted.focus
    if focus is not None:
        if not focus.new:
            return lambda sentence: has_filler(wanted, sentence)
        own = {t for options in question.vector.concepts for option in options for t in option}

        def names_another(sentence: str) -> bool:
            return any(
                any(t not in own for t in analyzer.analyze(name))
                for name in filler_names(wanted, sentence)
            )

        return names_another
    kind = question.answer_type
    return kind.matches_answer if kind is not None else None


def answer_sentence_coverage(
    question: Question, text: str, analyzer: TextAnalyzer, holds: Callable[[str], bool]
) -> float:
    """The best concept coverage of a sentence of ``text`` that ``holds`` the answer's kind."""
    best = 0.0
    for a, b in split_sentences(text):
        sentence = text[a:b]
        if holds(sentence):
            best = max(best, coverage(question.vector, set(analyzer.analyze(sentence))))
    return best
