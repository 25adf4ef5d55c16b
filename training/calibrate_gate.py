"""Calibrate /ask's gate ("no good match") on answerable and unanswerable questions at three
archive sizes, and report its precision and recall there.

    .venv/bin/python training/calibrate_gate.py [--data ../shared/data] [--no-write]

Archives: the seed (7 articles); seed + kcna-2024 (2,118); seed + kcna-2024 + SciFact abstracts
cut in halves (12,484). Answerable: our 85 seed questions (training/data/search), XQuAD
questions on their own paragraphs. Unanswerable: our 45 off-topic questions, XQuAD questions
and SciFact claims (200 of the tuning part each) asked of the seed and grown archives. A
question is "answered" when /ask returns any excerpt; "right" when one of the first three holds
the answer. Precision: answered questions that are answerable; recall: answerable questions
answered. Refreshes the "search-gate" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import dataclasses
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
THRESHOLDS = (-1.6, -1.1, -0.6)


def archives(data: Path) -> dict[str, SearchIndex]:
    seed = ev.seed_articles()
    kcna = ev.kcna(data)
    corpus, _, _, _ = ev.scifact(data)
    return {
        "seed (7)": ev.build(seed),
        "seed + kcna (2,118)": ev.build(seed + kcna),
        "+ SciFact halves (12,484)": ev.build(seed + kcna + ev.half_split(corpus)),
    }


def measure(
    index: SearchIndex,
    positives: Sequence[ev.Question],
    negatives: Sequence[ev.Question],
    threshold: float,
) -> dict[str, float]:
    answers.SETTINGS = dataclasses.replace(answers.SETTINGS, min_gate=threshold)
    # (the bar also grows by gate_per_decade per tenfold archive size)
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


def gate_features(
    index: SearchIndex, qs: Sequence[ev.Question]
) -> list[tuple[float, float, int, int]]:
    """(coverage, cosine, matched, unmatched) of each question's first passage, gate off."""
    from bot.search.domain.dense import default_embedder
    from bot.search.domain.query import build_question, coverage
    from bot.search.domain.vectors import document_text

    embedder = default_embedder()
    assert embedder is not None, "the gate is fitted with the embeddings installed"
    answers.SETTINGS = dataclasses.replace(
        answers.SETTINGS, min_gate=-1e9, gate_per_decade=0.0, min_coverage=0.0
    )
    analyzer = index.parts().weights.analyzer
    out = []
    for q in qs:
        hits = index.ask(q.text, k=1).hits
        if not hits:
            continue
        present = set(analyzer.analyze(document_text(hits[0].title, hits[0].excerpt)))
        question = build_question(index.parts().weights, q.text).vector
        vectors = embedder.embed([q.text, document_text(hits[0].title, hits[0].excerpt, 1)])
        matched = sum(any(o <= present for o in opts) for opts in question.concepts)
        out.append(
            (
                coverage(question, present),
                float(vectors[1] @ vectors[0]),
                matched,
                len(question.concepts) - matched,
            )
        )
    return out


def fit_gate(data: Path) -> None:
    """Fit the gate's logistic weights and print them (set by hand in answers.GateWeights)."""
    from sklearn.linear_model import LogisticRegression

    questions, offtopic = ev.seed_questions(), ev.offtopic_questions()
    _, xquestions = ev.xquad(data)
    _, tuning, _, _ = ev.scifact(data)
    foreign = xquestions[::6] + [
        ev.Question(k, v, (), "claim") for k, v in list(tuning.items())[:100]
    ]
    rows, labels = [], []
    for name, index in archives(data).items():
        negatives = offtopic + (foreign if not name.startswith("+") else [])
        for label, qs in ((1, questions), (0, negatives)):
            features = gate_features(index, qs)
            rows += features
            labels += [label] * len(features)
    model = LogisticRegression(C=1.0, class_weight="balanced").fit(
        [[c, s, m, u] for c, s, m, u in rows], labels
    )
    print("coverage, cosine, matched, unmatched:", model.coef_[0], "bias:", model.intercept_[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--fit", action="store_true", help="fit the gate's weights and stop")
    args = parser.parse_args()
    if args.fit:
        fit_gate(args.data)
        return
    shipped = answers.SETTINGS
    questions = ev.seed_questions()
    offtopic = ev.offtopic_questions()
    xarticles, xquestions = ev.xquad(args.data)
    _, tuning, _, _ = ev.scifact(args.data)
    claims = [ev.Question(k, v, (), "claim") for k, v in list(tuning.items())[:200]]
    foreign = xquestions[:200] + claims
    xindex = ev.build(xarticles)
    rows = []
    for name, index in archives(args.data).items():
        negatives = offtopic + (foreign if not name.startswith("+") else [])
        for threshold in THRESHOLDS:
            row = {"archive": name, "threshold": threshold}
            row.update(measure(index, questions, negatives, threshold))
            off = measure(index, [], offtopic, threshold)["neg_answered"]
            row["offtopic"] = f"{off}/{len(offtopic)}"
            rows.append(row)
            print(row, flush=True)
    for threshold in THRESHOLDS:
        row = {"archive": "XQuAD (240)", "threshold": threshold}
        row.update(measure(xindex, xquestions, [], threshold))
        row["offtopic"] = "-"
        rows.append(row)
        print(row, flush=True)
    answers.SETTINGS = shipped
    columns = [
        ("archive", "archive (articles)", ""),
        ("threshold", "min_gate", ".2f"),
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
            f"Shipped: gate score >= {shipped.min_gate} + {shipped.gate_per_decade} x log10(articles) "
            f"(weights {answers.GATE}); rows vary the first term. " + __doc__.split("\n\n")[2],
            table(rows, columns),
        ]
    )
    print(body)
    if not args.no_write:
        replace_section(RESULTS, "search-gate", body)


if __name__ == "__main__":
    main()
