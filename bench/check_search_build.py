"""Proof that a change to the index build leaves every ranking as it was.

    .venv/bin/python bench/check_search_build.py dump OUT.json [--root CHECKOUT]
    .venv/bin/python bench/check_search_build.py compare BEFORE.json AFTER.json

``dump`` builds the index, with the code of ``--root`` (default: this checkout; give an exported
older commit for the "before"), on the archives the dev question sets are asked of (the seed; the
grown archive: seed, then kcna-2024, then ten XQuAD paragraphs through IndexManager), on SciFact
(train queries), on XQuAD and on bench_search.py's 50,000-passage scale corpus, and writes a
digest of every persisted index array plus the top 10 of /ask (passage hits) and /search
(article hits) with their scores for each question. ``compare`` reports any difference: array
digests must match exactly, ids exactly, and scores within 1e-9.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-9


def _digests(index: Any) -> dict[str, str]:
    return {
        key: hashlib.sha256(
            str(value.dtype).encode() + str(value.shape).encode() + value.tobytes()
        ).hexdigest()
        for key, value in sorted(index.to_arrays().items())
    }


def _ask(index: Any, texts: list[str]) -> list[list[list[object]]]:
    return [
        [[h.article_id, h.passage_ordinal, float(h.score)] for h in index.ask(t, k=10).hits]
        for t in texts
    ]


def _search(index: Any, texts: list[str]) -> list[list[list[object]]]:
    return [[[h.article_id, float(h.score)] for h in index.search(t, k=10)] for t in texts]


def dump(out: Path, root: Path) -> None:
    """Build every index with the code at ``root`` and write their digests and rankings."""
    sys.path[:0] = [str(root), str(root / "bench"), str(root / "training")]
    import bench_search as bs
    import search_eval as ev

    from bot.search.domain.index import SearchIndex

    asked = [q.text for q in ev.seed_questions() + ev.kcna_questions()]
    asked += [q.text for q in ev.offtopic_questions()]
    result: dict[str, dict[str, object]] = {}
    seed = ev.build(ev.seed_articles())
    grown = asyncio.run(bs.grown_manager(ev.DATA)).current
    for name, index in (("seed", seed), ("grown", grown)):
        result[name] = {
            "arrays": _digests(index),
            "ask": _ask(index, asked),
            "search": _search(index, asked),
        }
    corpus, tuning, held_out, _ = ev.scifact(ev.DATA)
    claims = list(tuning.values()) + list(held_out.values())
    scifact = ev.build(corpus)
    result["scifact"] = {
        "arrays": _digests(scifact),
        "search": _search(scifact, claims),
        "ask": _ask(scifact, claims[:200]),
    }
    paragraphs, questions = ev.xquad(ev.DATA)
    xquad = ev.build(paragraphs)
    texts = [q.text for q in questions]
    result["xquad"] = {"arrays": _digests(xquad), "search": _search(xquad, texts)}
    docs = bs.scale_corpus(ev.DATA, 50_000)
    articles = [bs.Article(id=d.id, source="bench", title=d.title, body=d.text) for d in docs]
    passages = [p for a in articles for p in bs.split_passages(a)]
    scale = SearchIndex.build(articles, passages)
    result["scale-50k"] = {"arrays": _digests(scale), "search": _search(scale, claims[:100])}
    out.write_text(json.dumps(result), encoding="utf-8")


def _close(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= TOLERANCE
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def compare(before: Path, after: Path) -> int:
    """Print each difference; 0 when there is none."""
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    problems = 0
    for name, parts in old.items():
        for part, value in parts.items():
            other = new.get(name, {}).get(part)
            if part == "arrays":
                changed = [k for k in value if value[k] != (other or {}).get(k)]
                if changed or set(value) != set(other or {}):
                    problems += 1
                    print(f"{name}: arrays differ: {changed}")
                else:
                    print(f"{name}: all {len(value)} arrays identical")
                continue
            bad = [
                i
                for i, (a, b) in enumerate(zip(value, other or [], strict=False))
                if not _close(a, b)
            ]
            if bad or len(value) != len(other or []):
                problems += 1
                print(f"{name} {part}: {len(bad)} of {len(value)} rankings differ, e.g. {bad[:5]}")
            else:
                print(
                    f"{name} {part}: {len(value)} top-10 rankings identical (scores within {TOLERANCE})"
                )
    return 1 if problems else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("--root", type=Path, default=ROOT)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump" and os.environ.get("PYTHONHASHSEED") != "0":
        # Terms first seen by an addition are numbered in set order: fix it so that two dumps
        # of the same code agree array for array.
        os.execve(
            sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
        )
    if args.command == "dump":
        dump(args.out, args.root.resolve())
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
