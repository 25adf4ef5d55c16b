"""Parts of one occasion: the reports of an anniversary (a march, a reception, officials at a
mausoleum) or of a visit abroad (talks, a wreath, a tablet unveiled) told as separate items.

Their texts differ (each part has its own place, people and words), so text similarity keeps
them apart; what ties them is the occasion they name. Two events of the week at most
OCCASION_DAYS apart share an occasion when their reports' texts name

- the same anniversary: "the 71st anniversary of the victory in the Fatherland Liberation
  War" and "the 71st anniversary of great victory in the Fatherland Liberation War", "the
  founding anniversary of the glorious DPRK" and "the 76th founding anniversary of the
  Democratic People's Republic of Korea" (the words are newsroom.yaml ``occasions``; what is
  marked is compared by its initials, so "WPK" is "the Workers' Party of Korea"; an ordinal
  that differs tells two anniversaries apart), or
- the same visit: one report says a person is on a visit to a country (newsroom.yaml
  ``visits``: "Choe Son Hui ... on an official visit to the Russian Federation"), the other
  names that person and that country, or
- the same work by its quoted title, of WORK_WORDS words or more: a speech and the papers'
  editorials on it ("Let Us Make Redoubled Efforts for the Prosperity of Our Great State").

A headline that opens with a frequent newsmaker ("Kim Jong Un Visits Friendship Tower", "Kim
Jong Un Makes Important Speech on Founding Anniversary": a name many earlier texts use, before
the first verb) tells that newsmaker's own part: a leader's activities on an anniversary are
news of their own, so such a story joins no anniversary. Events linked so
make one occasion with every event linked to them (the parts of a celebration need not all name
it alike), within the date window.

Bodies are read, not headlines: headline capitals hide which words name the occasion. Names a
lost space glued to the next word ("ComradeKim Jong Unon") are split first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from bot.archive.domain.articles import Article
from bot.digest.domain.activities import activity
from bot.digest.domain.alike import UNTIE_RECURRING_WEEKS as UNTIE
from bot.digest.domain.copies import Copies, is_title_only
from bot.digest.domain.events import lede_of, week_names
from bot.digest.domain.glued import unglue
from bot.digest.domain.lexicon import newsroom, strip_honorifics, words
from bot.digest.domain.major import is_major
from bot.digest.domain.newsroom_data import newsroom_yaml, word_list

# Chosen leave one week out on the development weeks (training/tune_digest.py --occasions).
OCCASION_DAYS = 3
# Round 15: the leader's ceremonial parts of an anniversary (a wreath at a memorial, a visit to a
# cemetery, gifts to veterans: headlines that are no major news, bot.digest.domain.major) join the
# occasion, so that 71st Victory Day reads as one highlight listing them; his speech, meeting or
# test stays news of its own. False: every newsmaker headline joins no anniversary (round 14).
CEREMONIES_JOIN = True
SEARCH_DAYS = 7  # pairs are found this far apart; join_occasions keeps those within ``days``
OCCASION_CHARS = 1500  # the occasion is named in a report's first paragraphs
OCCASION_SIMILARITY = 0.5  # folded like reports of one event (above the folding threshold)
WORK_WORDS = 8  # a quoted title this long names one work (shorter quotes are slogans, terms)
MIN_INITIALS = 2  # "Korea's liberation" (one initial) says too little on its own
_LOWER_WORDS = 4  # words between "anniversary of" and what is marked ("the victory in the")
_CAPITALISED = r"[A-Z][\w'’-]*"
_NAMED = rf"{_CAPITALISED}(?:\s+(?:of\s+|of\s+the\s+)?{_CAPITALISED})*"
_THREE_NAMES = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+ [A-Z][a-z]+\b")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{10,200})[\"”]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")

FloatArray = np.ndarray


@dataclass(frozen=True)
class Anniversary:
    """One anniversary a text names: its ordinal (None when not given) and the initials of
    what is marked (None when there are too few)."""

    ordinal: int | None
    initials: str | None

    def same(self, other: Anniversary) -> bool:
        """One anniversary: the same initials (one may lack a leading word: "Fatherland
        Liberation War" in "Victory in ... War") and no different ordinal, or the same
        ordinal when one of them does not say what is marked."""
        if self.ordinal is not None and other.ordinal is not None:
            if self.ordinal != other.ordinal:
                return False
            if self.initials is None or other.initials is None:
                return True
        if self.initials is None or other.initials is None:
            return False
        return self.initials.endswith(other.initials) or other.initials.endswith(self.initials)


@dataclass(frozen=True)
class Occasions:
    """What a story's reports name: anniversaries, visits (person, country stem), the text
    (to find a visit's person and country in other stories) and quoted works."""

    anniversaries: frozenset[Anniversary]
    visits: frozenset[tuple[str, str]]
    text: str
    newsmaker: bool = False  # the headline opens with a frequent newsmaker: no anniversary
    works: frozenset[str] = frozenset()  # quoted titles, folded


@dataclass(frozen=True)
class OccasionPair:
    """Two events of the week and the occasion they share."""

    first: int
    second: int
    occasion: str  # what they share, described ("anniversary 71 FLW", "visit of ...")
    gap: int  # days between their nearest reports


def initials(named: str) -> str:
    """The initials of a name: "Workers' Party of Korea" -> "WPK", an acronym as it is
    ("DPRK"), each part of a hyphenated word ("DPRK-China" -> "DPRKC")."""
    letters = []
    for word in named.split():
        for part in word.split("-"):
            if not part[:1].isupper():
                continue
            stem = part.rstrip("'’s") if part.endswith(("'s", "’s")) else part.rstrip("'’")
            letters.append(stem if stem.isupper() else stem[:1])
    return "".join(letters)


@lru_cache(maxsize=1)
def _anniversary_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in newsroom().occasions)
    return re.compile(
        r"(?:\b(?P<ordinal>\d+)(?:st|nd|rd|th)\s+)?(?:[a-z]+\s+)?\b(?:" + words + r")\s+of\s+"
        r"(?:the\s+)?(?:[a-z][\w-]*\s+){0," + str(_LOWER_WORDS) + r"}?(?P<named>" + _NAMED + ")"
    )


@lru_cache(maxsize=1)
def _visit_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in newsroom().visits)
    # "on an official visit to", "paying a visit to": a journey under way, not one recalled
    # ("after Kim Jong Un's visit to Vietnam").
    return re.compile(
        r"\b(?:on|paying)\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:" + words + r")\s+to\s+"
        r"(?:the\s+)?(?P<country>[A-Z][a-z]+)"
    )


