"""Tune the digest's ranking and folding constants on the development weeks, held out week by week.

    .venv/bin/python training/tune_digest.py [--data PATH] [--top N] [--formulas | --statements]

Reads kcna-2024 and every judgement file in training/data/digest/dev/ (never the blind folder).
For each development week that has main stories it builds the stories, their signals and how
alike they are once (bot.digest.domain.build.analyse_week), then scores every setting of a
small grid (signal weights, the routine factors, the folding threshold) by what the judges
count in the 15 highlights: main stories covered, highlights repeating a story or series, the
digest's own roundups among the first five, highlights mixing two stories.

It prints the shipped constants' figures per week, the best settings on all weeks, and the
figures that matter: leave one week out (each week judged with the setting best on the other
weeks). Prefer a setting that wins held out to one that wins on all weeks at once. Chosen values
are written by hand into bot/digest/domain/rank.py.

--formulas tunes only the feature formulas (bot/digest/domain/templates.py: earlier weeks, dated
share), the statement subjects (bot/digest/domain/subjects.py: shared words) and the occasions
(bot/digest/domain/occasions.py: days apart) with the shipped ranking constants, leave one week out, in under a minute; --statements re-analyses every week per
value of bot.digest.domain.events.STATEMENT_TITLE_SIMILARITY.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import (  # noqa: E402
    article_owners,
    default_kcna_path,
    load_judgements,
    load_kcna,
)
from tune_digest_pairs import LEDE_GRID, PROFILE_GRID, WORK_GRID, lede_pairs, work_pairs  # noqa: E402

import bot.digest.domain.features as features  # noqa: E402
import bot.digest.domain.ledelinks as ledelinks  # noqa: E402
import bot.digest.domain.occasions as occasions  # noqa: E402
import bot.digest.domain.rank as rank  # noqa: E402
import bot.digest.domain.reactions as reactions  # noqa: E402
import bot.digest.domain.subjects as subjects  # noqa: E402
import bot.digest.domain.templates as templates  # noqa: E402
from bot.digest.domain.build import (  # noqa: E402
    analyse_week,
    highlight_count,
    select_week_articles,
)
from bot.digest.domain.diversity import near_stories  # noqa: E402
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402

DEFAULT_DATA = default_kcna_path(ROOT)
DEV_DIR = ROOT / "training" / "data" / "digest" / "dev"
TZ = ZoneInfo("Asia/Seoul")
SIGNALS = ("reports", "featured", "novelty", "named", "substance", "dated", "actor")
Figures = tuple[int, int, int, int]  # covered, repeats, own roundups in the first five, mixed


@dataclass
class Week:
    """One development week, analysed once."""

    week: str
    kinds: list[str]
    signals: list[rank.EventSignals]
    alike: Any
    plain_alike: Any  # before feature formulas were joined
    formulas: tuple[templates.TemplatePair, ...]
    subjects: tuple[subjects.SubjectPair, ...]
    occasions: tuple[occasions.OccasionPair, ...]
    ledes: dict[int, tuple[ledelinks.LedePair, ...]]  # lede chars -> statement and trip pairs
    works: dict[int, tuple[occasions.OccasionPair, ...]]  # quoted-work words -> occasion pairs
    features: tuple[features.FeaturePair, ...]
    reactions: tuple[reactions.ReactionPair, ...]
    owner: list[str | None]  # the judged story or series most of each story's reports are in
    mixed: list[bool]  # whether a story already cites reports of two judged stories or series
    stories: set[str]
    count: int
    near: Any = None  # the shipped diversity step (bot.digest.domain.diversity)


def dev_judgements() -> dict[str, dict[str, Any]]:
    """Every development week's judgement, from all files of the dev folder."""
    weeks: dict[str, dict[str, Any]] = {}
    for path in sorted(DEV_DIR.glob("main_stories_*.json")):
        weeks.update(load_judgements(path))
    return weeks


