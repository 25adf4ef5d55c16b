"""Why the digest's highlights repeat or mix stories: every development week, as judged.

    .venv/bin/python training/digest_misses.py [--data PATH] [WEEK ...]

For every judged development week (training/data/digest/dev/, never the blind folder) it builds
the week's stories and highlights as build_digest does, and prints

- each *repeat*: two highlights covering one judged story or series, with their headlines,
  days, kinds, how alike the two leads are and which links exist between them (none: the
  grouping kept them apart because nothing tied them);
- each *mixed* highlight: the judged stories or series its reports belong to, and for each
  folded story the links found between it and the lead (text similarity, routine family, ledes
  naming one uncommon name or occasion, occasion, statement subject, headline formula, lede
  link, profile; "(off)" when the shipped settings do not join them) or "event grouping" when
  one story already cites reports of two judged stories;
- each *missed* main story (training/digest_missed.py): the week's stories citing its reports,
  their rank and score against the last highlight's, and why none covers it (merged into another
  highlight, a series or roundup, split, or ranked low by which importance terms).

Counts follow bench/digest_judging.py (a hand-chosen story owns its ids over a series).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import article_owners, default_kcna_path, load_kcna  # noqa: E402
from digest_missed import explain_missed  # noqa: E402
from tune_digest import TZ, dev_judgements  # noqa: E402

from bot.digest.domain.alike import SHARED_NAMES_SIMILARITY  # noqa: E402
from bot.digest.domain.build import (  # noqa: E402
    analyse_week,
    highlight_count,
    pick_highlights,
    select_week_articles,
)
from bot.digest.domain.events import tells_statement  # noqa: E402
from bot.digest.domain.ledelinks import links_of  # noqa: E402
from bot.digest.domain.rank import FAMILY, FOLD_SIMILARITY, score_event  # noqa: E402
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402


def links_between(week: Any, a: int, b: int) -> list[str]:
    """The links analyse_week found between stories ``a`` and ``b`` (either order)."""
    key = {a, b}
    found = [f"occasion ({p.occasion})" for p in week.occasions if {p.first, p.second} == key]
    found += [f"subject {p.shared}" for p in week.subjects if {p.first, p.second} == key]
    found += ["headline formula" for p in week.formulas if {p.first, p.second} == key]
    found += [
        f"{p.kind} lede {[t for t, _ in p.shared][:4]}{'' if links_of(p) else ' (off)'}"
        for p in week.ledes
        if {p.first, p.second} == key
    ]
    found += ["profile (off)" for p in week.features if {p.first, p.second} == key]
    plain = float(week.plain_alike[a, b])
    if plain >= FAMILY:
        found.append("routine family")
    elif abs(plain - SHARED_NAMES_SIMILARITY) < 1e-9:
        found.append("ledes name one uncommon name or occasion (alike.py)")
    elif plain >= FOLD_SIMILARITY:
        found.append(f"text {plain:.2f}")
    return found


def explain_week(articles: list[Any], name: str, judgement: dict[str, Any]) -> Counter[str]:
    """Print the week's repeats and mixed highlights; count them by reason."""
    start, end = iso_week_bounds(name, TZ)
    selected = select_week_articles(articles, start, end)
    week = analyse_week(selected, articles, start, TZ)
    owner = article_owners(judgement)
    stories = week.stories

    def owners(k: int) -> list[str]:
        ids = [selected[i].id for c in stories[k].items for i in week.copies[c].members]
        return [owner[i] for i in ids if i in owner]

    def describe(k: int) -> str:
        title = week.copies[stories[k].items[0]].title
        days = sorted({week.copies[c].day.isoformat()[5:] for c in stories[k].items})
        said = " statement" if tells_statement(title) else ""
        return f"[{stories[k].kind}{said} {','.join(days)}] {title[:80]}"

    kinds = [s.kind for s in stories]
    importances = [score_event(s) for s in week.signals]
    scores = [i.score for i in importances]
    count = highlight_count(len(stories))
    groups = pick_highlights(week, scores, count)
    reasons: Counter[str] = Counter()
    print(f"== {name}")
    seen: dict[str, int] = {}
    for number, group in enumerate(groups):
        cited = Counter(o for k in group for o in owners(k))
        lead_owner = owners(group[0])
        top = max(cited.values()) if cited else 0
        tied = sorted(o for o, n in cited.items() if n == top)
        key = (lead_owner[0] if lead_owner and lead_owner[0] in tied else tied[0]) if tied else None
        if key is not None and key in seen:
            first = groups[seen[key]]
            links = links_between(week, first[0], group[0])
            reason = "; ".join(links) if links else "nothing ties them"
            reasons["repeat: " + (links[0].split(" ")[0] if links else "no link")] += 1
            print(f"  REPEAT of {key} (highlights {seen[key] + 1} and {number + 1}): {reason}")
            print(f"    {describe(first[0])}\n    {describe(group[0])}")
        elif key is not None:
            seen[key] = number
        if len(set(cited)) > 1:
            print(f"  MIXED highlight {number + 1}: {sorted(set(cited))}")
            for k in group:
                if len(set(owners(k))) > 1:
                    why = "event grouping (one story cites two)"
                    reasons["mixed: event grouping"] += 1
                elif k == group[0]:
                    why = "lead"
                else:
                    links = links_between(week, group[0], k) or ["occasion (through another part)"]
                    why = "; ".join(links)
                    reasons["mixed: " + links[0].split(" ")[0]] += 1
                print(f"    {describe(k)} {sorted(set(owners(k)))}: {why}")
    covered = {k for k in seen if not k.startswith("series: ")}
    reasons += explain_missed(judgement, groups, importances, kinds, owners, describe, covered)
    return reasons


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    parser.add_argument("weeks", nargs="*", help="ISO weeks (default: every judged dev week)")
    args = parser.parse_args()
    articles = load_kcna(args.data)
    total: Counter[str] = Counter()
    for name, judgement in sorted(dev_judgements().items()):
        if judgement["stories"] and (not args.weeks or name in args.weeks):
            total += explain_week(articles, name, judgement)
    print("reasons:", ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
