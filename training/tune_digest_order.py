"""Choose how the digest orders and merges its news sections, held out week by week (issue 15).

    .venv/bin/python training/tune_digest_order.py [--data PATH] [--model [--extra]]

Builds each development week once (every judgement file of training/data/digest/dev/, never the
blind folder), keeps what bot.digest.domain.layout.assemble was given, and lays the same
highlights out again under each setting of the layout's ordering constants
(layout.MAJOR_BONUS, layout.MAX_HEADINGS) and, with --model, section leads fitted by a logistic
regression (sections.yaml `lead`: does a highlight cover a judged main story, from its importance,
whether its headline is major news and its section; C = 1, sklearn's default; the shipped leads
are the fit on every week, printed last). The highlights and their summaries do not change,
only their headings and reading order. Counted per week, in reading order: the judged main stories
among the first five highlights (distinct stories), the importance-1 stories among them, the
mean reading position of the covered importance-1 stories, the news headings and the headings
over one highlight. Leave one week out: each week is laid out with the setting that does best on
the other weeks (most main stories in the first five, then importance-1 stories, then fewer
headings). Prints the shipped setting's figures, the in-sample best and the held-out totals.

--extra (round 15, shipped): the model also reads a highlight's reports and whether its headline
is military or foreign-policy news (layout.REPORTS_LEAD, layout.WEIGHTY_LEAD; a statement's
headline is never weighty unless --statements-weighty).

--newsweight (with --extra): also whether the headline tells an act with consequences and how much
of it the last weeks' headlines already say (layout.CONSEQUENCE_LEAD, layout.RECUR_LEAD;
bot/digest/domain/newsweight.py). --only consequence|recurrence fits one of the two.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import (  # noqa: E402
    article_owners,
    default_kcna_path,
    highlight_key,
    load_kcna,
)
from tune_digest import dev_judgements  # noqa: E402

import bot.digest.domain.build as build  # noqa: E402
import bot.digest.domain.layout as layout  # noqa: E402

try:
    import bot.digest.domain.newsweight as newsweight
except ImportError:  # code before round 18 (run on a `git archive` for the before figures)
    newsweight = layout  # type: ignore[assignment]
from bot.digest.domain.major import is_major  # noqa: E402
from bot.digest.domain.sections import OTHER, section_of, shipped_sections  # noqa: E402

SECTION_NAMES = (*(s.name for s in shipped_sections()), OTHER)

TZ = ZoneInfo("Asia/Seoul")
BONUS_GRID: tuple[float | None, ...] = (None, 0.0, 0.05, 0.1, 0.2, 0.3, 10.0)
HEADINGS_GRID: tuple[int, ...] = (0, 5, 7, 10)  # 0: no cap
CAPS: tuple[int, ...] | None = None  # --caps: only these (the shipped 10 to save time)
C_GRID: tuple[float, ...] = (0.1, 0.3, 1.0, 3.0)
# Readers 9 and 10's top-3 stories per week, as judged story ids (round 18; dev data).
_TOP3 = json.loads(
    (ROOT / "training/data/digest/dev/reader_top3_2026_12_07.json").read_text("utf-8")
)
READER_TOP3: dict[str, list[list[str]]] = {}
for _reader in _TOP3.values():
    for _week, _ids in _reader.items():
        READER_TOP3.setdefault(_week, []).append(_ids)
EXTRA = False  # --extra: the order model also reads the report count and a weighty headline
# --top3-weight (round 19): a highlight of a story the readers put in their week's top 3 weighs
# this much more per reader in the fit (the held-out week's picks never enter its own fit).
TOP3_WEIGHT = 0.0
# Round 21 (digest26): the shipped visitor lead is a rule, not fitted; held-out layouts keep it
# unless --newsweight --only visitor fits it.
SHIPPED_VISIT = layout.VISIT_LEAD
NEWSWEIGHT: tuple[str, ...] = ()  # --newsweight: "consequence" and/or "recurrence" features too
Setting = tuple[float | None, int]


@dataclass
class Week:
    week: str
    args: tuple[Any, ...]
    owner: dict[str, str]
    importance: dict[str, int]


@dataclass(frozen=True)
class Figures:
    top5: int  # distinct judged main stories among the first five highlights
    top5_first: int  # importance-1 stories among them
    top3: int  # readers 9 and 10's top-3 stories among the first five (round 18)
    positions: tuple[int, ...]  # reading position (1-based) of each covered importance-1 story
    headings: int  # news headings (routine lines aside)
    singles: int  # news headings over one highlight


def capture(articles: list[Any], judgements: dict[str, dict[str, Any]]) -> list[Week]:
    """Each judged week's assemble() arguments, from one build."""
    seen: list[tuple[Any, ...]] = []
    original = build.assemble

    def spy(*args: Any) -> Any:
        seen.append(args)
        return original(*args)

    build.assemble = spy  # type: ignore[assignment]
    weeks = []
    try:
        for week, judgement in sorted(judgements.items()):
            if not judgement["stories"]:
                continue
            seen.clear()
            build.build_digest(articles, week, TZ, history=articles)
            importance = {s["id"]: int(s.get("importance", 2)) for s in judgement["stories"]}
            weeks.append(Week(week, seen[0], article_owners(judgement), importance))
    finally:
        build.assemble = original  # type: ignore[assignment]
    return weeks


