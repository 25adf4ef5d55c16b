"""Where the genre headings' items go and what filing them under topics costs (issue 15, round 20).

    .venv/bin/python training/digest_genre_breakdown.py [--data PATH] [--variant NAME ...]

For every judged dev week (training/data/digest/dev; never the blind folder) lays the page out
as the bot does (shipped leads, in-sample by construction) and prints: the "Statements and
commentaries" / "Editorials and articles" headings with each item's statement topic (headline
and summary, as leftovers.statement_home reads them), its place and reading position; then for
each variant (module flags set before laying the page out again) the first five that change,
which judged main stories and readers' top-3 picks leave or enter it, and the items ahead of
the one that left. Dev data, read to explain; nothing here is fitted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import default_kcna_path, highlight_key, load_kcna  # noqa: E402
from tune_digest import dev_judgements  # noqa: E402
from tune_digest_order import READER_TOP3, Week, capture  # noqa: E402

import bot.digest.domain.genrenames as genrenames  # noqa: E402
import bot.digest.domain.layout as layout  # noqa: E402
import bot.digest.domain.leftovers as leftovers  # noqa: E402
from bot.digest.domain import newsweight  # noqa: E402
from bot.digest.domain.major import is_major  # noqa: E402
from bot.digest.domain.sections import OTHER, section_leads, section_of  # noqa: E402


def place(h: Any, score: float) -> float:
    """The highlight's reading place as layout.assemble computes it (shipped leads)."""
    return (
        score
        + (layout.MAJOR_BONUS or 0.0) * is_major(h.title)
        + section_leads().get(section_of(h.title, h.summary), 0.0)
        + layout.REPORTS_LEAD * newsweight.reports_unit(h)
        + layout.WEIGHTY_LEAD * newsweight.weighty_headline(h.title)
    )


def page(week: Week) -> list[tuple[int, str, str, Any, float]]:
    """(position, heading, judged key, highlight, place) in reading order."""
    importances, highlights = week.args[6], week.args[5]
    by_id = {g.article_id: j for j, g in highlights.items()}
    out = []
    for topic in layout.assemble(*week.args).topics:
        for h in topic.highlighted:
            score = importances[by_id[h.article_id]].score
            key = highlight_key(h, week.owner) or "-"
            out.append((len(out) + 1, topic.label, key, h, place(h, score)))
    return out


def mark(week: Week, key: str) -> str:
    votes = sum(key in ids for ids in READER_TOP3.get(week.week, ()))
    imp = week.importance.get(key)
    return f"[{key}{' imp' + str(imp) if imp else ''}{' top3x' + str(votes) if votes else ''}]"


def genres(week: Week) -> list[str]:
    table = leftovers.shipped_statement_topics()
    rows = []
    for pos, heading, key, h, p in page(week):
        if heading in leftovers.GENRES or heading.startswith("Statements on"):
            topic = section_of(f"{h.title} . {h.summary}", h.summary, table)
            rows.append(
                f"  {pos:2}. '{heading}' {mark(week, key)} {h.title[:70]} | topic: "
                f"{topic if topic != OTHER else '-'} | place {p:.2f}"
            )
    return rows


VARIANTS: dict[str, Callable[[bool], None]] = {
    "join_shown": lambda on: setattr(genrenames, "JOIN_SHOWN", on),
    "no_keep_order": lambda on: setattr(leftovers, "KEEP_ORDER", not on),
}


def compare(week: Week, variant: str) -> list[str]:
    before = page(week)
    VARIANTS[variant](True)
    try:
        after = page(week)
    finally:
        VARIANTS[variant](False)
    keys_b = {k for _, _, k, _, _ in before[:5]}
    keys_a = {k for _, _, k, _, _ in after[:5]}
    if [h.article_id for *_, h, _ in before[:5]] == [h.article_id for *_, h, _ in after[:5]]:
        heads_b = [x[1] for x in before]
        heads_a = [x[1] for x in after]
        return [] if heads_a == heads_b else [f"  {variant}: headings only"]
    rows = [f"  {variant}:"]
    for pos, heading, key, h, p in after[:5]:
        rows.append(f"    {pos}. '{heading}' {mark(week, key)} {h.title[:60]} | place {p:.2f}")
    for key in keys_b - keys_a:
        if key in week.importance:
            pos = next(x[0] for x in after if x[2] == key)
            rows.append(f"    OUT {mark(week, key)} now {pos}th")
    for key in keys_a - keys_b:
        if key in week.importance:
            rows.append(f"    IN {mark(week, key)}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    parser.add_argument("--variant", nargs="*", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--pages", action="store_true", help="print every week's reading order")
    args = parser.parse_args()
    weeks = capture(load_kcna(args.data), dev_judgements())
    for week in weeks:
        print(week.week)
        if args.pages:
            for pos, heading, key, h, p in page(week):
                print(f"  {pos:2}. '{heading}' {mark(week, key)} {h.title[:70]} | {p:.2f}")
        print("\n".join(genres(week)))
        for variant in args.variant:
            print("\n".join(compare(week, variant)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
