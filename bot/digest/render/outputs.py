"""Rendering a weekly digest: the Markdown archive page, Discord payloads, chart and JSON.

The public surface for the digest service, the CLI and the cogs; the work is done in
templates (Jinja2 and escaping), messages (payloads within Discord's limits), chart (the PNG)
and explain (the ranking's reasons).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.digest.domain.build import Digest
from bot.digest.domain.weeks import describe_week_span
from bot.digest.render.chart import render_chart_png
from bot.digest.render.explain import ranking_to_json, render_explanation
from bot.digest.render.messages import payload_violations, render_discord_messages
from bot.digest.render.templates import digest_environment, templates_dir

__all__ = [
    "chart_filename",
    "digest_to_json",
    "payload_violations",
    "render_chart_png",
    "render_discord_messages",
    "render_explanation",
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


def digest_to_json(
    digest: Digest, *, templates: Path | None = None, explain: bool = False
) -> dict[str, Any]:
    """The `digestbot digest --json` contract: week, articles, topics and message payloads.

    Each entry of ``articles`` is one highlight (an event, a series or a roundup): its lead
    report's id, title, url and date, plus every report it cites. With ``explain``, a
    ``ranking`` lists every story of the week with the reasons of its score.
    """
    document: dict[str, Any] = {
        "week": digest.week,
        "timezone": digest.timezone,
        "start": digest.start.isoformat(),
        "end": digest.end.isoformat(),
        "total_articles": digest.total_articles,
        "total_stories": digest.total_stories,
        "undated": digest.undated,
        "empty_reason": digest.empty_reason,
        "articles": [
            {
                "article_id": item.article_id,
                "title": item.title,
                "url": item.url,
                "summary": item.summary,
                "source": item.source,
                "published": item.published.isoformat(),
                "approximate_date": item.approximate,
                "first": item.first.isoformat(),
                "last": item.last.isoformat(),
                "topic": item.topic,
                "score": item.score,
                "kind": item.kind,
                "pattern": item.pattern,
                "slots": list(item.slots),
                "report_count": item.report_count,
                "reports": [
                    {
                        "article_id": report.article_id,
                        "title": report.title,
                        "url": report.url,
                        "published": report.published.isoformat(),
                    }
                    for report in item.reports
                ],
            }
            for item in digest.highlighted
        ],
        "topics": [
            {
                "label": topic.label,
                "article_ids": [item.article_id for item in topic.highlighted],
                "more": topic.more,
                "articles": topic.articles,
            }
            for topic in digest.topics
        ],
        "messages": render_discord_messages(digest, templates=templates),
    }
    if explain:
        document["ranking"] = ranking_to_json(digest)
    return document
