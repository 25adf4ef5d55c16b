"""IndexManager: build or load at start, add without refit, refit swap, atomic persistence."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from bot.archive.domain.articles import Article, Passage
from bot.archive.domain.passages import split_passages
from bot.search.build import BuildError
from bot.search.index_manager import IndexManager, index_path_for


def _article(i: int, body: str) -> Article:
    return Article(id=f"a{i}", source="test", title=f"Report {i}", body=body)


BODIES = [
    "Fewer than 1,000 people in North Korea have access to the internet.",
    "Russia plans an industrial and trade park in Primorsky Krai.",
    "Satellite imagery shows new detention facilities near the border in China.",
    "A rail shipment of 30 horses resumed cross-border trade with Russia.",
]


class FakeCorpus:
    """A real in-memory corpus standing in for the article repository (not our code under test)."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = list(articles)
        self.loads = 0
        self.gate: asyncio.Event | None = None
        self.snapshot_taken = asyncio.Event()

    async def load(self) -> tuple[Sequence[Article], Sequence[Passage]]:
        self.loads += 1
        snapshot = list(self.articles)
        self.snapshot_taken.set()
        if self.gate is not None:
            await self.gate.wait()
        return snapshot, [p for a in snapshot for p in split_passages(a)]

    async def version(self) -> str:
        return f"{len(self.articles)}:{self.articles[-1].id if self.articles else ''}"


def _corpus() -> FakeCorpus:
    return FakeCorpus([_article(i, body) for i, body in enumerate(BODIES)])


def _top(manager: IndexManager, query: str) -> str | None:
    hits = manager.current.search(query)
    return hits[0].article_id if hits else None


def test_index_path_sits_beside_the_database(tmp_path: Path) -> None:
    assert index_path_for(tmp_path / "bot.db") == tmp_path / "bot.db.index.npz"


async def test_start_builds_persists_and_reloads_without_refit(tmp_path: Path) -> None:
    corpus = _corpus()
    path = tmp_path / "bot.db.index.npz"
    first = IndexManager(path, corpus.load, corpus.version, isolate_refit=False)
    await first.start()
    assert corpus.loads == 1
    assert path.exists()
    assert _top(first, "internet access") == "a0"

    second = IndexManager(path, corpus.load, corpus.version, isolate_refit=False)
    await second.start()
    assert corpus.loads == 1  # loaded from disk, no refit
    assert second.current.article_ids() == first.current.article_ids()
    assert _top(second, "trade park") == "a1"


async def test_stale_index_is_rebuilt(tmp_path: Path) -> None:
    corpus = _corpus()
    path = tmp_path / "db.index.npz"
    await IndexManager(path, corpus.load, corpus.version, isolate_refit=False).start()
    corpus.articles.append(_article(9, "Kim Yo-jong spoke about the balloons."))
    manager = IndexManager(path, corpus.load, corpus.version, isolate_refit=False)
    await manager.start()
    assert corpus.loads == 2
    assert _top(manager, "balloons") == "a9"


@pytest.mark.parametrize("garbage", [b"", b"not a zip file at all", b"PK\x03\x04broken"])
async def test_damaged_file_is_rebuilt_not_fatal(tmp_path: Path, garbage: bytes) -> None:
    corpus = _corpus()
    path = tmp_path / "db.index.npz"
    path.write_bytes(garbage)
    manager = IndexManager(path, corpus.load, corpus.version, isolate_refit=False)
    await manager.start()
    assert _top(manager, "horses") == "a3"
    with np.load(path, allow_pickle=False) as npz:
        assert "format_version" in npz.files


async def test_wrong_format_version_is_rebuilt(tmp_path: Path) -> None:
    corpus = _corpus()
    path = tmp_path / "db.index.npz"
    await IndexManager(path, corpus.load, corpus.version, isolate_refit=False).start()
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["format_version"] = np.asarray([0])
    np.savez(path, **arrays)
    manager = IndexManager(path, corpus.load, corpus.version, isolate_refit=False)
    await manager.start()
    assert corpus.loads == 2
    assert _top(manager, "internet") == "a0"


async def test_failing_corpus_starts_with_an_empty_index() -> None:
    async def broken() -> tuple[Sequence[Article], Sequence[Passage]]:
        raise RuntimeError("database is locked")

    async def version() -> str:
        return "0"

    manager = IndexManager(None, broken, version, isolate_refit=False)
    await manager.start()
    assert manager.current.article_count == 0
    assert manager.current.ask("anything").hits == []


