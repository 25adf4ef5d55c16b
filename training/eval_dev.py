"""The whole engine on development material and leave-one-writer-out, in the issue's terms.

Usage: .venv/bin/python training/eval_dev.py [--lowo | --held-out] [--show rule1|rule3]
       .venv/bin/python training/eval_dev.py --final [--blind] [--write]

Reads only training/data/rule{1,3}/train_*.jsonl and dev/*.jsonl (and davidson-2017 'neither'
tweets not used in training, as everyday chat). The blind sets only with --blind (run once, when
the code is frozen) and never the regression cases.

Reported per rule, as issue 14's "Done when" does:
- rule 1: hateful caught, non-hateful allowed, balanced accuracy, allowed rate per non-hateful
  kind, wrongful removals as a share of non-hateful;
- rule 3: denial caught, ok allowed, wrongful removals as a share of ok;
- per detector that removes: precision of its removals (a removal is right when the message
  breaks the rule the detector enforces), over every message scored.
With --lowo, each training file is scored by an engine whose trained models were fitted without
that file (its writer's phrasings are unseen); without it, the dev files with the shipped models.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import MessageInput, ModerationEngine, Verdict  # noqa: E402
from bot.moderation.domain.detectors_chinese import (  # noqa: E402
    ChineseDenialDetector,
    ChineseHateDetector,
)
from bot.moderation.domain.detectors_denial import DenialDetector  # noqa: E402
from bot.moderation.domain.detectors_harassment import HarassmentDetector  # noqa: E402
from bot.moderation.domain.detectors_hate import HateDetector  # noqa: E402
from bot.moderation.domain.detectors_japanese import JapaneseDenialDetector  # noqa: E402
from bot.moderation.domain.detectors_korean import (  # noqa: E402
    KoreanDenialDetector,
    KoreanHateDetector,
)
from bot.moderation.domain.model import LinearTextModel  # noqa: E402
from bot.moderation.domain.verdict import Action  # noqa: E402
from training import train_rule1_statements, train_rule3  # noqa: E402
from training.linear_training import fit_model  # noqa: E402

DATA = ROOT / "training/data"
POSITIVE = {1: "hateful", 3: "denial"}


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled message: the rule it is about, whether it breaks it, its kind and file."""

    text: str
    rule: int
    positive: bool
    kind: str
    source: str


def read_rows(rule: int, pattern: str) -> list[Row]:
    """Labelled rows of training/data/rule<rule>/<pattern>."""
    rows: list[Row] = []
    for path in sorted((DATA / f"rule{rule}").glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                kind = str(
                    row.get("kind") or row.get("category") or row.get("functionality") or "?"
                )
                rows.append(Row(row["text"], rule, row["label"] == POSITIVE[rule], kind, path.stem))
    return rows


def everyday(count: int = 2000) -> list[Row]:
    """davidson-2017 'neither' tweets neither trainer samples (unseen everyday chat, breaking
    no rule; its 'offensive' class holds slurs at people, which rule 1 forbids)."""
    if not train_rule3.DAVIDSON.is_file():
        return []
    seen = {t for t, _, _ in train_rule1_statements.generic(1500)}
    seen |= set(train_rule3.shuffled_tweets()[:1500])
    rows = [json.loads(line) for line in train_rule3.DAVIDSON.open(encoding="utf-8")]
    tweets = [r["text"] for r in rows if r["label"] == "neither" and r["text"] not in seen]
    return [Row(t, 0, False, "everyday_tweet", "davidson_rest") for t in tweets[:count]]


def engine_with(rule1: LinearTextModel | None, rule3: LinearTextModel | None) -> ModerationEngine:
    """A default engine whose trained models are the given ones (None: the shipped model)."""
    engine = ModerationEngine(builtins=False)
    engine.detectors = (
        HateDetector(statements=rule1),
        KoreanHateDetector(),
        ChineseHateDetector(),
        HarassmentDetector(),
        DenialDetector(model=rule3),
        KoreanDenialDetector(),
        ChineseDenialDetector(),
        JapaneseDenialDetector(),
    )
    return engine


def score(engine: ModerationEngine, rows: Iterable[Row]) -> list[tuple[Row, Verdict]]:
    return [(row, engine.check(MessageInput(text=row.text))) for row in rows]


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.3f})" if whole else "0/0"


