"""From articles to events: copies, roundups, and reports of one event grouped together.

A wire service posts one item under several sections (identical copies), and reports one event
in several items (arrival, talks, departure). The digest shows events, so this module:

1. joins copies: the same body, or the same title on the same day when one of them is a
   title-only item (a photo or a link post);
2. sets roundups apart (daily press reviews, newspaper reviews, bulleted news lists): they
   summarise other stories and never join an event;
3. groups the remaining copies into events by average-linkage clustering over TF-IDF
   similarity of their texts and titles, damped by the days between them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from bot.archive.domain.articles import Article
from bot.digest.domain.activities import activity, distinct_activities
from bot.digest.domain.copies import (
    Copies,
    clean_title,
    is_roundup,
    is_title_only,
    join_copies,
    listed_items,
)
from bot.digest.domain.glued import standalone_names, unglue
from bot.digest.domain.lexicon import (
    CALENDAR_WORDS,
    STOP_WORDS,
    cut_appositive,
    fold,
    newsroom,
    words,
)
from bot.digest.domain.phrases import names
from bot.digest.domain.series import party_pairs

__all__ = [
    "Copies",
    "clean_title",
    "is_roundup",
    "is_title_only",
    "join_copies",
    "listed_items",
]

# Tuned on the development weeks (training/tune_digest.py): reports of one event link above this.
LINK_SIMILARITY = 0.2
# Titles that share rare words ("Youth Day") tie reports that word their bodies differently.
TITLE_WEIGHT = 0.8
# Reports days apart are less likely one event: similarity is multiplied by these.
DAY_DAMPING = ((2, 1.0), (4, 0.85), (7, 0.6))
# Statement headlines this alike (or more) name one speaker: one statement re-edited.
STATEMENT_TITLE_SIMILARITY = 0.7
BODY_CHARS = 1500  # the gist of a report is in its first paragraphs

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class WeekText:
    """TF-IDF rows of the week's copies, of their titles, and of the history, in one space."""

    body: csr_matrix  # one row per Copies
    titles: csr_matrix  # one row per Copies, titles only
    history: csr_matrix  # one row per history article
    history_titles: csr_matrix
    vocabulary: dict[str, int]  # term -> column
    history_frequency: FloatArray  # per column: how many history texts use it
    documents: int  # how many history texts there are
    roundup_items: csr_matrix  # one row per item listed in the week's roundups
    roundup_of_item: tuple[int, ...]  # the Copies index of each item's roundup
    ledes: csr_matrix | None = None  # one row per Copies: its first sentence (who did what)

    def history_count(self, word: str) -> float | None:
        """How many earlier texts use ``word`` (folded); None when it is not in the space at all
        (a stop word such as "dprk")."""
        column = self.vocabulary.get(word)
        return None if column is None else float(self.history_frequency[column])


def copies_text(articles: Sequence[Article], copies: Copies) -> str:
    """The text that represents an item: its title twice (headlines name the story), then the
    lead of its longest body."""
    longest = max((articles[i] for i in copies.members), key=lambda a: len(a.body))
    body = "" if is_title_only(longest) else lead_text(longest)
    return f"{copies.title}\n{copies.title}\n{body}"


def lead_text(article: Article) -> str:
    """The first BODY_CHARS of the body, its first sentence without the titles that follow a
    name ("Kim Jong Un, general secretary of ... and president of ..., watched"): every report
    on the same person repeats them, which would make unrelated events look alike."""
    text = article.body[:BODY_CHARS]
    first, newline, rest = text.partition("\n")
    return cut_appositive(first) + newline + rest


_DATELINE_END = re.compile(r"^.{0,60}?(?:--|—|–)\s*")
LEDE_SENTENCE_CHARS = 300


def lede_of(articles: Sequence[Article], copies: Copies) -> str:
    """An item's first sentence without its dateline and the titles after a name: who did what
    (the headline for a title-only item)."""
    longest = max((articles[i] for i in copies.members), key=lambda a: len(a.body))
    if is_title_only(longest):
        return copies.title
    body = _DATELINE_END.sub("", longest.body[: 3 * LEDE_SENTENCE_CHARS], count=1)
    first, _, rest = body.partition("\n")
    if first.rstrip().endswith(":") and rest.strip():
        # "... released the following statement:" says who spoke; what they said follows.
        return f"{cut_appositive(first)} {rest}"[: 2 * LEDE_SENTENCE_CHARS]
    return cut_appositive(first)[:LEDE_SENTENCE_CHARS]