async def test_add_is_searchable_at_once_and_persisted(tmp_path: Path) -> None:
    corpus = _corpus()
    path = tmp_path / "db.index.npz"
    manager = IndexManager(path, corpus.load, corpus.version, isolate_refit=False)
    await manager.start()
    new = _article(7, "Pyongyang opened a new ski resort at Masikryong for tourists.")
    corpus.articles.append(new)
    await manager.add([new], split_passages(new))
    assert _top(manager, "ski resort Masikryong") == "a7"  # a brand-new word, no refit
    await manager.flush()

    # Growing a tiny fit makes its statistics stale: one background refit, persisted.
    assert corpus.loads == 2
    assert manager.current.stats.added_articles == 0
    reloaded = IndexManager(path, corpus.load, corpus.version, isolate_refit=False)
    await reloaded.start()
    assert corpus.loads == 2  # loaded from disk
    assert _top(reloaded, "ski resort") == "a7"


async def test_refit_swaps_in_and_keeps_additions_made_meanwhile(tmp_path: Path) -> None:
    corpus = _corpus()
    manager = IndexManager(
        tmp_path / "db.index.npz", corpus.load, corpus.version, isolate_refit=False
    )
    await manager.start()
    before = manager.current

    corpus.gate = asyncio.Event()
    corpus.snapshot_taken.clear()
    corpus.articles.append(_article(5, "Fishing boats returned to Nampo harbour."))
    refit = asyncio.create_task(manager.refit())
    await corpus.snapshot_taken.wait()  # the refit has its snapshot and waits at the gate
    late = _article(6, "A typhoon flooded rice fields in South Hwanghae.")
    corpus.articles.append(late)
    await manager.add([late], split_passages(late))
    assert manager.current is not before
    assert _top(manager, "typhoon") == "a6"
    corpus.gate.set()
    await refit

    assert _top(manager, "fishing boats Nampo") == "a5"  # from the refit
    assert _top(manager, "typhoon rice") == "a6"  # added during the refit, not lost
    assert manager.current.article_count == 6
    assert before.article_count == 4  # readers holding the old index saw a whole index


async def test_without_a_path_nothing_is_written(tmp_path: Path) -> None:
    corpus = _corpus()
    manager = IndexManager(None, corpus.load, corpus.version, isolate_refit=False)
    await manager.start()
    new = _article(8, "Balloons carrying leaflets crossed the border.")
    corpus.articles.append(new)
    await manager.add([new], split_passages(new))
    await manager.flush()
    assert _top(manager, "leaflets") == "a8"
    assert await asyncio.to_thread(lambda: list(tmp_path.iterdir())) == []


@pytest.mark.parametrize("persisted", [True, False])
async def test_refit_in_a_child_process_builds_the_same_index(
    tmp_path: Path, persisted: bool
) -> None:
    corpus = _corpus()
    corpus.articles.append(
        Article(id="odd", source="t", title="Odd \u200b text 🙂", body="Zero\x00width \u202e RTL.")
    )
    path = tmp_path / "db.index.npz" if persisted else None
    isolated = IndexManager(path, corpus.load, corpus.version, isolate_refit=True)
    await isolated.start()
    in_thread = IndexManager(None, corpus.load, corpus.version, isolate_refit=False)
    await in_thread.start()
    assert isolated.current.article_ids() == in_thread.current.article_ids()
    for query in ["internet access", "trade park Russia", "horses", "width"]:
        assert isolated.current.search(query) == in_thread.current.search(query)
    assert isolated.current.ask("How many people can use the internet in North Korea?") == (
        in_thread.current.ask("How many people can use the internet in North Korea?")
    )
    if path is not None:
        reloaded = IndexManager(path, corpus.load, corpus.version, isolate_refit=True)
        await reloaded.start()
        assert corpus.loads == 2  # built twice above, loaded from disk here
        assert reloaded.current.search("horses") == isolated.current.search("horses")


async def test_a_failing_child_build_is_reported_and_start_survives(tmp_path: Path) -> None:
    corpus = _corpus()
    blocker = tmp_path / "not-a-directory"
    await asyncio.to_thread(blocker.write_text, "x")
    manager = IndexManager(
        blocker / "db.index.npz", corpus.load, corpus.version, isolate_refit=True
    )
    with pytest.raises(BuildError, match="index build exited"):
        await manager.refit()
    await manager.start()  # logs the failure, never raises
    assert manager.current.article_count == 0


async def test_remove_hides_an_article_at_once() -> None:
    corpus = _corpus()
    manager = IndexManager(None, corpus.load, corpus.version, isolate_refit=False)
    await manager.start()
    await manager.remove(["a3"])
    assert _top(manager, "horses") is None
    assert manager.current.article_count == 3
