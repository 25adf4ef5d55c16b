"""Shared loaders and measures for tuning and benchmarking the search (never read by tests).

Data: the seed, our question sets (training/data/search/), XQuAD-en, SciFact corpus + train
split (split once, seeded, into a tuning part and a held-out part), kcna-2024 (scale only).
"""

from __future__ import annotations

import json
import math
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.archive.domain.articles import Article, Passage
from bot.archive.domain.community_page import community_article
from bot.archive.domain.passages import split_passages
from bot.archive.domain.seed_dump import parse_seed_dump
from bot.search.domain.index import SearchIndex
from bot.search.domain.model import PassageHit

ROOT = Path(__file__).resolve().parents[1]
DATA = next(
    (p for p in (ROOT.parent / "shared" / "data", Path("/work/shared/data")) if p.exists()),
    ROOT.parent / "shared" / "data",
)
SEED = ROOT / "seeds" / "000_1d72199d3cd966bf.txt"
DEV = ROOT / "training" / "data" / "search"
SPLIT_SEED = 13
HELD_OUT_SHARE = 0.5
# Whether the seed archive holds the community page's entry, as the bot's does (False: before).
COMMUNITY_PAGE = True


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    answers: tuple[str, ...]
    kind: str


def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def seed_articles() -> list[Article]:
    dump = parse_seed_dump(SEED.read_text(encoding="utf-8"))
    posts = [
        Article(id=f"seed-{i}", source="seed", title=p.title, body=p.body, author=p.author)
        for i, p in enumerate(dump.posts)
    ]
    page = community_article(dump.profile) if COMMUNITY_PAGE else None
    # The bot indexes the community page beside the posts (bot/app.py, load_corpus).
    return posts + ([page] if page is not None else [])


def questions(name: str) -> list[Question]:
    """A question file of training/data/search (``seed_questions_dev``, ``offtopic_own``...)."""
    path = DEV / f"{name}.jsonl"
    return [
        Question(
            str(q["id"]),
            str(q["question"]),
            (str(q["answer"]),) if "answer" in q else (),
            str(q.get("kind", "")),
        )
        for q in read_jsonl(path)
    ]


def seed_questions() -> list[Question]:
    """Every development question on the seed (dev, own, and the seen 2026-12-05, 2026-12-06,
    2026-12-06b, 2026-12-06c, 2026-12-06d, 2026-12-06e, 2026-12-06f, 2026-12-06g, 2026-12-06h,
    2026-12-06i, 2026-12-06j, 2026-12-06k, 2026-12-06l, 2026-12-06m, 2026-12-06n and 2026-12-06o blind
    sets, the later seen blind sets, and writer Y's training set)."""
    return (
        questions("seed_questions_dev")
        + questions("seed_questions_own")
        + questions("seen_blind_questions_2026_12_05")
        + questions("seen_blind_questions_2026_12_06")
        + questions("seen_blind_questions_2026_12_06b")
        + questions("seen_blind_questions_2026_12_06c")
        + questions("seen_blind_questions_2026_12_06d")
        + questions("seen_blind_questions_2026_12_06e")
        + questions("seen_blind_questions_2026_12_06f")
        + questions("seen_blind_questions_2026_12_06g")
        + questions("seen_blind_questions_2026_12_06h")
        + questions("seen_blind_questions_2026_12_06i")
        + questions("seen_blind_questions_2026_12_06j")
        + questions("seen_blind_questions_2026_12_06k")
        + questions("seen_blind_questions_2026_12_06l")
        + questions("seen_blind_questions_2026_12_06m")
        + questions("seen_blind_questions_2026_12_06n")
        + questions("seen_blind_questions_2026_12_06o")
        + questions("seen_blind_questions_2026_12_07a")
        + questions("seen_blind_questions_2026_12_07c")
        + questions("seen_blind_questions_2026_12_07d")
        + questions("seen_blind_questions_2026_12_07e")
        + questions("seen_blind_questions_2026_12_07f")
        + questions("seen_blind_questions_2026_12_07g")
        + questions("seen_blind_questions_2026_12_07h")
        + questions("seen_blind_questions_2026_12_07j")
        + questions("seen_blind_questions_2026_12_07k")
        + questions("seen_blind_questions_2026_12_07l")
        + questions("seen_blind_questions_2026_12_07m")
        + questions("seen_blind_questions_2026_12_07n")
        + questions("seen_blind_questions_2026_12_07o")
        + questions("seen_blind_questions_2026_12_07p")
        + questions("seen_blind_questions_2026_12_07q")
        + questions("seen_blind_questions_2026_12_07r")
        + questions("seen_blind_questions_2026_12_07s")
        + questions("seen_blind_questions_2026_12_07u")
        + questions("seen_blind_questions_2026_12_07v")
        + questions("seen_blind_questions_2026_12_08a")
        + questions("seen_blind_questions_2026_12_08b")
        + questions("seen_blind_questions_2026_12_08c")
        + questions("seen_blind_questions_2026_12_08d")
        + questions("seed_questions_writer_y")
        + questions("seed_questions_writer_ad")
    )