def prepare(articles: list[Any], week: str, judgement: dict[str, Any]) -> Week:
    start, end = iso_week_bounds(week, TZ)
    selected = select_week_articles(articles, start, end)
    analysed = analyse_week(selected, articles, start, TZ)
    owner_of = article_owners(judgement)
    owner: list[str | None] = []
    mixed: list[bool] = []
    for story in analysed.stories:
        ids = [selected[i].id for c in story.items for i in analysed.copies[c].members]
        keys = [owner_of[i] for i in ids if i in owner_of]
        owner.append(max(sorted(set(keys)), key=keys.count) if keys else None)
        mixed.append(len(set(keys)) > 1)
    return Week(
        week,
        [s.kind for s in analysed.stories],
        analysed.signals,
        analysed.alike,
        analysed.plain_alike,
        analysed.formulas,
        analysed.subjects,
        analysed.occasions,
        lede_pairs(analysed, selected),
        work_pairs(analysed, selected),
        analysed.features,
        analysed.reactions,
        owner,
        mixed,
        {s["id"] for s in judgement["stories"]},
        highlight_count(len(analysed.stories)),
        near_stories(analysed.stories, analysed.signals, analysed.copies, analysed.text),
    )


def judged_weeks(
    articles: list[Any], judgements: dict[str, dict[str, Any]] | None = None
) -> list[Week]:
    """Every judged week with main stories (the dev folder's unless given), prepared, in order."""
    judged = dev_judgements() if judgements is None else judgements
    return [prepare(articles, w, j) for w, j in sorted(judged.items()) if j["stories"]]


def evaluate(
    week: Week,
    weights: dict[str, float],
    fold: float,
    formulas: tuple[int, float] | None = None,
    terms: int | None = None,
    occasion_days: int | None = None,
    ledes: tuple[int, int, int, int, int] | None = None,
    work_words: int | None = None,
    profiles: tuple[int, int] | None = None,
    feature_cap: int | None = None,
    near: Any = None,
    attach_near: bool = False,
    statement_cap: int | None = None,
) -> Figures:
    """(covered, repeats, own roundups in the first five, mixed) of the week's highlights;
    ``formulas`` (earlier weeks, dated share), ``terms`` (shared subject words of two
    statements) and ``occasion_days`` (days apart of one occasion's parts, -1: none) join
    formulas, statements and occasions with other settings than the shipped ones; ``ledes``
    (lede chars, rare docs, terms, statement days, trip days) the lede links
    (bot.digest.domain.ledelinks); ``work_words`` the quoted-work length of occasions;
    ``profiles`` (headline words, days apart) the day's profiles (bot.digest.domain.features);
    ``feature_cap`` and ``statement_cap`` the highlights features and statements may lead;
    ``near`` and ``attach_near`` the diversity step (bot.digest.domain.diversity)."""
    scores = [rank.score_event(s, weights).score for s in week.signals]
    alike = week.alike
    found = week.occasions if work_words is None else week.works[work_words]
    if any(v is not None for v in (formulas, terms, occasion_days, ledes, work_words, profiles)):
        joined = subjects.join_subjects(week.plain_alike, week.subjects, terms)
        alike = templates.join_templates(joined, week.formulas, *(formulas or (None, None)))
        alike = occasions.join_occasions(alike, found, occasion_days)
        chars, *lede_settings = ledes or (ledelinks.LEDE_CHARS, None, None, None, None)
        rare, least, statement_days, trip_days = lede_settings
        alike = ledelinks.join_ledes(
            alike, week.ledes[chars], (rare, least, statement_days, trip_days)
        )
        alike = features.join_features(alike, week.features, *(profiles or (None, None)))
        alike = reactions.join_reactions(alike, week.reactions)
    linked = reactions.reaction_links(
        occasions.occasion_links(len(week.kinds), found, occasion_days), week.reactions
    )
    flags = [s.is_feature for s in week.signals]
    near = week.near if near is None else near
    said = [s.is_statement for s in week.signals]
    groups = rank.order_highlights(
        week.kinds,
        scores,
        week.count,
        alike,
        fold,
        linked,
        flags,
        feature_cap,
        near,
        attach_near,
        said,
        statement_cap,
    )
    keys = [week.owner[g[0]] for g in groups]
    covered = len({k for k in keys if k in week.stories})
    seen: set[str] = set()
    repeats = 0
    for key in keys:
        if key is not None:
            repeats += key in seen
            seen.add(key)
    top5 = sum(1 for g in groups[:5] if week.kinds[g[0]] == "roundup")
    mixed = sum(
        1
        for g in groups
        if any(week.mixed[i] for i in g) or len({week.owner[i] for i in g} - {None}) > 1
    )
    return covered, repeats, top5, mixed


