"""Sentence and passage splitting: the units /ask cites instead of whole articles.

A passage is a window of 1 to 3 consecutive sentences of an article body, never over
``MAX_PASSAGE_CHARS`` characters, carrying its character offsets so ``body[start:end] == text``.
Consecutive windows overlap by one sentence (stride 2). Measured by bench/tune_search.py (section
"search-tuning" of bench/RESULTS.md): on XQuAD the first excerpt holds the answer for 79% of
questions with stride 2, 80% with stride 1 (within noise, but 35% more passages and each sentence
stored three times) and 78% with stride 3 (no overlap: an answer spanning two windows is cut).
"""

from __future__ import annotations

import re

from bot.archive.domain.articles import Article, Passage

MAX_PASSAGE_CHARS = 500
MAX_WINDOW_SENTENCES = 3
DEFAULT_STRIDE = 2

# A paragraph break (a blank line) always ends a sentence, even without punctuation: headings and
# photo captions ("MORE PRISONS", "Detention facility in Hunchun, Nov 2019:") stand alone.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Candidate end of a sentence: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can open a sentence (capital, digit, opening quote or bracket).
_CANDIDATE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[A-Z0-9])")
# Words whose trailing period is an abbreviation, not a full stop ("Jan. 26", "Mr. Kim", "U.N.").
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "pres",
        "amb",
        "rev",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vol",
        "fig",
        "pp",
        "inc",
        "co",
        "corp",
        "ltd",
        "dept",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "cf",
        "ca",
        "e.g",
        "i.e",
        "u.n",
        "u.s",
        "u.k",
        "u.s.a",
        "d.c",
        "a.m",
        "p.m",
        "n.k",
        "r.o.k",
        "d.p.r.k",
    ]
)
# Where to cut a sentence that alone exceeds the passage limit, best first: the cut goes after
# the last match's first character. The greedy prefix finds the last match in one call
# (backtracking from the end); the matches cannot overlap, so it is the last one finditer finds.
_SOFT_BREAKS = (
    re.compile(r"(?s:.*)([;:])\s"),
    re.compile(r"(?s:.*)(,)\s"),
    re.compile(r"(?s:.*)(\s)"),
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences, as ``(start, end)`` offsets with surrounding space trimmed.

    Sentences longer than ``MAX_PASSAGE_CHARS`` are cut at a clause or word boundary so every
    span fits in one passage.
    """
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _paragraph_spans(text):
        for start, end in _sentences_in(text, para_start, para_end):
            if end - start <= MAX_PASSAGE_CHARS:
                spans.append((start, end))  # already trimmed
            else:
                spans.extend(_cut_long(text, start, end, MAX_PASSAGE_CHARS))
    return spans


def split_passages(
    article: Article,
    *,
    max_sentences: int = MAX_WINDOW_SENTENCES,
    stride: int = DEFAULT_STRIDE,
    max_chars: int = MAX_PASSAGE_CHARS,
) -> list[Passage]:
    """Split an article body into overlapping windows of 1 to ``max_sentences`` sentences.

    Windows start every ``stride`` sentences, grow while they stay within ``max_chars`` and the
    last sentence is always covered. Ordinals count from 0 in body order.
    """
    if max_sentences < 1 or stride < 1 or max_chars < 1:
        raise ValueError("max_sentences, stride and max_chars must be positive")
    body = article.body
    sentences = split_sentences(body)
    if max_chars < MAX_PASSAGE_CHARS:
        # split_sentences already cut (and trimmed) every sentence to MAX_PASSAGE_CHARS.
        sentences = [
            piece for start, end in sentences for piece in _cut_long(body, start, end, max_chars)
        ]
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        j = i + 1  # a window always holds at least one sentence
        while (
            j < len(sentences)
            and j - i < max_sentences
            and sentences[j][1] - sentences[i][0] <= max_chars
        ):
            j += 1
        windows.append((sentences[i][0], sentences[j - 1][1]))
        if j == len(sentences):
            break
        # Never skip a sentence: when the size limit shortened the window, restart right after it.
        i = min(i + stride, j)
    return [
        Passage(article_id=article.id, ordinal=n, start=s, end=e, text=body[s:e])
        for n, (s, e) in enumerate(windows)
    ]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s is not None]


def _sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of a trimmed paragraph ``text[start:end]``, each trimmed and non-empty.

    A sentence ends with its punctuation and the next starts after the whitespace that follows,
    so only the paragraph's own ends could hold space, and they do not.
    """
    spans = []
    pos = start
    for match in _CANDIDATE_END.finditer(text, start, end):
        punct = match.group()
        if punct[0] == "." and _is_abbreviation(text, pos, match.start(), punct):
            continue
        stop = match.end()
        spans.append((pos, stop))
        # The next sentence starts after the whitespace (the pattern saw it end before ``end``).
        pos = stop + 1
        while text[pos].isspace():
            pos += 1
    spans.append((pos, end))
    return spans


def _is_abbreviation(text: str, sentence_start: int, dot_at: int, punct: str) -> bool:
    if not punct.startswith(".") or punct.startswith(".."):
        return False
    word = _word_before(text, sentence_start, dot_at).lower()
    if not word:
        return False
    # A single letter is an initial ("Kim J. Un"), not the end of a sentence.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _word_before(text: str, start: int, end: int) -> str:
    r"""The run of word characters and dots ending at ``end`` (not before ``start``).

    What ``re.search(r"([\w.]+)$", text, start, end)`` finds, but walking back from ``end``:
    that search tries every start position and so costs quadratic time in the sentence length.
    """
    if end > start and text[end - 1] == "\n":
        end -= 1  # "$" also matches just before a final newline
    i = end
    while i > start and ((ch := text[i - 1]).isalnum() or ch in "_."):
        i -= 1
    return text[i:end]


def _cut_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    if end - start <= limit:  # the common case, without building the piece list
        single = _trim(text, start, end)
        return [single] if single is not None else []
    pieces = []
    while end - start > limit:
        cut = _best_cut(text, start, start + limit)
        pieces.append((start, cut))
        trimmed = _trim(text, cut, end)
        if trimmed is None:
            return [p for p in (_trim(text, a, b) for a, b in pieces) if p is not None]
        start = trimmed[0]
    pieces.append((start, end))
    return [p for p in (_trim(text, a, b) for a, b in pieces) if p is not None]


def _best_cut(text: str, start: int, limit_end: int) -> int:
    # Only accept a break in the second half of the window, so pieces are not tiny.
    floor = start + (limit_end - start) // 2
    for pattern in _SOFT_BREAKS:
        last = pattern.match(text, floor, limit_end)
        if last is not None:
            return last.end(1)
    return limit_end  # one unbroken token longer than the limit: hard cut


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
