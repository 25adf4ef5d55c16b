"""Whether an excerpt says a question's words in other words: paraphrase-aware matching.

relation.py and asked_fact.py read a question's subject and relation words in the excerpt by
their index terms or Snowball stems: a member's "sent back", "locked up", "kim's sister" or "get
on the web" do not match "repatriated", "detained", "Kim Yo Jong" or "access the Internet", and
the gate refuses an answer it ranked first. Here a question word (3+ letters, not a stop word,
not a question-frame word, not a name: relation.py's reading, on the texts alone) counts as said
when the excerpt holds

- the same stem, or a stem it begins (five letters or more: "detent" / "detention");
- another phrase of a group that holds it: aliases.json's names and synonyms and
  paraphrases.json's groups and soft_match.json's relation groups (read here only, not by the
  ranking), compared as stemmed word sequences ("sent back" / "repatriated", "use" / "have
  access to");
- a word whose static embedding (dense.py's WordLlama codebook, shipped in its wheel) stands at
  a cosine of at least ``threshold`` from it (soft_match.json; chosen leave-one-set-out), an
  inflection or close synonym the tables lack ("purchased" / "bought", "died" / "killed").

The gate reads (gate.py) ``relation_soft``, the share of the question's relation words the
excerpt does not say in any of these ways, and ``fact_soft``, asked_fact.py's fact_missing with
the subject words read the same way. Texts only: training/gate_loso.py recomputes both from
recorded excerpts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import numpy as np
import Stemmer
from numpy.typing import NDArray

from bot.search.domain.asked_check import worded_number_said
from bot.search.domain.relation import capitalised_terms, frame_terms
from bot.search.domain.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")


@cache
def _data() -> Any:
    text = resources.files("bot.search").joinpath("data", "soft_match.json").read_text("utf-8")
    return json.loads(text)


# The cosine from which a word's embedding neighbour counts as the word (soft_match.json; a
# value above 1 turns the embedding step off). training/gate_loso.py may set it for a run.
THRESHOLD: float = float(_data()["threshold"])


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word (its apostrophes and hyphens at the ends cut)."""
    return str(_stemmer().stemWord(word.strip("'-")))


def words_of(text: str) -> list[str]:
    """The lower-case words of ``text`` ("kim's" -> "kim")."""
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(text.lower())]


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words_of(text))


@cache
def _groups() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The stemmed phrases of every alias, synonym and paraphrase group."""
    files = resources.files("bot.search").joinpath("data")
    aliases = json.loads(files.joinpath("aliases.json").read_text("utf-8"))
    paraphrases = json.loads(files.joinpath("paraphrases.json").read_text("utf-8"))
    groups = [
        *aliases["names"],
        *aliases["synonyms"],
        *paraphrases["groups"],
        *_data()["relations"],
    ]
    out = []
    for group in groups:
        phrases = tuple({p for p in map(_phrase, group) if p})
        if len(phrases) > 1:
            out.append(phrases)
    return tuple(out)


@cache
def _groups_by_stem() -> dict[str, tuple[int, ...]]:
    """Each stem -> the groups with a phrase that holds it."""
    found: dict[str, set[int]] = {}
    for g, phrases in enumerate(_groups()):
        for p in phrases:
            for s in p:
                found.setdefault(s, set()).add(g)
    return {s: tuple(sorted(gs)) for s, gs in found.items()}


@lru_cache(maxsize=8192)
def _groups_of(s: str) -> tuple[int, ...]:
    """The groups of a stem, or (five letters or more) of the stems it begins or that begin
    it: "creation" is in the group of "create"."""
    by = _groups_by_stem()
    if len(s) < 5:
        return by.get(s, ())
    return tuple(sorted({g for t, gs in by.items() for g in gs if _related(s, t)}))


def _related(s: str, t: str) -> bool:
    return s == t or (len(t) >= 5 and (s.startswith(t) or t.startswith(s)))


class _Stems:
    """A text's stems in order, as a set, and the set of their prefixes of five letters or
    more: whether a stem is said (``has``) costs its length, not the text's."""

    def __init__(self, sequence: tuple[str, ...]) -> None:
        self.sequence = sequence
        self.stems = frozenset(sequence)
        self.prefixes = frozenset(t[:k] for t in self.stems for k in range(5, len(t) + 1))

    def has(self, x: str) -> bool:
        """Whether a stem of the text is ``x``, or begins with it or begins it (both five
        letters or more)."""
        if x in self.stems:
            return True
        if len(x) < 5:
            return False
        return x in self.prefixes or any(x[:k] in self.stems for k in range(5, len(x)))

    def holds(self, phrase: tuple[str, ...]) -> bool:
        """Whether the text holds ``phrase``, stem by stem (or a stem it begins or that
        begins it, five letters or more)."""
        if not all(self.has(x) for x in phrase):
            return False
        n, sequence = len(phrase), self.sequence
        return n == 1 or any(
            all(_related(a, b) for a, b in zip(sequence[i : i + n], phrase, strict=True))
            for i in range(len(sequence) - n + 1)
        )


