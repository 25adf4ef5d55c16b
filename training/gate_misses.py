"""Why each held-out seed question misses (development sets only): refused, or ranked low.

    .venv/bin/python training/gate_misses.py --rows F [--archive seed|grown] [--sets NAME ...]

Reads the rows training/gate_loso.py records (``--rows``), decides every excerpt with the fold
that held its set out (leave-one-set-out, as gate_loso.py fits it), and lists each answerable
question that misses at hit@1: "refused" (no excerpt shown at all), "gated" (the gate hid the
answer excerpt, showing others), "ranked" (with the gate off the answer is not first: its rank,
or "none" in the first ten). For each, the question's concepts as the gate reads them: the words
(first spelling; "+n": n other spellings from the alias, synonym and paraphrase tables), their
size-free rarity (idf / ln(articles + 1)), whether the answer excerpt (with its title) matches
them ("*") and whether the archive knows them at all ("?" when not); then the answer excerpt's
gate score against the fold's bar. With no answer in the first ten, the best-matching passage
of the archive that holds the answer is read instead ("passage:").
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import gate_loso as gl  # noqa: E402
import search_eval as ev  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402
from bot.search.domain.query import Question  # noqa: E402
from bot.search.domain.vectors import document_text  # noqa: E402


def concept_line(index: SearchIndex, question: Question, present: set[str]) -> str:
    """The question's concepts: first spelling, other spellings, rarity, matched, known."""
    vector = question.vector
    scale = math.log(max(index.article_count, 1) + 1)
    known = question.known or (True,) * len(vector.concepts)
    parts = []
    for options, idf, k in zip(vector.concepts, vector.concept_idf, known, strict=True):
        word = "_".join(sorted(options[0]))
        more = f"+{len(options) - 1}" if len(options) > 1 else ""
        hit = "*" if any(o <= present for o in options) else ""
        parts.append(f"{hit}{word}{more}:{idf / scale:.2f}{'' if k else '?'}")
    return " ".join(parts)


def answer_passage(index: SearchIndex, q: ev.Question, question: Question) -> set[str] | None:
    """The index terms of the archive's passage (with its title) that holds the answer and
    matches most of the question's concept weight."""
    from bot.search.domain.query import coverage

    table, passages = index._articles, index._passages
    analyzer = index._weights.analyzer
    best: tuple[float, set[str]] | None = None
    for i, text in enumerate(passages.texts):
        if any(a in text for a in q.answers):
            title = table.titles[int(passages.article[i])]
            present = set(analyzer.analyze(document_text(title, text, 1)))
            share = coverage(question.vector, present)
            if best is None or share > best[0]:
                best = (share, present)
    return best[1] if best else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--archive", default="seed", choices=("seed", "grown"))
    parser.add_argument("--sets", nargs="*", default=None, help="only these question sets")
    args = parser.parse_args()
    rows = gl.load_or_record(args)
    gl.refresh(rows)  # the texts' features as this code reads them
    verdicts = gl.loso_verdicts(rows)
    index = ev.build(ev.seed_articles()) if args.archive == "seed" else ev.grown_archive(args.data)
    captured: dict[str, tuple[Question, set[str]]] = {}
    passes = answers._passes

    def capture(question: Any, present: Any, text: Any, *rest: Any) -> bool:
        captured[text] = (question, set(present))
        return True

    shipped = answers.SETTINGS
    answers._passes = capture  # type: ignore[assignment]
    answers.SETTINGS = dataclasses.replace(shipped, per_source=shipped.source_window)
    tally: Counter[str] = Counter()
    try:
        for r in rows:
            if r["archive"] != args.archive or not r["label"] or r["set"] not in gl.SEED_SETS:
                continue
            if args.sets and r["set"] not in args.sets:
                continue
            on = gl.shown(r, lambda r, f: verdicts[id(r)][0](r, f))
            off = gl.shown(r, lambda r, f: True)
            if on and on[0]:
                continue
            if not on:
                status = "refused"
            elif off and off[0]:
                status = "gated"
            else:
                status = "ranked"
            rank = next((i for i, a in enumerate(off) if a), None)
            tally[f"{status} {r['kind']}"] += 1
            tally[status] += 1
            q = next(x for x in ev.questions(r["set"]) if x.text == r["text"])
            captured.clear()
            hits = index.ask(q.text, k=10).hits
            held = next((h.excerpt for h in hits if ev.holds_answer(h, q.answers)), None)
            score, bar = verdicts[id(r)][1:]
            answer_f = next((f for f, a, _ in r["hits"] if a), None)
            gate = f"{score(answer_f):.2f}/{bar:.2f}" if answer_f else "-"
            print(f"{status:7} rank={rank} gate={gate} [{r['set'][-6:]} {r['kind']}] {q.text}")
            if held is not None and held in captured:
                question, present = captured[held]
                print(f"    excerpt: {concept_line(index, question, present)}")
            else:
                question = index._query(q.text)
                found = answer_passage(index, q, question) if question else None
                if question is not None and found is not None:
                    print(f"    passage: {concept_line(index, question, found)}")
    finally:
        answers._passes, answers.SETTINGS = passes, shipped  # type: ignore[assignment]
    print("tally:", dict(sorted(tally.items())))


if __name__ == "__main__":
    main()
