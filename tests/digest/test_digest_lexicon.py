"""The newsroom vocabulary (bot/digest/data/newsroom.yaml) and its shipped examples."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from bot.digest.domain.glued import unglue
from bot.digest.domain.lexicon import newsroom, parse_newsroom, strip_honorifics
from bot.digest.domain.summary import is_boilerplate

EXAMPLES = yaml.safe_load(
    resources.files("bot.digest").joinpath("data", "newsroom.yaml").read_text("utf-8")
)["examples"]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES["strip_honorifics"])
def test_forms_of_address_go_and_names_stay(text: str, expected: str) -> None:
    assert strip_honorifics(text) == expected


@pytest.mark.parametrize("title", EXAMPLES["roundup_titles"])
def test_roundup_titles(title: str) -> None:
    assert newsroom().is_roundup_title(title)


@pytest.mark.parametrize("title", EXAMPLES["not_roundup_titles"])
def test_titles_that_are_no_roundup(title: str) -> None:
    assert not newsroom().is_roundup_title(title)


@pytest.mark.parametrize("sentence", EXAMPLES["entourage"])
def test_entourage_sentences(sentence: str) -> None:
    assert newsroom().lists_entourage(sentence)


@pytest.mark.parametrize("sentence", EXAMPLES["boilerplate"])
def test_praise_is_boilerplate(sentence: str) -> None:
    assert is_boilerplate(sentence)


@pytest.mark.parametrize("sentence", EXAMPLES["not_boilerplate"])
def test_news_is_not_boilerplate(sentence: str) -> None:
    assert not is_boilerplate(sentence)


def test_glued_words_are_split_but_names_with_capitals_inside_stay() -> None:
    assert unglue("HEKim Jong Un met McDonald and iPhone users") == (
        "HE Kim Jong Un met McDonald and iPhone users"
    )
    # A name glued to the next word is split only when the name stands alone elsewhere.
    assert (
        unglue("Ri Il Hwan spoke. Ri Il Hwanmet them.") == "Ri Il Hwan spoke. Ri Il Hwan met them."
    )
    assert unglue("Under the Unsan County plan") == "Under the Unsan County plan"


def test_a_damaged_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError, match="'address' must be a list"):
        parse_newsroom("address: respected\n")
    with pytest.raises(ValueError, match="must map names"):
        parse_newsroom("- a\n- b\n")