Option = tuple[dict[str, float], float, float, int, float]


def settings() -> list[Option]:
    """The grid: signal weights (scaled to leave the engagement weight as it is), the routine
    threshold and factor, the recurring weeks, and the folding threshold."""
    options = []
    grid = itertools.product(
        (0.2, 0.4),
        (0.1, 0.2, 0.4),
        (0.0, 0.1),
        (0.0, 0.1),
        (0.0, 0.2, 0.4),
        (0.0, 0.2, 0.4),
        (0.0, 0.1, 0.2, 0.4),
    )
    for values in grid:
        scale = (1 - rank.WEIGHTS["engagement"]) / sum(values)
        weights = {name: v * scale for name, v in zip(SIGNALS, values, strict=True)}
        weights["engagement"] = rank.WEIGHTS["engagement"]
        for routine, recurring, fold in itertools.product((0.0, 0.4), (2, 99), (0.15, 0.2, 0.3)):
            options.append((weights, routine, 0.5, recurring, fold))
    return options


def run(weeks: list[Week], option: Option) -> list[Figures]:
    weights, routine, factor, recurring, fold = option
    rank.ROUTINE_NOVELTY, rank.ROUTINE_FACTOR, rank.RECURRING_WEEKS = routine, factor, recurring
    return [evaluate(week, weights, fold) for week in weeks]


def objective(figures: list[Figures]) -> int:
    """Stories covered, with three more points for each of a week's first four (every week must
    reach four); less three per repeat or own roundup in the first five, two per mixed
    highlight."""
    return sum(c + 3 * min(c, 4) - 3 * r - 3 * t - 2 * m for c, r, t, m in figures)


def describe(option: Option) -> str:
    weights, routine, factor, recurring, fold = option
    shown = " ".join(f"{k}={v:.2f}" for k, v in weights.items())
    return f"{shown} routine<={routine} x{factor} recurring>={recurring} fold={fold}"


def totals(figures: list[Figures]) -> str:
    c, r, t, m = (sum(f[k] for f in figures) for k in range(4))
    weeks4 = sum(1 for f in figures if f[0] >= 4)
    return f"covered {c}, repeats {r}, roundups in top 5 {t}, mixed {m}, weeks >= 4: {weeks4}"


FORMULA_GRID = [(w, d) for w in (2, 3, 4, 99) for d in (0.25, 0.34, 0.5, 0.6, 0.75)]


SUBJECT_GRID = (1, 2, 3, 4, 5, 99)
OCCASION_GRID = (-1, 0, 1, 2, 3, 4, 5, 7)  # days apart; -1: no occasion joins


def leave_one_week_out(
    table: list[list[Figures]], names: list[str], label: Callable[[int], str]
) -> list[Figures]:
    """Judge each week with the setting (a row of ``table``) best on the other weeks, never on
    itself; print each choice and the totals, and return the held-out figures."""
    held_out: list[Figures] = []
    for held in range(len(names)):
        best = max(
            range(len(table)),
            key=lambda i: objective([f for k, f in enumerate(table[i]) if k != held]),
        )
        held_out.append(table[best][held])
        print(f"  held out {names[held]}: {table[best][held]}  ({label(best)})")
    print(f"  leave one week out: {totals(held_out)}; objective {objective(held_out)}")
    return held_out