def report(rule: int, scored: list[tuple[Row, Verdict]], show: bool) -> list[str]:
    """The issue's figures for one rule's rows."""
    rows = [(r, v) for r, v in scored if r.rule == rule]
    pos = [(r, v) for r, v in rows if r.positive]
    neg = [(r, v) for r, v in rows if not r.positive]
    caught = sum(not v.allowed for _, v in pos)
    allowed = sum(v.allowed for _, v in neg)
    removed = sum(v.outcome == "remove" for _, v in neg)
    name = "hateful" if rule == 1 else "denial"
    lines = [
        f"rule {rule}: {name} caught {share(caught, len(pos))}, ok allowed "
        f"{share(allowed, len(neg))}, balanced "
        f"{(caught / max(1, len(pos)) + allowed / max(1, len(neg))) / 2:.3f}, wrongful removals "
        f"{share(removed, len(neg))}"
    ]
    kinds: dict[str, list[bool]] = defaultdict(list)
    for r, v in rows:
        kinds[("+" if r.positive else "-") + r.kind].append(v.allowed != r.positive)
    weak = sorted(kinds.items(), key=lambda item: sum(item[1]) / len(item[1]))
    lines.append(
        "  weakest kinds caught: "
        + ", ".join(f"{k[1:]} {sum(v)}/{len(v)}" for k, v in weak if k[0] == "+")
    )
    lines.append(
        "  allowed per ok kind: "
        + ", ".join(f"{k[1:]} {sum(v)}/{len(v)}" for k, v in weak if k[0] == "-")
    )
    if show:
        for r, v in rows:
            if v.allowed == r.positive:
                tag = "MISS" if r.positive else ("FP-REMOVE" if v.outcome == "remove" else "FP")
                hit = v.hits[0] if v.hits else None
                why = f"  <- {hit.filter_name}: {hit.matched[:60]}" if hit and not v.allowed else ""
                lines.append(f"  {tag} [{r.kind}] {r.text[:160]}{why}")
    return lines


def removal_precision(scored: list[tuple[Row, Verdict]]) -> list[str]:
    """Per detector and action: precision (fired on a message that breaks the detector's
    rule / all it fired on) and recall (messages breaking that rule it fired on / all such
    messages scored)."""
    tally: dict[tuple[str, str], Counter[bool]] = defaultdict(Counter)
    # The same, counting only messages whose label speaks to the detector's rule (a rule-1
    # file's 'ok' says nothing of rule 3), and hits on the other rule's breaking messages.
    own: dict[tuple[str, str], Counter[bool]] = defaultdict(Counter)
    other_rule: Counter[tuple[str, str]] = Counter()
    positives = Counter(row.rule for row, _ in scored if row.positive)
    for row, verdict in scored:
        for hit in verdict.hits:
            action = hit.effective_action
            if action is Action.ALLOW or hit.rule not in POSITIVE:
                continue  # rule 2 has no labelled material here
            kind = "remove" if action.severity >= Action.REMOVE.severity else "flag"
            tally[(hit.filter_name, kind)][row.positive and row.rule == hit.rule] += 1
            if row.rule == hit.rule:
                own[(hit.filter_name, kind)][row.positive] += 1
            elif row.positive:
                other_rule[(hit.filter_name, kind)] += 1
    lines = [
        "precision and recall per detector (right / fired; right / messages breaking its rule; "
        "then precision on its own rule's files only, and hits on the other rule's breaking "
        "messages, which break a rule but not this one):"
    ]
    for (name, kind), counts in sorted(tally.items()):
        rule = 1 if "rule1" in name else 3
        mine = own[(name, kind)]
        lines.append(
            f"  {name} {kind}: precision {share(counts[True], counts[True] + counts[False])}, "
            f"recall {share(counts[True], positives[rule])}; own files "
            f"{share(mine[True], mine[True] + mine[False])}, "
            f"other rule's breaking messages {other_rule[(name, kind)]}"
        )
    return lines


def lowo_scored(rules: tuple[int, ...] = (1, 3)) -> list[tuple[Row, Verdict]]:
    """Every training file (of the given rules) scored by models fitted without it."""
    rule1_rows = read_rows(1, "train_*.jsonl") if 1 in rules else []
    rule3_rows = read_rows(3, "train_*.jsonl") if 3 in rules else []
    scored: list[tuple[Row, Verdict]] = []
    # Features are computed once per trainer; a model is refitted only without its own rule's
    # file (without another rule's file its fit is the fit on everything: done once).
    set1, set3 = train_rule1_statements.training_rows(), train_rule3.training_rows()
    groups1, groups3 = {g for *_, g in set1.rows}, {g for *_, g in set3.rows}
    full: dict[int, LinearTextModel] = {}
    for held in sorted({r.source for r in rule1_rows + rule3_rows}):
        if held not in groups1 and 1 not in full:
            full[1] = fit_model(set1)
        if held not in groups3 and 3 not in full:
            full[3] = fit_model(set3)
        m1 = fit_model(set1, held) if held in groups1 else full[1]
        m3 = fit_model(set3, held) if held in groups3 else full[3]
        engine = engine_with(m1, m3)
        scored += score(engine, [r for r in rule1_rows + rule3_rows if r.source == held])
        print(f"  held out {held}", file=sys.stderr)
    return scored


