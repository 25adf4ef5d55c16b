"""XQuAD-en through /ask, gate off, with AnswerSettings changed by ``name=value`` (a guard for
/ask ranking and excerpt choices: the answer in the first excerpt / the first three).

    .venv/bin/python training/xquad_ask.py [--data ../shared/data] [name=value ...] [-- ...]

Each argument group separated by ``--`` is one setting; the first group may be empty (today's).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "training")]

import search_eval as ev  # noqa: E402

import bot.search.domain.answers as answers  # noqa: E402


def typed(items: list[str]) -> dict[str, object]:
    """``name=value`` pairs as AnswerSettings values of their field's type."""
    out: dict[str, object] = {}
    for item in items:
        name, value = item.split("=", 1)
        current = getattr(answers.SETTINGS, name)
        out[name] = (
            value in ("1", "true", "True") if isinstance(current, bool) else type(current)(value)
        )
    return out


def main() -> None:
    args = sys.argv[1:]
    data = ev.DATA
    if args[:1] == ["--data"]:
        data, args = Path(args[1]), args[2:]
    groups: list[list[str]] = [[]]
    for arg in args:
        if arg == "--":
            groups.append([])
        else:
            groups[-1].append(arg)
    articles, qs = ev.xquad(data)
    index = ev.build(articles)
    shipped = answers.SETTINGS
    for group in groups:
        answers.SETTINGS = dataclasses.replace(
            shipped,
            min_gate=-1e9,
            gate_per_decade=0.0,
            **typed(group),  # type: ignore[arg-type]
        )
        h1, h3 = ev.hit_rates(ev.answer_ranks(index, qs, k=5))
        print(f"{' '.join(group) or 'today'}: hit@1 {h1:.4f} hit@3 {h3:.4f} ({len(qs)} questions)")
    answers.SETTINGS = shipped


if __name__ == "__main__":
    main()
