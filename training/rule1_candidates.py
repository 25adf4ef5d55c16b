"""Rule 1's statement model: candidate training sets compared leave-one-writer-out (issue 14).

Usage: .venv/bin/python training/rule1_candidates.py [--candidates a,b,c] [--held-out 07v,07w,08a]

Candidates (training/train_rule1_statements.py's rows):
- a: the rows the shipped model is fitted on (NOT_FITTED left out);
- b: every train_* writer of rules 1 and 3 (NOT_FITTED read);
- c: b plus the rule-1 dev sets named seen_blind_* (or train_seen_*), each its own writer, except
  the held-out suffixes (never fitted).

Every candidate is scored on the same rows: each rule-1 training file and each rule-1
seen_blind_/train_seen_ set outside the held-out ones, by a model fitted without that file
(a file the candidate does not fit is scored by the candidate's whole fit: unseen either way).
Rule 3's model is the shipped one. For each candidate the rule-1 thresholds of
bot/moderation/domain/detectors_hate.py are re-chosen by coordinate search for the best balanced
accuracy under the issue's constraints (every non-hateful kind of >= 10 lines allowed >= 0.60,
wrongful removals <= 3%, removal precision >= 0.98, no more everyday chat flagged than with the
shipped thresholds); then the held-out sets are scored with the default engine (as
training/blind_rules.py does): caught, plain ok allowed, plain ok removed, removals right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import MessageInput, ModerationEngine, detectors_hate  # noqa: E402
from bot.moderation.domain.detectors_hate import HateDetector  # noqa: E402
from bot.moderation.domain.model import LinearTextModel  # noqa: E402
from bot.moderation.domain.normalize import NormalizedText  # noqa: E402
from training import train_rule1_statements  # noqa: E402
from training.eval_dev import Row, everyday  # noqa: E402
from training.linear_training import Example, TrainingSet, fit, fit_model  # noqa: E402

RULE1 = ROOT / "training/data/rule1"
KNOBS = (
    ("STATEMENT_THRESHOLD", (0.6, 0.7, 0.75, 0.8, 0.85, 0.9)),
    ("STATEMENT_THRESHOLD_NEUTRAL", (0.85, 0.9, 0.93, 0.96, 0.98)),
    ("HEDGED_THRESHOLD", (0.3, 0.4, 0.5, 0.6, 0.7)),
    ("STATEMENT_VETO_BELOW", (0.05, 0.1, 0.2, 0.3)),
    ("STATEMENT_VETO_FRAMED", (0.3, 0.4, 0.5, 0.6, 0.7)),
)


class Recording:
    """A statement model that caches its readings and notes which messages consulted it."""

    def __init__(self, model: LinearTextModel) -> None:
        self.model = model
        self.cache: dict[str, float] = {}
        self.calls = 0

    @property
    def trained(self) -> bool:
        return self.model.trained

    def probability_of(self, text: NormalizedText) -> float:
        self.calls += 1
        key = text.original
        if key not in self.cache:
            self.cache[key] = self.model.probability_of(text)
        return self.cache[key]


def community_sets(held_out: tuple[str, ...]) -> list[Path]:
    """Rule-1 sets written by the blind writers (dev/seen_blind_* or train_seen_*), held out
    sets excluded."""
    paths = sorted((RULE1 / "dev").glob("seen_blind_*.jsonl")) + sorted(
        RULE1.glob("train_seen_*.jsonl")
    )
    return [p for p in paths if not any(p.stem.endswith(h) for h in held_out)]


def labelled(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            kind = str(row.get("kind") or row.get("category") or row.get("functionality") or "?")
            rows.append(Row(row["text"], 1, row["label"] == "hateful", kind, path.stem))
    return rows


def training_set(candidate: str, held_out: tuple[str, ...]) -> TrainingSet:
    train_rule1_statements.ALL_WRITERS = candidate != "a"
    rows: list[Example] = train_rule1_statements.all_rows(1500)
    if candidate == "c":
        seen = {g for *_, g in rows}
        for path in community_sets(held_out):
            if path.stem not in seen:
                rows += [(r.text, int(r.positive), r.source) for r in labelled(path)]
    train_rule1_statements.ALL_WRITERS = False
    return TrainingSet(rows, train_rule1_statements.FEATURIZER, train_rule1_statements.C, 2)


#: Files are held out in this many folds (round robin over sorted names): a fit per file took
#: a minute at load 15; a fold holds out several writers at once, stricter than one.
FOLDS = 8


def folds(sources: list[str], count: int) -> list[set[str]]:
    return [set(sources[i::count]) for i in range(count)]


def fit_without(training: TrainingSet, excluded: set[str]) -> LinearTextModel:
    """A model fitted on every row whose group is not in ``excluded``."""
    docs = training.docs()
    keep = [i for i, (_, _, g) in enumerate(training.rows) if g not in excluded]
    intercept, weights = fit(
        [docs[i] for i in keep], [training.rows[i][1] for i in keep], training.c, training.min_df
    )
    return LinearTextModel(intercept, weights, training.featurizer)


def engine_for(model: Recording) -> ModerationEngine:
    """The default engine (as training/blind_rules.py builds it) with this statement model."""
    engine = ModerationEngine()
    engine.detectors = tuple(
        HateDetector(statements=model) if isinstance(d, HateDetector) else d  # type: ignore[arg-type]
        for d in engine.detectors
    )
    return engine


def other_rule(kind: str) -> bool:
    """An ok line its writer marks as breaking another rule (flagging it is right)."""
    return kind.startswith("other_rule")


def figures(scored: list[tuple[Row, str]], chat: list[str]) -> dict[str, float]:
    pos = [o for r, o in scored if r.positive]
    neg = [(r, o) for r, o in scored if not r.positive and not other_rule(r.kind)]
    kinds: dict[str, list[bool]] = defaultdict(list)
    for r, o in neg:
        kinds[r.kind].append(o == "allow")
    worst = min(sum(v) / len(v) for v in kinds.values() if len(v) >= 10)
    removals = [(r, o) for r, o in scored if o == "remove"]
    caught = sum(o != "allow" for o in pos) / len(pos)
    allowed = sum(o == "allow" for _, o in neg) / len(neg)
    return {
        "caught": caught,
        "allowed": allowed,
        "balanced": (caught + allowed) / 2,
        "worst_kind": worst,
        "wrongful": sum(o == "remove" for _, o in neg) / len(neg),
        "precision": sum(r.positive or other_rule(r.kind) for r, _ in removals)
        / max(1, len(removals)),
        "chat_flagged": sum(o != "allow" for o in chat),
    }


class Candidate:
    """One training set: its leave-one-writer-out models and the rows they score."""

    def __init__(self, name: str, rows: list[Row], held_out: tuple[str, ...]) -> None:
        self.name = name
        training = training_set(name, held_out)
        groups = {g for *_, g in training.rows}
        self.full = Recording(fit_model(training))
        self.full_engine = engine_for(self.full)
        self.engines: dict[str, ModerationEngine] = {}
        self.by_source: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            self.by_source[row.source].append(row)
        for fold in folds(sorted(self.by_source), FOLDS):
            if fold & groups:
                engine = engine_for(Recording(fit_without(training, fold)))
            else:
                engine = self.full_engine
            for source in fold:
                self.engines[source] = engine
            print(f"  {name}: fitted without {sorted(fold)}", file=sys.stderr)
        self.outcomes: dict[tuple[str, str], str] = {}
        self.consulted: set[tuple[str, str]] = set()
        self.chat_consulted: set[str] = set()
        self.chat_outcomes: dict[str, str] = {}

    def score(self, again: bool = False) -> list[tuple[Row, str]]:
        """Outcomes of every row; ``again``: re-check only rows that consulted the statement
        model (the thresholds act on nothing else)."""
        scored = []
        for source, rows in self.by_source.items():
            engine = self.engines[source]
            for row in rows:
                key = (source, row.text)
                if key not in self.outcomes:
                    model = statements(engine)
                    before = model.calls
                    self.outcomes[key] = engine.check(MessageInput(text=row.text)).outcome
                    if model.calls > before:
                        self.consulted.add(key)
                elif again and key in self.consulted:
                    self.outcomes[key] = engine.check(MessageInput(text=row.text)).outcome
                scored.append((row, self.outcomes[key]))
        return scored

    def chat(self, chat: list[Row], again: bool = False) -> list[str]:
        for row in chat:
            if row.text not in self.chat_outcomes:
                before = self.full.calls
                self.chat_outcomes[row.text] = self.full_engine.check(
                    MessageInput(text=row.text)
                ).outcome
                if self.full.calls > before:
                    self.chat_consulted.add(row.text)
            elif again and row.text in self.chat_consulted:
                self.chat_outcomes[row.text] = self.full_engine.check(
                    MessageInput(text=row.text)
                ).outcome
        return [self.chat_outcomes[row.text] for row in chat]


def statements(engine: ModerationEngine) -> Recording:
    hate = next(d for d in engine.detectors if isinstance(d, HateDetector))
    return hate.statements  # type: ignore[return-value]


def set_knobs(values: dict[str, float]) -> None:
    for name, value in values.items():
        setattr(detectors_hate, name, value)


def ok(f: dict[str, float], base: dict[str, float]) -> bool:
    """The issue's constraints (or today's level where today misses one: not made worse)."""
    return (
        f["worst_kind"] >= min(0.60, base["worst_kind"])
        and f["wrongful"] <= min(0.03, base["wrongful"])
        and f["precision"] >= min(0.98, base["precision"])
        and f["chat_flagged"] <= base["chat_flagged"]
    )


def choose(cand: Candidate, chat: list[Row]) -> tuple[dict[str, float], dict[str, float]]:
    """Coordinate search over KNOBS from the shipped values, one sweep."""
    shipped = {name: getattr(detectors_hate, name) for name, _ in KNOBS}
    best_knobs = dict(shipped)
    set_knobs(best_knobs)
    best = figures(cand.score(), cand.chat(chat))
    base = dict(best)
    print(f"{cand.name} shipped thresholds: {fmt(best)}")
    for _ in range(1):
        for name, values in KNOBS:
            for value in values:
                trial = {**best_knobs, name: value}
                if trial == best_knobs:
                    continue
                set_knobs(trial)
                f = figures(cand.score(again=True), cand.chat(chat, again=True))
                if ok(f, base) and (f["balanced"], -f["wrongful"]) > (
                    best["balanced"],
                    -best["wrongful"],
                ):
                    best, best_knobs = f, trial
                    print(f"  {name}={value}: {fmt(f)}", file=sys.stderr)
    set_knobs(shipped)
    return best_knobs, best


def fmt(f: dict[str, float]) -> str:
    return (
        f"caught {f['caught']:.3f} allowed {f['allowed']:.3f} balanced {f['balanced']:.4f} "
        f"worst ok kind {f['worst_kind']:.3f} wrongful {f['wrongful']:.4f} "
        f"removal precision {f['precision']:.3f} chat flagged {f['chat_flagged']:.0f}"
    )


def held_out_report(cand: Candidate, knobs: dict[str, float], held_out: tuple[str, ...]) -> None:
    set_knobs(knobs)
    for suffix in held_out:
        path = RULE1 / "dev" / f"seen_blind_{suffix}.jsonl"
        raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        out = [(r, cand.full_engine.check(MessageInput(text=r["text"])).outcome) for r in raw]
        pos = [o for r, o in out if r["label"] == "hateful"]
        plain = [
            o
            for r, o in out
            if r["label"] != "hateful" and not str(r.get("kind", "")).startswith("other_rule")
        ]
        removals = [(r, o) for r, o in out if o == "remove"]
        right = sum(
            r["label"] == "hateful" or str(r.get("kind", "")).startswith("other_rule")
            for r, _ in removals
        )
        print(
            f"  {cand.name} {suffix}: caught {sum(o != 'allow' for o in pos)}/{len(pos)}, plain "
            f"ok allowed {sum(o == 'allow' for o in plain)}/{len(plain)}, plain ok removed "
            f"{sum(o == 'remove' for o in plain)}, removals {len(removals)} right {right}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", default="a,b,c")
    parser.add_argument("--held-out", default="2026_12_07v,2026_12_07w,2026_12_08a")
    parser.add_argument("--no-search", action="store_true", help="shipped thresholds only")
    args = parser.parse_args()
    held_out = tuple(args.held_out.split(","))
    rows = [r for p in sorted(RULE1.glob("train_*.jsonl")) for r in labelled(p)]
    rows += [r for p in community_sets(held_out) for r in labelled(p)]
    chat = everyday()
    print(f"{len(rows)} rule-1 rows from {len({r.source for r in rows})} files; chat {len(chat)}")
    for name in args.candidates.split(","):
        cand = Candidate(name, rows, held_out)
        if args.no_search:
            knobs = {n: getattr(detectors_hate, n) for n, _ in KNOBS}
            print(f"{name}: {fmt(figures(cand.score(), cand.chat(chat)))}")
        else:
            held_out_report(cand, {n: getattr(detectors_hate, n) for n, _ in KNOBS}, held_out)
            knobs, best = choose(cand, chat)
            print(f"{name} chosen {knobs}: {fmt(best)}")
        held_out_report(cand, knobs, held_out)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
