"""Extractive summaries: one or two of an article's own sentences, at most 300 characters."""

from __future__ import annotations

import re
from collections import Counter

from bot.archive.domain.articles import Article, normalize_whitespace
from bot.archive.domain.passages import split_sentences as sentence_spans

DEFAULT_SUMMARY_CHARS = 300

# Wire-service datelines ("Pyongyang, October 1 (KCNA) -- ") say where, not what: drop them.
_DATELINE = re.compile(
    r"^[A-Z][\w .'-]{1,40},\s+[A-Z][a-z]+\.?\s+\d{1,2}\s*\([A-Za-z .]+\)\s*[-–—]+\s*"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    re.findall(
        r"\S+",
        "the a an and or of to in on for with by at from as is are was were be been has have "
        "had that this these those it its their his her they he she we you i not but said says "
        "will would can could also than then there which who whom what when where while after "
        "before about into over more most some such other only just one two ",
    )
)


def split_sentences(text: str) -> list[str]:
    """The body's sentences, line by line (wire copy puts each paragraph, caption and dateline
    on a line of its own), with the same splitter the search passages use."""
    sentences: list[str] = []
    for line in text.splitlines():
        sentences.extend(
            normalize_whitespace(line[start:end]) for start, end in sentence_spans(line)
        )
    return [sentence for sentence in sentences if sentence]


def _is_summary_worthy(sentence: str) -> bool:
    """Captions, crossheads and photo credits make poor summaries; real sentences have verbs."""
    words = sentence.split()
    if len(words) < 6 or len(sentence) < 40:
        return False
    if sentence.endswith(":") or " | " in sentence:
        return False
    letters = [c for c in sentence if c.isalpha()]
    # All-caps crossheads ("MORE PRISONS") and shouting are not summaries.
    return not (letters and sum(c.isupper() for c in letters) > 0.6 * len(letters))


def _keywords(text: str) -> Counter[str]:
    return Counter(
        word.casefold()
        for word in _WORD.findall(text)
        if word.casefold() not in _STOP and len(word) > 2
    )


def trim_to(text: str, max_chars: int) -> str:
    """Cut ``text`` at a word boundary so that it fits ``max_chars``, ending with '…'."""
    if len(text) <= max_chars:
        return text
    if max_chars <= 1:
        return "…"[:max_chars]
    cut = text[: max_chars - 1]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def summarize(article: Article, max_chars: int = DEFAULT_SUMMARY_CHARS) -> str:
    """An extractive summary of 1 or 2 of the article's sentences, at most ``max_chars`` long.

    News puts its point first, so the lead sentence wins unless it is a caption or a crosshead;
    a second sentence is added when it fits and shares the article's key terms.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1 character.")
    sentences = [_DATELINE.sub("", s) for s in split_sentences(article.body)]
    sentences = [s for s in sentences if s]
    if not sentences:
        return trim_to(normalize_whitespace(article.title), max_chars)
    worthy = [i for i, s in enumerate(sentences) if _is_summary_worthy(s)]
    if not worthy:
        return trim_to(sentences[0], max_chars)
    first = worthy[0]
    chosen = sentences[first]
    if len(chosen) >= max_chars:
        return trim_to(chosen, max_chars)
    keywords = _keywords(article.title + " " + article.body)
    top = {word for word, _ in keywords.most_common(12)}
    # The second sentence must come soon after the first, fit, and be about the same things.
    for candidate_index in worthy[1:4]:
        if candidate_index - first > 3:
            break
        candidate = sentences[candidate_index]
        # A crosshead-like lead without a full stop still reads as a sentence once it has one.
        joiner = " " if chosen[-1] in ".!?…\"'”’)" else ". "
        combined = f"{chosen}{joiner}{candidate}"
        shared = top & set(_keywords(candidate))
        if len(combined) <= max_chars and len(shared) >= 2:
            return combined
    return chosen