@lru_cache(maxsize=4096)  # a question's stems serve all its excerpts; excerpts repeat
def _stems_of(text: str) -> _Stems:
    return _Stems(_phrase(text))


@cache
def _skipped() -> frozenset[str]:
    from bot.search.domain.asked_fact import common_words

    return ENGLISH_STOP_WORDS | frame_terms() | common_words() | frozenset(_data()["skipped"])


def relation_words(question: str, excerpt: str) -> list[str]:
    """The question's relation words: 3+ letters, not stop, frame or asking words (those of
    its asked type: "long" of "how long"), not names (written with a capital in the question,
    or in the excerpt: a chatty "kim")."""
    from bot.search.domain.answerability import kind_of
    from bot.search.domain.asked_fact import asked_fact

    # A prediction or an opinion is shown background under a heading that says so: the change
    # it asks about ("will China ever stop ...") is what no post can say yet.
    if kind_of(question) in ("prediction", "opinion"):
        return []
    names = capitalised_terms(question) | capitalised_terms(excerpt)
    kind = asked_fact(question).kind
    skipped = _skipped() | (kind.asking if kind else frozenset())
    # "where was the session held": an event verb closing a where/when question asks the
    # place or the date, nothing besides ("people held at Helong" keeps its "held").
    closing = _data()["closing_event_verbs"]
    tokens = words_of(question)
    if kind and kind.name in closing["kinds"] and tokens and tokens[-1] in closing["words"]:
        skipped = skipped | {tokens[-1]}
    out: list[str] = []
    for token in tokens:
        # A hyphenated word asks what its parts ask ("inter-korean", "internet-access"): a
        # part that is a name, an affix ("inter", "wise") or a skipped word asks nothing.
        # A negated auxiliary ("wouldn't", "won't") asks nothing the excerpt must say.
        whole = token in skipped or token.endswith("n't") or token in names or stem(token) in names
        parts = [] if whole else [p for p in token.split("-") if p] or [token]
        for w in parts:
            fit = len(w) > 2 and w not in skipped and w not in names and stem(w) not in names
            if fit and w not in out:
                out.append(w)
    return out


class _Vectors:
    """Unit word vectors of the shipped static embedder, remembered in one matrix (bounded:
    a long-running bot starts afresh when it is full)."""

    def __init__(self, size: int = 32_768) -> None:
        self._rows: dict[str, int] = {}
        self._matrix: NDArray[np.float32] | None = None
        self._size = size

    def of(self, words: list[str]) -> NDArray[np.float32] | None:
        from bot.search.domain.dense import default_embedder

        embedder = default_embedder()
        if embedder is None or not words:
            return None
        if self._matrix is None:
            self._matrix = np.zeros((self._size, embedder.dimensions), dtype=np.float32)
        new = [w for w in dict.fromkeys(words) if w not in self._rows]
        if len(self._rows) + len(new) > self._size:
            self._rows = {}
            new = list(dict.fromkeys(words))
        if new:
            start = len(self._rows)
            self._matrix[start : start + len(new)] = embedder.embed(new[: self._size], learn=False)
            self._rows.update(zip(new, range(start, start + len(new)), strict=False))
        return self._matrix[[self._rows[w] for w in words]]


_VECTORS = _Vectors()


@dataclass(frozen=True)
class Said:
    """Per question word, the excerpt's stems that say it (empty: not said)."""

    by: dict[str, frozenset[str]]

    def unsaid_share(self, words: list[str]) -> float:
        """The share of ``words`` the excerpt does not say (0 without words)."""
        if not words:
            return 0.0
        return round(sum(not self.by.get(w) for w in words) / len(words), 4)


def said(question: str, words: list[str], excerpt: str, threshold: float | None = None) -> Said:
    """Which excerpt stems say each of ``words`` (of ``question``): the same stem or one it
    begins, another phrase of a group, or an embedding neighbour at ``threshold`` or above."""
    limit = THRESHOLD if threshold is None else threshold
    own = words_of(excerpt)
    text = _stems_of(excerpt)
    stems = text.stems
    by: dict[str, frozenset[str]] = {}
    for w in words:
        s = stem(w)
        found = {s} & stems
        if len(s) >= 5:
            found |= {t for t in stems if len(t) > len(s) and t.startswith(s)}
        for phrases in _asked_groups(question, s):
            held = [x for p in phrases if text.holds(p) for x in p]
            if held:
                # _related(t, x) for some x held, without a call per pair.
                same, long = set(held), [x for x in held if len(x) >= 5]
                found |= {
                    t
                    for t in stems
                    if t in same or any(t.startswith(x) or x.startswith(t) for x in long)
                }
        if not found:
            found = _role_said(s, stems) | _asked_by_a_question(s, excerpt)
        if not found and worded_number_said(question, w, excerpt):
            found = {s}  # "half a million" / "500,000" (asked_check.py)
        by[w] = frozenset(found)
    unsaid = [w for w in words if not by[w]]
    if unsaid and limit <= 1.0:
        content = [x for x in dict.fromkeys(own) if len(x) > 2 and x not in _skipped()]
        asked_vectors = _VECTORS.of(unsaid)
        vectors = _VECTORS.of(content)
        if asked_vectors is not None and vectors is not None:
            close = asked_vectors @ vectors.T >= limit
            for w, row in zip(unsaid, close, strict=True):
                by[w] = frozenset(stem(content[j]) for j in np.flatnonzero(row))
    return Said(by)