def kcna_questions() -> list[Question]:
    """Our questions answered by kcna-2024 articles (asked of the grown archive only)."""
    return questions("kcna_questions_own")


def offtopic_questions() -> list[Question]:
    """Every development question the seed and the grown archive cannot answer."""
    return (
        questions("offtopic_dev")
        + questions("offtopic_own")
        + questions("seen_blind_offtopic_2026_12_05")
        + questions("offtopic_own2")
        + questions("seen_blind_offtopic_2026_12_06")
        + questions("seen_blind_offtopic_2026_12_06b")
        + questions("seen_blind_offtopic_2026_12_06c")
        + questions("seen_blind_offtopic_2026_12_06d")
        + questions("seen_blind_offtopic_2026_12_06e")
        + questions("seen_blind_offtopic_2026_12_06f")
        + questions("seen_blind_offtopic_2026_12_06g")
        + questions("seen_blind_offtopic_2026_12_06h")
        + questions("seen_blind_offtopic_2026_12_06i")
        + questions("seen_blind_offtopic_2026_12_06j")
        + questions("seen_blind_offtopic_2026_12_06k")
        + questions("seen_blind_offtopic_2026_12_06l")
        + questions("seen_blind_offtopic_2026_12_06m")
        + questions("seen_blind_offtopic_2026_12_06n")
        + questions("seen_blind_offtopic_2026_12_06o")
        + questions("seen_blind_offtopic_2026_12_07a")
        + questions("seen_blind_offtopic_2026_12_07c")
        + questions("seen_blind_offtopic_2026_12_07d")
        + questions("seen_blind_offtopic_2026_12_07e")
        + questions("seen_blind_offtopic_2026_12_07f")
        + questions("seen_blind_offtopic_2026_12_07g")
        + questions("seen_blind_offtopic_2026_12_07h")
        + questions("seen_blind_offtopic_2026_12_07j")
        + questions("seen_blind_offtopic_2026_12_07k")
        + questions("seen_blind_offtopic_2026_12_07l")
        + questions("seen_blind_offtopic_2026_12_07m")
        + questions("seen_blind_offtopic_2026_12_07n")
        + questions("seen_blind_offtopic_2026_12_07o")
        + questions("seen_blind_offtopic_2026_12_07p")
        + questions("seen_blind_offtopic_2026_12_07q")
        + questions("seen_blind_offtopic_2026_12_07r")
        + questions("seen_blind_offtopic_2026_12_07s")
        + questions("seen_blind_offtopic_2026_12_07u")
        + questions("seen_blind_offtopic_2026_12_07v")
        + questions("seen_blind_offtopic_2026_12_08a")
        + questions("seen_blind_offtopic_2026_12_08b")
        + questions("seen_blind_offtopic_2026_12_08c")
        + questions("seen_blind_offtopic_2026_12_08d")
        + questions("offtopic_writer_y")
        + questions("offtopic_writer_ad")
    )


def passages_of(articles: Sequence[Article]) -> list[Passage]:
    return [p for a in articles for p in split_passages(a)]


def build(articles: Sequence[Article]) -> SearchIndex:
    return SearchIndex.build(articles, passages_of(articles))


def xquad(data: Path = DATA) -> tuple[list[Article], list[Question]]:
    paragraphs = read_jsonl(data / "xquad-en/paragraphs.jsonl")
    articles = [
        Article(id=str(p["id"]), source="xquad", title=str(p["title"]), body=str(p["text"]))
        for p in paragraphs
    ]
    qs = [
        Question(str(q["id"]), str(q["question"]), tuple(q["answers"]), str(q["paragraph_id"]))  # type: ignore[arg-type]
        for q in read_jsonl(data / "xquad-en/questions.jsonl")
    ]
    return articles, qs


