"""One source must not fill the first answers while another source also answers.

A grown archive can hold one prolific source (a news agency's 2,000 reports) beside a few
community posts; its many similar passages then take every one of the first places, and the
post that answers the question sits just below them. Like the per-article limit, this keeps a
place in the first ``window`` for the best passage of another source, when one passed the gate.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def needs_other_source(sources: Sequence[str], window: int, per_source: int) -> bool:
    """Whether the first ``window`` hits hold more than ``per_source`` of one source."""
    head = list(sources[:window])
    return len(head) == window and max(head.count(s) for s in head) > per_source


def still_crowded(sources: Sequence[str], window: int, per_source: int) -> bool:
    """Whether the first hits crowd one source and no other source's hit is found yet (the
    search then goes on through its candidates for one)."""
    crowded = needs_other_source(sources, window, per_source)
    return crowded and all(source == sources[0] for source in sources)


def diversify(hits: list[T], source: Callable[[T], str], window: int, per_source: int) -> list[T]:
    """``hits`` (best first) with, when one source holds more than ``per_source`` of the first
    ``window``, the best hit of another source moved up to the last place of the window."""
    if window <= 0 or per_source >= window:
        return hits
    sources = [source(h) for h in hits]
    if not needs_other_source(sources, window, per_source):
        return hits
    crowded = max(set(sources[:window]), key=sources[:window].count)
    other = next((i for i in range(window, len(hits)) if sources[i] != crowded), None)
    if other is None:
        return hits
    moved = hits[other]
    rest = hits[:other] + hits[other + 1 :]
    return [*rest[: window - 1], moved, *rest[window - 1 :]]


def far_ahead(
    ranked: Sequence[int],
    place: int,
    owners: Sequence[int] | Any,
    scores: Mapping[int, float],
    margin: float,
) -> bool:
    """Whether candidate ``ranked[place]`` scores more than every later candidate of another
    article by the factor 1 / ``margin``: then a third passage of one article is no crowding, the
    other articles' passages are far weaker (a seven-article archive) and it keeps its place."""
    row = owners[ranked[place]]
    rival = next((i for i in ranked[place + 1 :] if owners[i] != row), None)
    return rival is None or scores[rival] < margin * scores[ranked[place]]
