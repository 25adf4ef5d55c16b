"""Many articles tokenised at once: their bodies joined, split in one call, numbered in one.

An article whose normalisation maps each character alone, whose passages are all windows of
its body and which holds no dotted acronym has the tokens ``token_spaces(body).split()``, and
a passage's tokens are those that start inside its window (when no window boundary falls
inside a word). So the bodies of consecutive such articles are joined with a space and split
once, and each document's range of tokens is found from where the tokens start, with numpy: no
Python code per passage or per token. The counts equal the per-article analysis (counts.py),
which handles every other article.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bot.archive.domain.articles import Article, Passage
from bot.search.domain.ranges import RangeDocuments
from bot.search.domain.text import (
    may_have_acronym,
    normalize_text,
    normalizes_char_by_char,
    token_spaces,
    tokenize,
)
from bot.search.domain.vectors import TITLE_REPEAT, document_text
from bot.search.domain.words import BODY, PARTS, TITLE, WordIds

# Dotted acronyms as the tokeniser finds them (text.py's _TOKEN and _ASCII_TOKEN) in normalised
# text, where its other alternative (runs of letters and digits) is taken whole.
_ACRONYM = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}")
_ASCII_ACRONYM = re.compile(r"(?<![a-z0-9])(?:[a-z]\.){2,}")
# Body characters tokenised per call: bounds the joined text and its arrays (peak memory).
_CHUNK_CHARS = 300_000


@dataclass
class Prepared:
    """One article normalised, with each passage's window in its body (None: not a window)."""

    article: Article
    passages: list[Passage]
    norm_title: str
    norm_body: str
    plain: bool  # title and body are ASCII
    aligned: bool  # normalising maps each character alone (so it commutes with slicing)
    windows: list[tuple[int, int] | None]
    simple: bool  # aligned and every passage a window: may be tokenised in bulk


def prepare(article: Article, passages: list[Passage]) -> Prepared:
    """Normalise one article and find its passages' windows."""
    title, body = article.title, article.body
    plain = title.isascii() and body.isascii()
    # On ASCII, normalize_text is lower(). Either way, where it maps each character alone (to
    # one character), it commutes with slicing and joining; otherwise each document's
    # normalised form is checked against the pieces it is assembled from, and a document that
    # differs is analysed alone.
    norm_title = title.lower() if plain else normalize_text(title)
    norm_body = body.lower() if plain else normalize_text(body)
    aligned = plain or (normalizes_char_by_char(title) and normalizes_char_by_char(body))
    size = len(body)
    windows: list[tuple[int, int] | None] = [
        (p.start, p.end)
        if 0 <= p.start <= p.end <= size
        and p.end - p.start == len(p.text)
        and body.startswith(p.text, p.start)
        else None
        for p in passages
    ]
    if not aligned:
        windows = [
            w
            if w is not None
            and normalize_text(document_text(title, p.text))
            == document_text(norm_title, norm_body[w[0] : w[1]])
            else None
            for p, w in zip(passages, windows, strict=True)
        ]
    simple = aligned and None not in windows
    return Prepared(article, passages, norm_title, norm_body, plain, aligned, windows, simple)


def spaced_tokens(norm_body: str, plain: bool) -> str | None:
    """The body with every character outside a token replaced by a space, so that its tokens
    are its runs of other characters; None when that cannot be (an acronym glued to a word).

    Dotted acronyms keep their dots. The tokeniser's pattern meets an acronym only where no
    letter or digit comes before it (it takes runs of those whole) and takes it as long as it
    goes, which is what the look-behind pattern finds, left to right.
    """
    spaced = token_spaces(norm_body, ascii_text=plain)
    if not may_have_acronym(norm_body, ascii_text=plain):
        return spaced
    pieces: list[str] = []
    done = 0
    for match in (_ASCII_ACRONYM if plain else _ACRONYM).finditer(norm_body):
        start, end = match.span()
        if end < len(spaced) and spaced[end] != " ":
            return None  # "u.s.army": two tokens that would read as one
        pieces += [spaced[done:start], match.group()]
        done = end
    pieces.append(spaced[done:])
    return "".join(pieces)


