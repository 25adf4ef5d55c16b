import pytest

from bot.core.markup import bold_terms, escape_markdown, neutralize_mentions, truncate


@pytest.mark.parametrize(
    "text", ["@everyone", "@here", "hi @EVERYONE", "<@123>", "<@&456>", "<@!7>"]
)
def test_mentions_are_neutralised(text):
    out = neutralize_mentions(text)
    assert "@everyone" not in out.lower() and "@here" not in out
    assert "<@1" not in out and "<@&4" not in out and "<@!7" not in out


def test_markdown_is_escaped():
    assert escape_markdown("*bold* _it_ ~~s~~ `c` ||spoiler|| [a](b)") == (
        r"\*bold\* \_it\_ \~\~s\~\~ \`c\` \|\|spoiler\|\| \[a\](b)"
    )
    assert escape_markdown("# heading\n> quote\n- item") == "\\# heading\n\\> quote\n\\- item"
    assert escape_markdown("one-thousand (x)") == "one-thousand (x)"


def test_truncate_respects_the_limit_and_marks_the_cut():
    text = "word " * 1000
    for limit in (1, 10, 256, 1024, 4096):
        cut = truncate(text, limit)
        assert len(cut) <= limit
        assert cut.endswith("…")
    assert truncate("short", 10) == "short"


def test_truncate_never_leaves_half_a_bold_marker():
    cut = truncate("a **bold phrase that goes on** and on", 12)
    assert cut.count("**") % 2 == 0


def test_bold_terms_bolds_whole_words_and_escapes_the_rest():
    out = bold_terms("Internet *access* in North Korea, internets", ["internet", "korea"])
    assert out == r"**Internet** \*access\* in North **Korea**, internets"
