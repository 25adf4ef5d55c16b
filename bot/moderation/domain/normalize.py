"""Text normalisation for matching: undo the tricks people use to slip words past a filter.

Every filter and detector matches against the same :class:`NormalizedText`, and every pattern a
moderator writes goes through the same pipeline, so 'N1GG3R', 'n i g g e r', 'ｎｉｇｇｅｒ' (full
width), 'nіgger' (Cyrillic i), '||nigger||' (spoiler) and 'niiiigger' all meet the word they spell.

Views:
- ``plain``: NFKC/NFKD, casefold, zero-width and format characters and combining marks (Zalgo)
  removed, homoglyphs folded to ASCII, Discord markdown unwrapped, whitespace collapsed. Regexes
  run here.
- ``tokens``: words of ``plain`` with leetspeak decoded and letters split by separators joined.
- ``squeezed``: the tokens joined by single spaces (with a space at each end) and every run of a
  repeated letter collapsed to one; ``runs`` keeps each run's length so a match can insist that
  'ass' needs two s ('as' is not 'ass') while 'asssss' still counts.
"""

from __future__ import annotations

import itertools
import json
import operator
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import cast

from unidecode import unidecode

from bot.moderation.domain.text_split import clause_pieces, has_markup, sentence_pieces

#: Longer messages are cut: Discord's own limit is 4,000 characters, and the cap bounds the cost.
MAX_TEXT_CHARS = 8_000

_MARKDOWN_PAIRS = re.compile(
    r"\|\|(.+?)\|\||\*\*(.+?)\*\*|__(.+?)__|~~(.+?)~~|`{1,3}(.+?)`{1,3}|(?<!\w)\*(.+?)\*(?!\w)"
    r"|(?<!\w)_(.+?)_(?!\w)",
    re.DOTALL,
)
_MASKED_LINK = re.compile(r"\[([^\]]*)\]\((\S*?)\)")
_LINE_MARKUP = re.compile(r"(?m)^\s*(?:>>>|>|#{1,3}|-#)\s+")
_DISCORD_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:(\w+):\d+>")
# What marks a text as holding markdown, and where sentences and clauses split: normalize()
# asks text_split.py, which gives the same answers and pieces by str methods (tested).
_MARKUP_CHARS = re.compile(r"\*|__|(?<!\w)_|~~|\|\||`|\]\(|<[@#:a]|(?m:^\s*(?:>|#|-#))")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE_CHARS = re.compile(r"[,:()\u2014\u2013]| - ")
_CLAUSE_SPLIT = re.compile(r"[,:()]|\s[-\u2013\u2014]+\s|\u2014")
# Raw tokens keep leet characters and in-word asterisks ('f*ck'); everything else splits.
_RAW_TOKEN = re.compile(r"[a-z0-9@$!*+'’]+")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|\*")
_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "9": "g",
        "@": "a",
        "$": "s",
        "!": "i",
        "+": "t",
    }
)
_LEET_CHARS = frozenset("0134579@$!+")
_HAS_RUN = re.compile(r"(.)\1")
_ASCII_CONTROLS = {code: " " for code in (*range(0x20), 0x7F)}
# Relations whose slash is a combining mark under NFKD ("≠" is "=" + U+0338): folded by
# decomposition they would read as their opposite ("trans ≠ mentally ill" as "... = ...").
_NEGATED_RELATIONS = str.maketrans(
    {"\u2260": " is not ", "\u2262": " is not ", "\u2249": " is not ", "\u2204": " there is no "}
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of ``plain`` and its tokens ``[start, end)``; ``clause_starts`` are the token
    indices where a clause begins (after a comma, colon, dash or bracket)."""

    plain: str
    start: int
    end: int
    clause_starts: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The views of one text that filters match against (see the module docstring)."""

    original: str
    plain: str
    tokens: tuple[str, ...]
    squeezed_tokens: tuple[str, ...]
    squeezed: str
    runs: bytes
    token_starts: tuple[int, ...]
    sentences: tuple[Sentence, ...] = ()

    @property
    def text(self) -> str:
        """The canonical tokens joined by single spaces."""
        return " ".join(self.tokens)

    def token_index_at(self, offset: int) -> int:
        """Index of the token covering ``offset`` in ``squeezed`` (the last one starting before)."""
        from bisect import bisect_right

        return max(0, bisect_right(self.token_starts, offset) - 1)


@lru_cache(maxsize=1)
def _homoglyph_table() -> dict[str, str]:
    """Map non-ASCII look-alikes to the ASCII letter or digit they imitate.

    Built from confusable-homoglyphs' data (Unicode's confusables.txt) rather than a hand table;
    a letter is preferred over a digit when a character imitates both.
    """
    path = resources.files("confusable_homoglyphs").joinpath("confusables.json")
    data: dict[str, list[dict[str, str]]] = json.loads(path.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for char, homoglyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        ascii_twins = [h["c"] for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii()]
        letters = [c for c in ascii_twins if c.isalpha()]
        digits = [c for c in ascii_twins if c.isdigit()]
        if letters:
            table[char] = letters[0].lower()
        elif digits:
            table[char] = digits[0]
    return table


def preload() -> None:
    """Build the homoglyph table now (~50 ms), not on the first message with a non-ASCII
    letter."""
    _homoglyph_table()


@lru_cache(maxsize=65_536)
def _fold_char(char: str) -> str:
    """Fold one non-ASCII character to ASCII: look-alike first, transliteration second."""
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf", "Cc", "Co", "Cs", "Cn"):
        return ""  # combining marks (Zalgo), zero-width and format characters, controls
    if category.startswith("Z"):
        return " "
    twin = _homoglyph_table().get(char)
    if twin is not None:
        return twin
    folded = unidecode(char).casefold()
    # Emoji and symbols transliterate to nothing or to words like '(c)': keep words apart.
    return folded if folded.strip() else " "


def _fold(text: str) -> str:
    if text.isascii():
        return text
    text = text.translate(_NEGATED_RELATIONS)
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text)).casefold()
    if decomposed.isascii():
        return decomposed
    return "".join(c if c.isascii() else _fold_char(c) for c in decomposed)


