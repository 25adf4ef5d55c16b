"""Benchmark: the weekly digest of kcna-2024, judged against readers' main stories and timed.

    .venv/bin/python bench/bench_digest.py [--data PATH] [--runs N] [--before DIR] [--blind] [--note TEXT]

Loads ../shared/data/kcna-2024/articles.jsonl (photo and video records, which have no text,
as title-only articles, the way a feed stores a link post), then:

1. judges the digests of the development weeks (every training/data/digest/dev/main_stories_*
   file) and, with --blind, of the blind weeks (the newest training/data/digest/blind/
   main_stories_*.json: open it only once the code is frozen) with bench/digest_judging.py: main stories covered by
   the highlights, highlights repeating a story or series, series and roundups among the first
   five, highlights mixing two stories, topic labels made only of the archive's 30 most
   common title words, honorifics and verbs, and label parts failing the reader's check
   (digest_judging.LabelCheck), and the labels the reader-fitted judge calls poor
   (bench/digest_label_judge.py, one judge per week fitted without that week's verdicts);
2. with --before DIR (a checkout of an earlier commit, e.g. `git archive 51670b3 | tar -x -C
   DIR`), judges that code the same way in a child process, for a before/after table;
3. times build_digest (every earlier article as history) plus every renderer (Markdown, Discord
   payloads, chart PNG, JSON) on the busiest week in Asia/Seoul and on 2024-W40.

Prints the tables and refreshes the `digest` section of bench/RESULTS.md (not with --no-write
or --json). Weeks are cut in Asia/Seoul, the agency's timezone.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _code_dir() -> Path:
    """--code DIR: judge the bot package of another checkout (used by --before)."""
    if "--code" in sys.argv:
        return Path(sys.argv[sys.argv.index("--code") + 1]).resolve()
    return Path(__file__).resolve().parents[1]


REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(_code_dir()), str(REPO / "bench")]

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from typing import Any  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

from digest_judging import (  # noqa: E402
    common_title_words,
    default_kcna_path,
    judge_week,
    label_check,
    load_judgements,
    load_kcna,
)
from digest_reading import reading_check  # noqa: E402
from judge_snapshot_labels import held_out_judges, judge_snapshot  # noqa: E402

from bot.digest.domain.build import build_digest  # noqa: E402
from bot.digest.domain.weeks import format_iso_week  # noqa: E402
from bot.digest.render.outputs import (  # noqa: E402
    chart_filename,
    digest_to_json,
    payload_violations,
    render_chart_png,
    render_discord_messages,
    render_markdown,
)

RESULTS = REPO / "bench" / "RESULTS.md"
DEV_DIR = REPO / "training" / "data" / "digest" / "dev"
BLIND_DIR = REPO / "training" / "data" / "digest" / "blind"
TARGET_SECONDS = 2.0
TZ_NAME = "Asia/Seoul"


def judged(articles: list[Any], judgements: dict[str, Any], tz: ZoneInfo) -> list[dict[str, Any]]:
    """Every judged week's figures (a JSON-able dict per week)."""
    common = common_title_words(a.title for a in articles)
    check = label_check(a.body for a in articles)
    texts = {a.id: f"{a.title}\n{a.body}" for a in articles}
    reading = (reading_check((a.title, a.body) for a in articles), texts)
    judges = held_out_judges()  # the reader-fitted label judge, one per held-out week
    rows = []
    for week, judgement in sorted(judgements.items()):
        digest = build_digest(articles, week, tz, history=articles)
        figures = judge_week(digest, week, judgement, common, check, reading)
        page = {week: {"markdown": render_markdown(digest, chart_filename(digest))}}
        reader_poor = [label for label, poor in judge_snapshot(page, judges)[week] if poor]
        kinds = [getattr(h, "kind", "event") for h in digest.highlighted]
        rows.append(
            {
                "week": week,
                "articles": digest.total_articles,
                "stories": figures.stories,
                "covered": figures.covered,
                "highlights": figures.highlights,
                "repeats": figures.repeats,
                "judged_series_top5": figures.roundup_top5,
                "own_roundups_top5": sum(1 for kind in kinds[:5] if kind == "roundup"),
                "mixed": figures.mixed,
                "labels": list(figures.labels),
                "poor_labels": list(figures.poor_labels),
                "poor_parts": list(figures.poor_parts),
                "odd_parts": list(figures.odd_parts),
                "unrelated": list(figures.unrelated),
                "reader_judge": reader_poor,
                "missed": list(figures.missed),
            }
        )
    return rows


