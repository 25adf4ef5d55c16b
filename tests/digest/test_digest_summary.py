"""Summaries that carry the news: who did what, where and when; no praise, no entourage."""

from __future__ import annotations

from bot.archive.domain.summary import split_sentences
from bot.digest.domain.build import build_digest
from bot.digest.domain.summary import clean_sentence, series_summary, summarize_event
from tests.digest.support import EXAMPLE_WEEK, SEOUL, example_week, make_article

LEAD = (
    "Pyongyang, October 8 (EW) -- Kim Jong Un, general secretary of the Workers' Party of Korea "
    "and president of the State Affairs, watched a test-fire of a new solid-fuel missile at the "
    "Sohae launching ground on Tuesday."
)


def test_the_appositive_titles_and_the_dateline_go() -> None:
    assert clean_sentence(LEAD) == (
        "Kim Jong Un watched a test-fire of a new solid-fuel missile at the Sohae launching "
        "ground on Tuesday."
    )


def test_praise_and_entourage_sentences_are_skipped() -> None:
    body = "\n".join(
        [
            "Pyongyang, October 7 (EW) -- The Central Committee of the great Workers' Party of "
            "Korea is vigorously leading the efforts of all the people with boundless loyalty.",
            "He was accompanied by Jo Yong Won, Pak Jong Chon and Kim Jae Ryong, officials.",
            "Farmers of Jaeryong County have harvested 12 tonnes of rice per hectare this year.",
        ]
    )
    summary = summarize_event(make_article("h", body, None), "Bumper Harvest in Jaeryong")
    assert summary.startswith("Farmers of Jaeryong County have harvested 12 tonnes")
    assert "vigorously" not in summary and "accompanied" not in summary


def test_the_sentence_that_tells_the_headline_wins_over_rhetoric() -> None:
    body = "\n".join(
        [
            "Pyongyang, October 16 (EW) -- The whole country is full of the will to defend itself.",
            "The young people are determined to turn out for the defence of the country.",
            "More than 1.4 million young people volunteered to join or rejoin the army on "
            "October 14 and 15, according to data available.",
        ]
    )
    summary = summarize_event(
        make_article("v", body, None), "Many Young People Volunteer to Join or Rejoin Army"
    )
    assert summary.startswith("More than 1.4 million young people volunteered")


def test_summaries_fit_300_characters_and_a_photo_gets_its_title() -> None:
    long = "This sentence names Sinuiju and goes on " + "and on " * 200 + "until it ends."
    assert len(summarize_event(make_article("l", long, None), "Sinuiju")) <= 300
    photo = make_article("p", "", None, title="Respected Comrade Kim Jong Un Visits a Farm")
    assert summarize_event(photo, photo.title) == "Kim Jong Un Visits a Farm"


def test_every_example_summary_tells_news_without_forms_of_address() -> None:
    articles = example_week()
    digest = build_digest(articles, EXAMPLE_WEEK, SEOUL, history=articles)
    for item in digest.highlighted:
        assert 0 < len(item.summary) <= 300
        assert "Respected" not in item.summary and "Comrade" not in item.summary
        assert "vigorously" not in item.summary


def test_a_series_summary_lists_its_slots_with_their_days() -> None:
    from datetime import datetime

    days = [datetime(2024, 10, 7, 9, tzinfo=SEOUL), datetime(2024, 10, 9, 9, tzinfo=SEOUL)]
    assert series_summary(["Egyptian President", "Abroad"], days) == (
        "Egyptian President (Mon 7 Oct); Abroad (Wed 9 Oct)."
    )
    assert series_summary(["", ""], days) == "On Mon 7 Oct and Wed 9 Oct."


def test_sentence_split_keeps_abbreviations() -> None:
    text = "The U.N. envoy met Mr. Kim on Jan. 26 in Seoul. He left. “Quoted,” she said. Done."
    assert split_sentences(text) == [
        "The U.N. envoy met Mr. Kim on Jan. 26 in Seoul.",
        "He left.",
        "“Quoted,” she said.",
        "Done.",
    ]