def scifact(
    data: Path = DATA,
) -> tuple[list[Article], dict[str, str], dict[str, str], dict[str, set[str]]]:
    """Corpus, tuning queries, held-out queries, qrels (train split only)."""
    corpus = [
        Article(id=str(d["id"]), source="scifact", title=str(d["title"]), body=str(d["text"]))
        for d in read_jsonl(data / "scifact/corpus.jsonl")
    ]
    qrels: dict[str, set[str]] = defaultdict(set)
    for line in (data / "scifact/qrels-train.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        qid, doc_id = line.split("\t")[:2]
        qrels[qid].add(doc_id)
    queries = {
        str(q["id"]): str(q["query"])
        for q in read_jsonl(data / "scifact/queries-train.jsonl")
        if str(q["id"]) in qrels
    }
    ids = sorted(queries)
    random.Random(SPLIT_SEED).shuffle(ids)
    cut = int(len(ids) * (1 - HELD_OUT_SHARE))
    tuning = {i: queries[i] for i in ids[:cut]}
    held_out = {i: queries[i] for i in ids[cut:]}
    return corpus, tuning, held_out, dict(qrels)


def kcna(data: Path = DATA) -> list[Article]:
    return [
        Article(id=str(a["id"]), source="kcna", title=str(a["title"]), body=str(a["text"]))
        for a in read_jsonl(data / "kcna-2024/articles.jsonl")
    ]


def small_ingests(data: Path = DATA, n: int = 10) -> tuple[list[Article], list[Question]]:
    """Ten XQuAD paragraphs (one per topic) with their questions: the small ingests."""
    articles, qs = xquad(data)
    chosen: dict[str, Article] = {}
    for a in articles:
        chosen.setdefault(a.title, a)
    picked = list(chosen.values())[:n]
    ids = {a.id for a in picked}
    return picked, [q for q in qs if q.kind in ids]


def half_split(articles: Sequence[Article]) -> list[Article]:
    """Each article as two articles (first and second half of its body): more distractors."""
    out = []
    for a in articles:
        cut = len(a.body) // 2
        out.append(Article(id=a.id + "~a", source=a.source, title=a.title, body=a.body[:cut]))
        out.append(Article(id=a.id + "~b", source=a.source, title=a.title, body=a.body[cut:]))
    return out


def holds_answer(hit: PassageHit, answers: Sequence[str]) -> bool:
    """Whether what /ask shows of a hit holds an answer: its excerpt, or its citation's
    "posted by <author>" (bot/search/render.py), which answers "who posted ...?"."""
    shown = hit.excerpt + (f" posted by {hit.author}" if hit.author else "")
    return any(a in shown for a in answers)


def answer_ranks(index: SearchIndex, qs: Sequence[Question], k: int = 5) -> list[int | None]:
    """Rank (0-based) of the first excerpt holding an answer, None when none does."""
    ranks: list[int | None] = []
    for q in qs:
        hits = index.ask(q.text, k=k).hits
        found = [i for i, h in enumerate(hits) if holds_answer(h, q.answers)]
        ranks.append(found[0] if found else None)
    return ranks


def hit_rates(ranks: Sequence[int | None]) -> tuple[float, float]:
    n = max(len(ranks), 1)
    return sum(r == 0 for r in ranks) / n, sum(r is not None and r < 3 for r in ranks) / n


def answered(index: SearchIndex, qs: Sequence[Question]) -> list[Question]:
    return [q for q in qs if index.ask(q.text).hits]


def ndcg_at(ranked: Sequence[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, d in enumerate(ranked[:k]) if d in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal


def mean_ndcg(
    search: Callable[[str], list[str]], queries: dict[str, str], qrels: dict[str, set[str]]
) -> float:
    values = [ndcg_at(search(text), qrels[qid]) for qid, text in queries.items()]
    return sum(values) / max(len(values), 1)


def grow(index: SearchIndex, articles: Sequence[Article]) -> SearchIndex:
    """Add ``articles`` one at a time without a refit (small ingests)."""
    for a in articles:
        index = index.with_added([a], split_passages(a))
    return index


def grown_archive(data: Path = DATA, extra: Sequence[Article] = ()) -> SearchIndex:
    """The grown archive: the seed and kcna-2024 (and ``extra``: SciFact halves make the big
    one) built at once, then the ten small ingests added one at a time."""
    small, _ = small_ingests(data)
    return grow(build([*seed_articles(), *kcna(data), *extra]), small)
