"""Why the answer is not among /ask's first three excerpts (gate off, development sets).

    .venv/bin/python training/top3_misses.py [--data ../shared/data] [--archives seed grown]
        [--list] [--sets NAME ...]

For every development seed question (training/gate_loso.py SEED_SETS) whose answer is not in the
first three excerpts (gate off, k = 10), on the seed and on the grown archive: where the first
passage holding the answer ranks after re-ranking, what comes first, and one cause:

- ``not a candidate``: no passage holding the answer among the re-ranked candidates;
- ``answer passage top-3, excerpt misses``: a passage holding the answer is among the first
  three re-ranked but no excerpt shown shows the answer (the excerpt window picked other
  sentences, or the per-article cap / overlap held it back);
- ``same article first``, ``community page first``, ``other article first``,
  ``other source first``: what the first re-ranked candidate is.

Beside: the question's asked slot (query.AnswerType, focus.Focus), the answer passage's length
against the first candidate's, whether the first is its article's opening passage, and the share
of the question's concept weight each holds (query.coverage). Prints a tally (for
bench/RESULTS.md) and with ``--list`` a line per question.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from gate_loso import SEED_SETS  # noqa: E402
from xquad_ask import typed  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bot.archive.domain.community_page import COMMUNITY_SOURCE  # noqa: E402
from bot.search.domain.answer_sentence import answer_test  # noqa: E402
from bot.search.domain.excerpt_choice import passage_excerpt  # noqa: E402
from bot.search.domain.focus import asked  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402
from bot.search.domain.query import coverage  # noqa: E402

GATE_OFF = dataclasses.replace(answers.SETTINGS, min_gate=-1e9, gate_per_decade=0.0)


@dataclasses.dataclass
class Seen:
    order: list[int] = dataclasses.field(default_factory=list)


def _spy(seen: Seen) -> None:
    real = answers._rerank

    def wrapped(corpus, question, candidates, scores, s):  # type: ignore[no-untyped-def]
        out = real(corpus, question, candidates, scores, s)
        seen.order = sorted(candidates, key=lambda i: (-out[0][i], i))
        return out

    answers._rerank = wrapped  # type: ignore[assignment]


def slot(text: str, index: SearchIndex) -> str:
    """The asked slot as the search code reads it: the focus, else the answer type, else '-'."""
    focus = asked(text)
    if focus is not None and focus.focus is not None:
        return f"focus:{focus.focus.name}"
    q = index._query(text)
    kind = q.answer_type if q is not None else None
    return f"type:{kind.name}" if kind is not None else "-"


def classify(index: SearchIndex, q: ev.Question, seen: Seen) -> dict[str, object] | None:
    """None when the answer is in the first three; else what beats it."""
    seen.order = []
    hits = index.ask(q.text, k=10).hits
    found = [i for i, h in enumerate(hits) if ev.holds_answer(h, q.answers)]
    rank = found[0] if found else None
    if rank is not None and rank < 3:
        return None
    p, table = index._passages, index._articles
    holding = [i for i in seen.order if any(a in p.texts[i] for a in q.answers)]
    out: dict[str, object] = {"rank": rank, "slot": slot(q.text, index)}
    first = seen.order[0] if seen.order else None
    query = index._query(q.text)
    analyzer = index._weights.analyzer

    def cov(i: int) -> float:
        title = analyzer.analyze(table.titles[int(p.article[i])])
        return coverage(query.vector, set(analyzer.analyze(p.texts[i])).union(title))  # type: ignore[union-attr]

    if first is not None:
        row = int(p.article[first])
        out["first"] = f"{table.sources[row]}:{table.titles[row][:40]}#{p.spans[first][0]}"
        out["first_len"] = len(p.texts[first])
        out["first_cov"] = round(cov(first), 2)
    if not holding:
        out["kind"] = "not a candidate"
        return out
    ans = holding[0]
    pos = seen.order.index(ans)
    out.update(pos=pos, ans_len=len(p.texts[ans]), ans_cov=round(cov(ans), 2))
    out["ans_ord"] = int(p.spans[ans][0])
    if pos < 3:
        out["kind"] = "answer passage top-3: " + _why_not_shown(index, q, ans, hits)
        return out
    assert first is not None
    arow, frow = int(p.article[ans]), int(p.article[first])
    if arow == frow:
        kind = "same article first"
    elif table.sources[frow] == COMMUNITY_SOURCE:
        kind = "community page first"
    elif table.sources[frow] == table.sources[arow]:
        kind = "other article first"
    else:
        kind = "other source first"
    if table.sources[arow] == COMMUNITY_SOURCE:
        kind += " (answer on the community page)"
    out["kind"] = kind
    out["first_opening"] = int(p.spans[first][0]) == 0
    return out


def _why_not_shown(index: SearchIndex, q: ev.Question, ans: int, hits: list) -> str:  # type: ignore[type-arg]
    """Why an answer passage among the first three re-ranked is not shown in the first three:
    its excerpt picks other sentences, its excerpt overlaps one shown before (skipped), or its
    article already has ``per_article`` hits shown."""
    p, table = index._passages, index._articles
    row = int(p.article[ans])
    passage = p.passage(ans, table.ids[row])
    corpus = answers.Corpus(index._weights, table, p, index._alive_passages, index._terms_by_id)
    query = index._query(q.text)
    assert query is not None
    weights = answers._term_weights(corpus, query)
    kind = query.answer_type
    s = answers.SETTINGS
    prefer = kind.matches_answer if kind is not None else None
    if s.excerpt_answer_sentence:
        prefer = answer_test(query, index._weights.analyzer)
    excerpt, _, _, _ = passage_excerpt(
        p,
        ans,
        passage,
        index._weights.analyzer,
        weights,
        prefer,
        s.excerpt_bonus * max(weights.values(), default=0.0),
        s.excerpt_context,
        s.excerpt_core_in_passage,
        s.excerpt_answer_sentence,
    )
    if not any(x in excerpt for x in q.answers):
        inside = any(x in passage.text for x in q.answers)
        return "excerpt shows other sentences" + ("" if inside else " (answer past the window)")
    head = hits[:3]
    same = [h for h in head if h.article_id == table.ids[row]]
    if len(same) >= s.per_article:
        return "per-article cap"
    if same and any(h.passage_ordinal in (passage.ordinal - 1, passage.ordinal + 1) for h in same):
        return "overlaps a shown excerpt of its article (skipped)"
    if any(h.excerpt == excerpt for h in hits):
        return "shown below the first three"
    return "other (dedup, source cap)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ev.DATA)
    parser.add_argument("--sets", nargs="*", default=list(SEED_SETS))
    parser.add_argument("--archives", nargs="*", default=["seed", "grown"])
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--fixed", nargs="*", default=[], help="AnswerSettings, name=value")
    args = parser.parse_args()
    builders = {
        "seed": lambda: ev.build(ev.seed_articles()),
        "grown": lambda: ev.grown_archive(args.data),
    }
    seen = Seen()
    _spy(seen)
    answers.SETTINGS = dataclasses.replace(GATE_OFF, **typed(args.fixed))
    for name in args.archives:
        index = builders[name]()
        tally: Counter[str] = Counter()
        slots: Counter[str] = Counter()
        n = 0
        for set_name in args.sets:
            for q in ev.questions(set_name):
                n += 1
                out = classify(index, q, seen)
                if out is None:
                    continue
                tally[str(out["kind"])] += 1
                slots[str(out["slot"])] += 1
                if "ans_len" in out and "first_len" in out:
                    longer = int(out["first_len"]) > int(out["ans_len"])  # type: ignore[call-overload]
                    tally["  first longer than answer passage"] += longer
                    tally["  first covers more of the question"] += float(out["first_cov"]) > float(
                        out["ans_cov"]
                    )  # type: ignore[arg-type]
                    tally["  first is an opening passage"] += bool(out.get("first_opening"))
                if args.list:
                    print(
                        f"{name:5} {set_name[-8:]:8} {q.id:8} {q.text[:80]!r} ans={q.answers[0][:30]!r} {out}"
                    )
        print(
            f"== {name}: {sum(v for k, v in tally.items() if not k.startswith(' '))} of {n} not in the first three"
        )
        for key, value in sorted(tally.items()):
            print(f"{key}: {value}")
        print("slots:", dict(slots.most_common()))


if __name__ == "__main__":
    main()
