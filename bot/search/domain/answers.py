"""How /ask picks its excerpts: rank passages, prefer the answer's form, gate, diversify.

A passage ranks by its own BM25 score plus a share of its article's (the article says what the
passage is about when the passage itself only says "he" or "the facility"); for a question that
asks for a number, a size or a date, passages holding one rank higher. A passage's excerpt is
shown only when what it (with its title) matches of the question passes the gate
(gate.py). No article fills the list on its own while others also answer, no source fills the
first three while another source answers (a news agency's many similar reports beside a
community post), and a report syndicated under several ids is re-ranked and shown once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from bot.archive.domain.articles import Passage
from bot.archive.domain.community_page import COMMUNITY_SOURCE
from bot.search.domain import dense
from bot.search.domain.answer_sentence import answer_sentence_coverage, answer_test
from bot.search.domain.candidates import (
    admit_by_discount,
    discount_bulk,
    source_passages,
    unique_candidates,
)
from bot.search.domain.community_asks import asks_what_the_page_says, page_named_and_asked
from bot.search.domain.dense import StaticEmbedder
from bot.search.domain.diversity import diversify, far_ahead, still_crowded
from bot.search.domain.excerpt import matched_words
from bot.search.domain.excerpt_choice import passage_excerpt
from bot.search.domain.focus import asked, has_filler
from bot.search.domain.gate import (
    GateFeatures,
    GateWeights,
    QueryContext,
    gate_features,
    reads_relation,
    shipped_gate,
)
from bot.search.domain.gate_stages import passes_with_answerability
from bot.search.domain.model import PassageHit
from bot.search.domain.query import AnswerType, Question, coverage, proximity
from bot.search.domain.rows import ScoredRows
from bot.search.domain.source_rarity import source_rarity
from bot.search.domain.tables import ArticleTable, PassageTable
from bot.search.domain.vectors import TermWeights, document_text

__all__ = ["GATE", "SETTINGS", "AnswerSettings", "Corpus", "GateFeatures", "GateWeights"]
__all__ += ["gate_features", "passage_hits", "sure_answer", "sure_for"]


@dataclass(frozen=True)
class AnswerSettings:
    """The free choices of answering, tuned by training/tune_search.py (bench/RESULTS.md)."""

    # Share of the article's score added to each of its passages.
    article_weight: float = 0.3
    # Score factor of a passage holding the kind of answer the question asks for.
    answer_boost: float = 0.25
    # Excerpt bonus, in shares of the question's heaviest term, for a sentence of that kind.
    excerpt_bonus: float = 0.6
    # Whether an excerpt grows by its neighbouring sentences up to the excerpt length.
    excerpt_context: bool = True
    # The excerpt's best run lies in the passage itself (on: chosen in 23 of 23 folds and passed
    # an XQuAD guard at four archive sizes); only the asked kind's best sentence earns the bonus
    # (excerpt_choice.py; bench/RESULTS.md, "search", rounds 15 and 16).
    excerpt_core_in_passage: bool = True
    excerpt_answer_sentence: bool = False
    # A later passage's excerpt avoids its article's shown sentences instead of being skipped:
    # off, the gate refitted on its excerpts scored lower held out (bench/RESULTS.md, round 16).
    excerpt_avoid_shown: bool = False
    # The gate: an excerpt is shown when GATE's score of what it matches reaches
    # min_gate + gate_per_decade * log10(articles): a bigger archive offers more chance
    # matches, so it asks more, while a rare word matched counts for more there. Weights and
    # bar are data (bot/search/data/gate.json, training/gate_loso.py: a logistic fit, the
    # lowest bars that keep our off-topic questions answered at most 1.5 in 100 on the seed
    # and 6 in 100 on the grown archive; past the grown archive's size the bar rises to the
    # one that keeps them at 3.5 in 100 at 12,495 articles; bench/RESULTS.md, "search-gate").
    min_gate: float = shipped_gate().min_gate
    gate_per_decade: float = shipped_gate().per_decade
    # Without embeddings, the gate is the share of the question's idf mass it must match.
    min_coverage: float = 0.5
    # At most this many of the hits come from one article while other articles still answer.
    per_article: int = 2
    # A passage past that cap keeps its place when no later candidate of another article scores
    # cap_margin of its score (diversity.far_ahead; 0: off). Chosen leave-one-set-out of 0,
    # 0.5 and 0.8: 0.8 in all 21 folds (bench/RESULTS.md, "search", round 15).
    cap_margin: float = 0.8
    # At most per_source of the first source_window hits come from one source while another
    # source also answers (bot/search/domain/diversity.py; per_source >= source_window: off).
    source_window: int = 3
    per_source: int = 2
    candidates: int = 40
    # Share of the cosine similarity of question and passage in the candidates' order.
    dense_weight: float = dense.ASK_WEIGHT
    # Share (of the best candidate's score) added for the question's concept weight a
    # candidate (with its title) matches: many passages that match only a frequent word or
    # two ("DPRK", "people") must not crowd out the one that matches most of the question.
    coverage_weight: float = 0.5
    # Share (of the best candidate's score) added for the question's concept weight matched
    # within ``proximity_width`` consecutive words of the passage (query.proximity): the
    # passage that says the question's words together, not one that repeats one of them.
    proximity_weight: float = 1.0
    proximity_width: int = 25
    # Score factor of a passage holding a filler of the question's focus (focus.py: a name
    # for "who ...?", a place for "where ...?", a sum for "how much ... earn?"): in a long
    # article the passage that names the asked-for person beats the one that repeats the
    # question's words. Chosen leave-one-set-out (training/rank_loso.py; of 0, 0.1, 0.25, 0.5
    # and 1: 1 in all seventeen folds; bench/RESULTS.md, section "search").
    focus_boost: float = 1.0
    # Share (of the best candidate's score) added for the question's concept weight matched by
    # the candidate's one sentence that also holds the kind of answer asked for
    # (answer_sentence.py). Chosen leave-one-set-out with focus_boost 1 (training/rank_loso.py;
    # of 0, 0.25 and 0.5: 0.5 in sixteen of seventeen folds; bench/RESULTS.md, "search").
    sentence_weight: float = 0.5
    # Copies of a candidate's text take no place; a bulk archive's discount, also over the best
    # bulk_pool x candidates (candidates.py; bench/RESULTS.md, "search", round 14).
    unique_candidates: bool = True
    bulk_prior: float = 0.2
    bulk_pool: int = 4


SETTINGS = AnswerSettings()
GATE = shipped_gate()


@dataclass(frozen=True)
class Corpus:
    """What answering reads of an index."""

    weights: TermWeights
    articles: ArticleTable
    passages: PassageTable
    alive_passages: NDArray[np.bool_]
    terms: Callable[[], list[str]]
    embedder: StaticEmbedder | None = None
    article_count: int = 0
    # The articles' term rows and which are live: for each source's own word rarity.
    article_rows: ScoredRows | None = None
    alive_articles: NDArray[np.bool_] | None = None


def passage_hits(
    corpus: Corpus,
    question: Question,
    passage_scores: NDArray[np.float32],
    article_scores: NDArray[np.float32],
    k: int,
    settings: AnswerSettings | None = None,
) -> list[PassageHit]:
    """Up to ``k`` passages that answer ``question``, best first; none that fail the gate."""
    s = settings or SETTINGS
    owners = corpus.passages.article
    scores = passage_scores + s.article_weight * article_scores[owners]
    scores[~corpus.alive_passages] = 0.0
    wanted, texts = max(s.candidates, k * 4), corpus.passages.texts
    pool = unique_candidates(scores, texts, wanted * int(s.bulk_pool), s.unique_candidates)
    table, alive = corpus.articles, corpus.alive_articles
    candidates = admit_by_discount(scores, pool, owners, table.sources, alive, s.bulk_prior, wanted)
    kind = question.answer_type
    if kind is not None and kind.source is not None:
        live = corpus.alive_passages
        candidates += source_passages(table.sources, owners, live, kind.source, set(candidates))
    boosted, query_vector, cosines = _rerank(corpus, question, candidates, scores, s)
    context = QueryContext.of([float(scores[i]) for i in candidates], cosines)
    candidates.sort(key=lambda i: (-boosted[i], i))
    bar = GATE.bar(corpus.article_count, s.min_gate, s.gate_per_decade)
    term_weights = _term_weights(corpus, question)
    heaviest = max(term_weights.values(), default=0.0)
    analyzer = corpus.weights.analyzer
    prefer: Callable[[str], bool] | None = kind.matches_answer if kind is not None else None
    if s.excerpt_answer_sentence:
        prefer = answer_test(question, analyzer)
    rows = corpus.article_rows
    rarity = (
        {}
        if rows is None or alive is None
        else source_rarity(question, corpus.weights, rows, table.sources, alive)
    )
    accepted: list[tuple[int, PassageHit]] = []
    held_back: list[tuple[int, PassageHit]] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    per_article: dict[int, int] = {}
    # Syndicated copies of one report (the same text under several ids) are shown once.
    shown: set[str] = set()
    for place, i in enumerate(candidates):
        row = int(owners[i])
        passage = corpus.passages.passage(i, table.ids[row])
        excerpt, _, (a, b), offset = passage_excerpt(
            corpus.passages,
            i,
            passage,
            analyzer,
            term_weights,
            prefer,
            s.excerpt_bonus * heaviest,
            s.excerpt_context,
            s.excerpt_core_in_passage,
            s.excerpt_answer_sentence,
            taken.get(row, ()) if s.excerpt_avoid_shown else (),
            words=False,  # the matched words are read only for a passage that is shown
        )
        if not excerpt:
            continue
        # The gate reads what would be shown: the excerpt under its title.
        shown_text = document_text(table.titles[row], excerpt, 1)
        present = set(analyzer.analyze(shown_text))
        cosine = None
        if query_vector is not None and corpus.embedder is not None:
            cosine = float(corpus.embedder.embed_one(shown_text) @ query_vector)
        in_source = rarity.get(table.sources[row])
        if not _passes(
            question,
            present,
            excerpt,
            cosine,
            bar,
            s,
            corpus.article_count,
            in_source,
            context,
            float(scores[i]),
        ):
            continue
        # Windows overlap by a sentence: never show the same sentence twice.
        start, end = passage.start - offset + a, passage.start - offset + b
        spans = taken.setdefault(row, [])
        if any(start < e and s_ < end for s_, e in spans):
            continue
        spans.append((start, end))
        if excerpt in shown:
            continue
        shown.add(excerpt)
        matched = matched_words(excerpt, analyzer, term_weights)
        hit = _hit(table, row, passage, excerpt, matched, float(boosted[i]))
        per_article[row] = per_article.get(row, 0) + 1
        ahead = s.cap_margin > 0 and far_ahead(candidates, place, owners, boosted, s.cap_margin)
        (accepted if per_article[row] <= s.per_article or ahead else held_back).append((i, hit))
        sources = [h.source for _, h in accepted]
        if len(accepted) >= k and not still_crowded(sources, min(s.source_window, k), s.per_source):
            break
    hits = [h for _, h in accepted]
    # Only when no other article answers do more passages of one article fill the list.
    hits = hits + [h for _, h in held_back][: max(k - len(hits), 0)]
    return diversify(hits, lambda h: h.source, s.source_window, s.per_source)[:k]


def _rerank(
    corpus: Corpus,
    question: Question,
    candidates: list[int],
    scores: NDArray[np.float32],
    s: AnswerSettings,
) -> tuple[dict[int, float], NDArray[np.float32] | None, list[float] | None]:
    """Candidate scores with the answer-type boost and the semantic mix applied, the
    question's embedding and the candidates' cosines to it (when embeddings are available)."""
    if not candidates:
        return {}, None, None
    values = scores[candidates].astype(np.float32)
    kind = question.answer_type
    boost = s.answer_boost if kind is None or kind.boost is None else kind.boost
    if kind is not None and boost:
        holds = [kind.matches_answer(corpus.passages.texts[i]) for i in candidates]
        values = values * np.where(holds, 1.0 + boost, 1.0).astype(np.float32)
    wanted = asked(question.text) if s.focus_boost else None
    if wanted is not None and wanted.focus is not None:
        texts = corpus.passages.texts
        filled = [has_filler(wanted, texts[i]) for i in candidates]
        values = values * np.where(filled, 1.0 + s.focus_boost, 1.0).astype(np.float32)
    query: NDArray[np.float32] | None = None
    cosines: list[float] | None = None
    if corpus.embedder is not None:
        table, owners = corpus.articles, corpus.passages.article
        texts = [
            document_text(table.titles[int(owners[i])], corpus.passages.texts[i], 1)
            for i in candidates
        ]
        # The archive's words are remembered; a member's odd words are not.
        query = corpus.embedder.embed([question.text], learn=False)[0]
        similarity = corpus.embedder.embed(texts) @ query
        cosines = [float(v) for v in similarity]
        if s.dense_weight > 0:
            values = dense.mix(values, similarity, s.dense_weight)
    if (s.coverage_weight > 0 or s.proximity_weight > 0) and values.size:
        analyzer, table, owners = corpus.weights.analyzer, corpus.articles, corpus.passages.article
        vector = question.vector
        shares, near = [], []
        for i in candidates:
            words = analyzer.analyze(corpus.passages.texts[i])
            title = analyzer.analyze(table.titles[int(owners[i])])
            shares.append(coverage(vector, set(words).union(title)))
            near.append(proximity(vector, words, s.proximity_width))
        best = float(values.max())
        values = values + np.float32(s.coverage_weight * best) * np.asarray(shares, np.float32)
        values = values + np.float32(s.proximity_weight * best) * np.asarray(near, np.float32)
        answers_kind = answer_test(question, analyzer) if s.sentence_weight > 0 else None
        if answers_kind is not None:
            texts = corpus.passages.texts
            said = [
                answer_sentence_coverage(question, texts[i], analyzer, answers_kind)
                for i in candidates
            ]
            values = values + np.float32(s.sentence_weight * best) * np.asarray(said, np.float32)
    rows, alive = corpus.passages.article[candidates], corpus.alive_articles
    values = discount_bulk(values, rows, corpus.articles.sources, alive, s.bulk_prior)
    if kind is not None and kind.source is not None and values.size:
        # The kind's own source answers it ("how old is this community?" by the community
        # page): its passages holding that kind of answer come first, in their own order.
        sources, owners = corpus.articles.sources, corpus.passages.article
        first = [
            sources[int(owners[i])] == kind.source and kind.matches_answer(corpus.passages.texts[i])
            for i in candidates
        ]
        values = values + np.float32(float(values.max())) * np.asarray(first, np.float32)
    return {i: float(v) for i, v in zip(candidates, values, strict=True)}, query, cosines


def _passes(
    question: Question,
    present: set[str],
    text: str,
    cosine: float | None,
    bar: float,
    s: AnswerSettings,
    articles: int,
    in_source: tuple[tuple[float, ...], ...] | None = None,
    context: QueryContext | None = None,
    lexical: float = 0.0,
) -> bool:
    if sure_answer(question, text):
        return True
    if cosine is None:
        return coverage(question.vector, present) >= s.min_coverage
    features = gate_features(
        question,
        present,
        text,
        cosine,
        articles,
        in_source,
        context,
        lexical,
        False,
        reads_relation(GATE),
    )
    # What the passage holds of the question's focus is read only when it can still change
    # the verdict (gate_stages.py).
    return passes_with_answerability(GATE, features, question.text, text, articles, bar)


def sure_answer(question: Question, text: str) -> bool:
    """Whether ``text`` answers ``question`` past the gate (sure_for)."""
    return sure_for(question.answer_type, question.text, text)


def sure_for(kind: AnswerType | None, question: str, text: str) -> bool:
    """Whether ``text`` holds the sure kind of answer ``kind`` asks for ("... (NKDB)" for
    "what does NKDB stand for?"); for a community question, only when the question asks what
    the page says (community_asks.py: not "the verified role on this server")."""
    if kind is None or not kind.sure or not kind.matches_answer(text):
        return page_named_and_asked(question, text)
    return kind.source != COMMUNITY_SOURCE or asks_what_the_page_says(question, text)


def _term_weights(corpus: Corpus, question: Question) -> dict[str, float]:
    terms = corpus.terms()
    vector = question.vector
    return {
        terms[int(t)]: float(corpus.weights.idf[t]) * min(float(w), 1.0)
        for t, w in zip(vector.term_ids, vector.weights, strict=True)
    }


def _hit(
    table: ArticleTable,
    row: int,
    passage: Passage,
    excerpt: str,
    matched: tuple[str, ...],
    score: float,
) -> PassageHit:
    return PassageHit(
        article_id=passage.article_id,
        title=table.titles[row],
        url=table.urls[row],
        excerpt=excerpt,
        score=score,
        matched_terms=matched,
        passage_ordinal=passage.ordinal,
        published=table.published[row],
        source=table.sources[row],
        author=table.authors[row],
    )