def build_and_render(articles: list[Any], week: str, tz: ZoneInfo) -> tuple[Any, dict[str, float]]:
    timings: dict[str, float] = {}
    cpu = time.process_time()
    clock = time.perf_counter()
    digest = build_digest(articles, week, tz, history=articles)
    timings["build"] = time.perf_counter() - clock
    clock = time.perf_counter()
    render_markdown(digest, chart_filename(digest))
    timings["markdown"] = time.perf_counter() - clock
    clock = time.perf_counter()
    render_discord_messages(digest, chart_filename(digest))
    timings["discord"] = time.perf_counter() - clock
    clock = time.perf_counter()
    render_chart_png(digest)
    timings["chart"] = time.perf_counter() - clock
    clock = time.perf_counter()
    json.dumps(digest_to_json(digest))
    timings["json"] = time.perf_counter() - clock
    timings["total"] = sum(timings.values())
    timings["cpu"] = time.process_time() - cpu
    return digest, timings


def timing_rows(articles: list[Any], tz: ZoneInfo, runs: int) -> tuple[str, int, list[str]]:
    weeks = Counter(format_iso_week(a.published.astimezone(tz).date()) for a in articles)
    busy, busy_count = max(weeks.items(), key=lambda item: (item[1], item[0]))
    lines = []
    for week in (busy, "2024-W40"):
        digest, cold = build_and_render(articles, week, tz)
        warm_runs = [build_and_render(articles, week, tz)[1] for _ in range(runs)]
        warm = {key: statistics.median(run[key] for run in warm_runs) for key in cold}
        messages = render_discord_messages(digest)
        violations = sum(len(payload_violations(m)) for m in messages)
        render = "/".join(f"{warm[k]:.3f}" for k in ("markdown", "discord", "chart", "json"))
        verdict = "ok" if cold["total"] < TARGET_SECONDS else "SLOW"
        lines.append(
            f"| {week} | {digest.total_articles} | {digest.total_stories} | "
            f"{len(digest.highlighted)} | {len(messages)} | {violations} | {warm['build']:.3f} | "
            f"{render} | {cold['total']:.3f} ({cold['cpu']:.3f}) | {warm['total']:.3f} "
            f"({warm['cpu']:.3f}) | < 2 s {verdict} |"
        )
    return busy, busy_count, lines


def before_figures(directory: Path, args: argparse.Namespace) -> dict[str, Any]:
    """The same judgement of the code in ``directory``, in a child process."""
    command = [sys.executable, str(Path(__file__).resolve()), "--code", str(directory)]
    command += ["--json", "--no-write", "--data", str(args.data)]
    if args.blind:
        command.append("--blind")
    environment = dict(os.environ, PYTHONPATH=str(directory))
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=True)
    figures: dict[str, Any] = json.loads(done.stdout)
    return figures