def vectorize_week(
    articles: Sequence[Article], copies: Sequence[Copies], history: Sequence[Article]
) -> WeekText:
    """TF-IDF (unigrams and bigrams, sublinear tf) fitted on the week and its history.

    Fitting on the history too gives words that recur every week (the agency's name, the
    leader's) a low weight, so that similarity rests on what is particular to a story.
    """
    week_texts = [copies_text(articles, c) for c in copies]
    past_texts = [f"{clean_title(a)}\n{lead_text(a)}" for a in history]
    vectorizer = TfidfVectorizer(
        lowercase=True,
        token_pattern=r"(?u)\b[^\W_][\w'’-]*[^\W_]\b",
        stop_words=sorted(STOP_WORDS | {"dprk", "kcna", "pyongyang", "korea", "korean"}),
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=1,
        dtype=np.float64,
    )
    try:
        matrix = csr_matrix(vectorizer.fit_transform(week_texts + past_texts))
    except ValueError:  # nothing but stop words anywhere
        empty = csr_matrix((len(copies), 1), dtype=np.float64)
        past = csr_matrix((len(history), 1), dtype=np.float64)
        return WeekText(empty, empty, past, past, {}, np.zeros(1), 0, empty[:0], ())
    items: list[str] = []
    item_roundup: list[int] = []
    for index, group in enumerate(copies):
        if group.roundup:
            for item in listed_items(articles[group.members[0]]):
                items.append(item)
                item_roundup.append(index)
    weeks, past = len(copies), len(history)
    titles = _title_space([c.title for c in copies] + [clean_title(a) for a in history])
    items_matrix = (
        csr_matrix(vectorizer.transform(items))
        if items
        else csr_matrix((0, matrix.shape[1]), dtype=np.float64)
    )
    ledes = csr_matrix(vectorizer.transform([lede_of(articles, c) for c in copies]))
    earlier = matrix[weeks:]
    frequency = np.bincount(earlier.indices, minlength=matrix.shape[1]).astype(np.float64)
    return WeekText(
        body=matrix[:weeks],
        titles=titles[:weeks],
        history=matrix[weeks:],
        history_titles=titles[weeks:],
        vocabulary=vectorizer.vocabulary_,
        history_frequency=frequency,
        documents=past,
        roundup_items=items_matrix,
        roundup_of_item=tuple(item_roundup),
        ledes=ledes,
    )


def _title_space(titles: list[str]) -> csr_matrix:
    """TF-IDF of titles among titles: the words of a formula ("Delegation Arrives in", "Tours
    Various Places", "Returns Home") are in many titles and weigh little, so two delegations'
    visits do not look alike; the words that name a story ("Mongolian") weigh much."""
    vectorizer = TfidfVectorizer(
        lowercase=True,
        token_pattern=r"(?u)\b[^\W_][\w'’-]*[^\W_]\b",
        stop_words=sorted(STOP_WORDS),
        ngram_range=(1, 2),
        sublinear_tf=True,
        dtype=np.float64,
    )
    try:
        return csr_matrix(vectorizer.fit_transform(titles))
    except ValueError:  # no title has a word that is not a stop word
        return csr_matrix((len(titles), 1), dtype=np.float64)


# A name is common (says nothing particular) when its rarest word is in this share of texts.
COMMON_NAME_SHARE = 0.02
COMMON_NAME_MIN_TEXTS = 3
# Two items whose first sentences name different uncommon people or bodies, and none in common,
# are different events however alike their formula ("A delegation of X led by Y arrived").
OTHER_NAMES_FACTOR = 0.0
# Texts this alike tell one activity however differently their headlines word it (two
# versions of one speech); below it, a frequent newsmaker's different headlines are two events.
SAME_TEXT = 0.35
LEDE_CHARS = 400


class NameCommonness:
    """Whether a name is common: its rarest word is used by many earlier texts (at least
    COMMON_NAME_MIN_TEXTS and COMMON_NAME_SHARE of them). Names this week's own reports
    repeat are no less particular for it, so only the history counts."""

    def __init__(self, text: WeekText) -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __call__(self, name: str) -> bool:
        known = self._known.get(name)
        if known is None:
            known = self._known[name] = self._judge(name)
        return known

    def _judge(self, name: str) -> bool:
        parts = [fold(w) for w in words(name)]
        parts = [p for p in parts if len(p) > 1]
        if not parts or all(p in CALENDAR_WORDS for p in parts):
            return True
        counts = [self._text.history_count(p) for p in parts]
        # A word outside the space is a stop word ("dprk"): common by definition.
        rarest = min(float(self._text.documents) if c is None else c for c in counts)
        floor = max(COMMON_NAME_MIN_TEXTS, COMMON_NAME_SHARE * self._text.documents)
        return rarest >= floor


