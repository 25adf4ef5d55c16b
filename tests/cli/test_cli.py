"""The `digestbot` command line, run as a subprocess like other tools drive it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO, SEEDS


def run(
    args: list[str], env_db: Path, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DIGESTBOT_DB": str(env_db),
        "DIGESTBOT_SEEDS": str(SEEDS),
        "PYTHONPATH": str(REPO),
        "LOG_LEVEL": "WARNING",
        **env,
    }
    environment.pop("DISCORD_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        cwd=env_db.parent,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "bot.sqlite3"
    done = run(["ingest", str(SEEDS)], path)
    assert done.returncode == 0, done.stderr
    assert "7 added" in done.stdout
    return path


def test_ask_prints_the_excerpt_that_answers(db):
    done = run(["ask", "How many people in North Korea can use the internet?"], db)
    assert done.returncode == 0, done.stderr
    assert "fewer than 1,000 people" in done.stdout


def test_ask_batch_contract(db):
    lines = [
        {"id": "q1", "question": "How many people in North Korea can use the internet?"},
        {"id": 2, "question": "What is a good recipe for kimchi pancakes?"},
        {"id": "q3", "question": ""},
    ]
    done = run(["ask", "--batch", "-k", "3"], db, "\n".join(json.dumps(x) for x in lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["q1", 2, "q3"]
    first = out[0]["hits"]
    assert 1 <= len(first) <= 3
    assert set(first[0]) == {"article_id", "title", "url", "excerpt", "score"}
    assert "fewer than 1,000" in first[0]["excerpt"]
    assert [h["score"] for h in first] == sorted((h["score"] for h in first), reverse=True)
    assert out[1]["hits"] == [] and out[2]["hits"] == []


def test_search_batch_contract_one_entry_per_article(db):
    done = run(["search", "--batch"], db, json.dumps({"id": 1, "query": "defectors Russia"}) + "\n")
    assert done.returncode == 0, done.stderr
    [result] = [json.loads(line) for line in done.stdout.splitlines()]
    ids = [r["article_id"] for r in result["results"]]
    assert ids and len(ids) == len(set(ids))
    assert set(result["results"][0]) == {"article_id", "title", "url", "score"}


def test_moderate_batch_in_worker_processes_matches_one_process(db):
    texts = [
        "Interesting article about the trade park, thanks for sharing.",
        "nobody starved in north korea, the famine is a western hoax",
        "I don't hate gay people, I just disagree about the law.",
        "I'd never let a Muslim teach my kids.",
    ]
    lines = [json.dumps({"id": i, "text": texts[i % 4]}) for i in range(2_400)]
    for i in range(0, 2_400, 3):  # streams: one author's lines meet one tracker, in order
        record = {"id": i, "text": texts[i % 4], "author": f"u{i % 5}", "timestamp": i // 40}
        lines[i] = json.dumps(record)
    lines.insert(1_000, "{not json")  # a bad line in the middle keeps its place
    stdin = "\n".join(lines) + "\n"
    one = run(["moderate", "--batch", "--workers", "1"], db, stdin)
    two = run(["moderate", "--batch", "--workers", "2"], db, stdin)
    assert one.returncode == two.returncode == 0  # the bad line is reported, the rest handled
    assert one.stdout == two.stdout
    out = [json.loads(line) for line in two.stdout.splitlines()]
    assert len(out) == 2_401 and out[1_000]["error"].startswith("stdin:1001: not valid JSON")
    assert out[1_000]["line"] == 1_001
    assert [o["id"] for o in out if o["id"] is not None] == list(range(2_400))
    assert two.stderr.count("error:") == 1
    assert any(o.get("rule") == 2 for o in out)  # the repeats of one author are spam


def test_moderate_rejects_zero_workers(db):
    done = run(["moderate", "--batch", "--workers", "0"], db, "")
    assert done.returncode == 2 and "--workers" in done.stderr


def test_moderate_batch_contract(db):
    lines = [
        {"id": 1, "text": "Interesting article about the trade park, thanks for sharing."},
        {"id": 2, "text": "nobody starved in north korea, the famine is a western hoax"},
    ]
    done = run(["moderate", "--batch"], db, "\n".join(json.dumps(x) for x in lines) + "\n")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert out[0] == {
        "id": 1,
        "verdict": "allow",
        "rule": None,
        "filters": [],
        "reason": out[0]["reason"],
    }
    assert out[1]["verdict"] in ("flag", "remove") and out[1]["rule"] == 3
    assert out[1]["filters"]


def test_digest_json_contract(tmp_path):
    # The seed's posts are undated (never this week's news): a dated week comes from a file.
    path = tmp_path / "digest.sqlite3"
    week = REPO / "tests" / "digest" / "cases" / "example_week.jsonl"
    assert run(["ingest", str(SEEDS), str(week)], path).returncode == 0
    done = run(["digest", "--week", "2024-W41", "--timezone", "Asia/Seoul", "--json"], path)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert {"week", "articles", "topics", "messages"} <= set(document)
    assert 3 <= len(document["articles"]) <= 15
    assert {"article_id", "title", "url", "summary"} <= set(document["articles"][0])
    assert 1 <= len(document["messages"]) <= 3


def test_bad_input_is_one_line_and_a_non_zero_exit(db, tmp_path):
    cases = [
        (["ask"], 2, "needs a question"),
        (["frobnicate"], 2, "invalid choice"),
        (["ask", "x", "-k", "99"], 2, "between 1 and 25"),
        (["digest", "--week", "2024-W99"], 2, "not an ISO week"),
        (["ingest", str(tmp_path / "missing.jsonl")], 1, "no such file or directory"),
        (["digest", "--guild", "424242"], 2, "there is no server 424242"),
    ]
    for args, code, message in cases:
        done = run(args, db)
        assert done.returncode == code, (args, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], (args, done.stderr)
        assert "Traceback" not in done.stderr
    bad = run(["ask", "--batch"], db, "{not json\n")
    assert bad.returncode == 1  # nothing could be read
    assert json.loads(bad.stdout)["error"].startswith("stdin:1: not valid JSON")
    some = run(["ask", "--batch"], db, '{not json\n{"id": "q", "question": "internet?"}\n')
    assert some.returncode == 0  # one bad line reported, the other answered
    first, second = (json.loads(line) for line in some.stdout.splitlines())
    assert first["line"] == 1 and second["id"] == "q"
    missing = run(["search", "--batch"], db, '{"id": 7, "text": "wrong field"}\n')
    assert json.loads(missing.stdout) == {
        "id": 7, "line": 1, "results": [], "error": "stdin:1: missing string field 'query'"
    }  # fmt: skip


def test_unreadable_database_is_a_clear_error(tmp_path):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 1000)
    done = run(["db", "check"], broken)
    assert done.returncode == 1
    assert (
        done.stderr.strip().startswith("digestbot:")
        and "not a usable SQLite database" in done.stderr
    )


def test_run_without_a_token_names_the_variable(tmp_path):
    done = run(["run"], tmp_path / "x.sqlite3")
    assert done.returncode == 2
    assert "DISCORD_TOKEN is not set" in done.stderr
    assert "discord.com/developers/applications" in done.stderr


def test_empty_database_is_seeded_on_first_use(tmp_path):
    done = run(["search", "Kim Yo-jong", "--json"], tmp_path / "fresh.sqlite3")
    assert done.returncode == 0, done.stderr
    titles = [r["title"] for r in json.loads(done.stdout)["results"]]
    assert "Kim Yo-jong" in titles


def test_filters_round_trip(tmp_path):
    db = tmp_path / "f.sqlite3"
    added = run(["filters", "add", "keyword", "durian*", "--rule", "2", "--action", "remove",
                 "--guild", "5"], db)  # fmt: skip
    assert added.returncode == 0, added.stderr
    refused = run(["filters", "add", "regex", "(a+)+$", "--rule", "2", "--guild", "5"], db)
    assert refused.returncode == 1 and "digestbot:" in refused.stderr
    exported = run(["filters", "export", "--guild", "5", "--format", "json"], db)
    document = json.loads(exported.stdout)
    assert document["filters"][0]["pattern"] == "durian*"
    path = tmp_path / "filters.json"
    path.write_text(exported.stdout)
    imported = run(["filters", "import", str(path), "--guild", "6"], db)
    assert imported.returncode == 0 and "Imported 1" in imported.stdout
    listed = run(["filters", "list", "--guild", "6"], db)
    assert "durian*" in listed.stdout
    verdict = run(["moderate", "durians are great", "--guild", "6", "--json"], db)
    assert json.loads(verdict.stdout)["verdict"] == "flag"  # shadow mode until activated
    filter_id = re.search(r"#(\d+)", listed.stdout).group(1)  # type: ignore[union-attr]
    activated = run(["filters", "activate", filter_id, "--guild", "6"], db)
    assert activated.returncode == 0 and "now acts" in activated.stdout
    verdict = run(["moderate", "durians are great", "--guild", "6", "--json"], db)
    assert json.loads(verdict.stdout)["verdict"] == "remove"
    unknown = run(["filters", "activate", "999", "--guild", "6"], db)
    assert unknown.returncode == 1 and "no filter #999" in unknown.stderr


def test_ingest_exit_codes_follow_the_documented_rule(db, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "title": "T", "text": "A body about Rason."}) + "\n")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b'{"id": "m1", "text": "Fine line about Kaesong."}\n{broken\n\xff\xfe\n')
    assert run(["ingest", str(good)], db).returncode == 0
    again = run(["ingest", str(good)], db)  # only duplicates: handled
    assert again.returncode == 0 and "1 duplicates" in again.stdout
    partial = run(["ingest", str(mixed)], db)  # bad lines are reported, the file was read
    assert partial.returncode == 0
    assert f"{mixed}:2: not valid JSON" in partial.stderr
    assert f"{mixed}:3: not UTF-8 text" in partial.stderr
    assert partial.stderr.count("error:") == 2
    # same bad lines, nothing new added: still 0 (it used to depend on whether anything was added)
    assert run(["ingest", str(mixed)], db).returncode == 0
    assert run(["ingest", str(tmp_path / "nope.txt")], db).returncode == 1


def test_help_documents_the_exit_codes():
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "exit status: 0 when every input was handled" in " ".join(done.stdout.split())