def judged_table(
    title: str, after: list[dict[str, Any]], before: list[dict[str, Any]] | None
) -> list[str]:
    lines = [
        f"**{title}** (before → after where a before is given)",
        "",
        "| week | articles | main stories | covered by the highlights | highlights repeating a "
        "story or series | judged series in first 5 | own roundups in first 5 | mixed highlights "
        "| poor labels (common words) | poor label parts (reader's check) | label parts reading "
        "oddly | labels poor by the reader's rules (2026-12-07) | labels poor to the reader "
        "judge (held out) | done when met |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    old = {row["week"]: row for row in before or []}
    for row in after:
        prior = old.get(row["week"])

        def cell(key: str, row: dict[str, Any] = row, prior: dict[str, Any] | None = prior) -> str:
            value = len(row[key]) if isinstance(row[key], list) else row[key]
            if prior is None:
                return str(value)
            then = prior.get(key, "?")
            then = len(then) if isinstance(then, list) else then
            return f"{then} → {value}"

        met = row["stories"] == 0 or (
            row["covered"] >= 4
            and row["repeats"] == 0
            and row["own_roundups_top5"] == 0
            and not row["poor_labels"]
            and not row["poor_parts"]
            and not row.get("odd_parts")
        )
        lines.append(
            f"| {row['week']} | {row['articles']} | {row['stories']} | {cell('covered')} | "
            f"{cell('repeats')} | {cell('judged_series_top5')} | {cell('own_roundups_top5')} | "
            f"{cell('mixed')} | {cell('poor_labels')} | {cell('poor_parts')} | "
            f"{cell('odd_parts')} | {cell('unrelated')} | {cell('reader_judge')} | "
            f"{'yes' if met else 'no'} |"
        )
    totals = {k: sum(r[k] for r in after) for k in ("stories", "covered", "repeats", "mixed")}
    parts = sum(len(r["poor_parts"]) for r in after)
    odd = sum(len(r.get("odd_parts", ())) for r in after)
    unrelated = sum(len(r.get("unrelated", ())) for r in after)
    judged_poor = sum(len(r.get("reader_judge", ())) for r in after)
    labels = sum(len(r["labels"]) for r in after)
    lines.append("")
    lines.append(
        f"Total: {totals['covered']} of {totals['stories']} main stories covered, "
        f"{totals['repeats']} repeated, {totals['mixed']} mixed highlights, "
        f"{parts} poor label parts (reader's check), {odd} label parts reading oddly, "
        f"{unrelated} labels poor by the reader's rules, {judged_poor} of {labels} labels poor "
        "to the reader judge (held out: fitted without the week)."
    )
    lines.append("")
    for row in after:
        prior = old.get(row["week"])
        if prior is not None:
            lines.append(f"- {row['week']} labels before: " + "; ".join(prior["labels"]))
            lines += _label_notes(prior, " before")
        lines.append(f"- {row['week']} labels after: " + "; ".join(row["labels"]))
        lines += _label_notes(row, "")
        if row["missed"]:
            lines.append(f"  missed: {', '.join(row['missed'])}")
    return lines


# What each week's label check found, as the table's columns name it.
_LABEL_NOTES = (
    ("poor_parts", "poor parts"),
    ("odd_parts", "reading oddly"),
    ("unrelated", "reader's rules"),
    ("reader_judge", "reader judge"),
)


def _label_notes(row: dict[str, Any], suffix: str) -> list[str]:
    """One line per label check that found something in ``row``."""
    return [
        f"  {name}{suffix}: {'; '.join(row[key])}" for key, name in _LABEL_NOTES if row.get(key)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=default_kcna_path(REPO))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--blind", action="store_true", help="judge the blind weeks too (once!)")
    parser.add_argument("--json", action="store_true", help="print the judged figures as JSON")
    parser.add_argument("--no-write", action="store_true", help="do not touch bench/RESULTS.md")
    parser.add_argument("--note", default="", help="a paragraph to add under the tables")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"bench_digest: {args.data} not found; pass --data PATH", file=sys.stderr)
        return 2
    tz = ZoneInfo(TZ_NAME)
    articles = load_kcna(args.data)
    # Timing first, so that its first run is the process's first digest (caches empty).
    timing = None if args.json else timing_rows(articles, tz, args.runs)
    development: dict[str, Any] = {}
    for path in sorted(DEV_DIR.glob("main_stories_*.json")):
        development.update(load_judgements(path))
    figures: dict[str, Any] = {"dev": judged(articles, development, tz)}
    if args.blind:
        # The newest blind set (the date is in its name); older ones became development data.
        sets = sorted(BLIND_DIR.glob("main_stories_*.json"))
        if not sets:
            print(f"bench_digest: no blind set in {BLIND_DIR}", file=sys.stderr)
            return 2
        blind = sets[-1]
        figures["blind"] = judged(articles, load_judgements(blind), tz)
        figures["blind_file"] = blind.name
    if args.json:
        sys.stdout.write(json.dumps(figures) + "\n")
        return 0
    before = before_figures(args.before, args) if args.before else None
    lines = judged_table("Development weeks", figures["dev"], before and before["dev"])
    if args.blind:
        blind = judged_table(
            f"Blind weeks ({figures['blind_file']}, run once)",
            figures["blind"],
            before and before.get("blind"),
        )
        lines += ["", *blind]
    assert timing is not None
    busy, busy_count, timing_lines = timing
    lines += [
        "",
        f"Timing: busiest ISO week in {TZ_NAME}: {busy} ({busy_count} articles). First run of "
        f"the process (cold: the digest modules imported, matplotlib not yet, caches empty) and "
        f"median of {args.runs} more; wall seconds, CPU seconds of the process in brackets. "
        f"Load average during the run: {os.getloadavg()[0]:.1f} on 2 cores.",
        "",
        "| week | articles | stories | highlights | messages | limit violations | build s | "
        "render s (md/discord/chart/json) | total cold s (cpu) | total warm s (cpu) | target |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        *timing_lines,
    ]
    if args.note:
        lines += ["", args.note]
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        write_section(table, args)
    return 0


def write_section(table: str, args: argparse.Namespace) -> None:
    from results import replace_section

    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    machine = f"2 cores (shared), {platform.machine()}, Python {platform.python_version()}"
    command = "bench/bench_digest.py" + (" --blind" if args.blind else "")
    command += f" --before {args.before}" if args.before else ""
    body = (
        "## Weekly digest (bench/bench_digest.py)\n\n"
        f"{stamp}, {machine}: `{command}`. kcna-2024 (2,111 records; photo and video records "
        "as title-only articles), weeks cut in Asia/Seoul, every earlier article as history. "
        "A highlight covers the story most of its cited reports belong to (bench/digest_judging.py). "
        "Timings are noisy (two cores shared with other sessions).\n\n"
        f"{table}"
    )
    replace_section(RESULTS, "digest", body)


if __name__ == "__main__":
    raise SystemExit(main())
