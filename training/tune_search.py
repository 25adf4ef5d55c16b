"""Tune /ask's free choices on development data, one choice at a time around the shipped values.

    .venv/bin/python training/tune_search.py [--data ../shared/data] [--no-write]

Ranking choices (gate off): XQuAD-en (1,190 questions over 240 paragraphs; an excerpt holds the
answer when it contains one of XQuAD's answer strings), our seed questions (training/data/search:
seed_questions_dev, _own and the seen 2026-12-05, 12-06, 12-06b and 12-06c blind sets, 245)
on the seed and on the grown archive (seed + kcna-2024 + ten XQuAD paragraphs added one at a
time), and our 32 kcna-2024
questions on the grown archive. The gate is calibrated by
training/calibrate_gate.py. The chosen values are set by hand in bot/search/domain/answers.py,
query.py and dense.py (explicit constants). Refreshes the "search-tuning" section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training"), str(ROOT / "bench")]

import search_eval as ev  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
import bot.search.domain.query as query  # noqa: E402
from bench.results import replace_section  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"

# Each choice and the values tried (the first row of the table is the shipped set-up).
CHOICES: dict[str, Sequence[float]] = {
    "article_weight": (0.0, 0.15, 0.3, 0.6),
    "answer_boost": (0.0, 0.25, 0.5, 1.0),
    "excerpt_bonus": (0.0, 0.3, 0.6, 1.2),
    "excerpt_context": (0, 1),
    "dense_weight": (0.0, 0.2, 0.3, 0.45, 0.6, 0.8),
    "coverage_weight": (0.0, 0.2, 0.5, 1.0, 2.0),
    "per_article": (1, 2, 3, 5),
    "alias_weight": (0.0, 0.5, 1.0),
    "synonym_weight": (0.0, 0.2, 0.4, 0.7),
    "paraphrase_weight": (0.0, 0.15, 0.3, 0.5),
}


def apply(settings: dict[str, float]) -> None:
    """Set module constants and answer settings for one configuration."""
    fields = {f.name for f in dataclasses.fields(answers.AnswerSettings)}
    answers.SETTINGS = answers.AnswerSettings(
        **{k: _typed(k, v) for k, v in settings.items() if k in fields},
        min_coverage=0.0,
        min_gate=-1e9,
        gate_per_decade=0.0,
    )
    query.ALIAS_WEIGHT = settings["alias_weight"]  # type: ignore[misc]
    query.SYNONYM_WEIGHT = settings["synonym_weight"]  # type: ignore[misc]
    query.PARAPHRASE_WEIGHT = settings["paraphrase_weight"]  # type: ignore[misc]


def _typed(name: str, value: float) -> object:
    if name == "per_article":
        return int(value)
    if name == "excerpt_context":
        return bool(value)
    return value


def shipped() -> dict[str, float]:
    s = answers.AnswerSettings()
    return {
        "article_weight": s.article_weight,
        "answer_boost": s.answer_boost,
        "excerpt_bonus": s.excerpt_bonus,
        "excerpt_context": int(s.excerpt_context),
        "dense_weight": s.dense_weight,
        "coverage_weight": s.coverage_weight,
        "per_article": s.per_article,
        "alias_weight": query.ALIAS_WEIGHT,
        "synonym_weight": query.SYNONYM_WEIGHT,
        "paraphrase_weight": query.PARAPHRASE_WEIGHT,
    }


@dataclasses.dataclass
class Bench:
    xquad: SearchIndex
    xquestions: list[ev.Question]
    seed: SearchIndex
    grown: SearchIndex
    questions: list[ev.Question]
    kcna: list[ev.Question]

    @classmethod
    def load(cls, data: Path) -> Bench:
        xarticles, xquestions = ev.xquad(data)
        seed = ev.seed_articles()
        grown = ev.grown_archive(data)
        return cls(
            ev.build(xarticles),
            xquestions,
            ev.build(seed),
            grown,
            ev.seed_questions(),
            ev.kcna_questions(),
        )

    def measure(self) -> dict[str, float]:
        x1, x3 = ev.hit_rates(ev.answer_ranks(self.xquad, self.xquestions))
        s1, s3 = ev.hit_rates(ev.answer_ranks(self.seed, self.questions))
        g1, g3 = ev.hit_rates(ev.answer_ranks(self.grown, self.questions))
        k1, k3 = ev.hit_rates(ev.answer_ranks(self.grown, self.kcna))
        return {"x1": x1, "x3": x3, "s1": s1, "s3": s3, "g1": g1, "g3": g3, "k1": k1, "k3": k3}


def sweep(bench: Bench) -> list[dict[str, object]]:
    base = shipped()
    rows: list[dict[str, object]] = []
    apply(base)
    rows.append({"choice": "shipped", "value": "", **bench.measure()})
    print(rows[-1], flush=True)
    for name, values in CHOICES.items():
        for value in values:
            if value == base[name]:
                continue
            apply({**base, name: value})
            start = time.perf_counter()
            rows.append({"choice": name, "value": value, **bench.measure()})
            print(rows[-1], f"{time.perf_counter() - start:.0f}s", flush=True)
    apply(base)
    return rows


COLUMNS = [
    ("choice", "choice", ""),
    ("value", "value", ""),
    ("x1", "XQuAD hit@1", ".3f"),
    ("x3", "XQuAD hit@3", ".3f"),
    ("s1", "seed hit@1", ".3f"),
    ("s3", "seed hit@3", ".3f"),
    ("g1", "grown hit@1", ".3f"),
    ("g3", "grown hit@3", ".3f"),
    ("k1", "kcna q. hit@1", ".3f"),
    ("k3", "kcna q. hit@3", ".3f"),
]


def table(rows: Sequence[dict[str, object]], columns: Sequence[tuple[str, str, str]]) -> str:
    lines = ["| " + " | ".join(h for _, h, _ in columns) + " |"]
    lines.append("|" + "|".join("---" for _ in columns) + "|")
    for row in rows:
        cells = [format(row[k], f) if f else str(row[k]) for k, _, f in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    bench = Bench.load(args.data)
    rows = sweep(bench)
    settings = ", ".join(f"{k} {v}" for k, v in shipped().items())
    body = "\n\n".join(
        [
            "## Search tuning (development data only)",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, 2 cores, `training/tune_search.py`. "
            f"Gate off; each row changes one choice from the shipped set-up ({settings}). "
            "XQuAD: 1,190 questions over its 240 paragraphs. Seed: our 245 development questions "
            "(training/data/search/seed_questions_dev, _own and the seen 2026-12-05, "
            "2026-12-06, 2026-12-06b and 2026-12-06c blind sets) "
            "on the seed (7 articles) and on the grown archive (seed + kcna-2024 + 10 XQuAD "
            "paragraphs added one at a time, 2,128 articles); kcna q.: our 32 questions on "
            "kcna-2024 articles, on the grown archive. hit@k: an answer string in one of the "
            "first k excerpts.",
            table(rows, COLUMNS),
        ]
    )
    print(body)
    if not args.no_write:
        replace_section(RESULTS, "search-tuning", body)


if __name__ == "__main__":
    main()