def lay_out(week: Week, setting: Setting) -> Figures:
    layout.MAJOR_BONUS, layout.MAX_HEADINGS = setting
    topics = layout.assemble(*week.args).topics
    shown = [h for t in topics for h in t.highlighted]
    keys = [highlight_key(h, week.owner) for h in shown]
    top = {k for k in keys[:5] if k in week.importance}
    firsts: dict[str, int] = {}
    for position, key in enumerate(keys, 1):
        if key in week.importance and week.importance[key] == 1:
            firsts.setdefault(key, position)
    news = [t for t in topics if not t.label.startswith("Series")]
    return Figures(
        top3=sum(1 for ids in READER_TOP3.get(week.week, ()) for k in ids if k in top),
        top5=len(top),
        top5_first=sum(1 for k in top if week.importance[k] == 1),
        positions=tuple(firsts.values()),
        headings=len(news),
        singles=sum(1 for t in news if len(t.highlighted) == 1),
    )


def score(figures: Sequence[Figures]) -> tuple[int, int, int]:
    return (
        sum(f.top5 for f in figures),
        sum(f.top5_first for f in figures),
        -sum(max(0, f.headings - 6) for f in figures),
    )


def total(figures: Sequence[Figures]) -> str:
    positions = [p for f in figures for p in f.positions]
    return (
        f"main stories in first 5 {sum(f.top5 for f in figures)}, readers' top 3 in first 5 "
        f"{sum(f.top3 for f in figures)} of {sum(len(i) for r in READER_TOP3.values() for i in r)}, importance-1 in first 5 "
        f"{sum(f.top5_first for f in figures)} (of {len(positions)} covered; mean position "
        f"{statistics.mean(positions):.2f}), headings {sum(f.headings for f in figures)} "
        f"(max {max(f.headings for f in figures)}), one-highlight headings "
        f"{sum(f.singles for f in figures)}"
    )


def rows(week: Week) -> list[tuple[list[float], int, float]]:
    """One row per news highlight: features, whether it covers a main story, sample weight."""
    layout.MAJOR_BONUS, layout.MAX_HEADINGS, layout.SECTION_LEAD = 0.0, 0, {}
    layout.REPORTS_LEAD = layout.WEIGHTY_LEAD = 0.0
    layout.CONSEQUENCE_LEAD = layout.RECUR_LEAD = layout.VISIT_LEAD = 0.0
    topics = layout.assemble(*week.args).topics
    if "visitor" not in NEWSWEIGHT:  # round 21: a fixed lead (not fitted) lays the weeks out
        layout.VISIT_LEAD = SHIPPED_VISIT
    said = newsweight.earlier_headlines(week.args[4]) if "recurrence" in NEWSWEIGHT else []
    out = []
    for topic in topics:
        if topic.label.startswith("Series"):
            continue
        for h in topic.highlighted:
            key = highlight_key(h, week.owner)
            section = section_of(h.title, h.summary)
            features = [h.score, float(is_major(h.title))]
            if EXTRA:
                features += [
                    newsweight.reports_unit(h),
                    float(newsweight.weighty_headline(h.title)),
                ]
            if "consequence" in NEWSWEIGHT:
                features.append(float(newsweight.tells_consequence(h.title)))
            if "recurrence" in NEWSWEIGHT:
                features.append(newsweight.recurrence(h.title, said))
            if "visitor" in NEWSWEIGHT:
                features.append(float(newsweight.receives_visitor(h.title)))
            features += [float(section == name) for name in SECTION_NAMES]
            main = key in week.importance
            weight = 2.0 if main and week.importance[key] == 1 else 1.0
            votes = sum(key in ids for ids in READER_TOP3.get(week.week, ()))
            weight += TOP3_WEIGHT * votes
            out.append((features, int(main), weight))
    return out


