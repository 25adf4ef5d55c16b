"""`moderate --batch` judges streams: authors, channels, times and mentions make spam visible."""

from __future__ import annotations

import json

import pytest

from bot.moderation.batch import (
    BatchLine,
    check_lines,
    check_raw,
    check_texts,
    parse_line,
    partition,
    plan,
)
from bot.moderation.batch_lanes import LOOSE_CHUNK_MAX, LOOSE_CHUNK_MIN, _chunk_sizes, lane_queues
from bot.moderation.domain import ModerationEngine, SpamTracker, Verdict


@pytest.fixture(scope="module")
def engine() -> ModerationEngine:
    return ModerationEngine()


def lines(*records: dict[str, object]) -> list[BatchLine]:
    parsed = [parse_line(n, json.dumps(r)) for n, r in enumerate(records, start=1)]
    return [p for p in parsed if p is not None]


def verdicts(engine: ModerationEngine, parsed: list[BatchLine]) -> list[dict[str, object]]:
    return [json.loads(text) for _, text in check_lines(engine, SpamTracker(), parsed)]


def test_the_same_message_repeated_by_one_author_is_spam(engine: ModerationEngine) -> None:
    repeated = [
        {"id": n, "text": "come and see my new cooking channel", "author": "a", "timestamp": n}
        for n in range(4)
    ]
    out = verdicts(engine, lines(*repeated))
    assert [o["verdict"] for o in out][:2] == ["allow", "allow"]
    assert out[2]["verdict"] == "remove" and out[2]["rule"] == 2
    assert "builtin:rule2-spam" in out[2]["filters"]


def test_repeats_by_different_authors_or_without_authors_are_not(
    engine: ModerationEngine,
) -> None:
    text = "come and see my new cooking channel"
    out = verdicts(engine, lines(*({"id": n, "text": text, "author": n} for n in range(4))))
    assert {o["verdict"] for o in out} == {"allow"}
    out = verdicts(engine, lines(*({"id": n, "text": text} for n in range(4))))
    assert {o["verdict"] for o in out} == {"allow"}


def test_mass_mentions_and_link_floods(engine: ModerationEngine) -> None:
    links = " ".join(f"https://site{n}.example/x" for n in range(20))
    out = verdicts(
        engine,
        lines(
            {"id": 1, "text": "hey all", "author": "b", "mentions": list(range(8))},
            {"id": 2, "text": "@everyone @everyone free nitro", "author": "c"},
            {"id": 3, "text": links, "author": "d"},
        ),
    )
    assert [o["verdict"] for o in out] == ["remove", "remove", "remove"]


def test_a_flood_of_messages_in_seconds_is_flagged(engine: ModerationEngine) -> None:
    flood = [
        {
            "id": n,
            "text": f"message number {n} here",
            "author": 7,
            "timestamp": f"2024-10-07T08:00:0{n}+09:00",
        }
        for n in range(9)
    ]
    out = verdicts(engine, lines(*flood))
    assert out[-1]["verdict"] == "flag" and "messages in 10 s" in out[-1]["reason"]


def test_bad_lines_keep_their_id_and_line_number() -> None:
    bad = [
        parse_line(3, "{not json"),
        parse_line(4, json.dumps({"id": "x", "text": "hi", "timestamp": "yesterday"})),
        parse_line(5, json.dumps({"id": "y", "text": "hi", "mentions": "many"})),
        parse_line(6, json.dumps({"id": "z"})),
    ]
    records = [json.loads(line.error_json()) for line in bad if line is not None]
    assert [(r["id"], r["line"]) for r in records] == [(None, 3), ("x", 4), ("y", 5), ("z", 6)]
    assert records[1]["error"].startswith("stdin:4: 'timestamp'")
    assert parse_line(9, "   \n") is None


def test_partition_keeps_each_author_in_one_part_in_order() -> None:
    parsed = lines(*({"id": n, "text": "t", "author": n % 3} for n in range(30)))
    parsed += lines(*({"id": 100 + n, "text": "loose"} for n in range(10)))
    parts = partition(parsed, 2)
    assert sum(len(p) for p in parts) == len(parsed)
    for part in parts:
        numbers = [line.number for line in part if line.streamed]
        assert numbers == sorted(numbers)
    owners = {}
    for index, part in enumerate(parts):
        for line in part:
            if line.streamed and line.message is not None:
                assert owners.setdefault(line.message.author_id, index) == index


