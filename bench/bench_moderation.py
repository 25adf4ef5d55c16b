"""Benchmark and evaluation of the moderation engine (issue 6).

Usage: /work/venv/bin/python bench/bench_moderation.py [--messages 20000] [--no-write]

Measures, single thread, in-process:
- throughput and latency (p50/p99/max) with 6,000 keywords, 60 regexes, 50 example filters and
  the built-in detectors, over real chat-like text (davidson-2017 tweets and kcna-2024 sentences);
- compile time of a 10,000-keyword list and of 10,000 filters; worst case on bad input;
- the example-filter threshold: recall on hand-written rewordings against false positives on
  unrelated messages, per threshold;
- accuracy on our functional cases (tests/moderation/cases/functional.jsonl) per category;
- for information, precision/recall of the hate class on the davidson-2017 held-out split
  (the same 80/20 split, seed 13, as training/train_rule1.py).
Appends/refreshes the 'moderation' section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.results import replace_section, shared_data  # noqa: E402
from bot.moderation.domain import (  # noqa: E402
    Action,
    FilterSpec,
    MessageInput,
    ModerationEngine,
    normalize,
)
from bot.moderation.domain.examples import ExampleGroup, ExampleMatcher  # noqa: E402
from tests.moderation.cases import ALL_CASES  # noqa: E402

DATA = shared_data(Path(__file__).resolve().parents[1])

# The functional cases are also what the rules were tuned on, so their accuracy is optimistic.
# Batches 1-13 were each written before looking at how the engine handled them; their accuracy
# at that first run (recorded by hand, then the failures were fixed generally and the cases kept)
# is the fairer estimate for unseen suites: (batch, kind, correct, cases).
BLIND_FIRST_RUN = [
    ("more-hateful / more-non-hateful", "rule 1 hateful", 28, 35),
    ("more-hateful / more-non-hateful", "allowed", 37, 38),
    ("batch-2", "rule 1 hateful", 28, 40),
    ("batch-2", "allowed", 29, 30),
    ("batch-3", "rule 3 denial", 14, 20),
    ("batch-3", "allowed (legitimate NK discussion)", 20, 20),
    ("batch-4", "rule 1 hateful", 18, 20),
    ("batch-4", "allowed (reports of abuse, neutral)", 17, 20),
    ("batch-6", "rule 3 denial", 10, 20),
    ("batch-6", "allowed (legitimate NK discussion)", 20, 20),
    ("batch-7", "rule 1 hateful", 14, 20),
    ("batch-7", "allowed (identity mentions, counter-speech)", 14, 15),
    ("batch-7", "rule 3 denial", 4, 10),
    ("batch-7", "allowed (legitimate NK discussion)", 10, 10),
    ("batch-8", "rule 3 denial", 8, 20),
    ("batch-8", "allowed (legitimate NK discussion)", 15, 15),
    ("batch-9 (after the rule-3 broad net)", "rule 3 denial", 13, 20),
    ("batch-9 (after the rule-3 broad net)", "allowed (legitimate NK discussion)", 14, 15),
    ("batch-10", "rule 1 hateful", 16, 25),
    ("batch-10", "allowed (identity mentions, counter-speech)", 20, 20),
    # Batches 11 and 12 (tests/moderation/domain/functional_cases_blind.py): 11 was run on the
    # engine as it stood, then the word repair, misspelt group names and the rule-3 patterns of
    # denial_patterns_extra were written; 12 was written after that and run once, blind.
    ("batch-11", "rule 1 hateful", 26, 35),
    ("batch-11", "allowed (negation, counter-speech, reclaimed, profanity, non-protected)", 26, 26),
    ("batch-11", "rule 3 denial", 17, 30),
    ("batch-11", "allowed (legitimate NK discussion)", 27, 30),
    ("batch-12 (after word repair, rule-3 extras)", "rule 1 hateful", 26, 32),
    (
        "batch-12 (after word repair, rule-3 extras)",
        "allowed (negation, counter-speech, reclaimed, profanity, non-protected)",
        27,
        28,
    ),
    ("batch-12 (after word repair, rule-3 extras)", "rule 3 denial", 23, 30),
    ("batch-12 (after word repair, rule-3 extras)", "allowed (legitimate NK discussion)", 29, 30),
    # Batch 13 (functional_cases_blind13.py): rule 3 only, casual, sarcastic and misspelt
    # denial and near-miss legitimate discussion, run once on the engine at commit a8d08cd.
    ("batch-13", "rule 3 denial", 11, 20),
    ("batch-13", "allowed (legitimate NK discussion)", 18, 20),
    # Batch 13b: written after batch 13's fixes (commit cea585c), run once on that engine.
    ("batch-13b (after the casual-denial cues)", "rule 3 denial", 7, 15),
    ("batch-13b (after the casual-denial cues)", "allowed (legitimate NK discussion)", 13, 15),
    ("batch-14 (after batch 13b's fixes)", "rule 3 denial", 5, 10),
    ("batch-14 (after batch 13b's fixes)", "allowed (legitimate NK discussion)", 8, 10),
    # Batch 15 (functional_cases_blind15.py): written before any code change, varied crisis
    # vocabulary (kwanliso, arduous march, gulags, UN report ...), run once at commit 3405739.
    ("batch-15 (after batch 14's fixes)", "rule 3 denial", 10, 15),
    ("batch-15 (after batch 14's fixes)", "allowed (legitimate NK discussion)", 14, 15),
]
# Batch 12 run on the engine as it was before the word repair and the rule-3 extras (commit
# 4e7bc5b): what the new rules added on text they were not written for.
BATCH_12_NOTE = (
    "Batch 12 on the engine before this round (commit 4e7bc5b): rule 1 hateful 24/32 (0.75), "
    "non-hateful allowed 27/28 (0.96), rule 3 denial 21/30 (0.70), legitimate allowed 28/30 "
    "(0.93); after (first run above): 26/32 (0.81), 27/28, 23/30 (0.77), 29/30. Rule-1 "
    "accuracy over batch 12's 60 cases: 0.85 before, 0.88 after. Batch 11 after its fixes and "
    "batch 12 after its fixes: 1.00 (regression cases). kcna-2024 (17,605 sentences): rule-1 "
    "hits 0 before and after, rule-3 hits 16 before and after (the same three KCNA sentences, "
    "two of which call the UN's torture and repatriation findings 'fabrications' and 'rubbish')."
)
BATCH_13_NOTE = (
    "Rule-3 round of batches 13, 13b and 14 (tests/moderation/domain/functional_cases_blind13"
    ".py). Batch 13 first run at a8d08cd: denial 11/20 (0.55), legitimate allowed 18/20 (0.90). "
    "After the casual-denial cues of denial_cues.py (doubt memes, sarcasm, dismissive phrases, "
    "'plenty of food' in famine talk, reported speech exempt) batch 13b was written and run "
    "once: 7/15 (0.47), 13/15 (0.87). After its fixes (brush-offs, misspelt dismissals, "
    "mocking believers, minimising, quoted claims exempt) batch 14 was written and run once: "
    "5/10 (0.50), 8/10 (0.80). After its fixes all three pass in full except one kept-aside "
    "miss with no North Korea or crisis word. kcna-2024 rule-3 hits 16 before and after; "
    "davidson-2017 (first 10,000 tweets) rule-3 hits 0 before and after; bench messages "
    "flagged/removed unchanged; the denial detector's CPU time per message within noise of "
    "the shared machine (mean 60-100 us, p99 0.55-0.94 ms for both versions, alternating runs)."
)
BATCH_15_NOTE = (
    "Rule-3 round of batch 15 (functional_cases_blind15.py), first run at 3405739: denial "
    "10/15 (0.67), legitimate allowed 14/15 (0.93). Mechanisms fixed (no per-case strings): a "
    "dismissive word negated just before it is no claim ('was not exaggerated'); an "
    "intensified claim ('wildly inflated') is not hedged by a figure word ('death toll'); "
    "subject-less 'never happened' / 'not real' clauses in a message naming the crisis; "
    "pronoun smears of every witness ('name one that isn't a paid liar'); camps minimised as "
    "farms, dorms or workplaces; a trailing shrug ('..., who cares'). After: 15/15, 15/15. "
    "kcna-2024 rule-3 hits 16 before and after; denial hits on 8,000 bench messages 5 before "
    "and after; the denial detector's CPU time per message within noise (45-66 us, both "
    "versions, alternating runs)."
)
MODEL_NOTE = (
    "Rule-3 model (2026-11-28, see the 'Rule 3 model' section from training/eval_rule3.py): the "
    "batches above were written by the person tuning the patterns, so their first runs "
    "overstate the patterns: on statements written by four other writers who never saw them, "
    "the patterns caught 0.30 of denial, and 0.27 on a blind set. A logistic regression "
    "trained on those writers' statements (with everyday chat and news as negatives) now "
    "reads every message first: it flags what the patterns miss and overrules them when it "
    "is sure a message is discussion. Whole detector, leave-one-writer-out: denial caught "
    "0.76, legitimate allowed 0.96; blind sets: 0.77 / 0.96 and 0.78 / 0.93. kcna-2024 "
    "rule-3 hits 16 before, 22 after; the per-message cost is in the speed table above. "
    "Rule 1 got the same treatment (training/eval_rule1.py): a statement model trained on three "
    "other writers' messages plus neutral identity mentions; leave-one-writer-out hateful "
    "caught 0.59 -> 0.79, non-hateful allowed 0.96 -> 0.93; blind suite 0.81 -> 0.87 overall. "
    "kcna-2024 rule-1 hits 0 before, 3 after. On davidson-2017 below, precision rose (0.39 -> "
    "0.42) and recall held (0.44) once the model was kept from overruling slurs aimed at people."
)
SPEED_NOTE = (
    "Speed round of 2026-12-06 (issue 14, item 7; branch modspeed): prefilters that cannot "
    "change a verdict (a character class before the markdown regex, rule 1's gate and the "
    "speller's joins skip their per-token loops when a C-level test rules them out) and, in "
    "`moderate --batch`, a per-process verdict cache for texts judged alone, chunks handed to "
    "whichever process is free and plain (number, id, text) tuples instead of pickled lines. "
    "bench/verdict_snapshot.py: all 31,598 verdicts (these 20,000 messages and every rule-1 "
    "and rule-3 training and dev file) byte-identical before and after. In-process CPU per "
    "message, alternating old and new code (load 1.6-1.9): 368/345/332 us before, 323/310/350 "
    "us after: within the machine's noise. Where the time goes (cProfile, 8,000 messages): "
    "normalisation ~45-70 us, rule 1 ~100 us (most of it the close reading and statement "
    "model of the 18% of messages naming a group), rule 3 ~90 us (patterns ~42, score "
    "bound ~10, the model read for 59% of messages ~30), the guild's filters ~32 us, rules "
    "2 ~25 us."
)

SPEED_NOTE_2 = (
    "Speed round 2 of 2026-12-06 (issue 14, item 7; branch modspeed2). Where the CPU goes "
    "(cProfile, these 20,000 messages, one process, shares of the engine's time): rule 3 32% "
    "(its model read 13%, its score bound 7%, its patterns 11%), rule 1 27% (the close reading "
    "of the 18% of messages naming a group 14%, word repair 4%, statement model 4%), "
    "normalisation 21%, the guild's filters 13% (examples 8%, keywords 2%, regexes 2%), rule 2 "
    "5%; in `moderate --batch --workers 1`, JSON in 3% and out 2%, checking 85%. Changes, "
    "none of which changes a verdict (bench/verdict_snapshot.py byte-identical, 31,798 "
    "verdicts): clauses of plain words skip the per-token leetspeak decode (the words stay "
    "shared string objects, as the decode cache gave); the sentence split runs only when a "
    "sentence break exists; map() for squeezing and offsets; rule 1's clause tagger copies "
    "words that no branch can tag; the quote test of the statement features behind a "
    "character test and kept for the last text; the negation pass only when a negator is "
    "present. A set-based gate for the example filters measured no faster and was dropped. "
    "Old and new code alternating in chunks of 500 messages, same process pair (load 8.1-9.6): "
    "522 -> 513 us CPU a message first pass, 502 -> 485 us second pass (2-3%; an earlier "
    "build without the shared words, load 7.8-9.4: 557 -> 540, 476 -> 454); normalisation "
    "alone 71-74 -> 64-65 us. The machine was overloaded (load 4-9 on 2 cores) for the whole "
    "round, so every figure here is doubtful on its own; the target (300 us a message) was "
    "not reached: rule 3 (another branch's files) is a third of the time. Its score bound "
    "lets 12,090 of these 20,000 messages through to the model read (115 score above its "
    "threshold); a bound with the exact weights of the words and stems (every distinct one "
    "is a feature) and only the positive pair weights is still an upper bound and lets 214 "
    "through."
)

RESULTS = ROOT / "bench/RESULTS.md"
SEED = 13

# Hand-written example filters and rewordings of them (positives), for the threshold.
EXAMPLE_PAIRS = [
    (
        "The famine never happened, it is western propaganda.",
        "that famine never happened, just western propaganda",
    ),
    ("The prison camps in North Korea are a CIA hoax.", "north korean prison camps? a cia hoax"),
    ("Defectors are paid to lie about the camps.", "those defectors get paid to lie about camps"),
    ("Buy cheap followers now at my website.", "buy cheap followers at my site now"),
    (
        "Free nitro giveaway, click the link to claim.",
        "free nitro giveaway!! click link to claim it",
    ),
    ("Starving North Koreans are on a free diet.", "starving north koreans on free diet lol"),
    ("Kim Jong Un is a genius and the camps are fine.", "kim jong un genius, the camps are fine"),
    ("Women should not be allowed to post here.", "women shouldnt be allowed to post here"),
    ("Send all the defectors back to be executed.", "send defectors back so they get executed"),
    ("The torture reports are fabricated by Seoul.", "torture reports fabricated by seoul"),
    (
        "Join my crypto pump group for guaranteed profits.",
        "join the crypto pump group, guaranteed profit",
    ),
    ("This server is trash and the mods are clowns.", "this server is trash, mods are clowns"),
    (
        "North Korea has no political prisoners at all.",
        "there are no political prisoners in north korea at all",
    ),
    ("The Arduous March was invented by the media.", "arduous march invented by media"),
    (
        "Repatriated refugees deserve whatever they get.",
        "refugees who get repatriated deserve what they get",
    ),
]


def load_messages(limit: int) -> list[str]:
    """Chat-like text: tweets and short news sentences, shuffled with a fixed seed."""
    texts: list[str] = []
    with (DATA / "davidson-2017/tweets.jsonl").open(encoding="utf-8") as handle:
        texts.extend(json.loads(line)["text"] for line in handle)
    with (DATA / "kcna-2024/articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line)["text"]
            texts.extend(s for s in re.split(r"(?<=[.!?])\s+", body)[:8] if len(s) > 20)
    rng = random.Random(SEED)
    rng.shuffle(texts)
    return texts[:limit]


def make_filters(rng: random.Random) -> list[FilterSpec]:
    """6,000 keywords (60 filters of 100, mixed wildcards), 60 regexes, 50 example filters."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    filters: list[FilterSpec] = []
    fid = 0
    for _ in range(60):
        words = []
        for _ in range(100):
            word = "".join(rng.choice(letters) for _ in range(rng.randint(5, 10)))
            words.append(
                rng.choice([word, f"{word}*", f"*{word}", f"*{word}*", f"{word} {word[:3]}x"])
            )
        fid += 1
        filters.append(FilterSpec(fid, "keyword", ", ".join(words), 2, Action.REMOVE))
    for i in range(60):
        stem = "".join(rng.choice(letters) for _ in range(6))
        fid += 1
        pattern = rf"\b{stem}[0-9]{{2,4}}\b|{stem}\s+(?:coin|token)s?\b|https?://{stem}{i}\.\w+"
        filters.append(FilterSpec(fid, "regex", pattern, 2, Action.FLAG))
    examples = [a for a, _ in EXAMPLE_PAIRS]
    while len(examples) < 50:
        examples.append(
            " ".join(
                "".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) for _ in range(8)
            )
        )
    for text in examples:
        fid += 1
        filters.append(FilterSpec(fid, "example", text, 3, Action.FLAG))
    return filters


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_speed(engine: ModerationEngine, messages: list[str]) -> dict[str, float]:
    for text in messages[:500]:  # warm caches (homoglyph table, regex caches)
        engine.check(MessageInput(text))
    latencies: list[float] = []
    cpu: list[float] = []
    outcomes: dict[str, int] = defaultdict(int)
    start = time.perf_counter()
    cpu_start = time.thread_time()
    for text in messages:
        t0 = time.perf_counter()
        c0 = time.thread_time()
        verdict = engine.check(MessageInput(text))
        cpu.append((time.thread_time() - c0) * 1000)
        latencies.append((time.perf_counter() - t0) * 1000)
        outcomes[verdict.outcome] += 1
    elapsed = time.perf_counter() - start
    cpu_elapsed = time.thread_time() - cpu_start
    return {
        "messages": len(messages),
        "per_second": len(messages) / elapsed,
        "cpu_per_second": len(messages) / cpu_elapsed,
        "p50_ms": percentile(latencies, 0.50),
        "p99_ms": percentile(latencies, 0.99),
        "cpu_p99_ms": percentile(cpu, 0.99),
        "max_ms": max(latencies),
        "mean_ms": statistics.fmean(latencies),
        "flagged": outcomes["flag"],
        "removed": outcomes["remove"],
    }


