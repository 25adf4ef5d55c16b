import json
from datetime import UTC, datetime

import pytest
from aiohttp import web

from bot.archive.storage.articles import ArticleRepository
from bot.archive.storage.community import CommunityRepository
from tests.support import SEEDS

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>c/northkorea</title><link>https://lemmy.example/c/northkorea</link>
<description>Discussion</description>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>
<pubDate>{date}</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>NK feed</title><id>urn:feed</id>
<updated>2024-10-01T00:00:00Z</updated>
<entry><title>Atom entry</title><id>urn:entry:1</id><link href="https://news.example/atom-1"/>
<updated>2024-10-02T08:00:00Z</updated><content type="html">&lt;p&gt;Pyongyang announced a new
rail link to Rason.&lt;/p&gt;&lt;p&gt;Trade officials welcomed it.&lt;/p&gt;</content></entry>
</feed>"""

LONG = (
    "North Korean workers in Russia are under tighter control since the summit, a source said, "
    "and the safe houses and routes used by defectors were discovered by the authorities after "
    "the meeting, which has made many workers afraid to contact the refugee agency."
)


def rss(*items):
    return RSS.format(items="\n".join(items))


def item(n, body, title=None):
    return ITEM.format(
        title=title or f"Story {n}",
        link=f"https://news.example/{n}",
        guid=f"guid-{n}",
        date="Wed, 02 Oct 2024 10:00:00 GMT",
        body=body,
    )


async def test_seed_directory_is_ingested_with_profile(ingest_service, db):
    report = await ingest_service.ingest([str(SEEDS)])
    assert (report.added, report.errors) == (7, [])
    repo = ArticleRepository(db)
    assert await repo.count() == 7
    assert await repo.passage_count() >= 7
    profile = await CommunityRepository(db).get()
    assert profile is not None and len(profile.rules) == 3
    assert profile.readers == "55 readers"  # stored with the profile (migration 0004)
    titled = [a for a in await repo.all() if a.title == "Kim Yo-jong"]
    assert titled and titled[0].author == "catatomic"


async def test_reingesting_the_same_input_adds_nothing(ingest_service, db):
    await ingest_service.ingest([str(SEEDS)])
    again = await ingest_service.ingest([str(SEEDS)])
    assert (again.added, again.updated, again.duplicates) == (0, 0, 7)
    assert await ArticleRepository(db).count() == 7


async def test_jsonl_bad_lines_are_reported_with_line_numbers(ingest_service, db, tmp_path):
    path = tmp_path / "archive.jsonl"
    lines = [
        json.dumps(
            {
                "id": "k1",
                "title": "One",
                "text": "First article text.",
                "url": "https://x/1",
                "published": "2024-10-01T09:00:00+09:00",
                "author": "A",
                "source": "kcna",
            }
        ),
        "{not json",
        json.dumps({"id": "k2", "title": "Two"}),
        json.dumps({"id": "k3", "body": "Third article body.", "published": "yesterday"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "k4", "text": "Fourth article has no title so one is derived."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    report = await ingest_service.ingest([str(path)])
    assert report.added == 2
    assert len(report.errors) == 4
    assert report.errors[0].startswith(f"{path}:2: not valid JSON")
    assert f"{path}:3: missing 'text'" in report.errors[1]
    assert f"{path}:4:" in report.errors[2] and "ISO 8601" in report.errors[2]
    assert f"{path}:5: expected a JSON object" in report.errors[3]
    repo = ArticleRepository(db)
    first = await repo.get("k1")
    assert first is not None
    assert first.published == datetime(2024, 10, 1, 0, 0, tzinfo=UTC)
    assert (first.source, first.author, first.url) == ("kcna", "A", "https://x/1")
    fourth = await repo.get("k4")
    assert fourth is not None and fourth.title.startswith("Fourth article has no title")


async def test_markdown_with_front_matter(ingest_service, db, tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Rail link\nurl: https://news.example/rail\npublished: 2024-10-02\n"
        "author: Kim\n---\n# Ignored heading\n\nPyongyang opened a rail link.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("# Heading title\n\nA plain text article.\n", encoding="utf-8")
    report = await ingest_service.ingest([str(tmp_path)])
    assert (report.added, report.errors) == (2, [])
    by_title = {a.title: a for a in await ArticleRepository(db).all()}
    assert by_title["Rail link"].url == "https://news.example/rail"
    assert by_title["Rail link"].published == datetime(2024, 10, 2, tzinfo=UTC)
    assert by_title["Heading title"].body == "A plain text article."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("---\ntitle: [unclosed\n---\nbody\n", ":2: the front matter is not valid YAML"),
        ("---\ncolour: red\n---\nbody\n", "unknown front matter key(s) colour"),
        ("---\ntitle: x\npublished: someday\n---\nbody\n", "not an ISO 8601 date"),
        ("---\ntitle: only\n---\n\n", "has no body text"),
    ],
)
async def test_bad_text_files_are_errors_naming_the_file(
    ingest_service, db, tmp_path, content, message
):
    path = tmp_path / "bad.md"
    path.write_text(content, encoding="utf-8")
    report = await ingest_service.ingest([str(path)])
    assert report.added == 0
    assert len(report.errors) == 1 and str(path) in report.errors[0]
    assert message in report.errors[0]


async def test_a_damaged_seed_dump_imports_nothing(ingest_service, db, tmp_path):
    text = next(SEEDS.glob("*.txt")).read_text(encoding="utf-8")
    damaged = text.replace("  2. Follow", "  5. Follow")
    path = tmp_path / "dump.txt"
    path.write_text(damaged, encoding="utf-8")
    report = await ingest_service.ingest([str(path)])
    assert report.added == 0
    assert report.errors and f"{path}:11: rule numbered 5" in report.errors[0]
    assert await ArticleRepository(db).count() == 0
    assert await CommunityRepository(db).get() is None


async def test_missing_and_unsupported_inputs(ingest_service, tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    report = await ingest_service.ingest(
        [str(tmp_path / "nope.jsonl"), str(tmp_path / "x.pdf"), str(tmp_path)]
    )
    assert "no such file or directory" in report.errors[0]
    assert "unsupported file type '.pdf'" in report.errors[1]
    assert "no supported files" in report.errors[2]


async def test_a_bad_byte_costs_its_line_not_the_file(ingest_service, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("A first line about Kaesong.\ncaf\xe9\nA last line.\n".encode("latin-1"))
    report = await ingest_service.ingest([str(path)])
    assert report.errors == [f"{path}:2: not UTF-8 text (byte 0xe9 at column 4); line skipped"]
    assert report.added == 1


async def test_a_bad_byte_in_json_lines_costs_only_its_line(ingest_service, db, tmp_path):
    path = tmp_path / "archive.jsonl"
    rows = [
        json.dumps({"id": f"a{n}", "title": f"Title {n}", "text": f"Body number {n} about trade."})
        for n in range(1, 2001)
    ]
    data = "\n".join(rows).encode()
    # line 1,500 gets a byte that is not UTF-8
    lines = data.split(b"\n")
    lines[1499] = lines[1499].replace(b"trade", b"tr\xffde")
    path.write_bytes(b"\n".join(lines))
    report = await ingest_service.ingest([str(path)])
    assert report.added == 1999
    assert report.errors == [f"{path}:1500: not UTF-8 text (byte 0xff at column 74); line skipped"]


async def test_feed_files_rss_and_atom(ingest_service, db, tmp_path):
    (tmp_path / "c.rss").write_text(rss(item(1, "Body one about trade."), item(2, LONG)))
    (tmp_path / "d.atom").write_text(ATOM)
    report = await ingest_service.ingest([str(tmp_path)])
    assert (report.added, report.errors) == (3, [])
    repo = ArticleRepository(db)
    atom = next(a for a in await repo.all() if a.title == "Atom entry")
    assert (
        atom.body == "Pyongyang announced a new rail link to Rason.\n\nTrade officials welcomed it."
    )
    assert atom.published == datetime(2024, 10, 2, 8, 0, tzinfo=UTC)
    assert atom.url == "https://news.example/atom-1"


async def test_near_duplicate_repost_is_not_indexed_twice(ingest_service, db, tmp_path):
    edited = LONG.replace("a source said", "a source told reporters") + " More soon."
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"id": "orig", "text": LONG})
        + "\n"
        + json.dumps({"id": "repost", "text": edited})
    )
    report = await ingest_service.ingest([str(path)])
    assert (report.added, report.near_duplicates) == (1, 1)
    again = await ingest_service.ingest([str(path)])
    assert (again.added, again.duplicates, again.near_duplicates) == (0, 1, 1)
    assert await ArticleRepository(db).get("repost") is None


class FeedServer:
    """A local HTTP server whose feed changes between polls and honours ETags."""

    def __init__(self) -> None:
        self.body = rss()
        self.etag = '"v1"'
        self.requests: list[dict[str, str]] = []
        self.status = 200

    async def handle(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.headers))
        if self.status != 200:
            return web.Response(status=self.status)
        if request.headers.get("If-None-Match") == self.etag:
            return web.Response(status=304)
        return web.Response(
            body=self.body.encode(), headers={"ETag": self.etag}, content_type="application/rss+xml"
        )


async def html_page(request: web.Request) -> web.Response:
    return web.Response(text="<html><body>hi</body></html>", content_type="text/html")


@pytest.fixture
async def feed_server():
    server = FeedServer()
    app = web.Application()
    app.router.add_get("/feed.xml", server.handle)
    app.router.add_get("/page.html", html_page)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    server.url = f"http://127.0.0.1:{port}"  # type: ignore[attr-defined]
    yield server
    await runner.cleanup()


async def test_feed_url_conditional_get_and_edits(ingest_service, db, feed_server):
    url = feed_server.url + "/feed.xml"
    feed_server.body = rss(item(1, "First story about the border."), item(2, LONG))
    first = await ingest_service.ingest([url])
    assert (first.added, first.errors) == (2, [])

    second = await ingest_service.ingest([url])
    assert second.not_modified == 1 and second.added == 0
    assert feed_server.requests[-1].get("If-None-Match") == '"v1"'

    feed_server.etag = '"v2"'
    feed_server.body = rss(
        item(1, "First story about the border, corrected."),
        item(2, LONG),
        item(3, "A third story."),
    )
    third = await ingest_service.ingest([url])
    assert (third.added, third.updated, third.duplicates) == (1, 1, 1)
    repo = ArticleRepository(db)
    assert await repo.count() == 3
    corrected = next(a for a in await repo.all() if a.guid == "guid-1")
    assert corrected.body.endswith("corrected.")


async def test_feed_url_errors(ingest_service, feed_server):
    feed_server.status = 500
    report = await ingest_service.ingest(
        [feed_server.url + "/feed.xml", feed_server.url + "/page.html"]
    )
    assert "HTTP 500" in report.errors[0]
    assert "not an RSS or Atom feed" in report.errors[1]


async def test_interrupted_ingest_is_consistent_and_a_rerun_finishes(ingest_service, db, tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": f"n{i}", "text": f"Article {i}. It has two sentences {i * 7}."})
            for i in range(1200)
        )
    )

    def killed_after_first_batch(done, total, what):
        # progress() runs after each committed chunk: dying here is a kill between two chunks.
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        await ingest_service.ingest([str(path)], progress=killed_after_first_batch)
    repo = ArticleRepository(db)
    assert await repo.count() == 500  # exactly the committed batch, with all its passages
    assert await repo.passage_count() == 500
    assert await db.integrity_check() == []
    report = await ingest_service.ingest([str(path)])
    assert (report.added, report.duplicates) == (700, 500)
    assert await repo.count() == 1200


async def test_an_exact_copy_under_another_identity_is_a_duplicate_by_content(
    ingest_service, db, tmp_path
):
    body = "Rason port handled more Russian coal this month, according to customs data."
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "a1", "url": "https://one.example/a", "text": body}) + "\n")
    copy = tmp_path / "copy.jsonl"
    copy.write_text(json.dumps({"id": "b9", "url": "https://two.example/b", "text": body}) + "\n")
    assert (await ingest_service.ingest([str(first)])).added == 1
    report = await ingest_service.ingest([str(copy)])
    # the exact content hash decides, before the fuzzier near-duplicate check
    assert (report.added, report.duplicates, report.near_duplicates) == (0, 1, 0)
    assert await ArticleRepository(db).count() == 1


async def test_the_same_link_with_new_text_updates_the_article(ingest_service, db, tmp_path):
    url = "https://news.example/kaesong-tram"
    before = tmp_path / "before.jsonl"
    before.write_text(json.dumps({"url": url, "text": "A tram line will link Kaesong."}) + "\n")
    after = tmp_path / "after.jsonl"
    after.write_text(
        json.dumps({"url": url, "text": "Officials opened the Kaesong tram line on Monday."}) + "\n"
    )
    assert (await ingest_service.ingest([str(before)])).added == 1
    report = await ingest_service.ingest([str(after)])
    assert (report.added, report.updated) == (0, 1)  # the link says it is the same article
    repo = ArticleRepository(db)
    assert await repo.count() == 1
    [stored] = await repo.all()
    assert "opened the Kaesong tram line" in stored.body


async def test_problems_in_a_directory_name_each_file_once(ingest_service, tmp_path):
    (tmp_path / "good.md").write_text("# Title\n\nA body about Sinuiju.\n")
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nbody\n")
    (tmp_path / "empty.md").write_text("   \n")
    report = await ingest_service.ingest([str(tmp_path)])
    assert report.added == 1 and report.unreadable == 0
    bad, empty = sorted(report.errors)
    assert bad == f"{tmp_path / 'bad.md'}:2: the front matter is not valid YAML"
    assert empty == f"{tmp_path / 'empty.md'}: the article has no body text"
