"""Shared test helpers (not fixtures): paths into the repository, never into ../shared."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_FILE = next(SEEDS.glob("*.txt"))
