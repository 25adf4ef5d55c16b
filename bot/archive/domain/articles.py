"""Articles and passages: the units the bot indexes, cites and digests."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import datetime

_TITLE_MAX = 72
# Sources of page snapshots (the community page dump): their posts carry at most an age.
SNAPSHOT_SOURCE_PREFIX = "seed:"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article or post as stored in the archive.

    ``published`` and ``ingested`` are timezone-aware (UTC); ``published`` is None when the source
    gave no date. ``score`` is a source's own score (Lemmy votes) when a feed gives one.
    """

    id: str
    source: str
    title: str
    body: str
    url: str | None = None
    author: str | None = None
    published: datetime | None = None
    ingested: datetime | None = None
    guid: str | None = None
    score: float | None = None
    content_hash: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_hash:
            object.__setattr__(self, "content_hash", content_hash(self.body))

    @property
    def date(self) -> datetime | None:
        """The date the article belongs to: publication, or ingestion when it has none."""
        return self.published or self.ingested

    @property
    def from_snapshot(self) -> bool:
        """Whether the article is a post of a page snapshot (the seed dump)."""
        return self.source.startswith(SNAPSHOT_SOURCE_PREFIX)

    @property
    def news_date(self) -> datetime | None:
        """When the article's news happened, as far as known: publication, else ingestion; but
        None (undated) for a snapshot's post without an age, since ingesting a snapshot says
        nothing about when its posts were written."""
        if self.published is not None:
            return self.published
        return None if self.from_snapshot else self.ingested

    @property
    def date_is_approximate(self) -> bool:
        """A snapshot post's date, derived from its age ("submitted 1 year ago")."""
        return self.from_snapshot and self.published is not None

    def with_id(self, article_id: str) -> Article:
        return replace(self, id=article_id)


@dataclass(frozen=True, slots=True)
class Passage:
    """A window of 1 to 3 sentences of an article, with its character offsets in the body."""

    article_id: str
    ordinal: int
    start: int
    end: int
    text: str


# The ASCII characters str.split() splits at (str.isspace), each as a space.
_ASCII_WHITESPACE_TO_SPACE = bytes(32 if chr(c).isspace() else c for c in range(128)) + bytes(
    range(128, 256)
)
_SPACE_RUNS = re.compile(b"  +")
# The whitespace characters beyond ASCII (str.isspace; tests check the list), found in UTF-8.
NON_ASCII_WHITESPACE = (
    "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + ("\u2028\u2029\u202f\u205f\u3000")
)
_NON_ASCII_SPACE = re.compile(b"|".join(re.escape(c.encode("utf-8")) for c in NON_ASCII_WHITESPACE))


def normalize_whitespace(text: str) -> str:
    """Runs of whitespace as one space, none at the ends."""
    # str.split() splits at exactly the characters re's \s matches (str.isspace), so this is
    # re.sub(r"\s+", " ", text).strip(), about three times faster.
    return " ".join(text.split())


def content_hash(body: str) -> str:
    """A hash of the body that ignores case, Unicode form and whitespace differences."""
    # ASCII text is already NFKC, and its casefold is lower().
    folded = body.lower() if body.isascii() else unicodedata.normalize("NFKC", body).casefold()
    encoded = folded.encode("utf-8")
    if not folded.isascii() and _NON_ASCII_SPACE.search(encoded):
        return hashlib.sha256(normalize_whitespace(folded).encode("utf-8")).hexdigest()
    # The same bytes without a string per word: whitespace (all ASCII here; UTF-8 encodes other
    # characters with bytes >= 128) becomes spaces, then each run of spaces one space.
    spaced = encoded.translate(_ASCII_WHITESPACE_TO_SPACE)
    return hashlib.sha256(_SPACE_RUNS.sub(b" ", spaced).strip(b" ")).hexdigest()


def stable_article_id(*, source: str, guid: str | None, url: str | None, body: str) -> str:
    """A stable generated id for an article that came without one (GUID, then URL, then body)."""
    basis = guid or url or content_hash(body)
    digest = hashlib.sha1(f"{source}\x00{basis}".encode()).hexdigest()
    return f"a-{digest[:16]}"


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"“‘'(\[A-Z0-9])")


def derive_title(body: str, max_chars: int = _TITLE_MAX) -> str:
    """A short readable title from a body that has none: its first sentence, cut at a word."""
    text = normalize_whitespace(body)
    if not text:
        return "Untitled"
    first = _SENTENCE_END.split(text, maxsplit=1)[0].strip()
    first = first.rstrip(".!?…:;, ")
    if len(first) <= max_chars:
        return first or "Untitled"
    cut = first[: max_chars - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(",;:- ") + "…"