def tune_grid(
    weeks: list[Week],
    names: list[str],
    title: str,
    grid: Sequence[Any],
    score: Callable[[Week, Any], Figures],
) -> None:
    """One setting of a domain module with the shipped ranking constants: every value of
    ``grid`` on all weeks, then leave one week out."""
    table = [[score(w, option) for w in weeks] for option in grid]
    print(f"{title}, shipped ranking constants:")
    for option, figures in zip(grid, table, strict=True):
        print(f"  {option}: {totals(figures)}; objective {objective(figures)}")
    leave_one_week_out(table, names, lambda i: f"setting {grid[i]}")


def tune_subjects(weeks: list[Week], names: list[str]) -> None:
    """The subject words two statements must share (bot.digest.domain.subjects)."""
    fold = rank.FOLD_SIMILARITY
    tune_grid(
        weeks,
        names,
        "statement subjects (shared words >=)",
        SUBJECT_GRID,
        lambda w, t: evaluate(w, rank.WEIGHTS, fold, terms=t),
    )


def tune_occasions(weeks: list[Week], names: list[str]) -> None:
    """The days one occasion's parts may be apart (bot.digest.domain.occasions)."""
    fold = rank.FOLD_SIMILARITY
    tune_grid(
        weeks,
        names,
        "occasions (days apart <=, -1 none)",
        OCCASION_GRID,
        lambda w, d: evaluate(w, rank.WEIGHTS, fold, occasion_days=d),
    )


def tune_setting(weeks: list[Week], names: list[str], title: str, grid: Any, key: str) -> None:
    """One of evaluate's settings (``key``) over ``grid``, the other constants as shipped."""
    fold = rank.FOLD_SIMILARITY
    tune_grid(weeks, names, title, grid, lambda w, o: evaluate(w, rank.WEIGHTS, fold, **{key: o}))


def tune_formulas(weeks: list[Week], names: list[str]) -> None:
    """The feature-formula settings (bot.digest.domain.templates)."""
    fold = rank.FOLD_SIMILARITY
    tune_grid(
        weeks,
        names,
        "feature formulas (earlier weeks >=, dated share <=)",
        FORMULA_GRID,
        lambda w, option: evaluate(w, rank.WEIGHTS, fold, option),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument(
        "--formulas",
        action="store_true",
        help="tune the feature formulas, statement subjects and occasions only (quick)",
    )
    parser.add_argument(
        "--statements", action="store_true", help="tune the statement headline tie only"
    )
    args = parser.parse_args()
    articles = load_kcna(args.data)
    if args.statements:
        from tune_digest_statements import tune_statements

        tune_statements(articles, dev_judgements())
        return 0
    weeks = judged_weeks(articles)
    names = [w.week for w in weeks]
    if args.formulas:
        tune_formulas(weeks, names)
        tune_subjects(weeks, names)
        tune_occasions(weeks, names)
        lede_title = "lede links (chars, rare docs <=, terms >=, statement days, trip days)"
        tune_setting(weeks, names, lede_title, LEDE_GRID, "ledes")
        tune_setting(weeks, names, "quoted works (words >=)", WORK_GRID, "work_words")
        profiles_title = "profiles (headline words <=, days apart <=, -1 none)"
        tune_setting(weeks, names, profiles_title, PROFILE_GRID, "profiles")
        return 0
    current: Option = (
        rank.WEIGHTS,
        rank.ROUTINE_NOVELTY,
        rank.ROUTINE_FACTOR,
        rank.RECURRING_WEEKS,
        rank.FOLD_SIMILARITY,
    )
    shipped = run(weeks, current)
    print("shipped constants (covered, repeats, own roundups in top 5, mixed):")
    print("  " + " ".join(f"{n[-3:]}:{f}" for n, f in zip(names, shipped, strict=True)))
    print(f"  {totals(shipped)}; objective {objective(shipped)}")
    options = settings()
    table = [run(weeks, option) for option in options]
    ranked = sorted(range(len(options)), key=lambda i: -objective(table[i]))
    print(f"best of {len(options)} settings on all {len(weeks)} weeks:")
    for i in ranked[: args.top]:
        print(f"  {objective(table[i])}: {totals(table[i])}\n    {describe(options[i])}")
    print("leave one week out (each week with the setting best on the others):")
    leave_one_week_out(table, names, lambda i: describe(options[i]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