class BulkArticles:
    """Collects simple articles (in corpus order) and tokenises them many at a time.

    Documents are numbered in the order they are added, so the caller flushes before it adds
    any other article's documents, and at the end. An article with a word cut by a window
    boundary (a hard cut in a very long word) goes to ``one_by_one`` in its turn.
    """

    def __init__(
        self,
        word_ids: WordIds,
        article_docs: RangeDocuments,
        passage_docs: RangeDocuments,
        one_by_one: Callable[[int, Prepared], None],
    ) -> None:
        self._word_ids = word_ids
        self._article_docs = article_docs
        self._passage_docs = passage_docs
        self._one_by_one = one_by_one
        self._held: list[tuple[int, Prepared, str]] = []
        self._chars = 0

    def add(self, index: int, prepared: Prepared) -> None:
        """Hold a simple article (``index``: its position in the corpus); tokenise when full."""
        spaced = spaced_tokens(prepared.norm_body, prepared.plain)
        if spaced is None:
            self.flush()
            self._one_by_one(index, prepared)
            return
        self._held.append((index, prepared, spaced))
        self._chars += len(spaced) + 1
        if self._chars >= _CHUNK_CHARS:
            self.flush()

    def flush(self) -> None:
        """Tokenise the held articles and add their documents."""
        held, self._held, self._chars = self._held, [], 0
        cut = self._tokenise(held, check=True)
        if cut is None:
            return
        run: list[tuple[int, Prepared, str]] = []
        for item, is_cut in zip(held, cut.tolist(), strict=True):
            if is_cut:
                self._tokenise(run, check=False)
                run = []
                self._one_by_one(item[0], item[1])
            else:
                run.append(item)
        self._tokenise(run, check=False)

    def _tokenise(
        self, held: list[tuple[int, Prepared, str]], *, check: bool
    ) -> NDArray[np.bool_] | None:
        """Add the documents of ``held``; or, when ``check`` finds a word cut by a window
        boundary, add nothing and return which articles have one."""
        if not held:
            return None
        joined = " ".join([spaced for _, _, spaced in held])
        sizes = np.fromiter((len(s) for _, _, s in held), dtype=np.int64, count=len(held))
        offsets = np.zeros(len(held), dtype=np.int64)
        np.cumsum(sizes[:-1] + 1, out=offsets[1:])
        if joined.isascii():
            codes: NDArray[np.integer] = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
        else:
            raw = joined.encode("utf-32-le", "surrogatepass")
            codes = np.frombuffer(raw, dtype=np.uint32)
        in_word = codes != 32  # the other characters are token characters (and acronyms' dots)
        begins = in_word.copy()
        begins[1:] &= ~in_word[:-1]
        starts = np.flatnonzero(begins)
        del begins, codes
        owner = np.fromiter(
            (i for i, (_, p, _) in enumerate(held) for _ in p.windows), dtype=np.int64
        )
        bounds = np.fromiter(
            (x for _, p, _ in held for w in p.windows if w for x in w), dtype=np.int64
        ).reshape(-1, 2)
        at = offsets[owner, None] + bounds
        if check and in_word.size:
            inner = (bounds > 0) & (bounds < sizes[owner, None])
            before = in_word[np.maximum(at - 1, 0)]
            after = in_word[np.minimum(at, in_word.size - 1)]
            cut_bound = inner & before & after
            if cut_bound.any():
                cut = np.zeros(len(held), dtype=np.bool_)
                cut[owner[cut_bound.any(axis=1)]] = True
                return cut
        del in_word
        word_ids = self._word_ids
        body_first = np.searchsorted(starts, offsets)
        body_end = np.searchsorted(starts, offsets + sizes)
        window = np.searchsorted(starts, at)
        tokens = joined.split()
        del joined
        if len(tokens) != starts.size:
            raise AssertionError("bulk tokenising disagrees with the token starts")
        keys = np.fromiter((index for index, _, _ in held), dtype=np.int64, count=len(held))
        keys *= PARTS
        base, _ = word_ids.extend_keyed(tokens, np.repeat(keys + BODY, body_end - body_first))
        del tokens
        titles = [tokenize(p.norm_title, ascii_text=p.plain) for _, p, _ in held]
        title_sizes = np.fromiter(map(len, titles), dtype=np.int64, count=len(titles))
        title_base, _ = word_ids.extend_keyed(
            list(itertools.chain.from_iterable(titles)), np.repeat(keys + TITLE, title_sizes)
        )
        title_first = np.zeros(len(held), dtype=np.int64)
        np.cumsum(title_sizes[:-1], out=title_first[1:])
        title_first += title_base
        title_end = title_first + title_sizes
        self._article_docs.add_many(
            title_first, title_end, TITLE_REPEAT, base + body_first, base + body_end
        )
        self._passage_docs.add_many(
            title_first[owner],
            title_end[owner],
            TITLE_REPEAT,
            base + window[:, 0],
            base + window[:, 1],
        )
        return None
