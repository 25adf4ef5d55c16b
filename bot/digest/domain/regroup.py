"""One-item headings regrouped so that the cap's leftovers get a heading (issue 15, round 21c).

The cap of 10 headings leaves a week's last highlights under the catch-all ("Other news this
week": W42's Japanese delegation, the Central Committee's thanks to the Komdok miners, a Rodong
Sinmun article) or, for features, under "Editorials and articles", while the same page shows
several headings over one highlight each. Blind readers called every catch-all poor, liked
headings that name a country, region or institution, and called a one-item heading a misfile
when its words did not fit its item. So, once the page's sections are set, each highlight left
under the catch-all or the articles heading (best placed first) gets the heading its headline
names (``home``: a news section or theme, else a statement topic (a country) or an article
subject whose ``article_openers`` its headline names), when the page is at the cap and one of:

- ``swap``: a shown one-item heading's highlight is named by that home's words too: it moves
  under the home with the leftover (one heading for another, the leftover out of the catch-all);
- ``pair``: two shown one-item headings' highlights are both named by one section's or theme's
  words (sections.yaml ``sections``, ``leftovers``; never a genre): they share that heading, and
  the freed heading is the leftover's home;
- ``join``: a shown one-item heading's highlight is named by the words of another shown heading:
  it joins that heading, and the freed heading is the leftover's home.

Only headline words file (the words of the heading that takes them, as everywhere else), so
nothing goes under a heading whose words do not name it; a move is kept only when the week's
first FIRST highlights stay the same, in order (genrejoin.reading_order), and never past the cap.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from bot.digest.domain.articlehomes import (
    article_subject_of,
    is_leader_story,
    may_open,
    shipped_openers,
    subject_table,
)
from bot.digest.domain.genrejoin import FIRST, reading_order
from bot.digest.domain.leftovers import ARTICLES, GENRES, shipped_leftovers
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER, Section, section_of, shipped_sections

# False keeps round 21b's page (the cap's leftovers under the catch-all or the articles).
REGROUP = True


def _news_table() -> tuple[Section, ...]:
    """The sections and themes a news headline files under (no genre)."""
    return (*(s for s in shipped_sections() if s.name not in GENRES), *shipped_leftovers())


def leftover_home(highlight: DigestArticle, from_articles: bool) -> str:
    """The heading a leftover may open: for a news highlight the first section or theme its
    headline names; else (and for a feature) the article subject its headline names when that
    subject may open a heading by it (articlehomes ``article_openers``); else "Other news"."""
    table = subject_table()
    if not from_articles:
        named = section_of(highlight.title, sections=_news_table())
        if named != OTHER:
            return named
    subject = article_subject_of(highlight, table)
    openers = shipped_openers()
    if subject in (OTHER, *GENRES) or is_leader_story(highlight, openers):
        return OTHER
    return subject if may_open(subject, highlight.title, table, openers) else OTHER


def regroup(
    sections: Mapping[str, Sequence[int]],
    highlights: Mapping[int, DigestArticle],
    place: Callable[[int], float],
    demoted: frozenset[int] | set[int] = frozenset(),
    cap: int = 0,
) -> dict[str, list[int]]:
    """``sections`` with the catch-all's and the articles heading's highlights under their
    :func:`leftover_home`, where a ``swap`` or a ``pair`` of one-item headings makes room
    within ``cap`` and the week's first FIRST highlights stay the same."""
    out = {name: list(members) for name, members in sections.items()}
    if not REGROUP or not cap:
        return out
    shown = highlights.__contains__
    first = reading_order(out, shown, place, demoted)[:FIRST]
    waiting = [i for g in (OTHER, ARTICLES) for i in out.get(g, ()) if shown(i) and i not in first]
    for i in sorted(waiting, key=lambda i: -place(i)):
        home = leftover_home(highlights[i], i in out.get(ARTICLES, ()))
        if home in (OTHER, *GENRES) or _picked(out, home, shown):
            continue
        for trial in _trials(out, i, home, highlights, set(first)):
            if _headings(trial, shown) > max(cap, _headings(out, shown)):
                continue
            if reading_order(trial, shown, place, demoted)[:FIRST] == first:
                out = trial
                break
    return {n: m for n, m in out.items() if m or n not in (OTHER, ARTICLES)}


def _trials(
    out: Mapping[str, Sequence[int]],
    i: int,
    home: str,
    highlights: Mapping[int, DigestArticle],
    first: set[int],
) -> list[dict[str, list[int]]]:
    """The pages on which ``i`` opens ``home``: each ``swap``, then each ``pair``, then each
    ``join``."""
    shown = highlights.__contains__
    singles = {
        name: picked[0]
        for name in out
        if name not in (OTHER, *GENRES)
        and len(picked := _picked(out, name, shown)) == 1
        and picked[0] not in first
    }
    table = _news_table()
    by_name = {s.name: s for s in (*table, *subject_table())}
    trials = []

    def moved(gone: Sequence[str], target: str) -> dict[str, list[int]]:
        # A heading that goes takes its members (the unshown ones too) to ``target``.
        page = {n: [j for j in m if j != i] for n, m in out.items()}
        members = [j for n in gone for j in page.pop(n)]
        page.setdefault(target, []).extend(members)
        page.setdefault(home, []).append(i)
        return page

    for name, j in singles.items():
        if home in by_name and _names(by_name[home], highlights[j]):
            trials.append(moved([name], home))
    for (a, j), (b, k) in combinations(singles.items(), 2):
        target = next(
            (s.name for s in table if _names(s, highlights[j]) and _names(s, highlights[k])), ""
        )
        if target and target != home and (target in (a, b) or not _picked(out, target, shown)):
            trials.append(moved([a, b], target))
    for name, j in singles.items():
        takers = [s for s in table if s.name not in (name, home) and _picked(out, s.name, shown)]
        target = next((s.name for s in takers if _names(s, highlights[j])), "")
        if target:
            trials.append(moved([name], target))
    return trials


def _names(section: Section, highlight: DigestArticle) -> bool:
    """Whether ``section``'s words take ``highlight`` by its headline."""
    return section_of(highlight.title, highlight.summary, [section]) == section.name


def _picked(out: Mapping[str, Sequence[int]], name: str, shown: Callable[[int], bool]) -> list[int]:
    return [i for i in out.get(name, ()) if shown(i)]


def _headings(sections: Mapping[str, Sequence[int]], shown: Callable[[int], bool]) -> int:
    return sum(1 for members in sections.values() if any(shown(i) for i in members))