def lede_names(
    article: Article, is_common_name: NameCommonness, known: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Uncommon names of two words or more in the first sentence (the lede) of an item; a
    ``known`` name glued to the next word ("Kim Jong Unreceived") is split off first, or it
    would read as a rare name of its own."""
    if is_title_only(article):
        return frozenset()
    first = unglue(article.body[:LEDE_CHARS].split("\n", 1)[0], known)
    return frozenset(
        name.casefold()
        for name in names(first)
        if len(name.split()) >= 2 and not is_common_name(name)
    )


def week_names(articles: Sequence[Article]) -> frozenset[str]:
    """Names of three words that stand alone in the week's report leads (for unglue)."""
    return standalone_names(a.body[:BODY_CHARS] for a in articles)


def similarity(
    text: WeekText, copies: Sequence[Copies], articles: Sequence[Article] = ()
) -> FloatArray:
    """How likely two items report one event: text or title similarity, damped by days apart,
    none when their ledes name only different uncommon people or bodies, or their headlines
    tell two different activities of one frequent newsmaker (``articles`` given)."""
    body = np.asarray((text.body @ text.body.T).toarray(), dtype=np.float64)
    titles = np.asarray((text.titles @ text.titles.T).toarray(), dtype=np.float64)
    keys = [c.title.casefold() for c in copies]
    same_title = np.array([[a == b for b in keys] for a in keys], dtype=bool)
    # Identical titles over different bodies are different items ("Press Statement of ..."):
    # only their bodies can tie them.
    titles = np.where(same_title, 0.0, titles)
    # A statement's headline names who spoke ("... of Spokesman for Ministry of ..."), not
    # what about: it ties a statement to another item only when the headlines are nearly one
    # ("Press Statement of X" and "Statement of X"), not when they share an office.
    spoken = np.array([tells_statement(c.title) for c in copies], dtype=bool)
    either = spoken[:, None] | spoken[None, :]
    titles = np.where(either & (titles < STATEMENT_TITLE_SIMILARITY), 0.0, titles)
    combined = np.maximum(body, TITLE_WEIGHT * titles)
    days = np.array([c.day.toordinal() for c in copies], dtype=np.float64)
    combined = combined * day_damping(np.abs(days[:, None] - days[None, :]))
    if articles:
        is_common = NameCommonness(text)
        known = week_names(articles)
        named = [
            lede_names(
                max((articles[i] for i in c.members), key=lambda a: len(a.body)), is_common, known
            )
            for c in copies
        ]
        acts = [activity(c.title, unglue(lede_of(articles, c), known)) for c in copies]
        for i in range(len(copies)):
            for j in range(i + 1, len(copies)):
                if named[i] and named[j] and not named[i] & named[j]:
                    combined[i, j] = combined[j, i] = combined[i, j] * OTHER_NAMES_FACTOR
                if body[i, j] < SAME_TEXT and distinct_activities(acts[i], acts[j], is_common):
                    combined[i, j] = combined[j, i] = 0.0
    # One formula naming two parties ("Russian Delegation of {…} Returns Home"): two events.
    for i, j in party_pairs([words(c.title) for c in copies]):
        combined[i, j] = combined[j, i] = 0.0
    np.fill_diagonal(combined, 1.0)
    return np.clip(combined, 0.0, 1.0)


def tells_statement(title: str) -> bool:
    """A headline that names who spoke ("Press Statement of Spokesman for ...", newsroom.yaml
    ``statements``)."""
    key = f" {' '.join(words(title.casefold()))} "
    return any(f" {phrase} " in key for phrase in newsroom().statements)


def day_damping(gap: FloatArray) -> FloatArray:
    """The factor for reports ``gap`` days apart (DAY_DAMPING; half its last step beyond)."""
    damping = np.full(gap.shape, DAY_DAMPING[-1][1] * 0.5)
    for limit, factor in reversed(DAY_DAMPING):
        damping = np.where(gap <= limit, factor, damping)
    return damping


def group_events(
    copies: Sequence[Copies],
    sim: FloatArray,
    threshold: float | None = None,
    fixed: Sequence[Sequence[int]] = (),
) -> list[list[int]]:
    """Indices of ``copies`` per event: average linkage cut at ``threshold``; roundups stay
    alone, and the ``fixed`` groups (series) stay as they are.

    Deterministic: linkage has no randomness, and events are numbered by their first item.
    """
    cut = LINK_SIMILARITY if threshold is None else threshold
    taken = {i for group in fixed for i in group}
    candidates = [i for i, c in enumerate(copies) if not c.roundup and i not in taken]
    events: list[list[int]] = [[i] for i, c in enumerate(copies) if c.roundup]
    events.extend(sorted(group) for group in fixed)
    if len(candidates) == 1:
        events.append(candidates)
    elif candidates:
        block = sim[np.ix_(candidates, candidates)]
        distance = squareform(1.0 - block, checks=False)
        labels = fcluster(linkage(distance, "average"), t=1.0 - cut, criterion="distance")
        grouped: dict[int, list[int]] = {}
        for index, label in zip(candidates, labels.tolist(), strict=True):
            grouped.setdefault(int(label), []).append(index)
        events.extend(grouped.values())
    events.sort(key=lambda members: min(members))
    return events


def centroid_rows(matrix: csr_matrix, groups: Sequence[Sequence[int]]) -> csr_matrix:
    """One L2-normalised mean row per group (a sparse product, not a loop over groups)."""
    if not groups:
        return csr_matrix((0, matrix.shape[1]), dtype=np.float64)
    rows = [row for group in groups for row in group]
    owners = [number for number, group in enumerate(groups) for _ in group]
    indicator = csr_matrix(
        (np.ones(len(rows)), (owners, rows)), shape=(len(groups), matrix.shape[0])
    )
    return csr_matrix(normalize(indicator @ matrix))
