"""The heading cap: at most MAX_HEADINGS news headings a week (issue 15, rounds 14-19).

The lowest-placed sections over one highlight join a shown section that takes them (round 18b:
those first), else the catch-all, "Other news"; never one among the week's first CAP_KEEPS
highlights by place or importance, nor major news (the catch-all must not hold the week's main
news). Round 19: a single kept out of the catch-all by importance or major news may still join
a shown section that takes it and reads higher already (PROTECTED_JOIN); a long section's lower
highlights go under a shown section their headline names (spill_long), since a section is read
whole.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.digest.domain.leftovers import GENRES
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER, section_of, shipped_sections

JOIN_FIRST = True  # round 18b: the cap folds first the singles a shown section takes
PROTECTED_JOIN = True  # round 19: so may a single kept by importance or major news
# A section over one highlight keeps its heading when that highlight is among the week's first
# CAP_KEEPS by place or by importance (the catch-all must not hold the week's main news).
CAP_KEEPS = 5
# Round 19: a single not kept (neither among the week's first CAP_KEEPS nor major news) joins a
# shown section only where it reads after the first CAP_KEEPS highlights (an article joining
# "Statements and commentaries" read 5th in W42, ahead of the Foreign Minister's statement).
READ_AFTER_FIRST = True
# Round 19: a section is read whole, so one of many highlights (W36: five of the leader's
# inspections) holds the week's other news below the first five. Its highlights past the
# LONG_RUN-th that read below another shown section's best go under a shown section their
# headline names (the leader's field guidance at factories under "Economy and construction"),
# never a genre heading (leftovers.GENRES: a statement filed under its topic stays). 0: off.
LONG_RUN = 3


def cap_sections(
    sections: dict[str, list[int]],
    highlights: Mapping[int, DigestArticle],
    place: Callable[[int], float],
    cap: int,
    raw: Callable[[int], float] | None = None,
    kept: Callable[[int], bool] | None = None,
    refile: Callable[[int, Sequence[str]], str] | None = None,
) -> dict[str, list[int]]:
    """At most ``cap`` headings where it can: the lowest-placed sections over one highlight join
    the shown section ``refile`` names for it (round 17), else "Other news", but never one whose
    highlight is among the week's first CAP_KEEPS by place or by ``raw`` importance, or is
    ``kept`` (major news: the catch-all must not hold the week's main news)."""
    shown = {name: [i for i in members if i in highlights] for name, members in sections.items()}
    every = [i for p in shown.values() for i in p]
    top = set(sorted(every, key=lambda i: -place(i))[:CAP_KEEPS])
    ranked_top = set(top)  # the first CAP_KEEPS by place never move
    if raw is not None:
        top |= set(sorted(every, key=lambda i: -raw(i))[:CAP_KEEPS])
    if kept is not None:
        top |= {i for i in every if kept(i)}

    def single(name: str, picked: Sequence[int], protected: bool) -> bool:
        return len(picked) == 1 and name != OTHER and (protected or picked[0] not in top)

    def by_place(names: Sequence[str]) -> list[str]:
        return sorted(names, key=lambda name: place(shown[name][0]))

    singles = by_place([n for n, picked in shown.items() if single(n, picked, False)])
    # Round 19: a single kept from the catch-all by its importance or major news (not by its
    # place) may still join a shown section that takes it and reads higher already: the section
    # keeps its place, so nothing else moves up past the week's news; fewer leftovers fall to
    # the catch-all.
    joiners = by_place(
        [
            n
            for n, picked in shown.items()
            if single(n, picked, PROTECTED_JOIN and not set(picked) & ranked_top)
        ]
    )
    headings = sum(1 for picked in shown.values() if picked)
    out = {name: list(members) for name, members in sections.items()}
    # Round 18b: first the singles a shown section takes, so fewer fall to the catch-all.
    for joins, name in [(True, n) for n in joiners * JOIN_FIRST] + [(False, n) for n in singles]:
        if headings <= cap:
            break
        if len(shown.get(name, ())) != 1:
            continue  # a single another joined
        others = [n for n, picked in shown.items() if picked and n not in (name, OTHER)]
        target = refile(shown[name][0], others) if refile else OTHER
        if (
            target != OTHER
            and name in singles
            and READ_AFTER_FIRST
            and _reads_at(shown[name][0], target, shown, place) <= CAP_KEEPS
        ):
            target = OTHER  # round 19: a minor single never joins into the week's first five
        if joins and target == OTHER:
            continue
        if name not in singles and place(shown[name][0]) > max(map(place, shown[target])):
            continue  # a protected single joins only a section that reads higher already
        # Joining a shown section saves a heading; the first to open "Other news" only renames.
        headings -= target != OTHER or bool(shown.get(OTHER))
        out.setdefault(target, []).extend(out.pop(name))
        shown.setdefault(target, []).extend(shown.pop(name))
    return out


def _reads_at(
    i: int, target: str, shown: Mapping[str, Sequence[int]], place: Callable[[int], float]
) -> int:
    """The reading position ``i`` would take at the end of its place in ``target`` (sections
    read by their best highlight; the catch-all last)."""
    best = max(map(place, shown[target]))
    ahead = sum(
        len(picked)
        for name, picked in shown.items()
        if picked and name not in (target, OTHER) and max(map(place, picked)) > best
    )
    return ahead + sum(place(j) >= place(i) for j in shown[target]) + 1


def spill_long(
    sections: dict[str, list[int]],
    highlights: Mapping[int, DigestArticle],
    place: Callable[[int], float],
) -> dict[str, list[int]]:
    """``sections`` with each section's shown highlights past the LONG_RUN-th that read below
    another shown section's best under the first other shown section their headline names."""
    shown = {n: [i for i in m if i in highlights] for n, m in sections.items()}
    best = {n: max(map(place, p)) for n, p in shown.items() if p and n != OTHER}
    if not LONG_RUN or len(best) < 2:
        return sections
    out = {name: list(members) for name, members in sections.items()}
    for name, picked in shown.items():
        if name == OTHER or len(picked) <= LONG_RUN:
            continue
        rival = max(b for n, b in best.items() if n != name)
        table = [s for s in shipped_sections() if s.name in best and s.name not in (name, *GENRES)]
        for i in sorted(picked, key=lambda j: -place(j))[LONG_RUN:]:
            target = section_of(highlights[i].title, sections=table)
            if place(i) < rival and target != OTHER:
                out[name].remove(i)
                out[target].append(i)
    return out
