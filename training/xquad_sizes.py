"""XQuAD through /ask at several archive sizes, two settings paired, with a bootstrap over
questions (a guard for /ask's excerpt and ranking choices; gate off).

    .venv/bin/python training/xquad_sizes.py [--data ../shared/data] [--resamples 2000]
        [name=value ...] -- [name=value ...]

The first group of AnswerSettings values is the baseline (may be empty: today's), the second
the candidate. Sizes: XQuAD's 240 paragraphs alone (built at once); and the grown archive's
base (seed + kcna-2024, built at once) with XQuAD paragraphs added one at a time: the ten of
search_eval.small_ingests (one per topic, the first ten topics), then one per topic of all 48
topics, then all 240; at each size the questions of the paragraphs added so far. For each size:
both settings' hit@1 / hit@3, the paired difference in points and its bootstrap standard error
and 95% interval (resampling questions, seeded), and the questions that changed.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from xquad_ask import typed  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bot.archive.domain.articles import Article  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402

Ranks = list[int | None]


def ranks_for(index: SearchIndex, qs: Sequence[ev.Question], settings: dict[str, object]) -> Ranks:
    shipped = answers.SETTINGS
    try:
        answers.SETTINGS = dataclasses.replace(
            shipped,
            min_gate=-1e9,
            gate_per_decade=0.0,
            **settings,  # type: ignore[arg-type]
        )
        return ev.answer_ranks(index, qs, k=5)
    finally:
        answers.SETTINGS = shipped


def paired(base: Ranks, cand: Ranks, cut: int, resamples: int) -> tuple[float, float, float, float]:
    """Difference (points) of hit@cut, its bootstrap SE and 95% interval."""
    diffs = [
        int(c is not None and c < cut) - int(b is not None and b < cut)
        for b, c in zip(base, cand, strict=True)
    ]
    n = len(diffs)
    rng = random.Random(25)
    means = sorted(sum(diffs[rng.randrange(n)] for _ in range(n)) / n for _ in range(resamples))
    mean = sum(means) / resamples
    se = (sum((m - mean) ** 2 for m in means) / (resamples - 1)) ** 0.5
    low, high = means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]
    return 100 * sum(diffs) / n, 100 * se, 100 * low, 100 * high


def report(
    name: str,
    qs: Sequence[ev.Question],
    index: SearchIndex,
    groups: list[dict[str, object]],
    resamples: int,
) -> None:
    base, cand = (ranks_for(index, qs, g) for g in groups)
    line = [f"{name} ({len(qs)} q)"]
    for label, r in (("base", base), ("cand", cand)):
        h1, h3 = ev.hit_rates(r)
        line.append(f"{label} {h1:.4f} / {h3:.4f}")
    for cut in (1, 3):
        d, se, low, high = paired(base, cand, cut, resamples)
        line.append(f"d@{cut} {d:+.2f} pt (se {se:.2f}, 95% {low:+.2f}..{high:+.2f})")
    print("  ".join(line), flush=True)
    for q, b, c in zip(qs, base, cand, strict=True):
        if (b == 0) != (c == 0) or (b is not None and b < 3) != (c is not None and c < 3):
            print(f"    {b} -> {c}  {q.text}  [{q.answers[0]}]", flush=True)


def main() -> None:
    args = sys.argv[1:]
    data, resamples = ev.DATA, 2000
    while args[:1] in (["--data"], ["--resamples"]):
        if args[0] == "--data":
            data = Path(args[1])
        else:
            resamples = int(args[1])
        args = args[2:]
    cut = args.index("--") if "--" in args else len(args)
    groups = [typed(args[:cut]), typed(args[cut + 1 :])]
    articles, qs = ev.xquad(data)
    report("xquad alone", qs, ev.build(articles), groups, resamples)
    small, _ = ev.small_ingests(data)
    per_topic: dict[str, Article] = {}
    for a in articles:
        per_topic.setdefault(a.title, a)
    steps = [list(small), list(per_topic.values()), articles]
    index = ev.build([*ev.seed_articles(), *ev.kcna(data)])
    added: list[Article] = []
    for step in steps:
        have = {a.id for a in added}
        fresh = [a for a in step if a.id not in have]
        index = ev.grow(index, fresh)
        added += fresh
        ids = {a.id for a in added}
        asked = [q for q in qs if q.kind in ids]
        report(f"grown + {len(added)} paragraphs", asked, index, groups, resamples)


if __name__ == "__main__":
    main()