def _unwrap_markdown(text: str) -> str:
    if not has_markup(text):  # _MARKUP_CHARS.search(text) by substring tests in C
        return text  # most messages carry no markdown at all
    text = _MASKED_LINK.sub(r"\1 \2", text)
    text = _DISCORD_MENTION.sub(lambda m: f" {m.group(1)} " if m.group(1) else " ", text)
    text = _LINE_MARKUP.sub("", text)
    # Nested markup ('||**x**||') needs a second pass; two cover what people type.
    for _ in range(2):
        text = _MARKDOWN_PAIRS.sub(lambda m: " " + next(g for g in m.groups() if g) + " ", text)
    return text


def normalize_plain(text: str) -> str:
    """The ``plain`` view: folded, casefolded, markdown unwrapped, whitespace collapsed."""
    text = text[:MAX_TEXT_CHARS].replace("\x00", " ")
    text = _unwrap_markdown(text)
    text = _fold(text.casefold()).casefold()
    if not text.isprintable():
        # An ASCII text's unprintable characters are its controls, each one to a space in C
        # (the same as the character loop, which non-ASCII text still takes).
        text = (
            text.translate(_ASCII_CONTROLS)
            if text.isascii()
            else "".join(c if c.isprintable() else " " for c in text)
        )
    # Whitespace runs to single spaces, ends stripped: str.split() splits on exactly the
    # characters regex's \s matches in a str (both Py_UNICODE_ISSPACE), several times faster.
    return " ".join(text.split())


_NUMBER_WORD = re.compile(r"^\d+(?:s|st|nd|rd|th)$")


