"""Why the answer is not /ask's first excerpt, by kind of question (gate off, development sets).

    .venv/bin/python training/first_misses.py [--data ../shared/data] [--archives seed grown]
        [--sets NAME ...] [--list] [--fixed name=value ...]

For every development seed question (training/gate_loso.py SEED_SETS) whose first excerpt
(gate off, k = 10) does not hold the answer, on the seed and on the grown archive: the cause
(training/top3_misses.py's: not a candidate, answer passage first but its excerpt misses, the
same article / another article / another source first after re-ranking) and the kinds of
question it is (a question may be of several):

- ``terse``: keywords, not a sentence: it opens with no question word nor verb and is short;
- ``number``: a number or a unit is asked (the writer's kind ``number``, or query.AnswerType);
- ``unknown word``: a content word of the question the archive's vocabulary lacks (a name
  spelled differently, slang: "ppl", "nk"; read on the grown archive: the seed's vocabulary
  is too small for it to mean much);
- ``short post``: the answer's article is short (at most three passages: the answer lies in a
  short post's title or description);
- ``crowded out``: another article of at least seven passages is first.

Prints the tally per archive (for bench/RESULTS.md) and with ``--list`` a line per question.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402
from gate_loso import SEED_SETS  # noqa: E402
from top3_misses import GATE_OFF, Seen, _spy  # noqa: E402
from xquad_ask import typed  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402
from bot.search.domain.index import SearchIndex  # noqa: E402

OPENERS = set(
    [
        "what",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "which",
        "is",
        "are",
        "was",
        "were",
        "did",
        "does",
        "do",
        "can",
        "could",
        "has",
        "have",
        "had",
        "will",
        "would",
        "should",
        "tell",
        "list",
        "name",
        "explain",
        "give",
        "describe",
        "whats",
        "who's",
        "what's",
        "wheres",
        "where's",
        "hows",
        "how's",
        "in",
        "on",
    ]
)
LONG = 7
SHORT = 3


def kinds(index: SearchIndex, q: ev.Question) -> list[str]:
    """The kinds of question ``q`` is (see the module's docstring)."""
    words = re.findall(r"[\w'%]+", q.text.lower())
    out = []
    if words and words[0] not in OPENERS and len(words) <= 8:
        out.append("terse")
    query = index._query(q.text)
    kind = query.answer_type if query is not None else None
    if q.kind == "number" or (kind is not None and kind.name in ("size", "count", "percentage")):
        out.append("number")
    analyzer, vocabulary = index._weights.analyzer, index._weights.vocabulary
    if any(t not in vocabulary for t in analyzer.analyze(q.text)):
        out.append("unknown word")
    return out


def classify(index: SearchIndex, q: ev.Question, seen: Seen) -> dict[str, object] | None:
    """None when the first excerpt holds the answer; else the cause and the kinds."""
    seen.order = []
    hits = index.ask(q.text, k=10).hits
    found = [i for i, h in enumerate(hits) if ev.holds_answer(h, q.answers)]
    rank = found[0] if found else None
    if rank == 0:
        return None
    p, table = index._passages, index._articles
    counts = Counter(int(r) for r in p.article)
    tags = kinds(index, q)
    holding = [i for i in seen.order if any(a in p.texts[i] for a in q.answers)]
    first = seen.order[0] if seen.order else None
    out: dict[str, object] = {"rank": rank}
    if first is not None:
        row = int(p.article[first])
        out["first"] = f"{table.sources[row]}:{table.titles[row][:40]}"
    if not holding:
        out.update(cause="not a candidate", kinds=tags)
        return out
    ans = holding[0]
    arow = int(p.article[ans])
    out["pos"] = seen.order.index(ans)
    if counts[arow] <= SHORT:
        tags.append("short post")
    assert first is not None
    frow = int(p.article[first])
    if ans == first:
        cause = "answer passage first, excerpt misses"
    elif arow == frow:
        cause = "same article first"
    elif table.sources[frow] == table.sources[arow]:
        cause = "other article first"
    else:
        cause = f"{table.sources[frow]} first"
    if frow != arow and counts[frow] >= LONG:
        tags.append("crowded out")
    out.update(cause=cause, kinds=tags)
    return out


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
        causes: Counter[str] = Counter()
        tags: Counter[str] = Counter()
        everyone: Counter[str] = Counter()
        n = 0
        for set_name in args.sets:
            for q in ev.questions(set_name):
                n += 1
                for tag in kinds(index, q):
                    everyone[tag] += 1
                out = classify(index, q, seen)
                if out is None:
                    continue
                causes[str(out["cause"])] += 1
                for tag in out["kinds"] or ["(none of these)"]:  # type: ignore[attr-defined]
                    tags[tag] += 1
                if args.list:
                    print(f"{name:5} {set_name[-8:]:8} {q.id:8} {q.text[:70]!r} {out}")
        print(f"== {name}: {sum(causes.values())} of {n} not first")
        for key, value in causes.most_common():
            print(f"  cause {key}: {value}")
        for key, value in tags.most_common():
            print(f"  kind {key}: {value} of {everyone.get(key, '-')} such questions")


if __name__ == "__main__":
    main()