def anniversaries(text: str) -> frozenset[Anniversary]:
    """The anniversaries ``text`` names (see Anniversary)."""
    found = set()
    for match in _anniversary_pattern().finditer(text):
        ordinal = match.group("ordinal")
        letters = initials(match.group("named"))
        found.add(
            Anniversary(
                int(ordinal) if ordinal else None,
                letters if len(letters) >= MIN_INITIALS else None,
            )
        )
    return frozenset(a for a in found if a.ordinal is not None or a.initials is not None)


def visits(text: str) -> frozenset[tuple[str, str]]:
    """(person, country stem) of every visit ``text`` says someone is on: the last name of
    three words before the visit in its sentence ("Choe Son Hui, foreign minister, and her
    party on an official visit to the Russian Federation" -> ("Choe Son Hui", "russi"))."""
    found = set()
    for sentence in _SENTENCE.split(text):
        for match in _visit_pattern().finditer(sentence):
            people = _THREE_NAMES.findall(strip_honorifics(sentence[: match.start()]))
            if people:
                found.add((people[-1], match.group("country")[:5].casefold()))
    return frozenset(found)


def opens_with_newsmaker(title: str, lede: str, is_common_name: Callable[[str], bool]) -> bool:
    """A headline that opens with a frequent newsmaker who acted (the lede names them; a name
    many earlier texts use): "Kim Jong Un Visits ...", not "Many People Visit ..."."""
    act = activity(title, lede)
    return act is not None and is_common_name(act.name)


def _ceremonial(title: str) -> bool:
    """The leader's part in a celebration: no major news (a speech, a meeting, a test) and no
    message about the occasion (newsroom.yaml ``occasion_messages``)."""
    if is_major(title):
        return False
    keys = set(words(title.casefold()))
    return not keys & set(word_list(newsroom_yaml(), "occasion_messages"))


def works(text: str) -> frozenset[str]:
    """The quoted titles of WORK_WORDS words or more in ``text``, folded."""
    found = set()
    for match in _QUOTED.finditer(text):
        title = " ".join(match.group(1).casefold().strip(" ,.").split())
        if len(title.split()) >= WORK_WORDS:
            found.add(title)
    return frozenset(found)


