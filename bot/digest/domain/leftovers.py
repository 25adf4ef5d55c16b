"""Where a highlight no section takes by its headline goes (issue 15, round 18).

Eight blind readers called every catch-all heading poor: "Other news" says nothing, and reader h
called "Also this week: <a headline>" poor however many of its items it named ("a catch-all named
by copying a headline"), while a section name over one highlight that fits it was ok. So the
catch-all is left only with what nothing else takes: a leftover highlight goes under the first
theme (sections.yaml ``leftovers``) its headline names, else under the first section its headline
and summary name together (a looser filing than the headline alone: round 14 kept summaries out
of the first filing because they misfiled highlights a section's headline words would have
taken), else it stays. Features (a reminiscence, an article) are left to the articles section.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib import resources

from bot.digest.domain.catchall import tells_no_action
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.newsroom_data import parse_yaml
from bot.digest.domain.rank import Importance
from bot.digest.domain.sections import (
    OTHER,
    Section,
    parse_sections,
    section_of,
    shipped_sections,
)

# False keeps round 16's catch-all: every highlight no section takes by its headline.
FILE_LEFTOVERS = True
# The looser filing by headline and summary (False: themes only).
LOOSE_FILING = True
# Round 18: never for a headline with no verb but a copula (an article's; catchall.py).
VERBLESS_STAYS = True
# sections.yaml's articles section: a capped single of it files nothing by its summary (an
# article's words are its argument's: "we are greeting the anniversary" is no greeting).
ARTICLES = "Editorials and articles"
# Round 17b (digest19) / round 18: a statement or an editorial goes under the topic it addresses
# (sections.yaml ``statement_topics``). OFF by default (sections.yaml ``genres_by_topic``):
# blind readers disagree on the genre headings (reader 9: poor, "a kind of document"; reader 10:
# fine, and judged round 17b's pages with statements filed under topics slightly worse). None
# reads the shipped setting; bench/digest_snapshot.py --genres-by-topic sets True.
STATEMENTS = "Statements and commentaries"
GENRES = (STATEMENTS, ARTICLES)
FILE_STATEMENTS: bool | None = None
# A statement does not lift the topic it joins above where it reads without it (keep_order).
KEEP_ORDER = True
# Round 19: a single the heading cap folds that no shown heading takes by its words goes under
# a shown heading of its kin (sections.yaml ``leftover_kin``: a seminar abroad under "Diplomacy
# and greetings") before the catch-all.
FILE_BY_KIN = True


def parse_leftovers(text: str, key: str = "leftovers") -> tuple[Section, ...]:
    """The ``leftovers`` themes (or another list ``key``) of a sections.yaml text (none when it
    has no such list)."""
    if parse_yaml(text).get(key) is None:
        return ()
    return parse_sections(text, key)


@lru_cache(maxsize=1)
def shipped_statement_topics() -> tuple[Section, ...]:
    """The shipped topics a statement is filed under (read once)."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_leftovers(text, "statement_topics")


@lru_cache(maxsize=1)
def _shipped_genres_by_topic() -> bool:
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_yaml(text).get("genres_by_topic") is True


def files_genres() -> bool:
    """Whether statements and editorials go under the topic they address (FILE_STATEMENTS, else
    sections.yaml ``genres_by_topic``)."""
    return _shipped_genres_by_topic() if FILE_STATEMENTS is None else FILE_STATEMENTS


def statement_home(
    headline: str, summary: str, topics: Sequence[Section] = (), genre: str = STATEMENTS
) -> str:
    """The news topic a statement, commentary or editorial addresses: the first statement topic
    its headline and summary name together; else its ``genre`` heading."""
    if not files_genres():
        return genre
    table = topics or shipped_statement_topics()
    named = section_of(f"{headline} . {summary}", summary, table) if table else OTHER
    return genre if named == OTHER else named


@lru_cache(maxsize=1)
def shipped_kin() -> dict[str, tuple[str, ...]]:
    """sections.yaml ``leftover_kin``: a heading -> the shown headings that may take its folded
    single, in order (read once)."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_kin(text)


def parse_kin(text: str) -> dict[str, tuple[str, ...]]:
    """The ``leftover_kin`` map of a sections.yaml text; every name must be a section or theme."""
    raw = parse_yaml(text).get("leftover_kin") or {}
    if not isinstance(raw, dict):
        raise ValueError("sections.yaml: leftover_kin must map a heading to a list of headings")
    known = {s.name for s in (*parse_sections(text), *parse_leftovers(text))}
    out: dict[str, tuple[str, ...]] = {}
    for name, kin in raw.items():
        if not isinstance(kin, list) or not all(isinstance(k, str) for k in kin):
            raise ValueError(f"sections.yaml: leftover_kin of {name!r} must be a list of names")
        unknown = [n for n in (name, *kin) if n not in known]
        if unknown:
            raise ValueError(f"sections.yaml: leftover_kin names no section {unknown}")
        out[str(name)] = tuple(kin)
    return out


@lru_cache(maxsize=1)
def shipped_leftovers() -> tuple[Section, ...]:
    """The shipped themes (read once)."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_leftovers(text)


