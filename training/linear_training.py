"""What the trained detectors' scripts share: labelled files, the fit, leave-one-writer-out
scores and the JSON weights file (training/train_rule3.py, training/train_rule1_statements.py)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from bot.moderation.domain.model import FEATURIZERS, LinearTextModel
from bot.moderation.domain.normalize import NormalizedText, normalize

Example = tuple[str, int, str]  # text, label (1 = breaks the rule), group (a file's stem)
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9]


@dataclass
class TrainingSet:
    """A trainer's rows, featurizer (a FEATURIZERS key) and fit settings, with features
    computed once (leave-one-writer-out fits the same rows many times)."""

    rows: list[Example]
    featurizer: str
    c: float = 3.0
    min_df: int = 2
    #: Minimal pairs as row indices (denial, ok): with ``pair_weight`` > 0 each pair also
    #: teaches the difference of its twins (see ``fit``), so words both share lose weight.
    pairs: list[tuple[int, int]] = field(default_factory=list)
    pair_weight: float = 0.0
    _docs: list[list[str]] = field(default_factory=list)

    def docs(self) -> list[list[str]]:
        if not self._docs:
            featurize = FEATURIZERS[self.featurizer]
            self._docs = [featurize(normalize(text)) for text, _, _ in self.rows]
        return self._docs


def fit_model(training: TrainingSet, exclude: str = "") -> LinearTextModel:
    """A model fitted on every row whose group is not ``exclude``."""
    docs = training.docs()
    keep = [i for i, (_, _, g) in enumerate(training.rows) if g != exclude]
    position = {row: n for n, row in enumerate(keep)}
    pairs = [
        (position[a], position[b])
        for a, b in training.pairs
        if a in position and b in position  # both twins are in the same fold, or neither
    ]
    intercept, weights = fit(
        [docs[i] for i in keep],
        [training.rows[i][1] for i in keep],
        training.c,
        training.min_df,
        pairs if training.pair_weight > 0 else [],
        training.pair_weight,
    )
    return LinearTextModel(intercept, weights, training.featurizer)


def read_labelled(data: Path, positive: str) -> list[Example]:
    """Every ``train_*.jsonl`` in ``data``, grouped by file (one writer each)."""
    rows: list[Example] = []
    for path in sorted(data.glob("train_*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append((row["text"], int(row["label"] == positive), path.stem))
            except (ValueError, KeyError) as exc:
                raise SystemExit(f"{path.name}:{number}: {exc}") from exc
    return rows


def fit(
    docs: list[list[str]],
    labels: list[int],
    c: float,
    min_df: int,
    pairs: list[tuple[int, int]] | None = None,
    pair_weight: float = 0.0,
) -> tuple[float, dict[str, float]]:
    """Intercept and weights {feature: weight} of a fitted logistic regression.

    With ``pairs`` (indices of a denial and its ok twin), each pair adds a contrastive row:
    P(the denial twin outscores the ok twin) = sigmoid(w . (x_denial - x_ok)), weighted
    ``pair_weight`` (and its mirror, so the rows carry no class). Features both twins hold
    cancel in the difference: the pair pushes only on what differs, the stance. The
    intercept is a column the contrastive rows do not hold (they are differences). With
    ``pair_weight`` 0 the pairs are ignored: the plain fit, the one fit_model (leave-one-writer-
    out) makes, so the shipped model is the model its held-out figures measured."""
    vectorizer = CountVectorizer(analyzer=lambda features: features, min_df=min_df, binary=True)
    x = vectorizer.fit_transform(docs)
    y = np.array(labels)
    if not pairs or pair_weight <= 0:
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
        model.fit(x, y)
        vocab = vectorizer.get_feature_names_out()
        weights = {str(t): float(w) for t, w in zip(vocab, model.coef_[0], strict=True)}
        return float(model.intercept_[0]), weights
    # "balanced" class weights for the labelled rows, as above, done by hand.
    counts = np.bincount(y, minlength=2)
    balanced = (len(y) / (2.0 * counts))[y]
    denial = [a for a, _ in pairs]
    ok = [b for _, b in pairs]
    diff = x[denial] - x[ok]
    ones = sp.csr_matrix(np.ones((x.shape[0], 1)))
    zeros = sp.csr_matrix((2 * len(pairs), 1))
    x_all = sp.vstack([sp.hstack([x, ones]), sp.hstack([sp.vstack([diff, -diff]), zeros])])
    y_all = np.concatenate([y, np.ones(len(pairs), int), np.zeros(len(pairs), int)])
    w_all = np.concatenate([balanced, np.full(2 * len(pairs), pair_weight)])
    model = LogisticRegression(C=c, fit_intercept=False, max_iter=5000)
    model.fit(x_all.tocsr(), y_all, sample_weight=w_all)
    vocab = vectorizer.get_feature_names_out()
    coef = model.coef_[0]
    weights = {str(t): float(w) for t, w in zip(vocab, coef[:-1], strict=True)}
    return float(coef[-1]), weights


def probability(intercept: float, weights: dict[str, float], features: list[str]) -> float:
    """The same arithmetic as LinearTextModel.probability_of_features."""
    z = intercept + sum(weights.get(f, 0.0) for f in set(features))
    return float(1.0 / (1.0 + np.exp(-max(-50.0, min(50.0, z)))))


def leave_one_author_out(
    rows: list[Example],
    docs: list[list[str]],
    c: float,
    min_df: int,
    thresholds: list[float],
    pairs: list[tuple[int, int]] | None = None,
    pair_weight: float = 0.0,
) -> dict[str, dict[float, tuple[float, float]]]:
    """Per written file: (positives caught, negatives allowed) at each threshold, for a model
    trained without that file (and its minimal pairs)."""
    results: dict[str, dict[float, tuple[float, float]]] = {}
    groups = sorted({g for _, _, g in rows if g.startswith("train_")})
    for held in groups:
        train = [i for i, (_, _, g) in enumerate(rows) if g != held]
        test = [i for i, (_, _, g) in enumerate(rows) if g == held]
        position = {row: n for n, row in enumerate(train)}
        kept = [
            (position[a], position[b]) for a, b in pairs or [] if a in position and b in position
        ]
        intercept, weights = fit(
            [docs[i] for i in train], [rows[i][1] for i in train], c, min_df, kept, pair_weight
        )
        probs = [probability(intercept, weights, docs[i]) for i in test]
        truth = [rows[i][1] for i in test]
        per: dict[float, tuple[float, float]] = {}
        for t in thresholds:
            pos = [p >= t for p, y in zip(probs, truth, strict=True) if y == 1]
            neg = [p < t for p, y in zip(probs, truth, strict=True) if y == 0]
            per[t] = (sum(pos) / max(1, len(pos)), sum(neg) / max(1, len(neg)))
        results[held] = per
    return results


def training_arguments(description: str | None) -> argparse.ArgumentParser:
    """The options every trainer takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--C", type=float, default=3.0)
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--prune", type=float, default=0.02)
    parser.add_argument("--generic", type=int, default=1500)
    parser.add_argument("--dry-run", action="store_true", help="evaluate only, write nothing")
    parser.add_argument(
        "--no-lowo",
        action="store_true",
        help="skip the model-alone leave-one-writer-out table (the weights are the same)",
    )
    return parser


