"""Train the rule-3 model (denying or belittling the crisis vs not) and write its weights as JSON.

Usage: /work/venv/bin/python bench/train_rule3.py [--generic 1500] [--dry-run]

Training data, all written for digestbot (MIT, like the project):
- bench/data/rule3/train_*.jsonl: labelled statements ({"text", "label": denial|legit, "kind"}),
  each file by a different author with a different emphasis (famine, camps, witnesses);
- every functional case under tests/domain/moderation (rule-3 cases are positives, the rest,
  including hate and harassment, negatives: a rule-3 model must not learn "offensive");
- with --generic N, N davidson-2017 tweets (MIT) as negatives: everyday chat the model must not
  read as denial (needs /work/shared/data; the default when it is present).
bench/data/rule3/blind/ is never read here: it is the blind evaluation set (bench_moderation.py
reports the whole detector on it).

The model is a logistic regression over the normalised tokens the engine sees at run time
(bot.domain.moderation.model.statement_features: words, word pairs, stems, quotes, questions). It prints leave-one-author-out
scores (train on two files, test on the third), the figure that says how the model copes with
phrasings it has not seen, and writes bot/domain/moderation/data/rule3_model.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests/domain/moderation"))

from functional_cases import ALL_CASES  # noqa: E402

from bot.domain.moderation.model import statement_features  # noqa: E402
from bot.domain.moderation.normalize import normalize  # noqa: E402

DATA = ROOT / "bench/data/rule3"
OUT = ROOT / "bot/domain/moderation/data/rule3_model.json"
DAVIDSON = Path("/work/shared/data/davidson-2017/tweets.jsonl")
SEED = 13
Example = tuple[str, int, str]  # text, label (1 = denial), group


def written() -> list[Example]:
    """The labelled statements, grouped by file (one author each)."""
    rows: list[Example] = []
    for path in sorted(DATA.glob("train_*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append((row["text"], int(row["label"] == "denial"), path.stem))
            except (ValueError, KeyError) as exc:
                raise SystemExit(f"{path.name}:{number}: {exc}") from exc
    return rows


def cases() -> list[Example]:
    """The functional cases: rule 3 positive, everything else negative."""
    return [(text, int(rule == 3), "cases") for _, text, rule in ALL_CASES]


def generic(count: int) -> list[Example]:
    """Everyday chat (davidson-2017 tweets) as negatives, a seeded sample."""
    if count <= 0 or not DAVIDSON.is_file():
        return []
    texts = [json.loads(line)["text"] for line in DAVIDSON.open(encoding="utf-8")]
    random.Random(SEED).shuffle(texts)
    return [(text, 0, "generic") for text in texts[:count]]


def fit(
    docs: list[list[str]], labels: list[int], c: float, min_df: int
) -> tuple[float, dict[str, float]]:
    """Intercept and weights {feature: weight} of a fitted logistic regression."""
    vectorizer = CountVectorizer(analyzer=lambda features: features, min_df=min_df, binary=True)
    x = vectorizer.fit_transform(docs)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit(x, np.array(labels))
    vocab = vectorizer.get_feature_names_out()
    weights = {str(t): float(w) for t, w in zip(vocab, model.coef_[0], strict=True)}
    return float(model.intercept_[0]), weights


def probability(intercept: float, weights: dict[str, float], features: list[str]) -> float:
    """The same arithmetic as LinearTextModel.probability."""
    z = intercept + sum(weights.get(f, 0.0) for f in set(features))
    return float(1.0 / (1.0 + np.exp(-max(-50.0, min(50.0, z)))))


def leave_one_author_out(
    rows: list[Example], docs: list[list[str]], c: float, min_df: int, thresholds: list[float]
) -> dict[str, dict[float, tuple[float, float]]]:
    """Per written file: (denial caught, legit allowed) at each threshold, trained without it."""
    results: dict[str, dict[float, tuple[float, float]]] = {}
    groups = sorted({g for _, _, g in rows if g.startswith("train_")})
    for held in groups:
        train = [i for i, (_, _, g) in enumerate(rows) if g != held]
        test = [i for i, (_, _, g) in enumerate(rows) if g == held]
        intercept, weights = fit([docs[i] for i in train], [rows[i][1] for i in train], c, min_df)
        probs = [probability(intercept, weights, docs[i]) for i in test]
        truth = [rows[i][1] for i in test]
        per: dict[float, tuple[float, float]] = {}
        for t in thresholds:
            pos = [p >= t for p, y in zip(probs, truth, strict=True) if y == 1]
            neg = [p < t for p, y in zip(probs, truth, strict=True) if y == 0]
            per[t] = (sum(pos) / max(1, len(pos)), sum(neg) / max(1, len(neg)))
        results[held] = per
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--C", type=float, default=3.0)
    parser.add_argument("--min-df", type=int, default=2)
    parser.add_argument("--prune", type=float, default=0.02)
    parser.add_argument("--generic", type=int, default=1500)
    parser.add_argument("--dry-run", action="store_true", help="evaluate only, write nothing")
    args = parser.parse_args()

    rows = written() + cases() + generic(args.generic)
    docs = [statement_features(normalize(text)) for text, _, _ in rows]
    print(
        f"{len(rows)} examples: {sum(y for _, y, _ in rows)} denial; "
        f"groups {sorted({g for *_, g in rows})}"
    )
    thresholds = [0.5, 0.6, 0.7, 0.8, 0.9]
    loao = leave_one_author_out(rows, docs, args.C, args.min_df, thresholds)
    print(f"leave-one-author-out (C={args.C}, min_df={args.min_df}): caught / allowed")
    for held, per in loao.items():
        cells = "  ".join(f"{t}: {c:.2f}/{a:.2f}" for t, (c, a) in per.items())
        print(f"  {held:<22} {cells}")

    intercept, weights = fit(docs, [y for _, y, _ in rows], args.C, args.min_df)
    kept = {f: round(w, 4) for f, w in weights.items() if abs(w) >= args.prune}
    print(f"features kept: {len(kept)} of {len(weights)}")
    top = sorted(kept.items(), key=lambda item: -item[1])[:25]
    print("strongest denial features:", ", ".join(f"{f} {w:+.2f}" for f, w in top))
    if args.dry_run:
        return
    payload = {
        "about": "Logistic regression, denying or belittling the humanitarian crisis in North "
        "Korea (rule 3) vs not, trained by bench/train_rule3.py on statements written for "
        "digestbot (bench/data/rule3/train_*.jsonl), the functional cases under tests/, and "
        "davidson-2017 tweets as everyday negatives (MIT licence).",
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "featurizer": "statement",
        "features": "normalised unigrams, 'a b' bigrams, '~' stems, _quote and _question "
        "(bot.domain.moderation.model.statement_features)",
        "intercept": round(intercept, 4),
        "eval": {
            "leave_one_author_out": {
                held: {str(t): [round(c, 3), round(a, 3)] for t, (c, a) in per.items()}
                for held, per in loao.items()
            },
            "cells": "threshold: [denial caught, legitimate allowed]",
        },
        "weights": dict(sorted(kept.items())),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=True, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
