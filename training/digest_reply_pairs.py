"""Does a statement's text answer another report's statement? A story-pair screen (issue 15,
round 12).

    .venv/bin/python training/digest_reply_pairs.py

For every judged development week: every two stories at most 2 days apart, both judged, where
the first is a statement (its headline names who spoke: "Crucial Statement of DPRK Foreign
Ministry" -> "Foreign Ministry") and a sentence of the second's bodies names that speaker and
a "statement" (Kim Yo Jong: "As soon as the Foreign Ministry of the DPRK issued a crucial
statement ..."). Roundups (press reviews) are left out: they never join an event. A *same*
pair tells one judged story, a *distinct* pair two. The link is chosen leave one week out (on
when, on the other weeks, it catches more same pairs than distinct ones). Nothing ships from
here by itself.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "training")]

from digest_judging import article_owners, default_kcna_path, load_kcna  # noqa: E402
from tune_digest import TZ, dev_judgements  # noqa: E402

from bot.digest.domain.build import analyse_week, select_week_articles  # noqa: E402
from bot.digest.domain.copies import is_title_only  # noqa: E402
from bot.digest.domain.events import tells_statement  # noqa: E402
from bot.digest.domain.weeks import iso_week_bounds  # noqa: E402

DAYS = 2
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_SAID = re.compile(
    r"\b(?:Statement|Statements|Commentary|Answers?|Press Release|Memorandum)\s+(?:of|by)\s+(.+)$"
)
_ROLE = re.compile(
    r"^(?:the\s+)?(?:DPRK\s+|Spokesperson for\s+|Spokesman for\s+|Spokeswoman for\s+)+"
)


def speaker(title: str) -> str | None:
    """Who spoke, from a statement's headline, without "DPRK" and the spokesperson's role."""
    found = _SAID.search(title)
    if not found:
        return None
    who = _ROLE.sub("", found.group(1).split(",")[0]).strip()
    return re.sub(r"\s+of\s+DPRK.*$", "", who).strip() or None


def week_rows(articles: list[Any], name: str, judgement: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(week, same story?, first title, second title, speaker) of every pair the link joins."""
    start, end = iso_week_bounds(name, TZ)
    selected = select_week_articles(articles, start, end)
    week = analyse_week(selected, articles, start, TZ)
    owner = article_owners(judgement)
    info = []
    for story in week.stories:
        members = [selected[i] for c in story.items for i in week.copies[c].members]
        keys = Counter(owner[a.id] for a in members if a.id in owner)
        title = week.copies[story.items[0]].title
        info.append(
            (
                keys.most_common(1)[0][0] if keys else None,
                speaker(title) if tells_statement(title) else None,
                [s for a in members if not is_title_only(a) for s in _SENTENCE.split(a.body)],
                [week.copies[c].day.toordinal() for c in story.items],
                title,
                story.kind,
            )
        )
    rows = []
    for a, (key_a, said, _, days_a, title_a, _) in enumerate(info):
        if said is None or key_a is None:
            continue
        for b, (key_b, _, sentences, days_b, title_b, kind) in enumerate(info):
            if b == a or key_b is None or kind == "roundup":
                continue
            if min(abs(x - y) for x in days_a for y in days_b) > DAYS:
                continue
            if any(said in s and "statement" in s.casefold() for s in sentences):
                rows.append((name, key_a == key_b, title_a[:60], title_b[:60], said))
    return rows


def main() -> int:
    articles = sorted(load_kcna(default_kcna_path(ROOT)), key=lambda a: a.published)
    judgements = {k: v for k, v in sorted(dev_judgements().items()) if v["stories"]}
    rows = [row for name, j in judgements.items() for row in week_rows(articles, name, j)]
    same = sum(r[1] for r in rows)
    print(f"pairs joined in-sample: {len(rows)}, same story {same}, distinct {len(rows) - same}")
    for row in rows:
        print("  ", row)
    held = [0, 0]
    for name in judgements:
        train = [r for r in rows if r[0] != name]
        on = sum(r[1] for r in train) > sum(not r[1] for r in train)
        test = [r for r in rows if r[0] == name] if on else []
        held[0] += sum(r[1] for r in test)
        held[1] += sum(not r[1] for r in test)
    print(f"held out: {held[0]} same pairs joined, {held[1]} distinct pairs joined")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
