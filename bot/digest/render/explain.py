"""`digestbot digest --explain`: every story of the week, its score and the reasons for it."""

from __future__ import annotations

from typing import Any

from bot.digest.domain.model import Digest, RankedStory


def render_explanation(digest: Digest) -> str:
    """The ranking as text: one block per story, best first, with each signal's part."""
    if digest.is_empty:
        return digest.empty_reason or "Nothing to rank."
    lines = [
        f"Ranking of {digest.week} ({digest.timezone}): {digest.total_articles} articles, "
        f"{digest.total_stories} stories, {len(digest.highlighted)} highlighted (★).",
        "score = sum of signal × weight, then × each factor; roundups never lead.",
    ]
    for number, story in enumerate(digest.ranking, start=1):
        mark = "★" if story.highlighted else " "
        lines.append("")
        lines.append(
            f"{number:>3}. {mark} {story.score:.3f}  {story.title}  "
            f"[{story.kind}, {story.reports} report{'s' if story.reports != 1 else ''}, "
            f"topic: {story.topic_label}]"
        )
        if story.folded_into:
            lines.append(f"        shown with: {story.folded_into}")
        for reason in story.importance.reasons:
            lines.append(
                f"        {reason.signal:<10} {reason.value:.2f} × {reason.weight:.2f}"
                f" = {reason.points:.3f}  {reason.text}"
            )
        for text, factor in story.importance.factors:
            lines.append(f"        × {factor:.2f}  {text}")
    return "\n".join(lines) + "\n"


def ranking_to_json(digest: Digest) -> list[dict[str, Any]]:
    """The ranking for the JSON document (``--json --explain``)."""
    return [_story_json(story) for story in digest.ranking]


def _story_json(story: RankedStory) -> dict[str, Any]:
    return {
        "title": story.title,
        "kind": story.kind,
        "score": story.score,
        "reports": story.reports,
        "highlighted": story.highlighted,
        "folded_into": story.folded_into,
        "article_ids": list(story.article_ids),
        "topic": story.topic_label,
        "reasons": [
            {
                "signal": reason.signal,
                "value": round(reason.value, 4),
                "weight": reason.weight,
                "text": reason.text,
            }
            for reason in story.importance.reasons
        ],
        "factors": [{"factor": factor, "text": text} for text, factor in story.importance.factors],
    }
