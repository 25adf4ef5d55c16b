"""Rule 3 on thread replies judged against what they answer (issue 14, replies).

Usage: .venv/bin/python training/rule3_threads.py [--show]

Reads the dev files of training/data/rule3/dev whose rows carry a ``headline`` (the news post a
reply answers, e.g. seen_blind_2026_12_06m) and scores each row three ways with the shipped
engine: the text alone, the text as a Discord reply to the headline (``MessageInput.
replied_text``, the bot's own path), and the headline as a quoted line ('> headline' then the
text). Prints denial caught, ok allowed and wrongful removals per way, and per kind; with
--show, the rows whose outcome differs between the text alone and the reply.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.moderation.domain import MessageInput  # noqa: E402
from training.eval_dev import engine_with  # noqa: E402

DEV = ROOT / "training/data/rule3/dev"


def threaded_rows() -> list[dict[str, str]]:
    """Every dev row with a headline."""
    rows: list[dict[str, str]] = []
    for path in sorted(DEV.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("headline"):
                    rows.append(row)
    return rows


WAYS = {
    "text alone": lambda r: MessageInput(text=r["text"]),
    "reply to the headline": lambda r: MessageInput(text=r["text"], replied_text=r["headline"]),
    "headline quoted": lambda r: MessageInput(text=f"> {r['headline']}\n{r['text']}"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    engine = engine_with(None, None)
    rows = threaded_rows()
    outcomes: dict[str, list[str]] = {}
    for way, make in WAYS.items():
        outcomes[way] = [engine.check(make(r)).outcome for r in rows]
        den = [o for r, o in zip(rows, outcomes[way], strict=True) if r["label"] == "denial"]
        ok = [o for r, o in zip(rows, outcomes[way], strict=True) if r["label"] != "denial"]
        caught = sum(o != "allow" for o in den)
        allowed = sum(o == "allow" for o in ok)
        removed = sum(o == "remove" for o in ok)
        print(
            f"{way:<22} denial caught {caught}/{len(den)} ({caught / max(1, len(den)):.3f}), "
            f"ok allowed {allowed}/{len(ok)} ({allowed / max(1, len(ok)):.3f}), "
            f"wrongful removals {removed}"
        )
        kinds: dict[str, list[bool]] = defaultdict(list)
        for r, o in zip(rows, outcomes[way], strict=True):
            kinds[("+" if r["label"] == "denial" else "-") + r["kind"]].append(
                (o != "allow") == (r["label"] == "denial")
            )
        print("  " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(kinds.items())))
    if args.show:
        alone, reply = outcomes["text alone"], outcomes["reply to the headline"]
        for r, a, b in zip(rows, alone, reply, strict=True):
            if a != b:
                print(f"  [{r['label']}/{r['kind']}] {a} -> {b}: {r['text'][:120]}")
                print(f"      under: {r['headline'][:100]}")


if __name__ == "__main__":
    main()