def train_and_write(
    args: argparse.Namespace,
    rows: list[Example],
    featurizer: tuple[str, Callable[[NormalizedText], list[str]]],
    out: Path,
    about: str,
    cells: str,
    pairs: list[tuple[int, int]] | None = None,
    pair_weight: float = 0.0,
) -> None:
    """Print leave-one-writer-out scores, fit on everything, prune small weights and write
    {"about", "trained", "featurizer", "intercept", "eval", "weights"} to ``out``. ``pairs``
    (row indices of minimal pairs) are contrastive rows of weight ``pair_weight`` (``fit``)."""
    name, featurize = featurizer
    docs = [featurize(normalize(text)) for text, _, _ in rows]
    print(f"{len(rows)} examples, {sum(y for _, y, _ in rows)} positive; groups "
          f"{sorted({g for *_, g in rows})}")  # fmt: skip
    loao = (
        {}
        if getattr(args, "no_lowo", False)
        else leave_one_author_out(rows, docs, args.C, args.min_df, THRESHOLDS, pairs, pair_weight)
    )
    print(f"leave-one-writer-out, the model alone (C={args.C}, min_df={args.min_df}): {cells}")
    for held, per in loao.items():
        print(f"  {held:<22} " + "  ".join(f"{t}: {c:.2f}/{a:.2f}" for t, (c, a) in per.items()))
    intercept, weights = fit(docs, [y for _, y, _ in rows], args.C, args.min_df, pairs, pair_weight)
    kept = {f: round(w, 4) for f, w in weights.items() if abs(w) >= args.prune}
    print(f"features kept: {len(kept)} of {len(weights)}")
    top = sorted(kept.items(), key=lambda item: -item[1])[:25]
    print("strongest positive features:", ", ".join(f"{f} {w:+.2f}" for f, w in top))
    if args.dry_run:
        return
    payload = {
        "about": about,
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "featurizer": name,
        "intercept": round(intercept, 4),
        "eval": {
            "leave_one_writer_out": {
                held: {str(t): [round(c, 3), round(a, 3)] for t, (c, a) in per.items()}
                for held, per in loao.items()
            },
            "cells": f"threshold: [{cells}]",
        },
        "weights": dict(sorted(kept.items())),
    }
    out.write_text(json.dumps(payload, ensure_ascii=True, separators=(",", ":")) + "\n")
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB)")
