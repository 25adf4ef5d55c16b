"""The seeds/ and digests/ folders, copied here when the wheel is built (see pyproject.toml)."""
