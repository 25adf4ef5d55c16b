"""Candidates for /search's article ranking, measured on SciFact's tuning half and XQuAD.

    .venv/bin/python training/tune_search_articles.py [--only NAME ...] [--held-out NAME]

Each candidate changes only how /search ranks articles at query time (the query's term weights,
the passage aggregate, the dense mix); the index, and so /ask, is untouched. The ranking here is
``SearchIndex._article_hits`` written out with the candidate's knobs; ``SHIPPED`` must equal
``SearchIndex.search`` exactly (checked first). Choosing rule (written before any run): a
candidate is kept when it raises SciFact tuning nDCG@10 by at least 0.003 over round 20's row,
XQuAD question-to-paragraph top-1 does not drop, and its query CPU time stays within 1.2x of the
shipped row's. The held-out half is scored once, for the one finalist, with ``--held-out``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402

from bot.search.domain import dense  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402
from bot.search.domain.query import build_question  # noqa: E402
from bot.search.domain.rows import top_k  # noqa: E402
from bot.search.domain.text import SPARED_STOP_WORDS, TextAnalyzer  # noqa: E402
from bot.search.domain.vectors import QueryVector  # noqa: E402


@dataclass(frozen=True)
class Knobs:
    dense_weight: float = dense.SEARCH_WEIGHT
    rerank: int = dense.RERANK
    idf_power: float = 0.0  # query weight *= idf ** p (long claims: rare words weigh more)
    idf_floor: float = 0.0  # drop query terms whose idf is below this (when others remain)
    drop_spared: bool = False  # drop the spared stop words ("not", "more", "few") from queries
    no_expansion: bool = False  # no aliases, synonyms (paraphrase weight stays)
    qtf_cap: bool = False  # a word said twice counts once
    passage_weight: float = 0.0  # + w * aggregate of the article's passage scores
    passage_top: int = 1  # aggregate: mean of the top-n passages (1 = max)
    dense_idf_power: float = 1.0  # the dense query vector weighs words by idf ** this
    prf_weight: float = 0.0  # dense Rocchio: + w * mean vector of the first prf_top articles
    prf_top: int = 3
    mix_norm: int = 0  # 0: score / best; 1: min-max of the re-ranked scores; 2: both min-max


_SPARED_STEMS = frozenset(TextAnalyzer().stem_words(sorted(SPARED_STOP_WORDS)))


def query_vector(
    index: SearchIndex, text: str, knobs: Knobs
) -> tuple[QueryVector, QueryVector] | None:
    """The lexical query vector and the one the dense query embedding is made of."""
    weights = index._weights
    if knobs.no_expansion:
        question = build_question(weights, text, alias_weight=0.0, synonym_weight=0.0)
    else:
        question = build_question(weights, text)
    vector = question.vector
    if vector.is_empty:
        return None
    ids, w = vector.term_ids, vector.weights.copy()
    idf = weights.idf[ids]
    keep = np.ones(ids.size, dtype=bool)
    if knobs.drop_spared:
        terms = index._terms_by_id()
        keep &= np.array([terms[i] not in _SPARED_STEMS for i in ids])
    if knobs.idf_floor > 0:
        keep &= idf >= knobs.idf_floor
    if not keep.any():
        keep[:] = True
    if knobs.qtf_cap:
        w = np.minimum(w, 1.0)
    lexical = w * idf**knobs.idf_power if knobs.idf_power else w
    semantic = w * idf ** (knobs.dense_idf_power - 1.0) if knobs.dense_idf_power != 1.0 else w
    return (
        replace(vector, term_ids=ids[keep], weights=lexical[keep].astype(np.float32)),
        replace(vector, term_ids=ids[keep], weights=semantic[keep].astype(np.float32)),
    )


def rank(index: SearchIndex, text: str, k: int, knobs: Knobs) -> list[str]:
    if not index._weights.analyzer.words(text):
        return []
    vectors_of = query_vector(index, text, knobs)
    if vectors_of is None:
        return []
    vector, semantic = vectors_of
    scores = index._article_rows.scores(vector)
    if knobs.passage_weight:
        passage = index._passage_rows.scores(vector)
        owners = index._passages.article
        if knobs.passage_top <= 1:
            agg = np.zeros_like(scores)
            np.maximum.at(agg, owners, passage)
        else:
            order = np.lexsort((-passage, owners))
            agg = np.zeros_like(scores)
            seen = np.zeros(scores.size, dtype=np.int64)
            for j in order:  # slow path, candidates only
                o = owners[j]
                if seen[o] < knobs.passage_top:
                    agg[o] += passage[j] / knobs.passage_top
                    seen[o] += 1
        scores = scores + knobs.passage_weight * agg
    scores[~index._alive_articles] = 0.0
    vectors, tokens = index._vectors, index._term_tokens
    if vectors is not None and tokens is not None and knobs.dense_weight > 0:
        top = np.asarray(top_k(scores, max(knobs.rerank, k)), dtype=np.int64)
        n_terms = tokens.shape[0]
        keep = semantic.term_ids < n_terms
        row = sp.csr_matrix(
            (semantic.weights[keep], semantic.term_ids[keep], [0, int(keep.sum())]),
            shape=(1, n_terms),
        )
        embedded = dense.weighted_vectors(row, index._weights.idf[:n_terms], tokens)
        query = embedded[0] if embedded is not None else np.zeros(dense.DIMENSIONS, np.float32)
        top_vectors = vectors[top].astype(np.float32)
        cosines = top_vectors @ query
        if knobs.prf_weight:
            first = np.argsort(-dense.mix(scores[top], cosines, knobs.dense_weight))
            centroid = top_vectors[first[: knobs.prf_top]].mean(axis=0)
            query = query + knobs.prf_weight * centroid
            query = query / max(float(np.linalg.norm(query)), 1e-9)
            cosines = top_vectors @ query
        if knobs.mix_norm == 0:
            mixed = dense.mix(scores[top], cosines, knobs.dense_weight)
        else:
            lex = scores[top]
            lex = (lex - lex.min()) / max(float(lex.max() - lex.min()), 1e-9)
            if knobs.mix_norm == 2:
                cosines = (cosines - cosines.min()) / max(
                    float(cosines.max() - cosines.min()), 1e-9
                )
            mixed = ((1 - knobs.dense_weight) * lex + knobs.dense_weight * cosines).astype(
                np.float32
            )
        scores = np.zeros_like(scores)
        scores[top] = np.maximum(mixed, 1e-6)
    ids = index._articles.ids
    return [ids[i] for i in top_k(scores, k)]


@dataclass
class Bench:
    sci: SearchIndex
    tuning: dict[str, str]
    held: dict[str, str]
    qrels: dict[str, set[str]]
    xq: SearchIndex
    xquestions: list[ev.Question]

    @classmethod
    def load(cls) -> Bench:
        corpus, tuning, held, qrels = ev.scifact()
        xarticles, xquestions = ev.xquad()
        return cls(ev.build(corpus), tuning, held, qrels, ev.build(xarticles), xquestions)

    def measure(self, knobs: Knobs, queries: dict[str, str]) -> dict[str, float]:
        run: Callable[[str], list[str]] = lambda t: rank(self.sci, t, 100, knobs)  # noqa: E731
        cpu = []
        values = []
        for qid, text in queries.items():
            start = time.thread_time()
            ranked = run(text)
            cpu.append(time.thread_time() - start)
            values.append(ev.ndcg_at(ranked, self.qrels[qid]))
        top1 = np.mean([rank(self.xq, q.text, 10, knobs)[:1] == [q.kind] for q in self.xquestions])
        return {
            "ndcg10": float(np.mean(values)),
            "xquad_top1": float(top1),
            "cpu_ms": 1000 * float(np.mean(cpu)),
        }

    def check_shipped(self) -> None:
        """The shipped knobs must rank exactly as SearchIndex.search does."""
        for text in list(self.tuning.values())[:200]:
            ours = rank(self.sci, text, 100, SHIPPED)
            shipped = [h.article_id for h in self.sci.search(text, k=100)]
            assert ours == shipped, text


# What SearchIndex.search does since round 21 (search39): a repeated word counts once.
SHIPPED = Knobs(qtf_cap=True)
CANDIDATES: dict[str, Knobs] = {
    "before (round 20)": Knobs(),
    **{f"dense_weight {w}": Knobs(dense_weight=w) for w in (0.0, 0.3, 0.5, 0.6)},
    **{f"rerank {n}": Knobs(rerank=n) for n in (30, 50, 200, 300)},
    **{f"idf_power {p}": Knobs(idf_power=p) for p in (0.25, 0.5, 1.0)},
    **{f"idf_floor {f}": Knobs(idf_floor=f) for f in (1.0, 1.5, 2.0, 2.5)},
    "drop_spared": Knobs(drop_spared=True),
    "no_expansion": Knobs(no_expansion=True),
    "qtf_cap (shipped since search39)": SHIPPED,
    **{f"passage max {w}": Knobs(passage_weight=w) for w in (0.3, 0.6)},
    **{f"passage top2 {w}": Knobs(passage_weight=w, passage_top=2) for w in (0.3, 0.6)},
    **{f"dense_idf_power {p}": Knobs(dense_idf_power=p) for p in (0.5, 1.5, 2.0)},
    **{f"passage max {w}": Knobs(passage_weight=w) for w in (0.15, 0.45)},
    **{f"minmax lex w{w}": Knobs(mix_norm=1, dense_weight=w) for w in (0.2, 0.3, 0.4)},
    **{f"minmax both w{w}": Knobs(mix_norm=2, dense_weight=w) for w in (0.2, 0.3, 0.4)},
    **{
        f"dense prf {w} top{n}": Knobs(prf_weight=w, prf_top=n)
        for w in (0.3, 0.6, 1.0)
        for n in (3, 5)
    },
    "qtf_cap + passage max 0.3": Knobs(qtf_cap=True, passage_weight=0.3),
    "qtf_cap + dense_idf 1.5": Knobs(qtf_cap=True, dense_idf_power=1.5),
    "qtf_cap + passage 0.3 + dense_idf 1.5": Knobs(
        qtf_cap=True, passage_weight=0.3, dense_idf_power=1.5
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--extra", nargs="*", default=[], help="name=knob:value,knob:value")
    parser.add_argument("--held-out", default=None, help="score this candidate once, held out")
    args = parser.parse_args()
    candidates = dict(CANDIDATES)
    for spec in args.extra:
        name, _, body = spec.partition("=")
        fields = {k: float(v) for k, v in (kv.split(":") for kv in body.split(","))}
        fields = {k: (int(v) if k in ("rerank", "passage_top") else v) for k, v in fields.items()}
        candidates[name] = Knobs(**fields)  # type: ignore[arg-type]
    bench = Bench.load()
    bench.check_shipped()
    print("shipped knobs rank as SearchIndex.search: ok", flush=True)
    if args.held_out:
        knobs = candidates[args.held_out]
        print(args.held_out, "HELD-OUT", bench.measure(knobs, bench.held), flush=True)
        return
    names = args.only if args.only is not None else list(candidates)
    print("| candidate | tuning nDCG@10 | XQuAD top-1 | CPU ms/query |")
    print("|---|---|---|---|")
    for name in names:
        m = bench.measure(candidates[name], bench.tuning)
        print(
            f"| {name} | {m['ndcg10']:.4f} | {m['xquad_top1']:.4f} | {m['cpu_ms']:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
