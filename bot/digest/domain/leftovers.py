"""Where a highlight no section takes by its headline goes (issue 15, round 17).

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
# sections.yaml's articles section: a capped single of it files nothing by its summary (an
# article's words are its argument's: "we are greeting the anniversary" is no greeting).
ARTICLES = "Editorials and articles"


def parse_leftovers(text: str) -> tuple[Section, ...]:
    """The ``leftovers`` themes of a sections.yaml text (none when it has no such list)."""
    if parse_yaml(text).get("leftovers") is None:
        return ()
    return parse_sections(text, "leftovers")


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
    if named != OTHER or not LOOSE_FILING:
        return named
    return section_of(f"{headline} . {summary}", summary) if summary else OTHER


def nearest_shown(highlight: DigestArticle, shown: Sequence[str], home: str = OTHER) -> str:
    """The first of the ``shown`` sections (themes last) whose words the headline or summary
    uses, for a one-highlight section the heading cap folds (round 17); else "Other news" (also
    for an article, ``home`` the articles section: its summary's words are its argument's)."""
    if not FILE_LEFTOVERS or not shown or home == ARTICLES:
        return OTHER
    table = [s for s in (*shipped_sections(), *shipped_leftovers()) if s.name in shown]
    text = f"{highlight.title} . {highlight.summary}"
    return section_of(text, highlight.summary, table) if table else OTHER


def is_feature(importance: Importance) -> bool:
    """A story whose lead says no date and whose headline names no actor (rank.py's reasons)."""
    values = {reason.signal: reason.value for reason in importance.reasons}
    return not values.get("dated", 1.0) and not values.get("actor", 1.0)


def leftover_homes(
    highlights: Mapping[int, DigestArticle],
    filed: Mapping[int, str],
    feature: Callable[[int], bool],
) -> dict[int, str]:
    """Each highlight's heading: its ``filed`` section, or for one filed under "Other news" its
    :func:`leftover_home`."""
    return {
        i: leftover_home(h.title, h.summary, feature(i)) if filed[i] == OTHER else filed[i]
        for i, h in highlights.items()
    }
