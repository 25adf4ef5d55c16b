"""Train the rule-1 model (hate vs not) on davidson-2017 and write its weights as plain JSON.

Usage: /work/venv/bin/python training/train_rule1.py [--data /work/shared/data/davidson-2017]

The model is a logistic regression over the same normalised tokens the engine sees at run time
(unigrams and bigrams, so disguised spellings train and score alike). Weights are written to
bot/moderation/data/rule1_model.json as {"intercept", "weights": {feature: weight}} with
small weights pruned: no pickle, nothing tied to one scikit-learn version. Prints held-out
precision/recall for the hate class (80/20 split, seed 13) and writes them to the JSON's "eval".
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import train_test_split

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.moderation.domain.model import featurize

OUT = Path(__file__).resolve().parents[1] / "bot/moderation/data/rule1_model.json"
SEED = 13


def load(data_dir: Path) -> tuple[list[str], np.ndarray]:
    texts: list[str] = []
    labels: list[int] = []
    with (data_dir / "tweets.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            texts.append(row["text"])
            labels.append(1 if row["label"] == "hate" else 0)
    return texts, np.array(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/davidson-2017"))
    parser.add_argument("--C", type=float, default=1.0)
    parser.add_argument("--min-df", type=int, default=3)
    parser.add_argument("--prune", type=float, default=0.05)
    args = parser.parse_args()

    texts, y = load(args.data)
    docs = [featurize(text) for text in texts]
    train_docs, test_docs, y_train, y_test = train_test_split(
        docs, y, test_size=0.2, random_state=SEED, stratify=y
    )
    vectorizer = CountVectorizer(
        analyzer=lambda features: features, min_df=args.min_df, binary=True
    )
    x_train = vectorizer.fit_transform(train_docs)
    model = LogisticRegression(C=args.C, class_weight="balanced", max_iter=2000)
    model.fit(x_train, y_train)

    vocab = vectorizer.get_feature_names_out()
    coef = model.coef_[0]
    weights = {
        str(term): round(float(w), 4)
        for term, w in zip(vocab, coef, strict=True)
        if abs(w) >= args.prune
    }
    intercept = float(model.intercept_[0])

    # Evaluate the pruned, rounded weights exactly as the engine will use them.
    def score(features: list[str]) -> float:
        z = intercept + sum(weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + np.exp(-z))

    probs = np.array([score(d) for d in test_docs])
    table = []
    for threshold in (0.5, 0.7, 0.8, 0.9):
        pred = (probs >= threshold).astype(int)
        p, r, f, _ = precision_recall_fscore_support(
            y_test, pred, average="binary", zero_division=0
        )
        table.append(
            {
                "threshold": threshold,
                "precision": round(float(p), 3),
                "recall": round(float(r), 3),
                "f1": round(float(f), 3),
            }
        )
    print(f"features kept: {len(weights)} of {len(vocab)}; held-out {len(y_test)} tweets")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'f1':>6}")
    for row in table:
        print(f"{row['threshold']:>9} {row['precision']:>9} {row['recall']:>7} {row['f1']:>6}")
    payload = {
        "about": "Logistic regression, hate vs offensive/neither, trained on davidson-2017 "
        "(t-davidson/hate-speech-and-offensive-language, MIT licence) by training/train_rule1.py.",
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "features": "normalised unigrams and 'a b' bigrams (bot.moderation.domain.model)",
        "intercept": round(intercept, 4),
        "eval": {"split": "80/20 stratified, seed 13", "hate_class": table},
        "weights": dict(sorted(weights.items())),
    }
    OUT.write_text(json.dumps(payload, ensure_ascii=True, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
