"""`digestbot sources ...` end to end: the real CLI, a real database, a local feed over HTTP."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.cli.main import main
from tests.feed_server import Item, rss

FIRST = rss([Item(1, "Rason rail link", "Pyongyang opened a rail link to Rason.")])


class _Feed:
    body = FIRST


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        data = _Feed.body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture
def feed_url() -> Iterator[str]:
    # asyncio.run inside main() needs a test without a running loop: serve from a thread.
    _Feed.body = FIRST
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("DIGESTBOT_DB", str(tmp_path / "cli.sqlite3"))
    monkeypatch.setenv("DIGESTBOT_SEEDS", str(tmp_path / "no-seeds"))
    monkeypatch.setenv("DIGESTBOT_FEED_ALLOW_HOSTS", "127.0.0.1")  # the local feed server
    return tmp_path


def test_add_list_poll_pause_remove(env, feed_url, capsys):
    assert main(["sources", "add", feed_url, "--guild", "5", "--announce", "9"]) == 0
    out = capsys.readouterr().out
    assert "Feed: c/northkorea, 1 item(s)" in out
    assert "#1 c/northkorea [ok]" in out and "first poll" in out

    assert main(["sources", "list", "--guild", "5"]) == 0
    out = capsys.readouterr().out
    assert "announces in <#9>" in out and "1 source(s) in guild 5" in out

    _Feed.body = rss(
        [
            Item(
                2,
                "Kaesong tram",
                "A tram line now links Kaesong station and the old town.",
                datetime.now(UTC),  # the CLI runs on the real clock: published "just now"
            ),
            Item(1, "Rason rail link", "Pyongyang opened a rail link to Rason."),
        ]
    )
    assert main(["sources", "poll", "--guild", "5"]) == 0
    out = capsys.readouterr().out
    assert "new in channel 9: Kaesong tram https://news.example/2" in out
    assert "1 new in the archive" in out

    assert main(["ask", "tram in Kaesong", "--json"]) == 0
    assert "Kaesong tram" in capsys.readouterr().out

    assert main(["sources", "pause", "1", "--guild", "5"]) == 0
    assert main(["sources", "list", "--guild", "5"]) == 0
    assert "[paused]" in capsys.readouterr().out
    assert main(["sources", "remove", "1", "--guild", "6"]) == 1
    assert "no source #1" in capsys.readouterr().err
    assert main(["sources", "remove", "1", "--guild", "5"]) == 0
    assert main(["sources", "list", "--guild", "5"]) == 0
    assert "0 source(s)" in capsys.readouterr().out


def test_add_reports_a_bad_interval_in_one_line(env, feed_url, capsys):
    assert main(["sources", "add", feed_url, "--guild", "5", "--interval", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "between 5 and 1440 minutes" in err
