"""Rule 3, round 11: minimal pairs as contrastive rows in the linear fit (training/
linear_training.fit), so that words both twins share cancel and only what differs, the
stance, is pushed apart. Cases written for these tests, not taken from the training or
development files."""

from __future__ import annotations

import numpy as np

from training.linear_training import TrainingSet, fit, fit_model


def _toy() -> tuple[list[list[str]], list[int], list[tuple[int, int]]]:
    # 20 pairs that share their subject word and differ in one stance word, plus unpaired rows.
    docs = [["camps", "fake"], ["camps", "real"]] * 20 + [["famine", "fake"], ["famine"]] * 5
    labels = [1, 0] * 20 + [1, 0] * 5
    return docs, labels, [(2 * i, 2 * i + 1) for i in range(20)]


def test_a_pair_pushes_its_twins_stance_words_apart() -> None:
    docs, labels, pairs = _toy()
    _, plain = fit(docs, labels, 1.0, 1)
    _, paired = fit(docs, labels, 1.0, 1, pairs, 1.0)
    assert paired["fake"] - paired["real"] > plain["fake"] - plain["real"]
    assert np.isfinite(list(paired.values())).all()


def test_without_pairs_the_fit_is_the_plain_one() -> None:
    docs = [["a", "b"], ["b", "c"], ["a"], ["c"]] * 3
    labels = [1, 0, 1, 0] * 3
    assert fit(docs, labels, 1.0, 1) == fit(docs, labels, 1.0, 1, [], 2.0)


def test_leaving_a_writer_out_leaves_out_both_twins() -> None:
    # Rows of one writer ('w2') hold pairs; without that writer the fit must equal the fit on
    # the other rows alone, pairs or not: no pair is split between training and testing.
    docs, labels, pairs = _toy()
    texts = [" ".join(d) for d in docs]
    groups = ["train_w2" if i < 40 else "train_w1" for i in range(len(docs))]
    rows = list(zip(texts, labels, groups, strict=True))
    paired = TrainingSet(rows, "statement", 1.0, 1, pairs, 1.0)
    plain = TrainingSet(rows, "statement", 1.0, 1)
    assert fit_model(paired, "train_w2") == fit_model(plain, "train_w2")
    assert fit_model(paired) != fit_model(plain)
