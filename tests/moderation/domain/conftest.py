"""Shared fixtures for the moderation tests."""

from __future__ import annotations

import pytest

from bot.moderation.domain import ModerationEngine


@pytest.fixture(scope="session")
def engine() -> ModerationEngine:
    """A fresh install's engine: built-in detectors only."""
    return ModerationEngine()
