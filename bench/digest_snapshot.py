"""Snapshot every output of the weekly digest, to prove a speed-up changes none (issue 15).

    python bench/digest_snapshot.py OUT.json                        # this checkout's code
    python bench/digest_snapshot.py OUT.json --compare BEFORE.json
    python bench/digest_snapshot.py BEFORE.json --code /tmp/old     # another checkout's code
                                                                    # (e.g. `git archive` of a commit)
    python bench/digest_snapshot.py ON.json --genres-by-topic       # statements and editorials
                                                                    # under their topic (round 18;
                                                                    # the default since 18b)
    python bench/digest_snapshot.py OFF.json --genres-by-heading    # under their genre headings

Weeks: every development week (training/data/digest/dev/main_stories_*; blind sets are never
read) plus 2024-W01 (empty), W37 (the busiest), W40 and W46, of kcna-2024 in Asia/Seoul with
every earlier article as history, as bench_digest builds them. Per week: the Markdown page, the
Discord payloads, the JSON contract with the ranking, the explanation, the per-day counts the
chart draws and the chart PNG's sha256. Written as sorted JSON, so two snapshots compare byte
for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _code_dir() -> Path:
    if "--code" in sys.argv:
        return Path(sys.argv[sys.argv.index("--code") + 1]).resolve()
    return Path(__file__).resolve().parents[1]


REPO = Path(__file__).resolve().parents[1]
CODE = _code_dir()
sys.path[:0] = [str(CODE), str(REPO / "bench")]

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
from typing import Any  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from digest_judging import default_kcna_path, load_judgements, load_kcna  # noqa: E402

from bot.digest.domain import build  # noqa: E402
from bot.digest.render.outputs import (  # noqa: E402
    chart_filename,
    digest_to_json,
    render_chart_png,
    render_discord_messages,
    render_explanation,
    render_markdown,
)

EXTRA_WEEKS = ("2024-W01", "2024-W37", "2024-W40", "2024-W46")


def snapshot(data: Path) -> dict[str, Any]:
    """Every output of every snapshot week, by week."""
    tz = ZoneInfo("Asia/Seoul")
    articles = load_kcna(data)
    weeks = set(EXTRA_WEEKS)
    for path in sorted((REPO / "training" / "data" / "digest" / "dev").glob("main_stories_*")):
        weeks.update(load_judgements(path))
    outputs: dict[str, Any] = {}
    for week in sorted(weeks):
        digest = build.build_digest(articles, week, tz, history=articles)
        outputs[week] = {
            "markdown": render_markdown(digest, chart_filename(digest)),
            "discord": render_discord_messages(digest, chart_filename(digest)),
            "json": digest_to_json(digest, explain=True),
            "explanation": render_explanation(digest),
            "per_day": {str(day): counts for day, counts in digest.per_day.items()},
            "chart_sha256": hashlib.sha256(render_chart_png(digest)).hexdigest(),
        }
    return outputs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--compare", type=Path, help="a snapshot to compare with")
    parser.add_argument("--code", type=Path, help="snapshot the bot package of this checkout")
    parser.add_argument("--data", type=Path, default=default_kcna_path(REPO))
    parser.add_argument(
        "--genres-by-topic",
        action="store_true",
        help="file statements and editorials under the topic they address (sections.yaml "
        "genres_by_topic, on by default since round 18b)",
    )
    parser.add_argument(
        "--genres-by-heading",
        action="store_true",
        help="keep statements and editorials under their genre headings (genres_by_topic off)",
    )
    args = parser.parse_args()
    if args.genres_by_topic or args.genres_by_heading:
        import bot.digest.domain.leftovers as leftovers

        if not hasattr(leftovers, "files_genres"):
            print("digest_snapshot: this code has no genres_by_topic option", file=sys.stderr)
            return 2
        leftovers.FILE_STATEMENTS = not args.genres_by_heading
    if not str(Path(build.__file__).resolve()).startswith(str(CODE)):
        print(f"digest_snapshot: imported {build.__file__}, not {CODE}", file=sys.stderr)
        return 2
    text = json.dumps(snapshot(args.data), indent=1, sort_keys=True, ensure_ascii=False)
    args.out.write_text(text + "\n", encoding="utf-8")
    weeks = len(json.loads(text))
    print(f"{weeks} weeks, sha256 {hashlib.sha256(text.encode()).hexdigest()}")
    if args.compare:
        same = args.compare.read_text(encoding="utf-8") == text + "\n"
        print("identical" if same else f"DIFFERENT from {args.compare}")
        if not same:
            for line in changed_weeks(
                json.loads(args.compare.read_text("utf-8")), json.loads(text)
            ):
                print(line)
        return 0 if same else 1
    return 0


def changed_weeks(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per week whose outputs differ: the week and which outputs changed."""
    lines = []
    for week in sorted(set(before) | set(after)):
        old, new = before.get(week, {}), after.get(week, {})
        outputs = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        if outputs:
            lines.append(f"  {week}: {', '.join(outputs)}")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
