"""Every dev question's /ask answer, written as JSON lines to compare two codes row for row.

Run from a code's directory (its own bot/ package is imported): the seed and off-topic dev
questions (training/search_eval.py) on the seed archive, and with ``--grown`` the same plus the
kcna questions on the grown archive. Two codes answer the same when their files are identical
(``cmp A B``): the excerpts, their order, matched words, scores (repr) and the refusal reasons.

    python bench/ask_identity.py OUT.jsonl [--grown] [--questions-from DIR]

``--questions-from``: read the question files of another checkout's training/data/search (so
an older code is asked the same questions).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path[:0] = ["training", "bench", "."]

import search_eval as ev  # noqa: E402


def answers(index: object, qs: list[ev.Question]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for q in qs:
        a = index.ask(q.text)  # type: ignore[attr-defined]
        out.append(
            {
                "id": q.id,
                "question": q.text,
                "reason": getattr(a, "reason", None),
                "suggestions": [s.article_id for s in a.suggestions],
                "hits": [
                    [
                        h.article_id,
                        h.passage_ordinal,
                        h.excerpt,
                        list(h.matched_terms),
                        repr(h.score),
                    ]
                    for h in a.hits
                ],
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--grown", action="store_true")
    parser.add_argument("--questions-from", type=Path)
    args = parser.parse_args()
    if args.questions_from is not None:
        ev.DEV = args.questions_from / "training" / "data" / "search"
    qs = ev.seed_questions() + ev.offtopic_questions()
    rows = [{"archive": "seed", **r} for r in answers(ev.build(ev.seed_articles()), qs)]
    if args.grown:
        grown = ev.grown_archive()
        rows += [{"archive": "grown", **r} for r in answers(grown, qs + ev.kcna_questions())]
    with args.out.open("w", encoding="utf-8") as handle:
        for r in rows:
            handle.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} answers, {sum(bool(r['hits']) for r in rows)} with excerpts -> {args.out}")


if __name__ == "__main__":
    main()