def bench_compile(rng: random.Random) -> dict[str, float]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(4, 12))) for _ in range(10_000)]
    t0 = time.perf_counter()
    ModerationEngine(
        [
            FilterSpec(i, "keyword", ",".join(words[i * 1000 : (i + 1) * 1000]), 2, Action.REMOVE)
            for i in range(10)
        ],
        builtins=False,
    )
    keyword_list = time.perf_counter() - t0
    specs = [FilterSpec(i, "keyword", w, 2, Action.REMOVE) for i, w in enumerate(words[:9_900])]
    specs += [
        FilterSpec(20_000 + i, "regex", rf"\b{w}\d+", 2, Action.FLAG)
        for i, w in enumerate(words[9_900:9_960])
    ]
    specs += [
        FilterSpec(30_000 + i, "example", f"{w} is an example of spam text", 2, Action.FLAG)
        for i, w in enumerate(words[9_960:])
    ]
    t0 = time.perf_counter()
    engine = ModerationEngine(specs)
    ten_thousand = time.perf_counter() - t0
    t0 = time.perf_counter()
    for w in words[:2000]:
        engine.check(MessageInput(f"hello {w} there"))
    per_msg = (time.perf_counter() - t0) / 2000 * 1000
    return {
        "keywords_10k_s": keyword_list,
        "filters_10k_s": ten_thousand,
        "filters_10k_check_ms": per_msg,
    }


