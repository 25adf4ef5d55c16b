"""Importance: what makes an event news, as a score with its reasons.

An event ranks high when many reports cover it, when it is new against earlier weeks (a story
whose text or title pattern recurs every week ranks low), when it names people, places and
organisations that are not named every week, when its reports have substance (length), and
when readers engaged with it (a feed's scores). Series and roundups are routine by nature:
series rank lower, roundups never lead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

# Chosen on the twelve development weeks (training/tune_digest.py): the best of the grid on all
# twelve (fewest repeats, 4+ main stories covered in every week), and the setting best on
# eleven weeks for five of the twelve held-out weeks. They add up to 1: how many reports,
# whether the press reviews list it, whether the lead says when it happened and whether the
# headline says who acted count most; novelty, named things and length a little (against one
# agency's archive every report names officials and reads like earlier ones).
WEIGHTS = {
    "reports": 0.20,
    "featured": 0.20,
    "novelty": 0.05,
    "named": 0.05,
    "substance": 0.10,
    "dated": 0.20,
    "actor": 0.10,
    "engagement": 0.10,
}
SERIES_FACTOR = 0.5  # a series line is worth half an event of the same signals
ROUNDUP_FACTOR = 0.25  # and a roundup less still (it also never leads, see order_highlights)
RECURRING_WEEKS = 2  # a title pattern seen in this many earlier weeks is routine
RECURRING_FACTOR = 0.5
# A statement's headline names who spoke ("Press Statement of Spokesman for DPRK Foreign
# Ministry"), so it recurs every week whatever the statement says: when False, a recurring
# headline does not make a statement routine (its text still counts through novelty). False
# since round 13 (training/tune_digest_routine.py): leave one week out 135 covered / 4 repeats /
# 18 mixed vs 133 / 4 / 18 (every fold chose it); round 9 found it repeated more, before the
# statement cap.
STATEMENT_RECURS = False
# At most this many highlights may be features (events whose lead says no date and whose
# headline names no actor: profiles, production drives, cultural pieces), so that a week full
# of them still leaves room for distinct news; a skipped feature may still fold into a highlight.
FEATURE_HIGHLIGHTS = 99
# At most this many highlights may be statements (headlines naming who spoke): a week's
# statements answer a few provocations in many voices, and a fourth is more often one of them
# again than news of its own. Chosen leave one week out (training/tune_digest_near.py).
STATEMENT_HIGHLIGHTS = 3
# A story this unlike earlier weeks' (or less) is routine; 0 turns the rule off, as the
# development weeks chose (statements and visits read like earlier ones and are still news).
ROUTINE_NOVELTY = 0.0
ROUTINE_FACTOR = 0.5
# A lesser story this similar to a chosen one is folded into it (tuned on the development weeks).
FOLD_SIMILARITY = 0.2
# Round 15: a story at least this alike to a story of a highlight that is linked to its lead (a
# part of the lead's occasion, a reaction to it) joins it, as if alike to the lead (W30: the
# Victory Day reception joined the leader's Friendship Tower visit as a part of the occasion,
# and the officials' visit to veterans, 0.5 like the reception, took a line of its own). Members
# joined by text alone do not stand for the lead (chains: W40's artillery drill would join a
# training-base inspection through a flood-housing report). None: the lead only (round 14).
MEMBER_JOIN: float | None = 0.5
REPORTS_FULL = 8  # this many reports (copies included) count as full coverage
FEATURED_FULL = 3  # listed in this many roundups counts as fully featured
NAMED_FULL = 8  # this many distinct uncommon names count as fully specific
SUBSTANCE_WORDS = 600  # a report this long (in words) counts as fully substantial

FloatArray = NDArray[np.float64]
FAMILY = 1.0  # stories this alike are one routine formula: folded whatever their kinds


@dataclass(frozen=True)
class EventSignals:
    """What is known about one event (or series, or roundup) before it is scored."""

    reports: int  # articles, copies included
    items: int  # distinct items (copies joined)
    featured: int  # the week's roundups (press reviews) that list it
    novelty: float  # 1 - closest similarity to an earlier week's article, in [0, 1]
    recurring_weeks: int  # earlier weeks in which its title (pattern) appeared
    recurring_example: str | None
    named: tuple[str, ...]  # uncommon names it mentions
    words: int  # length of its longest report
    engagement: float | None  # percentile of its best source score in the week, if scored
    kind: str  # "event", "series" or "roundup"
    dated: bool = False  # a lead says when it happened ("on September 13"): news, not a feature
    actor: str | None = None  # who a headline says acted ("Kim Jong Un Inspects ..."), if named
    statement: bool = False  # a headline naming who spoke (bot.digest.domain.events)
    weighty: bool = False  # a headline of military or foreign-policy news (newsroom.yaml)

    @property
    def is_feature(self) -> bool:
        """An event whose lead says no date and whose headline names no actor."""
        return self.kind == "event" and not self.dated and self.actor is None

    @property
    def is_statement(self) -> bool:
        """An event whose headline names who spoke (a series of statements is one line)."""
        return self.kind == "event" and self.statement


@dataclass(frozen=True)
class Reason:
    """One signal's part in a score: its name, its value in [0, 1], and what it says."""

    signal: str
    value: float
    weight: float
    text: str

    @property
    def points(self) -> float:
        """The signal's contribution to the score before factors."""
        return self.value * self.weight


