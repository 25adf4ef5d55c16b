"""Calibrate /ask's gate ("no good match") on answerable and unanswerable questions at three
archive sizes, and report its precision and recall there.

    .venv/bin/python training/calibrate_gate.py [--data ../shared/data] [--no-write] [--fit]
        [--offsets -0.5 0 0.5]

Archives: the seed (7 articles); the grown archive (seed + kcna-2024 + ten XQuAD paragraphs,
2,129); the grown archive + SciFact abstracts cut in halves (12,495). Answerable: our seed
questions (training/data/search: dev, own and the seen blind sets, search_eval.seed_questions)
everywhere, our kcna-2024 questions and the questions of the ten ingested XQuAD paragraphs on
the two larger archives. Unanswerable: our off-topic questions everywhere, and XQuAD questions
on other paragraphs and SciFact claims (200 of the tuning part each) on the seed and grown
archives. A
question is "answered" when /ask returns any excerpt; "right" when one of the first three
holds the answer. Precision: answered questions that are answerable; recall: answerable
questions answered. ``--fit`` fits a logistic gate on the first passage /ask would show with the gate
off and prints it (the shipped gate is fitted by training/gate_loso.py, bot/search/data/gate.json).
Refreshes the "search-gate" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from tune_search import table  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bench.results import replace_section  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
OFFSETS = (-0.5, 0.0, 0.5)


@dataclasses.dataclass
class Archive:
    name: str
    index: SearchIndex
    positives: list[ev.Question]
    negatives: list[ev.Question]


def archives(data: Path) -> list[Archive]:
    seed = ev.seed_articles()
    corpus, tuning, _, _ = ev.scifact(data)
    _, small_questions = ev.small_ingests(data)
    grown = ev.grown_archive(data)
    big = ev.grown_archive(data, ev.half_split(corpus))
    questions, kcna, offtopic = ev.seed_questions(), ev.kcna_questions(), ev.offtopic_questions()
    ingested = {q.kind for q in small_questions}
    _, xquestions = ev.xquad(data)
    foreign = [q for q in xquestions if q.kind not in ingested][:200]
    claims = [ev.Question(k, v, (), "claim") for k, v in list(tuning.items())[:200]]
    return [
        Archive("seed (7)", ev.build(seed), questions, offtopic + foreign + claims),
        Archive(
            f"grown ({grown.article_count:,})",
            grown,
            questions + kcna + small_questions,
            offtopic + foreign + claims,
        ),
        Archive(
            f"+ SciFact halves ({big.article_count:,})",
            big,
            questions + kcna + small_questions,
            offtopic,
        ),
    ]


def measure(
    index: SearchIndex,
    positives: Sequence[ev.Question],
    negatives: Sequence[ev.Question],
) -> dict[str, float]:
    ranks = ev.answer_ranks(index, positives)
    answered_pos = sum(bool(index.ask(q.text).hits) for q in positives)
    answered_neg = sum(bool(index.ask(q.text).hits) for q in negatives)
    right = sum(r is not None and r < 3 for r in ranks)
    hit1 = sum(r == 0 for r in ranks)
    return {
        "recall": answered_pos / max(len(positives), 1),
        "right3": right / max(len(positives), 1),
        "hit1": hit1 / max(len(positives), 1),
        "precision": answered_pos / max(answered_pos + answered_neg, 1),
        "neg_answered": answered_neg,
        "negatives": len(negatives),
    }


def gate_rows(index: SearchIndex, qs: Sequence[ev.Question]) -> list[tuple[float, ...]]:
    """The gate's features of each question's first excerpt (gate off), and log10(articles)."""
    from bot.search.domain.dense import default_embedder
    from bot.search.domain.query import build_question
    from bot.search.domain.vectors import document_text

    embedder = default_embedder()
    assert embedder is not None, "the gate is fitted with the embeddings installed"
    shipped = answers.SETTINGS
    answers.SETTINGS = dataclasses.replace(
        shipped, min_gate=-1e9, gate_per_decade=0.0, min_coverage=0.0
    )
    weights = index.parts().weights
    size = math.log10(max(index.article_count, 1))
    out = []
    try:
        for q in qs:
            hits = index.ask(q.text, k=1).hits
            if not hits:
                continue
            hit = hits[0]
            # As passage_hits reads it: the excerpt under its title.
            shown = document_text(hit.title, hit.excerpt, 1)
            present = set(weights.analyzer.analyze(shown))
            question = build_question(weights, q.text)
            vectors = embedder.embed([question.text, shown])
            features = answers.gate_features(
                question, present, hit.excerpt, float(vectors[1] @ vectors[0]), index.article_count
            )
            out.append((*features.vector(), size))
    finally:
        answers.SETTINGS = shipped
    return out


def fit_gate(data: Path) -> None:
    """Fit the gate's logistic weights and print them (for comparison with gate_loso.py's):
    the last weight, on log10(articles), becomes the bar's growth per decade."""
    from sklearn.linear_model import LogisticRegression

    rows, labels, groups = [], [], []
    for archive in archives(data):
        for label, qs in ((1, archive.positives), (0, archive.negatives)):
            features = gate_rows(archive.index, qs)
            rows += features
            labels += [label] * len(features)
            groups += [archive.name] * len(features)
        print(archive.name, "done", flush=True)
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=1000).fit(rows, labels)
    names = [f.name for f in dataclasses.fields(answers.GateFeatures)] + ["log10(articles)"]
    for name, weight in zip(names, model.coef_[0], strict=True):
        print(f"{name}: {weight:.3f}")
    print(f"bias: {model.intercept_[0]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--fit", action="store_true", help="fit the gate's weights and stop")
    parser.add_argument(
        "--offsets", nargs="+", type=float, default=OFFSETS, help="bar offsets measured"
    )
    args = parser.parse_args()
    if args.fit:
        fit_gate(args.data)
        return
    shipped = answers.SETTINGS
    offtopic = ev.offtopic_questions()
    rows = []
    for archive in archives(args.data):
        for offset in args.offsets:
            answers.SETTINGS = dataclasses.replace(shipped, min_gate=shipped.min_gate + offset)
            row: dict[str, object] = {"archive": archive.name, "threshold": offset}
            row.update(measure(archive.index, archive.positives, archive.negatives))
            off = sum(bool(archive.index.ask(q.text).hits) for q in offtopic)
            row["offtopic"] = f"{off}/{len(offtopic)}"
            row["positives"] = len(archive.positives)
            rows.append(row)
            print(row, flush=True)
    answers.SETTINGS = shipped
    columns = [
        ("archive", "archive (articles)", ""),
        ("threshold", "bar offset", "+.1f"),
        ("positives", "answerable", ""),
        ("recall", "answerable answered", ".3f"),
        ("hit1", "hit@1", ".3f"),
        ("right3", "hit@3", ".3f"),
        ("precision", "precision", ".3f"),
        ("offtopic", "off-topic answered", ""),
        ("neg_answered", "all unanswerable answered", ""),
        ("negatives", "of", ""),
    ]
    body = "\n\n".join(
        [
            "## Search gate: precision and recall as the archive grows (development data)",
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, 2 cores, `training/calibrate_gate.py`. "
            f"Shipped (offset +0.0): gate score >= {shipped.min_gate} + "
            f"{shipped.gate_per_decade} x log10(articles) (bot/search/data/gate.json: "
            f"{answers.GATE.to_json()}); other rows "
            "move the bar. " + " ".join(__doc__.split("\n\n")[2].split()),
            table(rows, columns),
        ]
    )
    print(body)
    if not args.no_write:
        replace_section(RESULTS, "search-gate", body)


if __name__ == "__main__":
    main()
