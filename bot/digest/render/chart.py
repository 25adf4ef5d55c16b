"""The digest's chart: articles per day of the week, stacked by topic, as a PNG (matplotlib Agg)."""

from __future__ import annotations

import io
import warnings

from bot.digest.domain.build import Digest
from bot.digest.render.messages import topic_colour

CHART_SIZE_INCHES = (8.0, 4.0)
CHART_DPI = 100
_LEGEND_LABEL_CHARS = 48


def render_chart_png(digest: Digest) -> bytes:
    """Stacked bars of the week's articles per day by topic, as PNG bytes (no pyplot state)."""
    with warnings.catch_warnings():
        # A label in a script DejaVu Sans lacks (Korean, say) shows boxes; that is no error.
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        return _draw(digest)


def _draw(digest: Digest) -> bytes:
    # matplotlib takes ~0.5 s to import: only the chart pays for it, on first use.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    days = sorted(digest.per_day)
    labels = [topic.label for topic in digest.topics]
    # Topics of the per-day counts that have no highlight still need a bar segment.
    for counts in digest.per_day.values():
        labels.extend(label for label in counts if label not in labels)
    figure = Figure(figsize=CHART_SIZE_INCHES, dpi=CHART_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(days)))
    bottoms = [0] * len(days)
    for index, label in enumerate(labels):
        heights = [digest.per_day[day].get(label, 0) for day in days]
        axes.bar(
            positions,
            heights,
            bottom=bottoms,
            color=f"#{topic_colour(index):06x}",
            label=_plain(label),
            width=0.7,
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    axes.set_xticks(positions, [f"{day:%a} {day.day}" for day in days])
    axes.set_ylabel("articles")
    axes.set_title(f"Articles per day by topic, {digest.week} ({_plain(digest.timezone)})")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    if labels:
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    else:
        axes.text(
            0.5, 0.5, "No articles this week", ha="center", va="center", transform=axes.transAxes
        )
        axes.set_ylim(0, 1)
    figure.tight_layout()
    buffer = io.BytesIO()
    # No Software metadata: the same digest gives the same bytes on the same machine.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _plain(text: str) -> str:
    """A label safe for matplotlib: '$' would start mathtext, and legends want short text."""
    short = text if len(text) <= _LEGEND_LABEL_CHARS else text[: _LEGEND_LABEL_CHARS - 1] + "…"
    return short.replace("$", r"\$")
