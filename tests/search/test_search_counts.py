"""The one-pass corpus analysis builds exactly the index the per-document reference path builds."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from bot.archive.domain.articles import Article, Passage
from bot.archive.domain.passages import split_passages
from bot.archive.domain.seed_dump import parse_seed_dump
from bot.search.domain.bulk import spaced_tokens
from bot.search.domain.index import SearchIndex
from bot.search.domain.rows import ScoredRows
from bot.search.domain.tables import ArticleTable, PassageTable, latest_per_id
from bot.search.domain.text import (
    AnalyzerConfig,
    TextAnalyzer,
    may_have_acronym,
    normalize_text,
    normalizes_char_by_char,
    token_spaces,
    tokenize,
)
from bot.search.domain.vectors import TermWeights, document_text

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_1d72199d3cd966bf.txt"

# Text where normalisation changes lengths or joins across pieces, words cut by a hard split,
# stop-word-only documents: the cases the one-pass path must either match or hand back.
_AWKWARD = [
    (
        "Pyöngyang café résumé",
        "Kim’s “visit” to Pyöngyang… Straße ﬁne ½ İstanbul.\n\nNew para. "
        + "x" * 700
        + "yz Another sentence here. Ｆｕｌｌｗｉｄｔｈ text. e\u0301cole naïve.",
    ),
    (
        "Plain title",
        "नमस्ते दुनिया. The e\u0301 lone mark \u0301 here. Hangul 조선 민주주의 인민 공화국. "
        + "longword" * 100
        + " end.",
    ),
    ("Ṭitle ﬁ", "ASCII body only. With two sentences. And three! Some more? Yes."),
    ("Long word", "It starts here. " + "abc1" * 200 + " and then ends. Next one."),
    # Dotted acronyms: kept whole in the bulk path, or handed back when glued to a word.
    ("U.S. title", "The U.S. and U.N. met in D.C. today. E.g. this one, i.e. that. No more."),
    ("Glued", "The U.S.Army came. Then the U.K. left. Then a.b.c.d.e. went. 1u.s. too."),
    ("Ü.N. naïve", "Die Ü.N. und É.U. trafen sich. Café. Noch ein Satz."),
    ("the and of", "the of and a an"),
    ("Dup", "first version about rice"),
    ("Dup", "second version: North Korea rice harvest"),
]


def _corpus() -> tuple[list[Article], list[Passage]]:
    dump = parse_seed_dump(SEED.read_text(encoding="utf-8"))
    articles = [
        Article(id=f"seed-{i}", source="seed", title=post.title, body=post.body)
        for i, post in enumerate(dump.posts)
    ]
    articles += [
        Article(id="dup" if title == "Dup" else f"odd-{i}", source="s", title=title, body=body)
        for i, (title, body) in enumerate(_AWKWARD)
    ]
    passages = [p for a in articles for p in split_passages(a)]
    # A passage whose text is not its article's body slice, and one of an unknown article.
    passages.append(Passage("odd-2", 99, 0, 5, "Something else entirely: Pyongyang"))
    passages.append(Passage("nowhere", 0, 0, 3, "abc"))
    random.Random(3).shuffle(passages)
    return articles, passages


def _reference_build(
    articles: Sequence[Article], passages: Sequence[Passage], config: AnalyzerConfig
) -> SearchIndex:
    """The index as built before the one-pass analysis: every document analysed alone."""
    unique = latest_per_id(articles)
    positions = {a.id: i for i, a in enumerate(unique)}
    kept = [p for p in passages if p.article_id in positions]
    weights, article_matrix, passage_matrix = TermWeights.fit(
        TextAnalyzer(config),
        [document_text(a.title, a.body) for a in unique],
        [document_text(unique[positions[p.article_id]].title, p.text) for p in kept],
    )
    n_terms = len(weights.vocabulary)
    return SearchIndex(
        weights,
        ArticleTable.of(unique),
        ScoredRows.from_matrix(article_matrix, n_terms),
        PassageTable.of(kept, [positions[p.article_id] for p in kept]),
        ScoredRows.from_matrix(passage_matrix, n_terms),
    )


@pytest.mark.parametrize(
    "config",
    [
        AnalyzerConfig(),
        AnalyzerConfig(stem=False),
        AnalyzerConfig(stop_words=False),
        AnalyzerConfig(bigrams=True),
    ],
    ids=["default", "no-stem", "no-stop-words", "bigrams"],
)
def test_build_equals_the_per_document_reference_bit_for_bit(config: AnalyzerConfig) -> None:
    articles, passages = _corpus()
    built = SearchIndex.build(articles, passages, config).to_arrays()
    # Embeddings do not come from the counts (tests/search/test_dense.py checks them).
    for key in (
        "article_vectors",
        "term_tokens_indices",
        "term_tokens_indptr",
        "term_tokens_shape",
    ):
        built.pop(key, None)
    reference = _reference_build(articles, passages, config).to_arrays()
    assert built.keys() == reference.keys()
    for key, value in reference.items():
        assert built[key].dtype == value.dtype, key
        assert np.array_equal(built[key], value), key


def test_build_of_nothing_or_only_stop_words_equals_the_reference() -> None:
    only_stop = [Article(id="a", source="s", title="The", body="and of the")]
    for articles in ([], only_stop):
        passages = [p for a in articles for p in split_passages(a)]
        built = SearchIndex.build(articles, passages).to_arrays()
        reference = _reference_build(articles, passages, AnalyzerConfig()).to_arrays()
        for key, value in reference.items():
            assert np.array_equal(built[key], value), key


@pytest.mark.parametrize("ascii_text", [True, False], ids=["ascii", "unicode"])
def test_the_fast_tokenizer_finds_what_the_pattern_finds(ascii_text: bool) -> None:
    # Separators, digits, upper case, dotted acronyms and (for the general path) letters,
    # digits, marks and punctuation beyond ASCII, whole and sliced anywhere.
    alphabet = "ab.z09 .,A-_\n'u.s.x.y."
    if not ascii_text:
        alphabet += "é.ü.ß½٣“”’—\u0301조선\u00a0\ud800Ｆ"
    pattern = r"(?:[a-z]\.){2,}|[a-z0-9]+" if ascii_text else r"(?:[^\W\d_]\.){2,}|[^\W_]+"
    rng = random.Random(7)
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start, end = sorted(rng.randint(0, len(text)) for _ in range(2))
        expected = re.findall(pattern, text[start:end])
        found = tokenize(text, start, end, ascii_text=ascii_text)
        assert found == expected, (text, start, end)
        if not may_have_acronym(text, ascii_text=ascii_text):
            spaced = token_spaces(text, ascii_text=ascii_text)
            assert spaced[start:end].split() == expected, (text, start, end)
    assert may_have_acronym("the u.s. and u.n.", ascii_text=ascii_text)
    assert tokenize("the u.s. and u.n. of 2024.", ascii_text=ascii_text) == [
        "the",
        "u.s.",
        "and",
        "u.n.",
        "of",
        "2024",
    ]


def test_text_that_normalizes_char_by_char_commutes_with_slicing_and_joining() -> None:
    # Letters with and without accents, ligatures, full-width and compatibility forms, quotes,
    # combining marks, Hangul syllables and jamo, dotted capital I, sharp s: whenever the check
    # says yes, normalising any slice (or a title joined to one) is slicing the normalised text.
    pool = list("ab Z9.\n’“—…éÉñÅﬁＦ½²ßẞİ\u0301\u0308조선\u1100\u1161\u11a8ｶﾞΣσς\u212b")
    rng = random.Random(17)
    said_yes = said_no = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        if not normalizes_char_by_char(text):
            said_no += 1
            continue
        said_yes += 1
        whole = normalize_text(text)
        assert len(whole) == len(text), text
        start, end = sorted(rng.randint(0, len(text)) for _ in range(2))
        assert normalize_text(text[start:end]) == whole[start:end], text
        assert normalize_text(document_text(text, text[start:end])) == document_text(
            whole, whole[start:end]
        ), text
    assert said_yes > 1_000 and said_no > 1_000


@pytest.mark.parametrize("ascii_text", [True, False], ids=["ascii", "general"])
def test_bulk_spacing_finds_the_tokens_of_the_pattern_in_every_window(ascii_text: bool) -> None:
    # The bulk path splits a body whose non-token characters are spaces (acronyms keep their
    # dots) and gives each window the tokens that start in it: when no token crosses the
    # window's ends, those are what the pattern finds in the window.
    alphabet = "ab.z09 .,-_\n'u.s.x.y.e.g."
    if not ascii_text:
        alphabet += "é.ü.ß½٣“”’—조선\u00a0Ｆ"
    pattern = r"(?:[a-z]\.){2,}|[a-z0-9]+" if ascii_text else r"(?:[^\W\d_]\.){2,}|[^\W_]+"
    rng = random.Random(11)
    checked = handed_back = 0
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        if not ascii_text:
            text = normalize_text(text)
        spaced = spaced_tokens(text, ascii_text and text.isascii())
        if spaced is None:
            handed_back += 1
            continue
        assert len(spaced) == len(text)
        assert spaced.split() == re.findall(pattern, text), text
        start, end = sorted(rng.randint(0, len(text)) for _ in range(2))
        inside = [m for m in re.finditer(r"\S+", spaced) if start <= m.start() < end]
        if all(m.end() <= end for m in inside) and not (
            0 < start < len(text) and spaced[start - 1] != " " != spaced[start]
        ):
            checked += 1
            assert [m.group() for m in inside] == re.findall(pattern, text[start:end]), text
    assert checked > 2_000 and handed_back > 10