def bench_bad_input(engine: ModerationEngine) -> float:
    bad = [
        "",
        "😀" * 1000,
        "z̴͉a̷l̶g̵o̸" * 400,
        "\x00" * 4000,
        "you " * 1000,
        "so " * 1333,
        "a" * 4000,
        "Muslims " * 500,
        "(" * 4000,
        '"' * 4000,
        "n i g " * 600,
        "I hate " * 570,
        "https://x.example " * 200,
    ]
    worst = 0.0
    for text in bad:
        t0 = time.perf_counter()
        engine.check(MessageInput(text, attachment_count=1))
        worst = max(worst, (time.perf_counter() - t0) * 1000)
    return worst


def bench_threshold(messages: list[str]) -> list[dict[str, float]]:
    matcher = ExampleMatcher(
        [ExampleGroup(i, (a,)) for i, (a, _) in enumerate(EXAMPLE_PAIRS)], threshold=0.0
    )
    positives = [
        max((s for _, s in matcher.similarities(normalize(b))), default=0.0)
        for _, b in EXAMPLE_PAIRS
    ]
    negatives = [
        max((s for _, s in matcher.similarities(normalize(t))), default=0.0)
        for t in messages[:5000]
    ]
    rows = []
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        rows.append(
            {
                "threshold": threshold,
                "recall": sum(p >= threshold for p in positives) / len(positives),
                "false_pos_per_10k": 10_000
                * sum(n >= threshold for n in negatives)
                / len(negatives),
            }
        )
    return rows