@dataclass(frozen=True)
class Importance:
    """A score in [0, 1] with every reason that made it."""

    score: float
    reasons: tuple[Reason, ...]
    factors: tuple[tuple[str, float], ...]  # multipliers applied, with what they stand for


def score_event(signals: EventSignals, weights: dict[str, float] | None = None) -> Importance:
    """The event's importance: weighted signals, then the routine factors."""
    use = weights or WEIGHTS
    reports = min(1.0, math.log1p(signals.reports) / math.log1p(REPORTS_FULL))
    named = min(1.0, len(signals.named) / NAMED_FULL)
    substance = min(1.0, math.log1p(signals.words) / math.log1p(SUBSTANCE_WORDS))
    report_text = f"{signals.reports} report{'s' if signals.reports != 1 else ''}"
    if signals.items != signals.reports:
        report_text += f" ({signals.items} distinct)"
    names_text = ", ".join(signals.named[:4]) if signals.named else "no uncommon names"
    featured = min(1.0, signals.featured / FEATURED_FULL)
    featured_text = (
        f"listed in {signals.featured} of the week's roundups"
        if signals.featured
        else "in no roundup"
    )
    reasons = [
        Reason("reports", reports, use["reports"], report_text),
        Reason("featured", featured, use["featured"], featured_text),
        Reason("novelty", signals.novelty, use["novelty"], _novelty_text(signals)),
        Reason("named", named, use["named"], f"{len(signals.named)} names: {names_text}"),
        Reason("substance", substance, use["substance"], f"{signals.words} words"),
        Reason(
            "dated",
            1.0 if signals.dated else 0.0,
            use.get("dated", 0.0),
            "the lead says when it happened" if signals.dated else "no date in the lead",
        ),
        Reason(
            "actor",
            1.0 if signals.actor else 0.0,
            use.get("actor", 0.0),
            f"the headline says who acted: {signals.actor}" if signals.actor else "no named actor",
        ),
    ]
    if use.get("weighty", 0.0):
        text = "military or foreign-policy news" if signals.weighty else "no military word"
        reasons.append(Reason("weighty", float(signals.weighty), use["weighty"], text))
    if signals.engagement is not None:
        reasons.append(
            Reason(
                "engagement",
                signals.engagement,
                use["engagement"],
                f"score in the week's top {100 - round(signals.engagement * 100)}%",
            )
        )
        total = sum(r.points for r in reasons)
    else:
        # Without scores the other signals share the whole scale.
        total = sum(r.points for r in reasons) / (1 - use["engagement"])
    factors: list[tuple[str, float]] = []
    recurs = signals.recurring_weeks >= RECURRING_WEEKS
    if recurs and (STATEMENT_RECURS or not signals.statement):
        factors.append(
            (f"recurs: seen in {signals.recurring_weeks} earlier weeks", RECURRING_FACTOR)
        )
    elif signals.novelty <= ROUTINE_NOVELTY:
        factors.append(("routine: much like earlier weeks' reports", ROUTINE_FACTOR))
    if signals.kind == "series":
        factors.append(("a recurring series, shown as one line", SERIES_FACTOR))
    elif signals.kind == "roundup":
        factors.append(("a roundup of other stories: never leads", ROUNDUP_FACTOR))
    for _, factor in factors:
        total *= factor
    return Importance(float(np.clip(total, 0.0, 1.0)), tuple(reasons), tuple(factors))


def _novelty_text(signals: EventSignals) -> str:
    if signals.novelty >= 0.75:
        return "new this week"
    if signals.novelty >= 0.4:
        return "partly covered before"
    return "much like earlier weeks' reports"


def engagement_percentiles(scores: Sequence[float | None]) -> list[float | None]:
    """Each scored item's percentile among the scored ones (ties share); None stays None."""
    given = [(i, s) for i, s in enumerate(scores) if s is not None]
    result: list[float | None] = [None] * len(scores)
    if not given:
        return result
    if len(given) == 1:
        result[given[0][0]] = 1.0
        return result
    values = np.array([s for _, s in given], dtype=np.float64)
    order = values.argsort(kind="stable")
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[order] = np.arange(len(values), dtype=np.float64)
    for value in set(values.tolist()):
        tie = values == value
        ranks[tie] = ranks[tie].mean()
    for (index, _), rank in zip(given, ranks / (len(values) - 1), strict=True):
        result[index] = float(rank)
    return result


