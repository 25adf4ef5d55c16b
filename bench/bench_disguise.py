"""Rule 1 under disguise and as questions: does a verdict survive the tricks members use?

    python bench/bench_disguise.py [--lowo] [--limit 800] [--seed 52] [--show NAME]

Takes rule-1 lines from held-out material only: the dev files (training/data/rule1/dev/*.jsonl,
shipped models) and, with --lowo, the training files each scored by a model fitted without its
writer (training/eval_dev.py's helpers). Never tests/. Up to --limit hateful and --limit ok lines
per source, drawn with a seeded generator.

Each line's *key word* is the one a member would disguise: its first slur, else its first group
word (the rule-1 lexicon's groups, singulars and adjectives), else its longest word of four or
more letters (so ok lines are disguised alike). The transformations, each seeded per line:

- nospace_phrase: the key word run together with the words either side ('ihatemuslimsso').
- nospace_all: every space of the message removed.
- space_inside: one space inside the key word ('Mus lims').
- swap: two adjacent letters of the key word swapped, the first letter kept ('Mulsims').
- drop: one letter of the key word dropped, the first kept ('Muslms').
- double: one letter of the key word doubled ('Musslims').
- leet: a->4, e->3, i->1, o->0, s->5 in the key word ('Mu5l1m5').
- punct_one: one of . - * _ inside the key word ('Mus.lims').
- punct_all: one mark between every letter ('M.u.s.l.i.m.s').
- zero_width: U+200B between every letter of the key word.
- emoji: one emoji inside the key word ('Mus😂lims').
- q_isnt_it_true / q_dont_you_think: "Isn't it true that <line>?", "Don't you think <line>?"
- q_why: "<Group> are <rest>." asked as "Why are <group> <rest>?" (one-sentence lines of that
  shape only).

Question frames take one-sentence lines without a question mark. A transformation that leaves
the line unchanged (no key word, too short) skips it. Reported per transformation, against the
undisguised line's verdict: hateful lines caught undisguised that are still caught, ok lines
allowed undisguised that are still allowed, and ok lines removed in disguise.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import ModerationEngine, Verdict  # noqa: E402
from training import eval_dev, train_rule1_statements  # noqa: E402
from training.linear_training import fit_model  # noqa: E402

Row = eval_dev.Row
LEXICON = ROOT / "bot/moderation/data/lexicon_rule1.json"
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"}
_EMOJI = ["😂", "🤡", "💀", "🙄", "🔥"]
_MARKS = [".", "-", "*", "_"]
_WHY = re.compile(r"^((?:[A-Za-z]+ ){0,2}[A-Za-z]+) (are|is) ([^.!?]+?)[.!]*$")


def _lexicon_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = json.loads(LEXICON.read_text(encoding="utf-8"))
    slurs = frozenset(w for w in raw["slurs"] if w.isalpha())
    groups = {
        w for key in ("groups", "singulars", "adjectives") for ws in raw[key].values() for w in ws
    }
    return slurs, frozenset(w for w in groups if w.isalpha())


SLURS, GROUPS = _lexicon_words()


def key_span(text: str) -> tuple[int, int] | None:
    """Where the key word is (see the module docstring), or None."""
    words = list(_WORD.finditer(text))
    for wanted in (SLURS, GROUPS):
        for m in words:
            if m.group().lower() in wanted and len(m.group()) >= 3:
                return m.span()
    long = [m for m in words if len(m.group()) >= 4 and m.group().isalpha()]
    if not long:
        return None
    best = max(long, key=lambda m: len(m.group()))
    return best.span()


def _in_key(edit: Callable[[str, random.Random], str]) -> Callable[[str, random.Random], str]:
    def apply(text: str, rng: random.Random) -> str:
        span = key_span(text)
        if span is None:
            return text
        a, b = span
        return text[:a] + edit(text[a:b], rng) + text[b:]

    return apply


def _inside(word: str, rng: random.Random, piece: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(2, len(word) - 1)
    return word[:i] + piece + word[i:]


def _swap(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _drop(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word))
    return word[:i] + word[i + 1 :]


def _double(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    return word[: i + 1] + word[i] + word[i + 1 :]


def _leet(word: str, rng: random.Random) -> str:
    return "".join(_LEET.get(c.lower(), c) for c in word)


def _between(word: str, rng: random.Random, mark: str) -> str:
    return mark.join(word)


def nospace_phrase(text: str, rng: random.Random) -> str:
    span = key_span(text)
    if span is None:
        return text
    a, b = span
    left = text[:a].rstrip(" ")
    right = text[b:].lstrip(" ")
    left_cut = left.rfind(" ") + 1
    right_cut = right.find(" ")
    right_cut = len(right) if right_cut < 0 else right_cut
    middle = left[left_cut:] + text[a:b] + right[:right_cut]
    return text[:left_cut] + middle + right[right_cut:]


def question_frame(frame: str) -> Callable[[str, random.Random], str]:
    def apply(text: str, rng: random.Random) -> str:
        line = text.strip()
        if "?" in line or re.search(r"[.!]\s+\S", line) or "\n" in line:
            return text
        line = line.rstrip(".! ")
        if len(line) > 1 and line[1].islower():
            line = line[0].lower() + line[1:]
        return frame.format(line)

    return apply


def why_question(text: str, rng: random.Random) -> str:
    m = _WHY.match(text.strip())
    if m is None or "?" in text:
        return text
    subject, verb, rest = m.groups()
    if subject.split()[0].lower() in {"i", "it", "this", "that", "there", "he", "she"}:
        return text
    subject = subject[0].lower() + subject[1:] if subject[1:2].islower() else subject
    return f"Why {verb} {subject} {rest}?"


TRANSFORMS: dict[str, Callable[[str, random.Random], str]] = {
    "nospace_phrase": nospace_phrase,
    "nospace_all": lambda t, r: re.sub(r"\s+", "", t),
    "space_inside": _in_key(lambda w, r: _inside(w, r, " ")),
    "swap": _in_key(_swap),
    "drop": _in_key(_drop),
    "double": _in_key(_double),
    "leet": _in_key(_leet),
    "punct_one": _in_key(lambda w, r: _inside(w, r, r.choice(_MARKS))),
    "punct_all": _in_key(lambda w, r: _between(w, r, r.choice(_MARKS))),
    "zero_width": _in_key(lambda w, r: _between(w, r, "\u200b")),
    "emoji": _in_key(lambda w, r: _inside(w, r, r.choice(_EMOJI))),
    "q_isnt_it_true": question_frame("Isn't it true that {}?"),
    "q_dont_you_think": question_frame("Don't you think {}?"),
    "q_why": why_question,
}


def sample(rows: list[Row], limit: int, seed: int) -> list[Row]:
    """Up to ``limit`` hateful and ``limit`` ok lines, seeded."""
    rng = random.Random(seed)
    out: list[Row] = []
    for positive in (True, False):
        part = [r for r in rows if r.positive == positive]
        out += part if limit <= 0 or len(part) <= limit else rng.sample(part, limit)
    return out


def disguise(rows: list[Row], seed: int) -> list[tuple[Row, str, str]]:
    """(row, transformation, disguised text) for every transformation that changes the row."""
    out = []
    for row in rows:
        for name, transform in TRANSFORMS.items():
            text = transform(row.text, random.Random(f"{seed}:{name}:{row.text}"))
            if text != row.text:
                out.append((row, name, text))
    return out


Scored = list[tuple[Row, str, str, Verdict, Verdict]]


def run(engine: ModerationEngine, rows: list[Row], seed: int) -> Scored:
    from bot.moderation.domain import MessageInput

    base = {r.text: engine.check(MessageInput(text=r.text)) for r in rows}
    return [
        (row, name, text, base[row.text], engine.check(MessageInput(text=text)))
        for row, name, text in disguise(rows, seed)
    ]


def table(title: str, scored: Scored) -> list[str]:
    lines = [
        f"\n{title}",
        "| transformation | hateful still caught | ok still allowed | ok removed in disguise |",
        "|---|---|---|---|",
    ]
    share = eval_dev.share
    for name in TRANSFORMS:
        got = [s for s in scored if s[1] == name]
        hate = [after for row, _, _, before, after in got if row.positive and not before.allowed]
        ok = [after for row, _, _, before, after in got if not row.positive and before.allowed]
        removed = sum(after.outcome == "remove" for after in ok)
        lines.append(
            f"| {name} | {share(sum(not v.allowed for v in hate), len(hate))} | "
            f"{share(sum(v.allowed for v in ok), len(ok))} | {removed} |"
        )
    return lines


def lowo(limit: int, seed: int) -> Scored:
    """Training files, each scored by a statements model fitted without its writer."""
    rows = eval_dev.read_rows(1, "train_*.jsonl")
    training = train_rule1_statements.training_rows()
    groups = {g for *_, g in training.rows}
    scored: Scored = []
    full = None
    for held in sorted({r.source for r in rows}):
        if held in groups:
            model = fit_model(training, held)
        else:
            full = full or fit_model(training)
            model = full
        mine = sample([r for r in rows if r.source == held], limit // 8 or 0, seed)
        scored += run(eval_dev.engine_with(model, None), mine, seed)
        print(f"  held out {held}", file=sys.stderr)
    return scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lowo", action="store_true", help="also the training files, LOWO")
    parser.add_argument("--limit", type=int, default=800, help="lines per label (0: all)")
    parser.add_argument("--seed", type=int, default=52)
    parser.add_argument("--show", help="print the changed verdicts of one transformation")
    args = parser.parse_args()
    dev = sample(eval_dev.read_rows(1, "dev/*.jsonl"), args.limit, args.seed)
    parts = [("dev files (shipped models)", run(eval_dev.engine_with(None, None), dev, args.seed))]
    if args.lowo:
        parts.append(("training files, leave-one-writer-out", lowo(args.limit, args.seed)))
    for title, scored in parts:
        print("\n".join(table(title, scored)))
        if args.show:
            for row, name, text, before, after in scored:
                if name == args.show and before.allowed != after.allowed:
                    tag = "LOST" if row.positive else "NEW-FLAG"
                    print(f"  {tag} {text[:150]!r}  <- {row.text[:80]!r}")


if __name__ == "__main__":
    main()
