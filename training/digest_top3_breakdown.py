"""Where the readers' top-3 stories land on the shipped page, and why (issue 15, round 19).

    .venv/bin/python training/digest_top3_breakdown.py [--data PATH]

For every judged dev week (training/data/digest/dev; never the blind folder) builds the page as
the bot does, then for each of readers 9 and 10's top-3 stories (reader_top3_2026_12_07.json)
prints its reading position, its section heading and that section's rank, its rank inside the
section, and the parts of its place (importance, major bonus, section lead, reports, weighty,
consequence); then the highlights ahead of it in the first five with their place. Dev data,
read to explain; nothing here is fitted.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import default_kcna_path, highlight_key, load_kcna  # noqa: E402
from tune_digest import dev_judgements  # noqa: E402
from tune_digest_order import READER_TOP3, Week, capture  # noqa: E402

import bot.digest.domain.layout as layout  # noqa: E402
from bot.digest.domain import newsweight  # noqa: E402
from bot.digest.domain.major import is_major  # noqa: E402
from bot.digest.domain.sections import section_leads, section_of  # noqa: E402


def parts(h: Any, heading: str, score: float) -> str:
    leads = section_leads()
    filed = section_of(h.title, h.summary)
    total = (
        score
        + (layout.MAJOR_BONUS or 0.0) * is_major(h.title)
        + leads.get(filed, 0.0)
        + layout.REPORTS_LEAD * newsweight.reports_unit(h)
        + layout.WEIGHTY_LEAD * newsweight.weighty_headline(h.title)
    )
    return (
        f"place {total:.2f} = imp {score:.2f} + major x{int(is_major(h.title))} "
        f"+ lead[{filed}] {leads.get(filed, 0.0):+.2f} + reports {len(h.reports)} "
        f"weighty {int(newsweight.weighty_headline(h.title))} "
        f"conseq {int(newsweight.tells_consequence(h.title))}"
    )


def breakdown(week: Week, labels: dict[str, str]) -> list[str]:
    topics = layout.assemble(*week.args).topics
    importances = week.args[6]
    highlights = week.args[5]
    rows = []
    position = 0
    where: dict[str, tuple[int, str, int, int, Any, float]] = {}
    shown = []
    for rank, topic in enumerate(topics, 1):
        for inner, h in enumerate(topic.highlighted, 1):
            position += 1
            key = highlight_key(h, week.owner) or "-"
            i = next((j for j, g in highlights.items() if g.article_id == h.article_id), None)
            score = importances[i].score if i is not None else float("nan")
            shown.append((position, key, topic.label, h, score))
            where.setdefault(key, (position, topic.label, rank, inner, h, score))
    wanted = dict.fromkeys(k for ids in READER_TOP3.get(week.week, ()) for k in ids)
    for key in wanted:
        votes = sum(key in ids for ids in READER_TOP3[week.week])
        label = labels.get(key, key)[:70]
        if key not in where:
            rows.append(f"  {key} ({votes} readers) NOT SHOWN: {label}")
            continue
        pos, heading, rank, inner, h, score = where[key]
        mark = "first five" if pos <= 5 else "BELOW"
        rows.append(
            f"  {key} ({votes}) pos {pos} {mark}: section '{heading}' #{rank}, #{inner} in it; "
            f"{parts(h, heading, score)}; imp{week.importance.get(key)} | {label}"
        )
    rows.append("  first five:")
    for pos, key, heading, h, score in shown[:5]:
        rows.append(f"    {pos}. [{key}] {h.title[:60]} | '{heading}' {parts(h, heading, score)}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    args = parser.parse_args()
    judgements = dev_judgements()
    labels = {s["id"]: s["label"] for j in judgements.values() for s in j["stories"]}
    weeks = capture(load_kcna(args.data), judgements)
    for week in weeks:
        if week.week not in READER_TOP3:
            continue
        print(week.week)
        print("\n".join(breakdown(week, labels)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