@lru_cache(maxsize=8192)  # a question's words serve all its excerpts
def _asked_groups(question: str, s: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The phrases of each group of the stem ``s`` that ``question`` asks in: it holds a
    phrase of the group related to ``s`` (said's reading of the question alone)."""
    asked = _stems_of(question)
    out = []
    for g in _groups_of(s):
        phrases = _groups()[g]
        related = [p for p in phrases if any(_related(s, t) for t in p)]
        if any(asked.holds(p) for p in related):
            out.append(phrases)
    return tuple(out)


@cache
def _role_suffixes() -> tuple[str, ...]:
    return tuple(_data()["role_suffixes"])


@lru_cache(maxsize=8192)
def _role_bases(s: str) -> frozenset[str]:
    """The verb stems a role noun's stem may come from ("user" / "use", "leader" / "lead",
    "creator" / "creat"): the stem without its suffix, or without all but its first letter;
    three letters or more."""
    out = set()
    for suffix in _role_suffixes():
        if s.endswith(suffix):
            out |= {b for b in (s[: -len(suffix)], s[: 1 - len(suffix)]) if len(b) >= 3}
    return frozenset(out)


def _role_said(s: str, stems: frozenset[str]) -> set[str]:
    """The excerpt's stems that say the stem ``s`` as a role noun says its verb ("users" /
    "use", "leads" / "leaders"), either way round."""
    bases = _role_bases(s)
    return {t for t in stems if t in bases or s in _role_bases(t)}


@cache
def _asking() -> frozenset[str]:
    return frozenset(stem(w) for w in _data()["said_by_a_question"])


def _asked_by_a_question(s: str, excerpt: str) -> set[str]:
    """An asking word ("asking", "wonder") is said by an excerpt that asks (holds a question
    mark): a post's own question is what "what is the poster asking" asks about."""
    return {"?"} if s in _asking() and "?" in excerpt else set()


def soft_features(question: str, excerpt: str) -> tuple[float, int, int, int, int]:
    """relation_soft, fact_soft, fact_apart, fact_unquoted (1 - fact_role: a positive weight
    would keep /ask from skipping answerability below the bar) and fact_noun of ``question``
    and ``excerpt``, with one reading of the words they ask (gate.py's)."""
    from bot.search.domain.asked_fact import asked_fact, fact_held

    words = relation_words(question, excerpt)
    asked = asked_fact(question)
    anchors = [
        w
        for w in dict.fromkeys(words_of(question))
        if stem(w) in asked.anchors or (asked.noun and stem(w) == asked.noun)
    ]
    by = said(question, list(dict.fromkeys([*words, *anchors])), excerpt).by
    unsaid = round(sum(not by[w] for w in words) / len(words), 4) if words else 0.0
    also = {stem(w): by[w] for w in anchors if by[w]}
    held = fact_held(asked, excerpt, also if asked.kind is not None and asked.anchors else None)
    return unsaid, held.missing, held.apart, 1 - held.role, held.noun


def relation_soft(question: str, excerpt: str, threshold: float | None = None) -> float:
    """The share of ``question``'s relation words ``excerpt`` does not say in any way."""
    words = relation_words(question, excerpt)
    return said(question, words, excerpt, threshold).unsaid_share(words)


def fact_soft(question: str, excerpt: str, threshold: float | None = None) -> int:
    """asked_fact.py's fact_missing with the question's subject words also said in other
    words around the candidate: 1 when no candidate of the asked type has half of them."""
    from bot.search.domain.asked_fact import asked_fact, fact_held

    asked = asked_fact(question)
    if asked.kind is None or not asked.anchors:
        return fact_held(asked, excerpt).missing
    words = [w for w in dict.fromkeys(words_of(question)) if stem(w) in asked.anchors]
    by = said(question, words, excerpt, threshold).by
    also = {stem(w): stems for w, stems in by.items() if stems}
    return fact_held(asked, excerpt, also).missing