BLIND = "blind/*.jsonl"  # sets still in blind/ have not been run


def final(blind: bool, write: bool) -> None:
    """Every figure of issue 14 in one run: dev (shipped models), held-out (leave-one-writer-out
    + dev) with precision and recall per detector, and the blind files when asked."""
    from datetime import UTC, datetime

    from bench.results import replace_section

    dev_rows = read_rows(1, "dev/*.jsonl") + read_rows(3, "dev/*.jsonl")
    shipped = engine_with(None, None)
    dev = score(shipped, dev_rows)
    chat = score(shipped, everyday())
    lowo = lowo_scored()
    out = [
        "## Moderation quality (training/eval_dev.py --final)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. A message counts as caught when the verdict "
        "is not 'allow' (any rule); a wrongful removal is an ok message whose verdict is "
        "'remove'. Precision per detector counts a hit as right when the message breaks the "
        "detector's rule.",
        "",
        "### Development files (training/data/rule*/dev, seen before: dev, not blind)",
        "",
        *report(1, dev, False),
        *report(3, dev, False),
        f"everyday chat (2,000 davidson 'neither' tweets no trainer saw): allowed "
        f"{share(sum(v.allowed for _, v in chat), len(chat))}, removed "
        f"{share(sum(v.outcome == 'remove' for _, v in chat), len(chat))}",
        "",
        "### Leave-one-writer-out (each training file scored by models refitted without it)",
        "",
        *report(1, lowo, False),
        *report(3, lowo, False),
        "",
        "### Held-out precision and recall per detector (leave-one-writer-out + dev)",
        "",
        *removal_precision(lowo + dev),
    ]
    if blind:
        rows = read_rows(1, BLIND) + read_rows(3, BLIND)
        files = sorted({r.source for r in rows})
        scored = score(shipped, rows)
        out += [
            "",
            f"### Blind sets, run once {datetime.now(UTC):%Y-%m-%d} ({', '.join(files)})",
            "",
            "Written 2026-12-06 by people who saw no code (given only the rule and the community); "
            "first and only run, as it came out:",
            "",
        ]
        for name in files:  # one report per set: each was written by its own writer
            part = [(r, v) for r, v in scored if r.source == name]
            rule = part[0][0].rule
            out += [f"#### {name}", "", *report(rule, part, False), *removal_precision(part), ""]
    text = "\n".join(f"- {line.strip()}" if line.startswith("  ") else line for line in out)
    print(text)
    if write:
        replace_section(ROOT / "bench/RESULTS.md", "moderation-eval", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lowo", action="store_true")
    parser.add_argument("--show", choices=["rule1", "rule3"])
    parser.add_argument("--rule", type=int, choices=[1, 3], help="only this rule's files")
    parser.add_argument("--final", action="store_true", help="dev, held-out and (--blind) blind")
    parser.add_argument("--blind", action="store_true", help="with --final: the blind files, once")
    parser.add_argument("--write", action="store_true", help="with --final: bench/RESULTS.md")
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="leave-one-writer-out and the dev files together (for detector precision)",
    )
    args = parser.parse_args()
    if args.final:
        final(args.blind, args.write)
        return
    if args.held_out:
        scored = lowo_scored() + score(
            engine_with(None, None), read_rows(1, "dev/*.jsonl") + read_rows(3, "dev/*.jsonl")
        )
        title = "held-out: leave-one-writer-out training files + dev files (shipped models)"
    elif args.lowo:
        scored = lowo_scored((args.rule,) if args.rule else (1, 3))
        title = "leave-one-writer-out (training files, models refitted without each)"
    else:
        engine = engine_with(None, None)
        rows = read_rows(1, "dev/*.jsonl") + read_rows(3, "dev/*.jsonl") + everyday()
        scored = score(engine, rows)
        title = "development files + unseen davidson tweets (shipped models)"
    print(title)
    for rule in (args.rule,) if args.rule else (1, 3):
        print("\n".join(report(rule, scored, args.show == f"rule{rule}")))
    chat = [v for r, v in scored if r.rule == 0]
    if chat:
        print(
            f"everyday chat (davidson 'neither', unseen): allowed "
            f"{share(sum(v.allowed for v in chat), len(chat))}, removed "
            f"{share(sum(v.outcome == 'remove' for v in chat), len(chat))}"
        )
    print("\n".join(removal_precision(scored)))


if __name__ == "__main__":
    main()
