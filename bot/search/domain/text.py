"""Text analysis for the search index: normalise, tokenise, drop stop words, stem, add bigrams.

The same analyzer runs over documents at build time and over questions at query time, so the two
always agree; its settings are part of the persisted index format.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import Stemmer

# Letters and digits; "_" is a word character for re but never a useful search term. A dotted
# acronym ("U.N.", "U.S.") is one token, so it meets the same acronym written without dots.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")
# The same tokens on normalised (so lower-case) ASCII text.
_ASCII_TOKEN = re.compile(r"(?:[a-z]\.){2,}|[a-z0-9]+")
# Without a dotted acronym, the tokens are the runs of token characters: every other character
# becomes a space and str.split finds them, several times faster than the patterns. On ASCII the
# token characters are [a-z0-9]; otherwise the alphanumeric ones (str.isalnum is exactly re's
# [^\W_]), found by translating the UTF-8 bytes (multi-byte characters kept) and then replacing
# the few distinct non-ASCII characters that are not alphanumeric.
_ASCII_SEPARATORS = str.maketrans(
    {c: " " for c in map(chr, range(128)) if not ("a" <= c <= "z" or "0" <= c <= "9")}
)
_BYTE_SEPARATORS = bytes(c if c > 127 or chr(c).isalnum() else 32 for c in range(256))
_ASCII_BYTES = bytes(range(128))
# Present wherever a dotted acronym is (cheap searches: they start with a literal character).
_DOTTED_HINT = re.compile(r"\.[a-z]\.")
_ANY_DOTTED_HINT = re.compile(r"\.[^\W\d_]\.")
# scikit-learn's English stop words, as data (importing scikit-learn costs 1.5 s at start-up).
ENGLISH_STOP_WORDS: frozenset[str] = frozenset(
    json.loads(
        resources.files("bot.search").joinpath("data", "stop_words.json").read_text("utf-8")
    )["words"]
)
# sklearn's list drops words that carry meaning in news and claims ("fire", "bill", "system",
# "un" as in Kim Jong Un, negations and quantities); keep those searchable.
_CONTENT_WORDS_TEXT = """
bill fire system interest amount found show call move detail describe name part side top
bottom front full empty thick thin serious sincere cry mill un con de first last few less more
many most much not no never nothing none least nobody noone neither nor without against down up
off out over under above below back fifteen fifty forty sixty twenty twelve eleven ten nine
eight six five four three two one hundred third former latter keep give take put see find get
go made
"""
_CONTENT_WORDS = frozenset(_CONTENT_WORDS_TEXT.split())
# The stop words kept searchable above: a question's "get", "made", "up", "back" rank passages
# but say little of whether one answers it (the gate does not count them, gate.py).
SPARED_STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) & _CONTENT_WORDS
# Question words and fillers that sklearn's list lacks but that every /ask question carries.
_EXTRA_STOP_WORDS = frozenset(
    {"did", "does", "doing", "s", "t", "like", "just", "tell", "know"}
    # Fillers of spoken questions, rare in news and so heavy if kept ("actually get online").
    | {"actually", "really", "roughly", "approximately", "exactly", "currently", "basically"}
)
STOP_WORDS: frozenset[str] = (frozenset(ENGLISH_STOP_WORDS) - _CONTENT_WORDS) | _EXTRA_STOP_WORDS
# Longer input is cut before analysis: no real question needs more, and it bounds query cost.
MAX_QUERY_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class AnalyzerConfig:
    """The analysis choices, persisted with the index (changing them needs a rebuild)."""

    stem: bool = True
    stop_words: bool = True
    bigrams: bool = False


def normalize_text(text: str) -> str:
    """NFKC, casefold and strip accents, so "Pyöngyang" and "PYONGYANG" meet."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    if len(decomposed) == len(folded):
        return folded  # nothing decomposed (curly quotes, CJK, emoji): no accents to strip
    return decomposed.translate(_WITHOUT_MARKS)


def normalizes_char_by_char(text: str) -> bool:
    """Whether ``normalize_text`` maps every character of ``text`` to one character, whatever
    its neighbours: then normalising commutes with slicing and joining (offsets carry over).

    True for ASCII, and for text whose other characters each pass :func:`_maps_alone` (most
    text: letters with or without accents, curly quotes, dashes), so a caller can normalise a
    body once and slice it instead of normalising every passage. Why that suffices: such a
    character's decomposition starts with a character that neither combines with nor reorders
    around the one before (not a mark, not a Hangul vowel or final; Unicode composes onto a
    character only those, and only marks have a combining class), so NFKC and NFKD act on each
    character alone; casefold is context-free; and each character ends as one character in
    both of ``normalize_text``'s branches (marks stripped or none to strip).
    """
    if text.isascii():
        return True
    known = _MAPS_ALONE
    return all(known[c] for c in non_ascii_chars(text))


def non_ascii_chars(text: str) -> set[str]:
    """The distinct characters of ``text`` beyond ASCII."""
    # Through UTF-8 without its ASCII bytes: much faster than a set of every character.
    raw = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return set(raw.decode("utf-8", "surrogatepass"))


class _MapsAlone(dict[str, bool]):
    """Per character: does ``normalize_text`` map it to one character on its own (cached)."""

    def __missing__(self, char: str) -> bool:
        value = self[char] = _maps_alone(char)
        return value