def leftover_home(
    headline: str,
    summary: str,
    feature: bool,
    themes: Sequence[Section] = (),
) -> str:
    """The heading a highlight that no section takes by its ``headline`` goes under: the first
    theme its headline names, else the first section headline and summary name together, else
    "Other news" (also for a ``feature``, which features_apart files)."""
    if not FILE_LEFTOVERS or feature:
        return OTHER
    named = section_of(headline, sections=themes or shipped_leftovers())
    if named != OTHER or not LOOSE_FILING or (VERBLESS_STAYS and tells_no_action(headline)):
        # Round 18: a headline with no verb ("Line of Independently Building New Country") is
        # an article's, and its summary's words are its argument's (a 1945 speech is no
        # meeting: readers 9 and 10, W34).
        return named
    return section_of(f"{headline} . {summary}", summary) if summary else OTHER


def nearest_shown(
    highlight: DigestArticle, shown: Sequence[str], home: str = OTHER, genre: str = ""
) -> str:
    """The first of the ``shown`` sections (themes last) whose words the headline or summary
    uses, for a one-highlight section the heading cap folds (round 18); else the first shown
    kin of ``home`` (round 19); else "Other news" (for an article, ``home`` the articles
    section, only its kin: its summary's words are its argument's)."""
    if genre in GENRES and genre != home and genre in shown:
        return genre  # round 18b: a statement the cap folds goes back under its genre heading
    if not FILE_LEFTOVERS or not shown:
        return OTHER
    named = OTHER if home == ARTICLES else _named_shown(highlight, shown)
    if named == OTHER and FILE_BY_KIN:
        return next((k for k in shipped_kin().get(home, ()) if k in shown), OTHER)
    return named


def _named_shown(highlight: DigestArticle, shown: Sequence[str]) -> str:
    table = [s for s in (*shipped_sections(), *shipped_leftovers()) if s.name in shown]
    if VERBLESS_STAYS and tells_no_action(highlight.title):
        return section_of(highlight.title, sections=table) if table else OTHER
    text = f"{highlight.title} . {highlight.summary}"
    return section_of(text, highlight.summary, table) if table else OTHER


def rider_home(highlight: DigestArticle, shown: Sequence[str], feature: bool) -> str:
    """Where a highlight goes that would ride up into the week's first five with a statement
    leading its topic (genrejoin.py): the first shown section (not a genre) or theme its headline
    names; else, for a ``feature``, the shown articles section; else "Other news"."""
    table = [s for s in shipped_sections() if s.name in shown and s.name not in GENRES]
    named = section_of(highlight.title, sections=[*table, *shipped_leftovers()])
    return ARTICLES if named == OTHER and feature and ARTICLES in shown else named


def is_feature(importance: Importance) -> bool:
    """A story whose lead says no date and whose headline names no actor (rank.py's reasons)."""
    values = {reason.signal: reason.value for reason in importance.reasons}
    return not values.get("dated", 1.0) and not values.get("actor", 1.0)


def leftover_homes(
    highlights: Mapping[int, DigestArticle],
    filed: Mapping[int, str],
    feature: Callable[[int], bool],
) -> dict[int, str]:
    """Each highlight's heading: its ``filed`` section, for one filed under "Other news" its
    :func:`leftover_home`, for a statement or an editorial its :func:`statement_home`."""
    out = {}
    for i, h in highlights.items():
        if filed[i] == OTHER:
            out[i] = leftover_home(h.title, h.summary, feature(i))
        elif filed[i] in GENRES:
            out[i] = statement_home(h.title, h.summary, genre=filed[i])
        else:
            out[i] = filed[i]
    return out


def keep_order(
    home: Mapping[int, str], filed: Mapping[int, str], place: Callable[[int], float]
) -> dict[int, str]:
    """``home`` with a statement (or editorial) that would read above every other highlight of
    the topic it joins back under its genre heading: a section reads at its best highlight's
    place, so joining it there would lift the topic's other highlights past the week's main
    news (held out, main stories in the first five 83 -> 79 when every statement joined)."""
    if not KEEP_ORDER:
        return dict(home)
    out = dict(home)
    for i, name in home.items():
        if filed[i] not in GENRES or name == filed[i]:
            continue
        others = [place(j) for j, n in home.items() if n == name and filed[j] not in GENRES]
        if others and place(i) > max(others):
            out[i] = filed[i]
    return out