def order_highlights(
    kinds: Sequence[str],
    scores: Sequence[float],
    count: int,
    similar: FloatArray | None = None,
    fold_at: float | None = None,
    linked: NDArray[np.bool_] | None = None,
    features: Sequence[bool] | None = None,
    feature_cap: int | None = None,
    near: NDArray[np.bool_] | None = None,
    attach_near: bool = False,
    statements: Sequence[bool] | None = None,
    statement_cap: int | None = None,
) -> list[list[int]]:
    """The ``count`` best stories, best first, each with the lesser stories folded into it.

    A story at least ``fold_at`` similar (``similar``, a stories x stories matrix) to one
    already chosen reports the same thing in other words: it joins that highlight instead of
    taking a line of its own, so no two highlights tell one event. A story ``linked`` to any
    story of a highlight (a part of the same occasion, bot.digest.domain.occasions) joins it
    too, as its parts may be folded under a lead that names the occasion differently. Roundups
    come after every event and series, and appear only when the week has too little else.
    At most ``feature_cap`` (FEATURE_HIGHLIGHTS) highlights are led by a story flagged in
    ``features``; a week with nothing else fills its remaining lines with them after all; so
    are at most ``statement_cap`` (STATEMENT_HIGHLIGHTS) led by one flagged in ``statements``.
    A story ``near`` a story of a chosen highlight (bot.digest.domain.diversity) takes no line
    of its own: it is skipped, or with ``attach_near`` joins that highlight as a further report.
    """
    fold = FOLD_SIMILARITY if fold_at is None else fold_at
    none = [False] * len(scores)
    caps = [
        (features or none, FEATURE_HIGHLIGHTS if feature_cap is None else feature_cap),
        (statements or none, STATEMENT_HIGHLIGHTS if statement_cap is None else statement_cap),
    ]
    chosen: list[list[int]] = []
    _pick(kinds, scores, count, similar, fold, linked, chosen, caps, near, attach_near)
    return chosen


def _home(
    index: int,
    kinds: Sequence[str],
    similar: FloatArray,
    fold: float,
    linked: NDArray[np.bool_] | None,
    groups: Sequence[list[int]],
) -> list[int] | None:
    """The highlight a story joins: the one whose lead it is most alike to, at least ``fold``
    (round 14: the first such one took it before, so W31's Politburo decision, 0.31 like the
    leader's flood inspection and 0.50 like the Politburo meeting that made it, joined the
    inspection and the readers counted a repeat); else the first it is ``linked`` to."""
    best, best_alike = None, fold
    for group in groups:
        # Only like with like (a series is no report of an event), unless the two are one
        # routine formula (bot.digest.domain.alike.FAMILY).
        alike = float(similar[index, group[0]])
        if MEMBER_JOIN is not None and linked is not None:
            # A part of the lead's occasion (or a reaction to it) stands for the lead too.
            parts = [m for m in group[1:] if linked[group[0], m]]
            member = max((float(similar[index, m]) for m in parts), default=0.0)
            alike = max(alike, member if member >= MEMBER_JOIN else 0.0)
        like = kinds[group[0]] == kinds[index] or alike >= FAMILY
        if like and (alike > best_alike or (best is None and alike >= fold)):
            best, best_alike = group, alike
    if best is not None or linked is None:
        return best
    for group in groups:
        if kinds[group[0]] == kinds[index] and any(linked[index, member] for member in group):
            return group
    return None


def _pick(
    kinds: Sequence[str],
    scores: Sequence[float],
    count: int,
    similar: FloatArray | None,
    fold: float,
    linked: NDArray[np.bool_] | None,
    chosen: list[list[int]],
    caps: Sequence[tuple[Sequence[bool], int]],
    near: NDArray[np.bool_] | None = None,
    attach_near: bool = False,
) -> None:
    """Fill ``chosen`` in rank order: events and series, then the stories the ``caps`` (flags
    and how many highlights the flagged may lead) left out (a week with too little else), then
    roundups. A story that would fold into a left-out one stays with it, so that it does not
    tell that story again on a line of its own."""
    skipped: list[list[int]] = []
    led = [0] * len(caps)
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    for wanted_roundups in (False, True):
        if wanted_roundups:
            chosen.extend(skipped[: max(0, count - len(chosen))])
        for index in ranked:
            if (kinds[index] == "roundup") != wanted_roundups:
                continue
            home = None
            if similar is not None and kinds[index] != "roundup":
                home = _home(index, kinds, similar, fold, linked, [*chosen, *skipped])
            if home is None and near is not None and kinds[index] != "roundup":
                close = [g for g in chosen if any(near[index, member] for member in g)]
                if close and not attach_near:
                    continue  # the next distinct story takes the line
                home = close[0] if close else None
            if home is not None:
                home.append(index)
            elif len(chosen) < count and any(
                flags[index] and led[k] >= cap for k, (flags, cap) in enumerate(caps)
            ):
                skipped.append([index])
            elif len(chosen) < count:
                led = [n + flags[index] for n, (flags, _) in zip(led, caps, strict=True)]
                chosen.append([index])
