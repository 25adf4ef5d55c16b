"""Errors every layer may need to recognise, with no dependency of their own."""

from __future__ import annotations


class DatabaseError(RuntimeError):
    """The database cannot be used: unreadable, damaged, or newer than this code."""


class StorageUnavailable(DatabaseError):
    """A write failed because the storage cannot be written now (full, read-only, gone)."""

    def user_message(self) -> str:
        return f"The bot's database cannot be written right now: {self}. Nothing was saved."
