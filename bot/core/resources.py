"""Where the bot's shipped data lives: seeds/ and digests/ at the repository's top level in a
checkout, and the same folders inside the installed package (``bot/bundled/``) in a wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED = ("seeds", "digests")


def bundled_dir(name: str) -> Path:
    """The shipped folder ``name`` ("seeds" or "digests"): the wheel's copy when installed, else
    the checkout's top-level folder (a checkout and an editable install have no bot/bundled/)."""
    if name not in BUNDLED:
        raise ValueError(f"no bundled folder named {name!r}")
    packaged = resources.files("bot.bundled").joinpath(name)
    if packaged.is_dir():
        return Path(str(packaged)).resolve()
    return Path(__file__).resolve().parents[2] / name
