"""Sentence and passage splitting."""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from pathlib import Path

import pytest

from bot.archive.domain import passages as passages_module
from bot.archive.domain.articles import (
    NON_ASCII_WHITESPACE,
    Article,
    content_hash,
    normalize_whitespace,
)
from bot.archive.domain.passages import MAX_PASSAGE_CHARS, split_passages, split_sentences

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_1d72199d3cd966bf.txt"


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_splits_on_terminal_punctuation_and_keeps_offsets() -> None:
    text = "  First one. Second one!  Third one?\n\nA heading\n\nLast line"
    assert _sentences(text) == ["First one.", "Second one!", "Third one?", "A heading", "Last line"]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "A source told Daily NK on Jan. 26 that the U.N. agency left. Mr. Kim J. Un agreed."
    assert _sentences(text) == [
        "A source told Daily NK on Jan. 26 that the U.N. agency left.",
        "Mr. Kim J. Un agreed.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "“Defectors feel insecure.” The source said so. (Another one.) Done"
    assert _sentences(text) == [
        "“Defectors feel insecure.”",
        "The source said so.",
        "(Another one.)",
        "Done",
    ]


def test_lowercase_after_period_is_not_a_boundary() -> None:
    assert _sentences("Version 2.5 is out. it continues e.g. here.") == [
        "Version 2.5 is out. it continues e.g. here."
    ]


def test_overlong_sentence_is_cut_within_limit() -> None:
    text = ", ".join(f"clause number {i} about the border" for i in range(60)) + "."
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(b - a <= MAX_PASSAGE_CHARS for a, b in spans)
    assert text[spans[0][0] : spans[-1][1]].startswith("clause number 0")
    assert text[spans[-1][0] : spans[-1][1]].endswith("border.")


def test_unbroken_token_is_hard_cut() -> None:
    text = "x" * 1200
    spans = split_sentences(text)
    assert [b - a for a, b in spans] == [500, 500, 200]


@pytest.mark.parametrize("body", ["", "   \n\n  ", "\x00", "🙂", "שלום עולם", "\u200b"])
def test_odd_bodies_never_fail(body: str) -> None:
    passages = split_passages(Article(id="a", source="t", title="t", body=body))
    for p in passages:
        assert p.text == body[p.start : p.end]


def test_windows_hold_one_to_three_sentences_and_overlap_by_one() -> None:
    body = " ".join(f"Sentence number {i} is here." for i in range(7))
    passages = split_passages(Article(id="a", source="t", title="t", body=body))
    counts = [p.text.count("Sentence") for p in passages]
    assert counts == [3, 3, 3]
    assert passages[0].text.endswith("number 2 is here.")
    assert passages[1].text.startswith("Sentence number 2")
    assert passages[-1].text.endswith("number 6 is here.")
    assert [p.ordinal for p in passages] == [0, 1, 2]


def test_size_limit_shrinks_windows_without_skipping_sentences() -> None:
    long = "word " * 90  # ~450 chars
    body = f"Short one. {long.strip()}. Another short. {long.strip()}. End."
    passages = split_passages(Article(id="a", source="t", title="t", body=body))
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in passages)
    covered = "".join(body[p.start : p.end] for p in passages)
    for sentence in _sentences(body):
        assert sentence in covered


def test_seed_passages_are_exact_slices_within_limit() -> None:
    body = SEED.read_text(encoding="utf-8")
    article = Article(id="seed", source="seed", title="seed", body=body)
    passages = split_passages(article)
    assert len(passages) > 50
    sentences = split_sentences(body)
    starts = {a for a, _ in sentences}
    ends = {b for _, b in sentences}
    for p in passages:
        assert p.text == body[p.start : p.end]
        assert 0 < len(p.text) <= MAX_PASSAGE_CHARS
        assert p.start in starts and p.end in ends
    # every sentence is in some passage
    for a, b in sentences:
        assert any(p.start <= a and b <= p.end for p in passages)
    assert any("fewer than 1,000 people" in p.text for p in passages)


def test_rejects_nonpositive_parameters() -> None:
    with pytest.raises(ValueError):
        split_passages(Article(id="a", source="t", title="t", body="x."), stride=0)


def test_whitespace_and_content_hash_match_their_definitions() -> None:
    # normalize_whitespace is re.sub(r"\s+", " ", text).strip(); content_hash hashes the NFKC
    # casefolded body so normalised (the ASCII shortcut must not change any hash).
    texts = [
        "  Kim\u00a0Jong\u2003Un\n\n visits\x1c Wonsan ",
        "PLAIN ascii\tTEXT ",
        "Ｆｕｌｌ ÉCOLE ß",
        "",
    ]
    for text in texts:
        assert normalize_whitespace(text) == re.sub(r"\s+", " ", text).strip()
        canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()
        assert content_hash(text) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    # Random text over every whitespace character, ASCII and a few others.
    spaces = "".join(c for c in map(chr, range(128, 0x110000)) if c.isspace())
    assert spaces == NON_ASCII_WHITESPACE
    alphabet = [chr(c) for c in range(128)] + list(NON_ASCII_WHITESPACE) + list("éẞﬁİ\u200b")
    rng = random.Random(11)
    for _ in range(3_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        canonical = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()
        assert content_hash(text) == hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def test_overlong_sentences_are_cut_after_the_last_break_of_each_kind() -> None:
    # The cut goes after the last "; " (or ": "), else the last ", ", else the last space, in
    # the second half of the window: what scanning every match finds.
    rng = random.Random(5)
    for _ in range(300):
        body = "".join(rng.choice(["word", " ", ", ", "; ", ": ", "x" * 20]) for _ in range(200))
        start, limit_end = 0, MAX_PASSAGE_CHARS
        floor = limit_end // 2
        expected = limit_end
        for pattern in (r"[;:]\s", r",\s", r"\s"):
            found = list(re.finditer(pattern, body[:limit_end]))
            found = [m for m in found if m.start() >= floor]
            if found:
                expected = found[-1].start() + 1
                break
        assert passages_module._best_cut(body, start, limit_end) == expected
