"""Whether a question about the community asks something its page says (the sure answer).

A question that names "this server" or ends in "here?" is a community question (answer type
"community", query.py), and the community page's excerpt used to answer it for sure, past the
gate: "how do i get the verified role on this server" got the page's rules. The page says a
few things only: its rules (what may be posted), its moderators, its purpose, its age, its
readers, its name. The sure answer now holds when the question asks one of them (the words of
``bot/search/data/community_asks.json``), or shares a word with the excerpt ("which code of
conduct ..."), or asks nothing beyond the community itself ("what is this community?");
otherwise the gate decides, as for any question. Members misspell ("comunity", "moderatrs"),
so words match typo-tolerantly (``similar``), never by a 4-letter edit ("role" is not "rule").
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from bot.search.domain.relation import frame_terms
from bot.search.domain.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[a-z0-9]+")


@cache
def _data() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("bot.search").joinpath("data", "community_asks.json").read_text("utf-8")
    data = json.loads(text)
    asks = frozenset(w for words in data["asks"].values() for w in words)
    return frozenset(data["reference"]), asks


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` and ``b`` are at most ``limit`` edits apart (insertions, deletions,
    substitutions, and a swap of two neighbouring letters counts as one)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return False
        previous2, previous = previous, row
    return previous[-1] <= limit


def similar(a: str, b: str) -> bool:
    """Typo-tolerant equality of two lower-case words: equal; one begins the other and the
    shorter has four letters or more ("read" / "readers", "racis" in "racist" / "racism" is one
    edit); one edit apart when both have five letters or more, two when both have eight."""
    if a == b:
        return True
    short = min(len(a), len(b))
    if short >= 4 and (a.startswith(b) or b.startswith(a)):
        return True
    if short < 5:
        return False
    return within_edits(a, b, 2 if short >= 8 else 1)


def _words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1]


@lru_cache(maxsize=2048)
def asks_what_the_page_says(question: str, excerpt: str) -> bool:
    """Whether ``question`` (a community question) asks what the page's ``excerpt`` can say."""
    reference, asks = _data()
    words = _words(question)
    if any(similar(w, a) for w in words for a in asks):
        return True
    frame = frame_terms()
    content = [
        w for w in words if w not in ENGLISH_STOP_WORDS and w not in frame and w not in reference
    ]
    # Typos of the community's own name ("comunity") are what the answer type already read.
    content = [w for w in content if not any(similar(w, r) for r in reference if len(r) > 4)]
    if not content:
        return True
    page = {w for w in _words(excerpt) if w not in ENGLISH_STOP_WORDS}
    return any(similar(w, p) for w in content for p in page)


_RULE = re.compile(r"\bRule (\d+): (.+?)(?=\s*\bRule \d+:|$)", re.DOTALL)


@cache
def _rule_words() -> dict[str, tuple[str, ...]]:
    text = resources.files("bot.search").joinpath("data", "community_asks.json").read_text("utf-8")
    words = json.loads(text)["rule_words"]
    return {key: tuple(value) for key, value in words.items() if key != "about"}


def stated_rules(excerpt: str) -> list[tuple[int, str]]:
    """The rules an excerpt of the community page states ("Rule 1: No racism ..."), in order."""
    return [(int(m.group(1)), " ".join(m.group(2).split())) for m in _RULE.finditer(excerpt)]


@lru_cache(maxsize=2048)
def rule_applies(question: str, excerpt: str) -> bool:
    """Whether one of the rules ``excerpt`` states applies to ``question`` (may this be posted
    here?): a word of the question matches a word of the rule (four letters or more,
    typo-tolerantly) or a word related to one (community_asks.json's "rule_words")."""
    rules = stated_rules(excerpt)
    if not rules:
        return False
    plain = " ".join(_words(question))
    words = [w for w in _words(question) if len(w) >= 4 and w not in ENGLISH_STOP_WORDS]
    related = _rule_words()
    for _, text in rules:
        for rule_word in _words(text):
            if len(rule_word) < 4 or rule_word in ENGLISH_STOP_WORDS:
                continue
            if any(similar(w, rule_word) for w in words):
                return True
            near = related.get(rule_word, ())
            if any(re.search(rf"\b{re.escape(n)}\b", plain) for n in near):
                return True
    return False


@cache
def _page_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    text = resources.files("bot.search").joinpath("data", "community_asks.json").read_text("utf-8")
    data = json.loads(text)
    return re.compile(data["names_the_page"], re.IGNORECASE), re.compile(data["page_entry"])


@lru_cache(maxsize=2048)
def page_named_and_asked(question: str, excerpt: str) -> bool:
    """Whether ``excerpt`` is the community page's entry and ``question``, which the answer
    type does not read as a community question, still names the community or its rules
    ("whats the third rule about", "the community's one-liner", "community creation date")
    and asks what the page says: the page's one line is then its answer, as for a community
    question, however little of the question's wording it shares."""
    named, entry = _page_patterns()
    if not entry.search(excerpt) or not named.search(question):
        return False
    return asks_what_the_page_says(question, excerpt)
