"""newsroom.yaml, the digest's word lists, read and parsed once.

:func:`bot.digest.domain.lexicon.newsroom` builds the vocabulary from it and
:func:`bot.digest.domain.readable.label_words` the label lists; both check a list with
:func:`word_list`.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=1)
def newsroom_yaml() -> dict[str, object]:
    """The shipped newsroom.yaml as parsed YAML (read once)."""
    text = resources.files("bot.digest").joinpath("data", "newsroom.yaml").read_text("utf-8")
    return parse_yaml(text)


def parse_yaml(text: str) -> dict[str, object]:
    """The YAML text of a newsroom.yaml: a mapping of names to word lists."""
    # The C loader when PyYAML has it (ten times faster); the same documents either way.
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(raw, dict):
        raise ValueError("newsroom.yaml must map names to word lists")
    return raw


def word_list(raw: dict[str, object], key: str) -> list[str]:
    """The word list ``key`` of parsed newsroom.yaml, case-folded, spaces normalised."""
    values = raw.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"newsroom.yaml: {key!r} must be a list of words")
    return [" ".join(v.casefold().split()) for v in values]