def _decode_token(raw: str) -> str:
    if raw.isalpha():
        return raw  # the common case: a plain word
    token = raw.strip("'’").replace("’", "'")
    token = token.rstrip("!+*").lstrip("!+*@")
    letters = sum(map(str.isalpha, token))
    # Numbers ('2024', '$100') and decades or ordinals ('90s', '1990s', '21st', '3rd') stay as
    # they are: only words with letters are read as leetspeak.
    if _NUMBER_WORD.match(token):
        return token
    if letters >= 1 and len(token) >= 3 and not _LEET_CHARS.isdisjoint(token):
        token = token.translate(_LEET)
    return token


def _join_split_letters(words: list[str]) -> list[str]:
    """Join runs of three or more single letters: 'k y s' and 'n.i.g.g.e.r' were split words."""
    if operator.countOf(map(len, words), 1) < 3:  # counted in C: this runs on every clause
        return words
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and (word.isalpha() or word in _LEET_CHARS):
            run.append(word)
            continue
        out.extend(_joined(run))
        run = []
        if word:
            out.append(word)
    return out


def _joined(run: list[str]) -> list[str]:
    """A run of single characters as one word: 'k y s'; with leet digits inside it when three
    of its characters are letters and it starts and ends with one ('t r 0 0 n s'), so a
    list of numbers or grades ('a 1 b 2') stays as it is."""
    if len(run) < 3:
        return run
    letters = sum(c.isalpha() for c in run)
    if letters == len(run):
        return ["".join(run)]
    if letters >= 3 and run[0].isalpha() and run[-1].isalpha():
        return ["".join(run).translate(_LEET)]
    # Not one word: its letter runs still are, as before ('1 k y s': '1', 'kys').
    out: list[str] = []
    part: list[str] = []
    for char in run:
        if char.isalpha():
            part.append(char)
            continue
        out.extend(["".join(part)] if len(part) >= 3 else part)
        part = []
        out.append(char)
    out.extend(["".join(part)] if len(part) >= 3 else part)
    return out


@lru_cache(maxsize=65_536)
def squeeze(word: str) -> tuple[str, bytes]:
    """Collapse runs of a repeated character; return the squeezed word and each run's length."""
    if _HAS_RUN.search(word) is None:
        return word, b"\x01" * len(word)
    chars: list[str] = []
    runs: list[int] = []
    for char in word:
        if chars and chars[-1] == char:
            runs[-1] = min(runs[-1] + 1, 255)
        else:
            chars.append(char)
            runs.append(1)
    return "".join(chars), bytes(runs)


_SHARED_WORDS: dict[str, str] = {}


def tokenize(plain: str) -> list[str]:
    """Canonical tokens of a ``plain`` text: leetspeak decoded, split letters joined."""
    raws = _RAW_TOKEN.findall(plain)
    if "".join(raws).isalpha():
        # Nearly every clause: plain words only, each its own canonical word (tested in C,
        # without a call per token). The words are shared string objects, as the cache of
        # _raw_token_words gives: their hashes are computed once, and every detector's set
        # and dict lookups of the same word then find it by identity.
        if len(_SHARED_WORDS) > 131_072:
            _SHARED_WORDS.clear()  # bounded memory
        return _join_split_letters(list(map(_SHARED_WORDS.setdefault, raws, raws)))
    # Chained in C over the remembered words of each raw token: no Python frame per token
    # once a raw token has been met (a dict lookup in C, not a call through lru_cache).
    found = list(map(_RAW_WORDS.get, raws))
    if None in found:
        if len(_RAW_WORDS) > 131_072:
            _RAW_WORDS.clear()  # bounded memory
        found = [
            _RAW_WORDS.setdefault(raw, _raw_token_words(raw)) if words is None else words
            for raw, words in zip(raws, found, strict=True)
        ]
    return _join_split_letters(list(itertools.chain.from_iterable(cast("RawWords", found))))


