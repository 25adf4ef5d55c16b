"""A local feed server for source tests: RSS or Lemmy-style Atom that changes between polls."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from aiohttp import web

from bot.archive.domain.addresses import AddressPolicy
from bot.archive.readers.feeds import FeedFetcher

# The feed server listens on 127.0.0.1, which the bot refuses by default: tests allow it the way
# an operator would (DIGESTBOT_FEED_ALLOW_HOSTS=127.0.0.1).
LOOPBACK = ("127.0.0.1",)
LOOPBACK_POLICY = AddressPolicy.allowing(LOOPBACK)


def loopback_fetcher(timeout: float = 20.0) -> FeedFetcher:
    return FeedFetcher(timeout=timeout, policy=LOOPBACK_POLICY)


@dataclass
class Item:
    """One feed item; ``n`` makes its GUID and link."""

    n: int
    title: str
    body: str
    published: datetime = field(default_factory=lambda: datetime(2026, 11, 23, 12, 30, tzinfo=UTC))


def rss(items: list[Item], title: str = "c/northkorea") -> str:
    entries = "\n".join(
        f"<item><title>{escape(i.title)}</title><link>https://news.example/{i.n}</link>"
        f"<guid>https://lemmy.example/post/{i.n}</guid>"
        f"<pubDate>{format_datetime(i.published, usegmt=True)}</pubDate>"
        f"<description><![CDATA[<p>{i.body}</p>]]></description></item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://lemmy.example/c/northkorea</link>"
        f"<description>North Korea news</description>{entries}</channel></rss>"
    )


def atom(items: list[Item], title: str = "Lemmy - northkorea") -> str:
    entries = "\n".join(
        f"<entry><title>{escape(i.title)}</title><id>https://lemmy.example/post/{i.n}</id>"
        f'<link href="https://news.example/{i.n}"/><author><name>poster{i.n}</name></author>'
        f"<updated>{i.published.isoformat()}</updated>"
        f'<content type="html">{escape(f"<p>{i.body}</p>")}</content></entry>'
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>https://lemmy.example/feeds/c/northkorea.xml</id>"
        f"<updated>2026-11-23T12:00:00Z</updated>{entries}</feed>"
    )


class FeedServer:
    """Serves ``/feed`` from ``items`` in ``kind`` (rss or atom), honouring If-None-Match.

    ``mode`` breaks it on purpose: "500", "garbage", "html", or "hang" (never answers).
    """

    def __init__(self) -> None:
        self.items: list[Item] = []
        self.kind = "rss"
        self.mode = "ok"
        self.requests: list[dict[str, str]] = []
        self.not_modified = 0
        self.redirect_to: str | None = None  # answer 302 with this Location instead
        self._release = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url = ""

    @property
    def body(self) -> str:
        return rss(self.items) if self.kind == "rss" else atom(self.items)

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body.encode()).hexdigest()[:16] + '"'

    async def _feed(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(dict(request.headers))
        if self.redirect_to is not None:
            raise web.HTTPFound(self.redirect_to)
        if self.mode == "500":
            return web.Response(status=500, text="Internal Server Error")
        if self.mode == "garbage":
            return web.Response(body=b"\x00\x01 not a feed {{{", content_type="application/xml")
        if self.mode == "html":
            return web.Response(
                text="<!doctype html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
                content_type="text/html",
            )
        if self.mode == "hang":
            await self._release.wait()
            return web.Response(status=503)
        if request.headers.get("If-None-Match") == self.etag:
            self.not_modified += 1
            return web.Response(status=304, headers={"ETag": self.etag})
        content_type = "application/rss+xml" if self.kind == "rss" else "application/atom+xml"
        return web.Response(text=self.body, content_type=content_type, headers={"ETag": self.etag})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/feed", self._feed)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/feed"

    async def stop(self) -> None:
        self._release.set()  # let a hanging request finish so the runner can stop
        if self._runner is not None:
            await self._runner.cleanup()
