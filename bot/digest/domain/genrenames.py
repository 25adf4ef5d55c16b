"""A genre heading named by what its items share (issue 15, round 19b).

Blind readers 14, 15 and 16 called nearly every "Statements and commentaries" and "Editorials
and articles" heading poor: "names the format, not the topic", "hides the week's lead story".
What stays under a genre heading with genres_by_topic on is a statement that names no topic, one
that would read above the topic it names (leftovers.keep_order) or one the heading cap folded
back. So, once the page's sections are set: where at least SHARE of a genre section's shown
highlights name one statement topic (sections.yaml ``statement_topics``, read on headline and
summary as leftovers.statement_home reads them) and the page shows no heading of that topic,
the section is named "Statements on <subject>" (sections.yaml ``genre_subjects`` gives the
subject in a reader's words). Joining a shown topic heading instead (JOIN_SHOWN) cost main
stories in the first five, and a second heading for one subject overlaps it: then, as when the
items share nothing, the section keeps its genre name (it is honest). Never named after one
headline (round 18b).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources

from bot.digest.domain.leftovers import (
    ARTICLES,
    STATEMENTS,
    files_genres,
    parse_leftovers,
    shipped_statement_topics,
)
from bot.digest.domain.model import DigestArticle
from bot.digest.domain.newsroom_data import parse_yaml
from bot.digest.domain.sections import OTHER, Section, section_of

# False keeps round 19's genre headings whatever their items share.
NAME_GENRES = True
# The share of a genre section's shown highlights that must name one subject (the brief's 2/3).
SHARE = 2 / 3
# True: items sharing a subject the page already shows under its own heading join it. Off: the
# genre section reads above that heading in every such dev week (W30, W31, W41, W43), so joining
# lifts the topic's other highlights (rallies in the ROK, meetings abroad) into the first five:
# held out, main stories in the first five 83 -> 80, readers' top-3 picks 97 -> 95 of 106
# (leftovers.keep_order's reason). Then the genre name stays: "Statements on <subject>" beside
# "<subject>" is the overlap readers 14-16 call poor.
JOIN_SHOWN = False
# Statements only: an editorial's words are its argument's (W40's essay on Japanese schoolchildren
# names "human rights"; "Articles on human rights and sanctions at the UN" misled), so the
# articles heading keeps its name (ARTICLES_ON adds it back).
ARTICLES_ON = False
PREFIX = {STATEMENTS: "Statements on", ARTICLES: "Articles on"}
# Round 20b (digest25): the articles heading named by what its items share (sections.yaml
# ``article_subjects``, headline only), else its genre name. False keeps round 20's name.
NAME_ARTICLES = True


@lru_cache(maxsize=1)
def shipped_article_subjects() -> tuple[Section, ...]:
    """sections.yaml ``article_subjects``: what an articles heading's items may share."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_leftovers(text, "article_subjects")


def article_subject(highlights: list[DigestArticle]) -> str:
    """The ``article_subjects`` name at least SHARE of ``highlights`` share by headline, else
    "Other news"."""
    table = shipped_article_subjects()
    named = Counter(section_of(h.title, "", table) for h in highlights)
    named.pop(OTHER, None)
    if not highlights or not named:
        return OTHER
    subject, count = named.most_common(1)[0]
    return subject if count >= SHARE * len(highlights) else OTHER


@lru_cache(maxsize=1)
def shipped_subjects() -> dict[str, str]:
    """sections.yaml ``genre_subjects``: a statement topic -> its name after "Statements on"."""
    text = resources.files("bot.digest").joinpath("data", "sections.yaml").read_text("utf-8")
    return parse_subjects(text)


def parse_subjects(text: str) -> dict[str, str]:
    """The ``genre_subjects`` map of a sections.yaml text (topic name -> subject words)."""
    raw = parse_yaml(text).get("genre_subjects") or {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise ValueError("sections.yaml: genre_subjects must map a topic to its subject words")
    return {str(k): str(v) for k, v in raw.items()}


def shared_subject(highlights: list[DigestArticle]) -> str:
    """The statement topic at least SHARE of ``highlights`` name, else "Other news"."""
    if not highlights:
        return OTHER
    table = shipped_statement_topics()
    named = Counter(section_of(f"{h.title} . {h.summary}", h.summary, table) for h in highlights)
    named.pop(OTHER, None)
    if not named:
        return OTHER
    topic, count = named.most_common(1)[0]
    return topic if count >= SHARE * len(highlights) else OTHER


def name_genres(
    sections: Mapping[str, list[int]], highlights: Mapping[int, DigestArticle]
) -> dict[str, list[int]]:
    """``sections`` with each genre section whose items share a subject joined to that
    subject's shown heading or renamed after it (order of the sections kept)."""
    out = {name: list(members) for name, members in sections.items()}
    if not NAME_GENRES or not files_genres():
        return out
    for genre, prefix in PREFIX.items():
        members = out.get(genre)
        if not members:
            continue
        if genre == ARTICLES and not ARTICLES_ON:
            shown = [highlights[i] for i in members if i in highlights]
            named = article_subject(shown) if NAME_ARTICLES else OTHER
            if named != OTHER and named not in out:
                out = {(named if n == genre else n): m for n, m in out.items()}
            continue
        topic = shared_subject([highlights[i] for i in members if i in highlights])
        if topic == OTHER:
            continue
        if topic in out:
            if JOIN_SHOWN:
                out[topic].extend(out.pop(genre))
            continue
        subject = shipped_subjects().get(topic, topic)
        out = {(f"{prefix} {subject}" if n == genre else n): m for n, m in out.items()}
    return out
