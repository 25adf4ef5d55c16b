from bot.archive.domain.near_duplicates import (
    NearDuplicateIndex,
    is_near_duplicate,
    jaccard,
    simhash,
)

STORY = (
    "The latest Digital 2024 Global Reports showed that only fewer than 1,000 people in North Korea "
    "have access to the Internet. This small group of people is likely composed of foreign "
    "expatriates and those coming from North Korea's political elite. The report also showed that "
    "there are currently 7.51 million mobile connections in North Korea."
)
OTHER = (
    "Russia plans to build an industrial and trade park to showcase goods from North Korea and "
    "China, according to a government official in charge of a region along the DPRK border, who "
    "announced the scheme on Sunday during a visit to China."
)


def test_small_edits_are_near_duplicates_and_other_stories_are_not():
    edited = STORY.replace("only fewer", "fewer").replace("likely", "probably") + " Updated."
    assert is_near_duplicate(STORY, edited)
    assert not is_near_duplicate(STORY, OTHER)
    assert jaccard(STORY, STORY) == 1.0


def test_index_finds_the_edited_story_only():
    index = NearDuplicateIndex()
    index.add("story", simhash(STORY))
    index.add("other", simhash(OTHER))
    edited = STORY.replace("North Korea's", "the North's")
    assert index.candidates(simhash(edited))[0] == "story"
    assert "story" not in index.candidates(simhash(OTHER))


def test_short_texts_have_no_fingerprint():
    assert simhash("too short to say") == 0
    assert NearDuplicateIndex().candidates(0) == []


def test_fingerprint_fits_sqlite_integer():
    value = simhash(STORY)
    assert -(2**63) <= value < 2**63
    assert value == simhash(STORY)
