"""`digestbot digest --explain`, the default timezone, and imports that stay lazy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO, SEEDS

WEEK_FILE = REPO / "tests" / "digest" / "cases" / "example_week.jsonl"


def run(args: list[str], db: Path, *python: str) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "DIGESTBOT_DB": str(db),
        "DIGESTBOT_SEEDS": str(SEEDS),
        "PYTHONPATH": str(REPO),
        "LOG_LEVEL": "WARNING",
    }
    environment.pop("DISCORD_TOKEN", None)
    command = [sys.executable, *python, "-m", "bot", *args] if args else [sys.executable, *python]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env=environment,
        cwd=db.parent,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("digest-cli") / "bot.sqlite3"
    done = run(["ingest", str(SEEDS), str(WEEK_FILE)], path)
    assert done.returncode == 0, done.stderr
    return path


def test_explain_shows_every_story_with_its_reasons(db: Path) -> None:
    done = run(["digest", "--week", "2024-W41", "--timezone", "Asia/Seoul", "--explain"], db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Ranking of 2024-W41 (Asia/Seoul)")
    assert "reports" in done.stdout and "featured" in done.stdout and "novelty" in done.stdout
    assert "never leads" in done.stdout  # the press reviews


def test_json_with_explain_adds_the_ranking(db: Path) -> None:
    args = ["digest", "--week", "2024-W41", "--timezone", "Asia/Seoul", "--json", "--explain"]
    done = run(args, db)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["ranking"][0]["reasons"]
    assert document["articles"][0]["reports"]


def story_ids(db: Path, week: str, timezone: str) -> set[str]:
    args = ["digest", "--week", week, "--timezone", timezone, "--json", "--explain"]
    done = run(args, db)
    assert done.returncode == 0, done.stderr
    return {i for story in json.loads(done.stdout)["ranking"] for i in story["article_ids"]}


def test_weeks_are_cut_in_the_timezone_asked_for(db: Path) -> None:
    # w01 was published on Monday 7 Oct 09:00 in Seoul: Sunday 6 Oct 14:00 in Honolulu.
    assert "w01" in story_ids(db, "2024-W41", "Asia/Seoul")
    assert "w01" not in story_ids(db, "2024-W41", "Pacific/Honolulu")
    assert "w01" in story_ids(db, "2024-W40", "Pacific/Honolulu")


def test_db_check_imports_neither_scikit_learn_nor_matplotlib(db: Path) -> None:
    probe = (
        "import sys\n"
        "from bot.cli.main import main\n"
        "sys.argv = ['digestbot', 'db', 'check']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('sklearn', 'matplotlib', 'scipy') if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    done = run([], db, "-c", probe)
    assert "HEAVY=\n" in done.stdout or done.stdout.rstrip().endswith("HEAVY="), (
        done.stdout,
        done.stderr,
    )