def _maps_alone(char: str) -> bool:
    first = unicodedata.normalize("NFKD", char)[0]
    if unicodedata.category(first).startswith("M") or _is_hangul_vowel_or_final(first):
        return False  # may compose with, or reorder around, the character before it
    folded = unicodedata.normalize("NFKC", char).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    if decomposed == folded:
        # Kept as it is when nothing else in the text decomposes: so no marks to strip either.
        return len(folded) == 1 and not unicodedata.combining(folded)
    if len(decomposed) == len(folded):
        return False  # changed without growing: the two branches would disagree
    return len(decomposed.translate(_WITHOUT_MARKS)) == 1


def _is_hangul_vowel_or_final(char: str) -> bool:
    return "\u1161" <= char <= "\u1175" or "\u11a8" <= char <= "\u11c2"


class _MarkRemover(dict[int, int | None]):
    """A str.translate table that drops combining marks, filled in as characters are met.

    translate looks each character up in C; a generator calling unicodedata.combining on every
    character cost several times more.
    """

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_WITHOUT_MARKS = _MarkRemover()
_MAPS_ALONE = _MapsAlone()


def tokenize(
    normalized: str, start: int = 0, end: int | None = None, *, ascii_text: bool = False
) -> list[str]:
    """The tokens of ``normalized[start:end]`` (already normalised), stop words included.

    The pattern has no anchors or look-around, so this equals tokenising the slice, without
    copying it. ``ascii_text`` promises the text is ASCII: the same tokens are then found by
    translating separators to spaces and splitting (with the ASCII pattern where a dotted acronym
    may be), several times faster.
    """
    stop = len(normalized) if end is None else end
    if ascii_text:
        if _DOTTED_HINT.search(normalized, start, stop):
            return _ASCII_TOKEN.findall(normalized, start, stop)
        return normalized[start:stop].translate(_ASCII_SEPARATORS).split()
    if _ANY_DOTTED_HINT.search(normalized, start, stop):
        return _TOKEN.findall(normalized, start, stop)
    return token_spaces(normalized[start:stop]).split()


def token_spaces(text: str, *, ascii_text: bool = False) -> str:
    """``text`` with every character that cannot be part of a token replaced by a space.

    For text without a dotted acronym (see :func:`may_have_acronym`), ``result[a:b].split()``
    equals ``tokenize(text, a, b, ascii_text=ascii_text)`` for every slice.
    """
    if ascii_text:
        return text.translate(_ASCII_SEPARATORS)
    if text.isascii():
        return text.encode("ascii").translate(_BYTE_SEPARATORS).decode("ascii")
    raw = text.encode("utf-8", "surrogatepass").translate(_BYTE_SEPARATORS)
    spaced = raw.decode("utf-8", "surrogatepass")
    for char in non_ascii_chars(text):
        if not char.isalnum():
            spaced = spaced.replace(char, " ")
    return spaced


def may_have_acronym(
    text: str, start: int = 0, end: int | None = None, *, ascii_text: bool = False
) -> bool:
    """Whether ``text[start:end]`` may hold a dotted acronym (then only tokenize is exact)."""
    hint = _DOTTED_HINT if ascii_text else _ANY_DOTTED_HINT
    return hint.search(text, start, len(text) if end is None else end) is not None


class TextAnalyzer:
    """Turns text into index terms; callable, so scikit-learn can use it as ``analyzer``."""

    def __init__(self, config: AnalyzerConfig | None = None) -> None:
        self.config = config or AnalyzerConfig()
        self._stemmer = Stemmer.Stemmer("english")

    def __call__(self, text: str) -> list[str]:
        return self.analyze(text)

    def words(self, text: str) -> list[str]:
        """The normalised words of ``text`` that survive the stop-word filter (unstemmed)."""
        tokens = tokenize(normalize_text(text))
        if self.config.stop_words:
            return [t for t in tokens if t not in STOP_WORDS]
        return tokens

    def stem_words(self, words: list[str]) -> list[str]:
        """Stem each word (or return them unchanged when stemming is off); a dotted acronym
        loses its dots ("u.n." -> "un") and is never a stop word."""
        words = [w.replace(".", "") if "." in w else w for w in words]
        if not self.config.stem:
            return words
        stems: list[str] = self._stemmer.stemWords(words)
        return stems

    def analyze(self, text: str) -> list[str]:
        """Index terms of ``text``: stemmed unigrams, plus "a b" bigrams when configured."""
        stems = self.stem_words(self.words(text))
        if self.config.bigrams and len(stems) > 1:
            return stems + [f"{a} {b}" for a, b in itertools.pairwise(stems)]
        return stems

    def surface_matches(self, text: str, terms: frozenset[str]) -> Iterator[tuple[int, int, str]]:
        """Spans of the words in ``text`` whose stem is one of ``terms``: (start, end, word).

        Offsets are into the original ``text`` (tokenised before normalisation so they stay true).
        """
        for match in _TOKEN.finditer(text):
            word = match.group()
            normalized = _TOKEN.findall(normalize_text(word))
            if not normalized:
                continue
            if self.config.stop_words and all(w in STOP_WORDS for w in normalized):
                continue
            if any(stem in terms for stem in self.stem_words(normalized)):
                yield match.start(), match.end(), word
