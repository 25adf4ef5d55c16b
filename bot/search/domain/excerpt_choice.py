"""Which sentences of a candidate passage /ask shows: the excerpt holds the passage's answer.

A passage is ranked on its own text, but its excerpt is chosen from a window that adds the
neighbouring passages' text (an answer is often the sentence just before or after the one that
repeats the question's words). Two choices keep the excerpt on what ranked the passage
(bench/RESULTS.md, "search", round 15):

- ``core_in_passage``: the run of sentences that scores best must lie in the passage itself;
  the neighbours' sentences only grow it. Otherwise a sentence of the previous passage that
  repeats the question's words ("the drowned man") takes the excerpt, and the passage's own
  answer ("identified as North Korean from a train ticket") is cut at the length limit.
- ``answer_sentence_only``: the bonus for the asked-for kind goes only to the sentence that
  holds that kind (focus.py's filler when the question has a focus, else the answer type's form:
  answer_sentence.answer_test) and the most of the question's weight, not to every sentence that
  holds a number: "how many North Koreans can get online?" wants "fewer than 1,000 people ...
  have access", not "7.51 million mobile connections".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.archive.domain.articles import Passage
from bot.search.domain.excerpt import best_excerpt
from bot.search.domain.tables import PassageTable
from bot.search.domain.text import TextAnalyzer


def passage_window(passages: PassageTable, i: int, passage: Passage) -> tuple[str, int]:
    """The passage with the neighbouring passages' text around it (same article, contiguous
    offsets), and how many characters precede the passage in it."""
    texts, spans, owners = passages.texts, passages.spans, passages.article
    before, after = "", ""
    if i > 0 and owners[i - 1] == owners[i]:
        prev_start, prev_end = int(spans[i - 1][1]), int(spans[i - 1][2])
        if prev_start < passage.start <= prev_end:
            before = texts[i - 1][: passage.start - prev_start]
    if i + 1 < len(texts) and owners[i + 1] == owners[i]:
        next_start, next_end = int(spans[i + 1][1]), int(spans[i + 1][2])
        if next_start <= passage.end < next_end:
            after = texts[i + 1][passage.end - next_start :]
    return before + passage.text + after, len(before)


def passage_excerpt(
    passages: PassageTable,
    i: int,
    passage: Passage,
    analyzer: TextAnalyzer,
    term_weights: Mapping[str, float],
    prefer: Callable[[str], bool] | None,
    bonus: float,
    context: bool,
    core_in_passage: bool = False,
    answer_sentence_only: bool = False,
    shown: Sequence[tuple[int, int]] = (),
    words: bool = True,
) -> tuple[str, tuple[str, ...], tuple[int, int], int]:
    """The excerpt of candidate passage ``i``, its matched words, its span in the window and the
    window's offset before the passage (best_excerpt; the choices above). ``shown``: the
    article's spans already shown (article offsets): the excerpt avoids their sentences;
    ``words``: whether to read the matched words (best_excerpt)."""
    window, offset = passage_window(passages, i, passage) if context else (passage.text, 0)
    core = (offset, offset + len(passage.text)) if core_in_passage and context else None
    base = passage.start - offset
    avoid = [(a - base, b - base) for a, b in shown]
    excerpt, matched, span = best_excerpt(
        window,
        analyzer,
        term_weights,
        prefer=prefer,
        bonus=bonus,
        context=context,
        core=core,
        best_preferred_only=answer_sentence_only,
        avoid=avoid,
        words=words,
    )
    return excerpt, matched, span, offset
