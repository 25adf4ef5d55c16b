"""What the last genre headings hold and what readers 15-18 said of them (issue 15, round 20b).

    .venv/bin/python training/digest_articles_breakdown.py [--data PATH]

For every judged dev week (training/data/digest/dev; never the blind folder) lays the page out
as the bot does (shipped leads, in-sample by construction) and prints the headings shown, each
item under "Editorials and articles" or "Other news this week" (or the name an articles heading
now carries) with its reading position, judged key, the section its headline and summary name,
the statement topic they name, its place, and readers 15-18's verdicts of those two headings
(reader_ab_2026_12_07{o,p,r,s}). Dev data, read to explain; nothing here is fitted.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_genre_breakdown import mark, page  # noqa: E402
from digest_judging import default_kcna_path, load_kcna  # noqa: E402
from tune_digest import dev_judgements  # noqa: E402
from tune_digest_order import capture  # noqa: E402

from bot.digest.domain.genrenames import shipped_article_subjects  # noqa: E402
from bot.digest.domain.leftovers import shipped_statement_topics  # noqa: E402
from bot.digest.domain.sections import section_of  # noqa: E402

GENRE_HEADINGS = ("Editorials and articles", "Other news this week")
READERS = {"15": "o", "16": "p", "17": "r", "18": "s"}
DEV = ROOT / "training/data/digest/dev"


def verdicts() -> dict[tuple[str, str, str], set[str]]:
    """(week, heading, reader) -> the reader's verdicts and reasons of that heading."""
    out: dict[tuple[str, str, str], set[str]] = {}
    for reader, suffix in READERS.items():
        for line in (DEV / f"reader_ab_2026_12_07{suffix}.jsonl").read_text("utf-8").splitlines():
            row = json.loads(line)
            for side in ("labels_A", "labels_B"):
                for label, verdict, why in row[side]:
                    if label in GENRE_HEADINGS:
                        key = (row["week"], label, reader)
                        out.setdefault(key, set()).add(f"{verdict}: {why[:60]}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(ROOT))
    args = parser.parse_args()
    said = verdicts()
    subjects = {s.name for s in shipped_article_subjects()}
    for week in capture(load_kcna(args.data), dev_judgements()):
        laid = page(week)
        rows = [x for x in laid if x[1] in GENRE_HEADINGS or x[1] in subjects]
        if not rows:
            continue
        shown = list(dict.fromkeys(x[1] for x in laid))
        print(f"{week.week} | shown: {' / '.join(shown)}")
        for pos, heading, key, h, place in rows:
            section = section_of(f"{h.title} . {h.summary}", h.summary)
            topic = section_of(f"{h.title} . {h.summary}", h.summary, shipped_statement_topics())
            print(
                f"  {pos:2}. '{heading}' {mark(week, key)} {h.title[:80]} | section: {section}"
                f" | statement topic: {topic} | place {place:.2f}"
            )
        for heading in GENRE_HEADINGS:
            for reader in READERS:
                for verdict in sorted(said.get((week.week, heading, reader), ())):
                    print(f"    reader {reader} on '{heading}': {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