def story_occasions(
    group: Sequence[int],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    is_common_name: Callable[[str], bool],
    known: frozenset[str] = frozenset(),
) -> Occasions:
    """What the story's reports (the longest of each item; bodies only) name; ``known``
    names are split from a word glued to them."""
    texts = []
    for c in group:
        report = max((articles[i] for i in copies[c].members), key=lambda a: len(a.body))
        if not is_title_only(report):
            texts.append(unglue(report.body[:OCCASION_CHARS], known))
    text = "\n".join(texts)
    first = copies[group[0]]
    lede = unglue(lede_of(articles, first), known)
    newsmaker = opens_with_newsmaker(first.title, lede, is_common_name)
    if CEREMONIES_JOIN and newsmaker and _ceremonial(first.title):
        newsmaker = False  # a wreath, a visit to a memorial, gifts: a part of the occasion
    return Occasions(anniversaries(text), visits(text), text, newsmaker, works(text))


def _names_visit(visit: tuple[str, str], text: str) -> bool:
    person, country = visit
    return person in text and country in text.casefold()


def shared_occasion(first: Occasions, second: Occasions) -> str | None:
    """The occasion two stories share, described, or None."""
    for work in first.works & second.works:
        return f"work {work}"
    for one in () if first.newsmaker or second.newsmaker else first.anniversaries:
        for other in second.anniversaries:
            if one.same(other):
                return f"anniversary {one.ordinal or other.ordinal or ''} {one.initials or ''}"
    for visit in first.visits:
        if _names_visit(visit, second.text):
            return f"visit of {visit[0]}"
    for visit in second.visits:
        if _names_visit(visit, first.text):
            return f"visit of {visit[0]}"
    return None


def occasion_pairs(
    items: Sequence[Sequence[int]],
    kinds: Sequence[str],
    copies: Sequence[Copies],
    articles: Sequence[Article],
    is_common_name: Callable[[str], bool],
) -> list[OccasionPair]:
    """Pairs of the week's events (stories as lists of Copies indices) whose reports name one
    occasion (anniversary or visit), their days at most SEARCH_DAYS apart."""
    events = [i for i, kind in enumerate(kinds) if kind == "event"]
    known = week_names(articles)
    found = {i: story_occasions(items[i], copies, articles, is_common_name, known) for i in events}
    named = [i for i in events if found[i].anniversaries or found[i].visits or found[i].works]
    days = {i: [copies[c].day.toordinal() for c in items[i]] for i in events}
    pairs = []
    for i in named:
        for j in events:
            if j == i or (j in named and j < i):
                continue
            gap = min(abs(x - y) for x in days[i] for y in days[j])
            if gap > SEARCH_DAYS:
                continue
            occasion = shared_occasion(found[i], found[j])
            if occasion is not None:
                pairs.append(OccasionPair(min(i, j), max(i, j), occasion, gap))
    return pairs


def occasion_links(
    count: int, pairs: Sequence[OccasionPair], days: int | None = None
) -> NDArray[np.bool_]:
    """count x count: whether two events are parts of one occasion: linked by pairs at most
    ``days`` (OCCASION_DAYS) apart, or through events linked to both (one occasion); a
    negative ``days`` links none."""
    window = OCCASION_DAYS if days is None else days
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pair in pairs:
        if pair.gap <= window:
            parent[root(pair.first)] = root(pair.second)
    roots = np.array([root(i) for i in range(count)], dtype=np.int64)
    links: NDArray[np.bool_] = np.equal(roots[:, None], roots[None, :])
    np.fill_diagonal(links, False)
    return links


def join_occasions(
    alike: FloatArray, pairs: Sequence[OccasionPair], days: int | None = None
) -> FloatArray:
    """``alike`` with every two parts of one occasion (occasion_links) at least
    OCCASION_SIMILARITY."""
    result = np.array(alike, dtype=np.float64, copy=True)
    links = occasion_links(len(result), pairs, days)
    result[links] = np.maximum(result[links], OCCASION_SIMILARITY)
    return result


def apart_from_recurring(
    pairs: Iterable[OccasionPair], recurring_weeks: Sequence[int], least: int = UNTIE
) -> tuple[OccasionPair, ...]:
    """The pairs without a story whose headline (pattern) earlier weeks used ``least`` times
    or more (bot.digest.domain.alike.untie_recurring says why)."""
    return tuple(
        p for p in pairs if recurring_weeks[p.first] < least and recurring_weeks[p.second] < least
    )
