"""Shared fixtures for the moderation tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.moderation.domain import ModerationEngine

# functional_cases.py is a data module beside the tests; the bench imports it the same way.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def engine() -> ModerationEngine:
    """A fresh install's engine: built-in detectors only."""
    return ModerationEngine()
