"""A statement under the topic it addresses, where that keeps the week's first five (issue 15,
round 20).

Blind readers 14-16 call "Statements and commentaries" poor ("names the format, not the topic";
reader 15: "belongs under South Korea"). Filing a statement under its topic cost main stories
in the first five (digest23, held out 83 -> 80), not because the statement outranked anything
inside its new section but because it leads the section and a section is read whole: the topic's
other, minor highlights (an anti-U.S. meeting abroad, a candlelight rally in the ROK) rode up
with it into the first five. So, once the page's sections are set, each statement of the genre
section whose topic (sections.yaml ``statement_topics``) has a heading on the page joins it:

- a statement outside the week's first five reads below the topic's news (``demoted``: the
  section keeps its place, which its news sets);
- a statement among the first five leads the topic, and the topic's highlights that would ride
  up with it into the first five go under another heading their headline names (a shown
  section, or a theme, ``leftovers``, when the heading cap allows one more), or with the
  articles when they are features;
- the join is kept only when the week's first five hold the same highlights as before; else the
  statement stays under the genre heading (genrenames.py may still name it by its subject).

Round 20b (digest25) filed an editorial under the topic its headline names here too
(``join_articles``); round 21c folded it into articlehomes.file_articles, which files every
feature and editorial by its headline (a shown topic takes it below its news) in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.digest.domain.leftovers import STATEMENTS, files_genres, shipped_statement_topics
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.sections import OTHER, section_of

# False keeps round 19b's genre section (every statement that keep_order or the cap sent back).
JOIN_TOPICS = True
FIRST = 5  # the week's first highlights a join must leave as they are


def reading_order(
    sections: Mapping[str, Sequence[int]],
    shown: Callable[[int], bool],
    place: Callable[[int], float],
    demoted: frozenset[int] | set[int] = frozenset(),
) -> list[int]:
    """The shown highlights in reading order: sections by their best highlight that is not
    ``demoted`` (the catch-all last), highlights by place, the demoted last in their section."""
    blocks = []
    for name, members in sections.items():
        picked = sorted((i for i in members if shown(i)), key=lambda i: (i in demoted, -place(i)))
        if not picked:
            continue
        lead = [i for i in picked if i not in demoted] or picked
        blocks.append((name == OTHER, -max(map(place, lead)), picked))
    blocks.sort(key=lambda b: (b[0], b[1]))
    return [i for *_, picked in blocks for i in picked]


def join_topics(
    sections: Mapping[str, Sequence[int]],
    highlights: Mapping[int, DigestArticle],
    place: Callable[[int], float],
    rider_home: Callable[[int, Sequence[str]], str],
    cap: int = 0,
) -> tuple[dict[str, list[int]], set[int]]:
    """``sections`` with each statement of the genre section joined to its topic's shown heading
    where the week's first FIRST highlights stay the same, and the statements that read below
    their topic's news. ``rider_home(i, names)`` names the heading (one of ``names``, or a
    theme) a highlight that would ride up with a statement goes under, else "Other news"."""
    out = {name: list(members) for name, members in sections.items()}
    demoted: set[int] = set()
    if not JOIN_TOPICS or not files_genres() or not out.get(STATEMENTS):
        return out, demoted
    shown = highlights.__contains__
    first = set(reading_order(out, shown, place)[:FIRST])
    table = shipped_statement_topics()
    for i in sorted((i for i in out[STATEMENTS] if shown(i)), key=lambda i: -place(i)):
        h = highlights[i]
        topic = section_of(f"{h.title} . {h.summary}", h.summary, table)
        if topic == OTHER or not any(shown(j) for j in out.get(topic, ())):
            continue
        trial = {name: list(members) for name, members in out.items()}
        trial[STATEMENTS].remove(i)
        trial[topic].append(i)
        lowered = demoted | ({i} if i not in first else set())
        riders = [
            j
            for j in reading_order(trial, shown, place, lowered)[:FIRST]
            if j not in first and j in trial[topic]
        ]
        for j in riders:
            names = [n for n, m in trial.items() if n not in (topic, STATEMENTS, OTHER)]
            target = rider_home(j, names)
            opened = target not in trial or not any(shown(k) for k in trial[target])
            if target == OTHER or (opened and cap and _headings(trial, shown) >= cap):
                break
            trial[topic].remove(j)
            trial.setdefault(target, []).append(j)
        if set(reading_order(trial, shown, place, lowered)[:FIRST]) != first:
            continue
        out, demoted = trial, lowered
    if not any(shown(j) for j in out[STATEMENTS]):
        out = {n: m for n, m in out.items() if n != STATEMENTS or m}
    return out, demoted


def _headings(sections: Mapping[str, Sequence[int]], shown: Callable[[int], bool]) -> int:
    return sum(1 for members in sections.values() if any(shown(i) for i in members))