def test_plan_keeps_authors_in_one_lane_and_hands_out_every_other_line_once() -> None:
    parsed = lines(*({"id": n, "text": "t", "author": n % 3} for n in range(30)))
    parsed += lines(*({"id": 100 + n, "text": f"loose {n}"} for n in range(255)))
    parsed.append(parse_line(999, "{not json"))  # type: ignore[arg-type]
    streamed, loose_lines, errors = plan(parsed, 2)
    assert [number for number, _ in errors] == [999]
    loose = [number for number, _, _ in loose_lines]
    assert len(loose) == 255  # every line without an author, once, in order
    assert loose == [line.number for line in parsed if not line.streamed and line.message]
    for lane in streamed:
        numbers = [line.number for line in lane]
        assert numbers == sorted(numbers)
        assert len({line.message.author_id for line in lane if line.message}) <= 2
    assert sum(len(lane) for lane in streamed) == 30


def test_texts_judged_from_the_cache_read_as_judged_afresh(engine: ModerationEngine) -> None:
    texts = ["the famine never happened, it is a hoax", "nice article", "you are all idiots"]
    parsed = lines(*({"id": n, "text": texts[n % 3]} for n in range(9)))
    cache: dict[str, Verdict] = {}
    loose = [(p.number, p.record_id, texts[i % 3]) for i, p in enumerate(parsed)]
    cached = check_texts(engine, loose, cache)
    assert len(cache) == 3
    assert cached == check_lines(engine, SpamTracker(), parsed)


def test_a_reply_is_judged_against_the_text_it_answers(engine: ModerationEngine) -> None:
    account = "My uncle's village in Hamgyong was eating tree bark in 1996."
    out = verdicts(
        engine,
        lines(
            {"id": 1, "text": "no they werent", "reply_to": account},
            {"id": 2, "text": "no they werent", "reply_to": "Did our team win on Sunday?"},
            {"id": 3, "text": "no they werent"},
        ),
    )
    assert [o["verdict"] for o in out] == ["flag", "allow", "allow"]
    assert out[0]["rule"] == 3
    streamed, loose, _ = plan(lines({"id": 1, "text": "no", "reply_to": account}), 2)
    assert sum(map(len, streamed)) == 1 and not loose  # the replied text travels with it
    [bad] = lines({"id": 4, "text": "no", "reply_to": 5})
    assert bad.message is None and "reply_to" in (bad.error or "")


@pytest.mark.parametrize("total", [0, 1, 49, 50, 51, 777, 2_000, 7_001])
def test_spread_chunks_cover_every_line_once_and_shrink_towards_the_end(total: int) -> None:
    sizes = _chunk_sizes(total, 2)
    assert sum(sizes) == total
    assert all(0 < size <= LOOSE_CHUNK_MAX for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert all(size >= LOOSE_CHUNK_MIN for size in sizes[:-1])  # only the last may be shorter


def test_lane_queues_deal_every_line_once_and_a_repeated_text_to_one_lane() -> None:
    texts = [f"message {n % 40}" for n in range(3_000)]  # each text 75 times, ids differ
    raw = [(n, json.dumps({"id": n, "text": t}) + "\n") for n, t in enumerate(texts)]
    loose = [(n, n, t) for n, t in enumerate(texts)]
    queues = lane_queues(loose, raw, 2)
    dealt = [[line for texts_, raws in queue for line in [*texts_, *raws]] for queue in queues]
    assert sorted(map(repr, (line for lane in dealt for line in lane))) == sorted(
        map(repr, [*loose, *raw])
    )
    lane_of: dict[tuple[int, str], set[int]] = {}  # (parsed or raw, text): its lanes
    for index, lane in enumerate(dealt):
        for line in lane:
            text = line[2] if len(line) == 3 else json.loads(line[1])["text"]
            lane_of.setdefault((len(line), text), set()).add(index)
    assert all(len(lanes) == 1 for lanes in lane_of.values())
    assert all(lane for lane in dealt)  # 40 texts: both lanes get some


def test_raw_lines_judged_in_a_worker_read_as_parsed_lines(engine: ModerationEngine) -> None:
    texts = ["the famine never happened, it is a hoax", "nice article", "@everyone free nitro"]
    raw = [json.dumps({"id": n, "text": texts[n % 3]}) + "\n" for n in range(6)]
    raw += [
        json.dumps({"text": "no id at all"}),
        json.dumps({"id": "s", "text": texts[2], "mentions": 9}),
        json.dumps({"id": 7, "text": "no they werent", "reply_to": "we ate tree bark in 1996"}),
        json.dumps({"id": 8, "text": 5}),
        json.dumps({"id": 9, "text": "x", "timestamp": "yesterday"}),
        json.dumps([1, 2]),
        "{not json",
        "   \n",
        json.dumps({"text": texts[0], "id": [1, "a"]}),
    ]
    numbered = list(enumerate(raw, start=1))
    parsed = [line for line in (parse_line(n, r) for n, r in numbered) if line is not None]
    outputs, errors = check_raw(engine, numbered, {})
    assert outputs == check_lines(engine, SpamTracker(), parsed)
    assert errors == [(line.number, line.error) for line in parsed if line.error is not None]
    assert len(errors) == 4 and len(outputs) == len(raw) - 1