def bench_functional(engine: ModerationEngine) -> dict[str, tuple[int, int]]:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for category, text, expected in ALL_CASES:
        verdict = engine.check(MessageInput(text))
        ok = (
            verdict.allowed
            if expected is None
            else (not verdict.allowed and expected in {h.rule for h in verdict.hits})
        )
        group = {None: "allowed", 1: "rule 1", 2: "rule 2", 3: "rule 3"}[expected]
        for key in (f"{group} / {category}", f"total {group}"):
            per[key][0] += ok
            per[key][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(per.items())}


def bench_kcna_rule3(engine: ModerationEngine) -> tuple[int, int]:
    """Rule-3 hits over every kcna-2024 sentence: regime news, where denial words abound
    ('fabrications', 'rubbish') but almost nothing is a member denying the crisis."""
    hits = total = 0
    with (DATA / "kcna-2024/articles.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            body = json.loads(line)["text"]
            for sentence in re.split(r"(?<=[.!?])\s+", body):
                if len(sentence) <= 20:
                    continue
                total += 1
                verdict = engine.check(MessageInput(sentence))
                hits += any(hit.rule == 3 for hit in verdict.hits)
    return hits, total


def bench_davidson(engine: ModerationEngine) -> dict[str, float]:
    from sklearn.model_selection import train_test_split

    rows = [json.loads(line) for line in (DATA / "davidson-2017/tweets.jsonl").open()]
    labels = [1 if r["label"] == "hate" else 0 for r in rows]
    _, test_idx = train_test_split(
        list(range(len(rows))), test_size=0.2, random_state=SEED, stratify=labels
    )
    tp = fp = fn = 0
    for i in test_idx:
        verdict = engine.check(MessageInput(rows[i]["text"]))
        predicted = any(h.rule == 1 for h in verdict.hits) and not verdict.allowed
        tp += predicted and labels[i] == 1
        fp += predicted and labels[i] == 0
        fn += (not predicted) and labels[i] == 1
    return {"precision": tp / max(1, tp + fp), "recall": tp / max(1, tp + fn), "n": len(test_idx)}


def write_results(section: str) -> None:
    replace_section(RESULTS, "moderation", section)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    rng = random.Random(SEED)
    messages = load_messages(args.messages)
    t0 = time.perf_counter()
    engine = ModerationEngine(make_filters(rng))
    build_s = time.perf_counter() - t0
    speed = bench_speed(engine, messages)
    builtins_only = bench_speed(ModerationEngine(), messages[:5000])
    compile_times = bench_compile(rng)
    worst_bad = bench_bad_input(engine)
    thresholds = bench_threshold(messages)
    functional = bench_functional(ModerationEngine())
    davidson = bench_davidson(ModerationEngine())
    kcna_hits, kcna_total = bench_kcna_rule3(ModerationEngine())

    out: list[str] = []
    out.append(
        f"## Moderation engine (bench/bench_moderation.py)\n\n"
        f"{datetime.now(UTC):%Y-%m-%d}, {platform.machine()}, 2 cores, Python "
        f"{platform.python_version()}, single thread, in-process.\n"
    )
    out.append("### Speed (6,000 keywords, 60 regexes, 50 example filters, built-in detectors)\n")
    out.append(
        "| setup | messages | msg/s (wall) | msg/s (CPU) | p50 ms | p99 ms | p99 CPU ms | "
        "max ms | flagged | removed |"
    )
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for name, s in (("all filters + built-ins", speed), ("built-ins only", builtins_only)):
        out.append(
            f"| {name} | {s['messages']:,} | {s['per_second']:,.0f} | "
            f"{s['cpu_per_second']:,.0f} | {s['p50_ms']:.3f} | {s['p99_ms']:.3f} | "
            f"{s['cpu_p99_ms']:.3f} | {s['max_ms']:.2f} | {s['flagged']} | "
            f"{s['removed']} |"
        )
    out.append("")
    out.append(
        f"Load average while running: {os.getloadavg()[0]:.1f} on 2 cores (other work shares "
        "the machine, so wall-clock numbers include waiting for a core; the CPU columns "
        "count this thread's own time). Messages: davidson-2017 tweets and kcna-2024 "
        "sentences, shuffled; KCNA sentences (up to 4,000 chars) make the slow tail.\n"
    )
    out.append(f"- engine build with the 6,110 filters above: {build_s:.2f} s")
    out.append(
        f"- 10,000-keyword list (10 filters x 1,000) compiled in "
        f"{compile_times['keywords_10k_s']:.2f} s (target < 1 s)"
    )
    out.append(
        f"- 10,000 filters (9,900 keyword, 60 regex, 40 example) + built-ins built in "
        f"{compile_times['filters_10k_s']:.2f} s; check {compile_times['filters_10k_check_ms']:.3f}"
        f" ms/message"
    )
    out.append(
        f"- worst single bad-input message (4,000 chars, Zalgo, emoji, NUL, ...): "
        f"{worst_bad:.1f} ms (limit 50 ms)\n"
    )
    out.append(
        "### Example-filter threshold (15 hand-written rewordings vs 5,000 unrelated messages)\n"
    )
    out.append("| threshold | recall of rewordings | false positives per 10k |")
    out.append("|---|---|---|")
    for row in thresholds:
        out.append(
            f"| {row['threshold']:.2f} | {row['recall']:.2f} | {row['false_pos_per_10k']:.1f} |"
        )
    out.append("")
    out.append("### Functional cases (tests/moderation/cases/functional.jsonl, fresh install)\n")
    out.append("| group / category | correct | cases | accuracy |")
    out.append("|---|---|---|---|")
    for key, (ok, n) in functional.items():
        label = f"**{key}**" if key.startswith("total") else key
        out.append(f"| {label} | {ok} | {n} | {ok / n:.2f} |")
    out.append("")
    out.append("First run of the batches written blind (before their failures were fixed):\n")
    out.append("| batch | kind | correct | cases | accuracy |")
    out.append("|---|---|---|---|---|")
    for batch, kind, ok, n in BLIND_FIRST_RUN:
        out.append(f"| {batch} | {kind} | {ok} | {n} | {ok / n:.2f} |")
    denial_blind = [(ok, n) for _, kind, ok, n in BLIND_FIRST_RUN if kind == "rule 3 denial"]
    hateful_blind = [(ok, n) for _, kind, ok, n in BLIND_FIRST_RUN if kind == "rule 1 hateful"]
    allowed_blind = [(ok, n) for _, kind, ok, n in BLIND_FIRST_RUN if kind.startswith("allowed")]
    out.append(
        f"| **all blind** | rule 1 hateful | {sum(o for o, _ in hateful_blind)} | "
        f"{sum(n for _, n in hateful_blind)} | "
        f"{sum(o for o, _ in hateful_blind) / sum(n for _, n in hateful_blind):.2f} |"
    )
    out.append(
        f"| **all blind** | allowed | {sum(o for o, _ in allowed_blind)} | "
        f"{sum(n for _, n in allowed_blind)} | "
        f"{sum(o for o, _ in allowed_blind) / sum(n for _, n in allowed_blind):.2f} |"
    )
    out.append(
        f"| **all blind** | rule 3 denial | {sum(o for o, _ in denial_blind)} | "
        f"{sum(n for _, n in denial_blind)} | "
        f"{sum(o for o, _ in denial_blind) / sum(n for _, n in denial_blind):.2f} |"
    )
    hateful = functional["total rule 1"]
    allowed = functional["total allowed"]
    rule3 = functional["total rule 3"]
    out.append("")
    out.append(BATCH_12_NOTE)
    out.append("")
    out.append(BATCH_13_NOTE)
    out.append("")
    out.append(BATCH_15_NOTE)
    out.append("")
    out.append(MODEL_NOTE)
    out.append("")
    out.append(SPEED_NOTE)
    out.append("")
    out.append(SPEED_NOTE_2)
    out.append("")
    out.append(f"- kcna-2024 ({kcna_total:,} sentences): rule-3 hits {kcna_hits} (fresh install)")
    out.append(
        f"- rule 1 hateful caught: {hateful[0] / hateful[1]:.2f}; all non-violating "
        f"messages allowed: {allowed[0] / allowed[1]:.2f}; rule 3 denial caught: "
        f"{rule3[0] / rule3[1]:.2f}"
    )
    out.append(
        f"- davidson-2017 held-out ({davidson['n']:,} tweets), hate class, whole engine "
        f"(any rule-1 hit): precision {davidson['precision']:.2f}, recall "
        f"{davidson['recall']:.2f} (Davidson et al.: 0.44 / 0.59; the model alone: see "
        f"data/rule1_model.json 'eval')"
    )
    section = "\n".join(out)
    print(section)
    if not args.no_write:
        write_results(section)
        print(f"\nwrote section 'moderation' in {RESULTS}")


if __name__ == "__main__":
    main()
