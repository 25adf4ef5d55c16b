"""How `digestbot moderate --batch` deals lines without an author out to its worker
processes (see batch.py): chunk sizes, and one queue of chunks per worker."""

from __future__ import annotations

from collections import deque
from typing import Any

# Lines without an author are handed out in chunks, each lane's own first (see lane_queues),
# then another's: the processes share the cores with other work, so a fixed split would wait
# for the slowest. Each lane's are cut between LOOSE_CHUNK_MIN and LOOSE_CHUNK_MAX lines,
# smaller towards its end (see _chunk_sizes).
LOOSE_CHUNK_MIN = 50
LOOSE_CHUNK_MAX = 500
# Chunks queued per worker process: it starts the next as soon as one is done, without
# waiting for this process to collect the result and hand out more.
IN_FLIGHT = 2

# A line without an author as it travels to a worker: (line number, id, text). Three plain
# values pickle several times faster than a BatchLine with its MessageInput.
LooseLine = tuple[int, Any, str]


# A line as read, with its number: parsed by whichever process checks it (see routed()).
RawLine = tuple[int, str]


# A task of lines without an author: texts parsed here, or raw lines (one of the two is empty).
Chunk = tuple[list[LooseLine], list[RawLine]]


def _chunk_sizes(total: int, lanes: int) -> list[int]:
    """Chunk lengths for ``total`` lines over ``lanes`` processes: large first (fewer hand-offs),
    then smaller towards the end, so the processes finish a block at about the same time."""
    sizes: list[int] = []
    left = total
    while left > 0:
        size = min(left, LOOSE_CHUNK_MAX, max(LOOSE_CHUNK_MIN, left // (lanes * IN_FLIGHT * 2)))
        sizes.append(size)
        left -= size
    return sizes


def _split(items: list[Any], lanes: int) -> list[list[Any]]:
    chunks: list[list[Any]] = []
    at = 0
    for size in _chunk_sizes(len(items), lanes):
        chunks.append(items[at : at + size])
        at += size
    return chunks


def lane_queues(loose: list[LooseLine], raw: list[RawLine], lanes: int) -> list[deque[Chunk]]:
    """The chunks of lines without an author, per lane: a text goes to the lane its hash
    picks, so its repeats (copied spam, boilerplate news lines) meet the verdict cache of
    the process that judged it first (with chunks dealt out in turn, a repeat met it in half
    the cases). A lane that runs out takes the last chunks of another (see _check_spread)."""
    texts: list[list[LooseLine]] = [[] for _ in range(lanes)]
    for text in loose:
        texts[hash(text[2]) % lanes].append(text)
    raws: list[list[RawLine]] = [[] for _ in range(lanes)]
    for line in raw:
        raws[hash(_text_part(line[1])) % lanes].append(line)
    queues: list[deque[Chunk]] = []
    for index in range(lanes):
        queue: deque[Chunk] = deque((chunk, []) for chunk in _split(texts[index], 1))
        queue.extend(([], chunk) for chunk in _split(raws[index], 1))
        queues.append(queue)
    return queues


def _text_part(raw: str) -> str:
    """What follows the key 'text' in a raw JSON line (the whole line when it has none): the
    same for two lines whose texts are the same and whose id comes first, as in our inputs."""
    at = raw.find('"text"')
    return raw if at < 0 else raw[at:]
