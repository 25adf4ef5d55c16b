from pathlib import Path

import pytest

from bot.archive.domain.articles import derive_title
from bot.archive.domain.seed_dump import SeedDumpError, looks_like_seed_dump, parse_seed_dump

SEED = next((Path(__file__).parents[2] / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def dump():
    return parse_seed_dump(SEED.read_text(encoding="utf-8"), SEED.name)


def test_profile_has_name_description_and_exact_rules(dump):
    profile = dump.profile
    assert profile.name == "North Korea"
    assert profile.description == "Discussion & news related to North Korea."
    assert [(r.number, r.text) for r in profile.rules] == [
        (1, "No racism, sexism, homophobia, or transphobia."),
        (2, "Follow Lemmy's Code of Conduct."),
        (3, "No denying or belittling the humanitarian crisis in NK."),
    ]
    assert profile.founded == "1 year ago"


def test_seven_posts_with_bodies(dump):
    assert len(dump.posts) == 7
    assert all(post.body.strip() for post in dump.posts)


def test_titled_post_keeps_title_and_author(dump):
    titled = [post for post in dump.posts if post.has_own_title]
    assert [(p.title, p.author) for p in titled] == [("Kim Yo-jong", "catatomic")]
    assert titled[0].body.startswith("I've been out of the loop")


def test_untitled_posts_get_short_readable_titles(dump):
    for post in dump.posts:
        if post.has_own_title:
            continue
        assert 10 <= len(post.title) <= 72
        assert "\n" not in post.title
        assert post.body.startswith(post.title.rstrip("…"))
    assert dump.posts[0].title.startswith("The latest Digital 2024 Global Reports")


def test_paragraphs_are_kept_apart(dump):
    first = dump.posts[0].body
    assert first.count("\n\n") == 2
    assert "fewer than 1,000 people" in first


def test_is_sniffed_by_content():
    assert looks_like_seed_dump(SEED.read_text(encoding="utf-8"))
    assert not looks_like_seed_dump("# A markdown article\n\nRules: none here.\n")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("", 1, "community name"),
        ("Name\n\nRules:\n\n  1. One\n  3. Three\nMODERATORS\n1\n\u00a0\n\nbody\n", 6, "rule 2"),
        ("Name\n\nRules:\n\n  1. One\n", 5, "MODERATORS"),
        ("Name\nRules:\n  1. One\nMODERATORS\n", 4, "no post"),
        (
            "Name\nRules:\n\nfounded 2 years ago\nMODERATORS\n1\n\u00a0\nbody\n",
            2,
            "no numbered rule",
        ),
        (
            "Name\nRules:\n 1. A\nMODERATORS\n1\n\u00a0\nbody\nsubmitted 1 day ago by x\n",
            8,
            "submitted",
        ),
        ("Name\x00\nRules:\n", 1, "NUL"),
    ],
)
def test_damaged_dumps_name_the_line(text, line, fragment):
    with pytest.raises(SeedDumpError) as info:
        parse_seed_dump(text, "broken.txt")
    assert info.value.line == line
    assert str(info.value).startswith(f"broken.txt:{line}:")
    assert fragment in str(info.value)


def test_a_number_alone_in_a_body_is_text_not_a_new_post():
    text = "Name\nRules:\n 1. A\nMODERATORS\n1\n\u00a0\n\nThe year was\n\n2024\n\nand more.\n"
    dump = parse_seed_dump(text)
    assert len(dump.posts) == 1
    assert "2024" in dump.posts[0].body


def test_derive_title_cuts_at_a_word():
    assert derive_title("Short sentence. Another one.") == "Short sentence"
    long = "word " * 40
    title = derive_title(long)
    assert title.endswith("…") and len(title) <= 72
    assert derive_title("   ") == "Untitled"
