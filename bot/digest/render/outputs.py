"""Rendering a weekly digest: the Markdown archive page, Discord payloads, chart and JSON.

The public surface for the digest service, the CLI and the cogs; the work is done in
digest_templates (Jinja2 and escaping), digest_discord (payloads within Discord's limits) and
digest_chart (the PNG).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.digest.domain.build import Digest
from bot.digest.domain.weeks import describe_week_span
from bot.digest.render.chart import render_chart_png
from bot.digest.render.messages import payload_violations, render_discord_messages
from bot.digest.render.templates import digest_environment, templates_dir

__all__ = [
    "chart_filename",
    "digest_to_json",
    "payload_violations",
    "render_chart_png",
    "render_discord_messages",
    "render_markdown",
    "templates_dir",
]

_BLANK_RUNS = re.compile(r"\n{3,}")


def chart_filename(digest: Digest) -> str:
    """The file name the chart is attached or saved under, e.g. "digest-2024-W40.png"."""
    return f"digest-{digest.week}.png"


def render_markdown(
    digest: Digest, chart_filename: str | None, *, templates: Path | None = None
) -> str:
    """The digest's archive page in Markdown, linking the chart when a file name is given."""
    template = digest_environment(templates).get_template("digest.md.j2")
    text = template.render(
        digest=digest,
        span=describe_week_span(digest.start, digest.end, with_year=True),
        chart_filename=chart_filename,
    )
    # Templates stay readable with generous blank lines; the page gets one between blocks.
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def digest_to_json(digest: Digest, *, templates: Path | None = None) -> dict[str, Any]:
    """The `digestbot digest --json` contract: week, articles, topics and message payloads."""
    return {
        "week": digest.week,
        "timezone": digest.timezone,
        "start": digest.start.isoformat(),
        "end": digest.end.isoformat(),
        "total_articles": digest.total_articles,
        "empty_reason": digest.empty_reason,
        "articles": [
            {
                "article_id": item.article_id,
                "title": item.title,
                "url": item.url,
                "summary": item.summary,
                "source": item.source,
                "published": item.published.isoformat(),
                "topic": item.topic,
                "score": item.score,
            }
            for item in digest.highlighted
        ],
        "topics": [
            {
                "label": topic.label,
                "article_ids": [item.article_id for item in topic.highlighted],
                "more": topic.more,
            }
            for topic in digest.topics
        ],
        "messages": render_discord_messages(digest, templates=templates),
    }