def fit_leads(
    data: Sequence[tuple[list[float], int, float]], c: float
) -> tuple[float, dict[str, float]]:
    """The major bonus and section leads, in units of importance, of a logistic fit (with
    --extra, also the reports and weighty-headline leads, set on bot.digest.domain.layout)."""
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit([r[0] for r in data], [r[1] for r in data], sample_weight=[r[2] for r in data])
    coef = model.coef_[0]
    unit = max(coef[0], 1e-6)
    skip = 2
    if EXTRA:
        layout.REPORTS_LEAD = round(float(coef[2] / unit), 3)
        layout.WEIGHTY_LEAD = round(float(coef[3] / unit), 3)
        skip = 4
    for name in NEWSWEIGHT:
        lead = round(float(coef[skip] / unit), 3)
        if name == "consequence":
            layout.CONSEQUENCE_LEAD = lead
        elif name == "visitor":
            layout.VISIT_LEAD = lead
        else:
            layout.RECUR_LEAD = lead
        skip += 1
    return float(coef[1] / unit), {
        name: round(float(coef[skip + n] / unit), 3) for n, name in enumerate(SECTION_NAMES)
    }


def model_order(weeks: list[Week]) -> None:
    """Leave one week out: leads fitted on the other weeks' highlights order the held-out week."""
    data = [rows(w) for w in weeks]
    for c in C_GRID:
        for cap in CAPS or HEADINGS_GRID:
            held = []
            for n, week in enumerate(weeks):
                bonus, leads = fit_leads([r for i, d in enumerate(data) if i != n for r in d], c)
                layout.MAJOR_BONUS, layout.MAX_HEADINGS, layout.SECTION_LEAD = bonus, cap, leads
                held.append(lay_out_as_set(week))
            print(f"model C={c} cap={cap} held out: {total(held)}")
    bonus, leads = fit_leads([r for d in data for r in d], 1.0)
    extra = f", reports {layout.REPORTS_LEAD}, weighty {layout.WEIGHTY_LEAD}" if EXTRA else ""
    if NEWSWEIGHT:
        extra += f", consequence {layout.CONSEQUENCE_LEAD}, recurrence {layout.RECUR_LEAD}"
        extra += f", visitor {layout.VISIT_LEAD}"
    print(f"all weeks C=1: major bonus {bonus:.3f}{extra}, leads {leads}")


def lay_out_as_set(week: Week) -> Figures:
    return lay_out(week, (layout.MAJOR_BONUS, layout.MAX_HEADINGS))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    parser.add_argument("--model", action="store_true", help="fit section leads, held out")
    parser.add_argument(
        "--extra", action="store_true", help="with --model: fit reports and weighty leads too"
    )
    parser.add_argument(
        "--statements-weighty",
        action="store_true",
        help="with --extra: a statement's headline may be weighty (round 15 tried it)",
    )
    parser.add_argument(
        "--newsweight", action="store_true", help="with --extra: consequence and recurrence leads"
    )
    parser.add_argument("--only", choices=("consequence", "recurrence", "visitor"), default=None)
    parser.add_argument("--caps", type=int, nargs="*", default=None, help="heading caps to try")
    parser.add_argument(
        "--top3-weight", type=float, default=0.0, help="extra fit weight per reader's top-3 pick"
    )
    parser.add_argument("--cs", type=float, nargs="*", default=None, help="C values to try")
    args = parser.parse_args()
    global EXTRA, NEWSWEIGHT, C_GRID, TOP3_WEIGHT, CAPS
    EXTRA = args.extra
    TOP3_WEIGHT = args.top3_weight
    CAPS = tuple(args.caps) if args.caps else None
    if args.newsweight:
        NEWSWEIGHT = (args.only,) if args.only else ("consequence", "recurrence")
    if args.cs:
        C_GRID = tuple(args.cs)
    if args.statements_weighty:
        newsweight.WEIGHTY_STATEMENTS = True
    shipped = (layout.MAJOR_BONUS, layout.MAX_HEADINGS)
    weeks = capture(load_kcna(args.data), dev_judgements())
    shipped_figures = [lay_out(w, shipped) for w in weeks]
    print(f"shipped {shipped} with the shipped leads (in-sample): {total(shipped_figures)}")
    for week, f in zip(weeks, shipped_figures, strict=True):
        print(
            f"  {week.week}: top5 {f.top5} (imp-1 {f.top5_first}) positions {f.positions} "
            f"headings {f.headings} singles {f.singles}"
        )
    if args.model:
        model_order(weeks)
        return 0
    # The grid: no section leads, a major bonus and a cap (None: round 13's order).
    layout.SECTION_LEAD = {}
    grid = list(itertools.product(BONUS_GRID, HEADINGS_GRID))
    table = {s: [lay_out(w, s) for w in weeks] for s in grid}
    ranked = sorted(table, key=lambda s: score(table[s]), reverse=True)
    for setting in ranked[:8]:
        print(f"in-sample {setting}: {total(table[setting])}")
    held: list[Figures] = []
    for n, week in enumerate(weeks):
        rest = {s: [f for i, f in enumerate(table[s]) if i != n] for s in grid}
        best = max(grid, key=lambda s: score(rest[s]))
        held.append(table[best][n])
        print(f"  fold {week.week}: chose {best}")
    print(f"held out: {total(held)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
