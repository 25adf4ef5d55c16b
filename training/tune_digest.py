"""Tune the digest's ranking and folding constants on the development weeks.

    .venv/bin/python training/tune_digest.py [--data ../shared/data/kcna-2024/articles.jsonl]

Reads kcna-2024 and training/data/digest/dev/main_stories_dev.json only (never the blind
set). For each development week it builds the stories and their signals once, then scores
every combination of a small grid of signal weights, the routine factors and the folding
threshold by: main stories covered by the 15 highlights, minus twice the repeated stories and
roundups in the top five, less the mixed highlights, plus twice the worst week's coverage.
Prints the best settings, their per-week figures and their
leave-one-week-out figures (each week judged with the weights best on the other two). The
chosen values are then written by hand into bot/digest/domain/rank.py.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from digest_judging import default_kcna_path, load_judgements, load_kcna  # noqa: E402

import bot.digest.domain.rank as rank  # noqa: E402
from bot.digest.domain.build import (  # noqa: E402
    HISTORY_TEXTS,
    _recent_history,
    select_week_articles,
)
from bot.digest.domain.events import (  # noqa: E402
    NameCommonness,
    clean_title,
    group_events,
    join_copies,
    similarity,
    vectorize_week,
)
from bot.digest.domain.series import TitleHistory  # noqa: E402
from bot.digest.domain.stories import (  # noqa: E402
    form_stories,
    series_groups,
    story_signals,
    story_similarity,
)
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402

DEFAULT_DATA = default_kcna_path(ROOT)
DEV = ROOT / "training" / "data" / "digest" / "dev" / "main_stories_dev.json"
TZ = ZoneInfo("Asia/Seoul")
SIGNALS = ("reports", "featured", "novelty", "named", "substance")
GRID = (0.0, 0.1, 0.2, 0.3)


@dataclass
class Week:
    week: str
    kinds: list[str]
    signals: list[rank.EventSignals]
    similar: Any
    owner: list[str | None]  # the judged story or series of each story
    stories: set[str]


def prepare(articles: list[Any], week: str, judgement: dict[str, Any]) -> Week:
    start, end = iso_week_bounds(week, TZ)
    selected = select_week_articles(articles, start, end)
    earlier = _recent_history(articles, start, {a.id for a in selected})
    copies = join_copies(selected, TZ)
    text = vectorize_week(selected, copies, earlier[:HISTORY_TEXTS])
    item_similarity = similarity(text, copies, selected)
    stories = form_stories(
        copies, group_events(copies, item_similarity, fixed=series_groups(copies))
    )
    titles = TitleHistory([(clean_title(a), a.news_date.astimezone(TZ).date()) for a in earlier])
    signals = story_signals(stories, copies, selected, text, titles, NameCommonness(text))
    owner_of: dict[str, str] = {}
    for story in judgement["stories"]:
        owner_of.update({i: story["id"] for i in story["article_ids"]})
    for series in judgement["series"]:
        owner_of.update({i: "series: " + series["pattern"] for i in series["article_ids"]})
    owner: list[str | None] = []
    for story in stories:
        ids = [selected[i].id for c in story.items for i in copies[c].members]
        keys = [owner_of[i] for i in ids if i in owner_of]
        owner.append(max(set(keys), key=keys.count) if keys else None)
    return Week(
        week,
        [s.kind for s in stories],
        signals,
        story_similarity(stories, copies, selected, item_similarity, NameCommonness(text)),
        owner,
        {s["id"] for s in judgement["stories"]},
    )


def evaluate(week: Week, weights: dict[str, float], fold: float) -> tuple[int, int, int, int]:
    """(covered, repeats, roundups in the top five, mixed) of the 15 highlights."""
    scores = [rank.score_event(s, weights).score for s in week.signals]
    groups = rank.order_highlights(week.kinds, scores, 15, week.similar, fold)
    keys = [week.owner[g[0]] for g in groups]
    covered = len({k for k in keys if k in week.stories})
    seen: set[str] = set()
    repeats = 0
    for key in keys:
        if key is not None:
            repeats += key in seen
            seen.add(key)
    top5 = sum(1 for k in keys[:5] if k is not None and k.startswith("series"))
    mixed = sum(1 for g in groups if len({week.owner[i] for i in g} - {None}) > 1)
    return covered, repeats, top5, mixed


Option = tuple[dict[str, float], float, float, float]


def settings() -> list[Option]:
    """The grid: signal weights (scaled to leave 0.10 for engagement), the routine threshold
    and factor, and the folding threshold."""
    options = []
    for reports, featured, novelty, named, substance in itertools.product(
        (0.2, 0.3, 0.4, 0.5), (0.1, 0.2, 0.3, 0.4), (0.0, 0.1, 0.2), (0.0, 0.1), (0.0, 0.1)
    ):
        values = (reports, featured, novelty, named, substance)
        scale = (1 - rank.WEIGHTS["engagement"]) / sum(values)
        weights = {name: v * scale for name, v in zip(SIGNALS, values, strict=True)}
        weights["engagement"] = rank.WEIGHTS["engagement"]
        for routine, factor, fold in itertools.product((0.3, 0.4), (0.3, 0.5), (0.2, 0.3)):
            options.append((weights, routine, factor, fold))
    return options


def run(weeks: list[Week], option: Option) -> list[tuple[int, int, int, int]]:
    weights, routine, factor, fold = option
    rank.ROUTINE_NOVELTY, rank.ROUTINE_FACTOR = routine, factor
    return [evaluate(week, weights, fold) for week in weeks]


def objective(figures: list[tuple[int, int, int, int]]) -> int:
    """Stories covered, less twice the repeats and the roundups in the top five, less the
    highlights that mix two stories; plus twice the worst week's coverage (every week counts)."""
    total = sum(c - 2 * r - 2 * t - m for c, r, t, m in figures)
    return total + 2 * min(c for c, _, _, _ in figures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    articles = load_kcna(args.data)
    judgements = load_judgements(DEV)
    weeks = [
        prepare(articles, week, judgement)
        for week, judgement in sorted(judgements.items())
        if judgement["stories"]
    ]
    options = settings()
    results = [(objective(figures := run(weeks, o)), figures, o) for o in options]
    results.sort(key=lambda r: -r[0])
    print("best settings on all development weeks (covered, repeats, roundups in top 5, mixed):")
    for score, figures, (weights, routine, factor, fold) in results[:10]:
        shown = " ".join(f"{k}={v:.2f}" for k, v in weights.items())
        print(f"  {score:3d} {figures} {shown} routine<={routine} x{factor} fold={fold}")
    current: Option = (
        rank.WEIGHTS,
        rank.ROUTINE_NOVELTY,
        rank.ROUTINE_FACTOR,
        rank.FOLD_SIMILARITY,
    )
    figures = run(weeks, current)
    print(f"the shipped constants: {objective(figures)} {figures}")
    print("leave one week out:")
    for held in range(len(weeks)):
        rest = [w for i, w in enumerate(weeks) if i != held]
        best = max(options, key=lambda o: objective(run(rest, o)))
        print(f"  {weeks[held].week}: {run([weeks[held]], best)[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