# Each raw token's canonical words (see _raw_token_words), remembered in a plain dict.
_RAW_WORDS: dict[str, tuple[str, ...]] = {}
RawWords = list[tuple[str, ...]]


@lru_cache(maxsize=131_072)
def _raw_token_words(raw: str) -> tuple[str, ...]:
    """The canonical words one raw token stands for (cached: chat vocabulary is small)."""
    decoded = _decode_token(raw)
    if not decoded:
        return ()
    if decoded.isalnum():
        return (decoded,)
    if "*" in decoded and decoded.strip("*"):
        # 'f*ck' stays one token so lexicons can read a censored word as what it hides.
        return (decoded,)
    return tuple(w for w in _WORD.findall(decoded) if w != "*")


def _clause_break(sentence: str) -> bool:
    """``_CLAUSE_CHARS.search(sentence)``: in an ASCII sentence (``plain`` is ASCII) by
    substring tests, which C scans several times faster than the regex."""
    if not sentence.isascii():
        return _CLAUSE_CHARS.search(sentence) is not None
    return (
        "," in sentence
        or ":" in sentence
        or "(" in sentence
        or ")" in sentence
        or " - " in sentence
    )


_SQUEEZED: dict[str, tuple[str, bytes]] = {}


def _squeezed_pairs(tokens: list[str]) -> list[tuple[str, bytes]]:
    """``list(map(squeeze, tokens))``, each pair remembered in a plain dict: a lookup in C
    per token instead of a call through lru_cache."""
    found = list(map(_SQUEEZED.get, tokens))
    if None not in found:
        return cast("list[tuple[str, bytes]]", found)
    if len(_SQUEEZED) > 131_072:
        _SQUEEZED.clear()  # bounded memory
    return [
        _SQUEEZED.setdefault(token, squeeze(token)) if pair is None else pair
        for token, pair in zip(tokens, found, strict=True)
    ]


# C-level helpers for normalize(): map() over them runs without a Python frame per token.
_first = operator.itemgetter(0)
_second = operator.itemgetter(1)


def normalize(text: str) -> NormalizedText:
    """Run the whole pipeline on a message (or on a pattern a moderator wrote)."""
    plain = normalize_plain(text)
    tokens: list[str] = []
    sentences: list[Sentence] = []
    # _SENTENCE_SPLIT.split(plain) and _CLAUSE_SPLIT.split(sentence) by str methods in C
    # (text_split.py), which return the same pieces.
    for sentence in sentence_pieces(plain):
        first = len(tokens)
        clause_starts: list[int] = []
        clauses = clause_pieces(sentence)
        if clauses is None:
            clauses = _CLAUSE_SPLIT.split(sentence) if _clause_break(sentence) else [sentence]
        for clause in clauses:
            words = tokenize(clause)
            if words:
                clause_starts.append(len(tokens))
                tokens.extend(words)
        if len(tokens) > first:
            sentences.append(Sentence(sentence.strip(), first, len(tokens), tuple(clause_starts)))
    pairs = _squeezed_pairs(tokens)
    squeezed_tokens = tuple(map(_first, pairs))
    # Each token starts one past the end of the previous one (a single space between): the
    # i-th at 1 + i + the lengths before it.
    lengths = itertools.accumulate(map(len, squeezed_tokens[:-1]), initial=1)
    starts = tuple(map(operator.add, lengths, itertools.count()))
    return NormalizedText(
        original=text,
        plain=plain,
        tokens=tuple(tokens),
        squeezed_tokens=squeezed_tokens,
        squeezed=" " + " ".join(squeezed_tokens) + " ",
        runs=b"\x01" + b"\x01".join(map(_second, pairs)) + b"\x01",
        token_starts=starts if tokens else (),
        sentences=tuple(sentences),
    )


def runs_cover(runs: bytes, start: int, needed: bytes) -> bool:
    """True when the text's runs from ``start`` are at least as long as a pattern's runs."""
    return all(runs[start + i] >= need for i, need in enumerate(needed) if need > 1)
