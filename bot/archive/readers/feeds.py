"""RSS and Atom feeds (a Lemmy community is one): fetching with conditional GET, and parsing."""

from __future__ import annotations

import asyncio
import calendar
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.archive.domain.addresses import AddressPolicy, AddressRefused
from bot.archive.domain.articles import (
    Article,
    derive_title,
    normalize_whitespace,
    stable_article_id,
)
from bot.archive.readers.base import Problem, SourceBatch, SourceError
from bot.archive.readers.html_text import html_to_text

if TYPE_CHECKING:
    import aiohttp

MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
FETCH_TIMEOUT_SECONDS = 20.0
USER_AGENT = "digestbot/0.1 (+https://github.com/; feed reader)"


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FeedFetcher:
    """HTTP GET with ETag/Last-Modified, a timeout, a size cap and the address policy.

    Every hop is checked: the URL (scheme, IP literals) before each request, redirects followed
    one at a time (at most MAX_REDIRECTS), and every name resolved through a resolver that
    refuses private, loopback, link-local and multicast addresses, so the address checked is the
    address connected to.
    """

    def __init__(
        self,
        *,
        timeout: float = FETCH_TIMEOUT_SECONDS,
        max_bytes: int = MAX_FEED_BYTES,
        policy: AddressPolicy | None = None,
    ) -> None:
        self._timeout = timeout
        self._max_bytes = max_bytes
        self._policy = policy or AddressPolicy()
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> FeedFetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        """Fetch ``url``; a refused address, a network error, an HTTP error or an oversized body
        is a SourceError."""
        import aiohttp  # only feed fetching needs it (0.2 s to import)

        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self._timeout),
                headers={"User-Agent": USER_AGENT},
                connector=aiohttp.TCPConnector(resolver=_policy_resolver(self._policy)),
            )
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        try:
            for _ in range(MAX_REDIRECTS + 1):
                self._policy.check_url(current)
                async with self._session.get(
                    current, headers=headers, allow_redirects=False
                ) as response:
                    location = response.headers.get("Location")
                    if response.status in REDIRECTS and location:
                        current = str(response.url.join(yarl_url(location)))
                        continue
                    return await self._read(url, response, etag, last_modified)
            raise SourceError(f"{url}: more than {MAX_REDIRECTS} redirects")
        except AddressRefused as exc:
            raise SourceError(f"{url}: refused: {exc}") from exc
        except TimeoutError as exc:
            raise SourceError(f"{url}: no answer within {self._timeout:g} s") from exc
        except aiohttp.ClientConnectorError as exc:
            if isinstance(exc.os_error, AddressRefused):
                raise SourceError(f"{url}: refused: {exc.os_error}") from exc
            raise SourceError(f"{url}: cannot fetch ({exc.__class__.__name__}: {exc})") from exc
        except aiohttp.ClientError as exc:
            raise SourceError(f"{url}: cannot fetch ({exc.__class__.__name__}: {exc})") from exc

    async def _read(
        self,
        url: str,
        response: aiohttp.ClientResponse,
        etag: str | None,
        last_modified: str | None,
    ) -> FetchResult:
        if response.status == 304:
            return FetchResult(url, 304, b"", etag, last_modified)
        if response.status >= 400:
            raise SourceError(f"{url}: the server answered HTTP {response.status}")
        declared = response.content_length
        if declared is not None and declared > self._max_bytes:
            raise SourceError(f"{url}: {declared:,} bytes is over the feed size limit")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(65536):
            size += len(chunk)
            if size > self._max_bytes:
                raise SourceError(f"{url}: the feed is over the {self._max_bytes:,}-byte limit")
            chunks.append(chunk)
        return FetchResult(
            url,
            response.status,
            b"".join(chunks),
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
        )


def yarl_url(location: str) -> Any:
    import yarl

    return yarl.URL(location)


def _policy_resolver(policy: AddressPolicy) -> Any:
    """aiohttp's default resolver, refusing names that resolve to non-public addresses."""
    from aiohttp.abc import AbstractResolver, ResolveResult
    from aiohttp.resolver import DefaultResolver

    class PolicyResolver(AbstractResolver):
        def __init__(self) -> None:
            self._inner = DefaultResolver()

        async def resolve(
            self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
        ) -> list[ResolveResult]:
            results = await self._inner.resolve(host, port, family)
            policy.check_resolved(host, [str(r["host"]) for r in results])
            return results

        async def close(self) -> None:
            await self._inner.close()

    return PolicyResolver()


def parse_feed(
    data: bytes, location: str, *, now: datetime, source: str | None = None
) -> SourceBatch:
    """Parse RSS/Atom bytes; something that is not a feed (HTML, garbage) is a SourceError."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    if not version and not entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({reason.__class__.__name__})" if reason else ""
        raise SourceError(f"{location}: not an RSS or Atom feed{detail}")
    feed_source = source or location
    raw_title = (parsed.get("feed") or {}).get("title") or ""
    batch = SourceBatch(
        location=location, title=normalize_whitespace(html_to_text(raw_title)) or None
    )
    for position, entry in enumerate(entries, start=1):
        try:
            batch.articles.append(_entry_article(entry, feed_source, now=now))
        except ValueError as exc:
            batch.problems.append(Problem(f"{location} item {position}", str(exc)))
    return batch


async def parse_feed_async(
    data: bytes, location: str, *, now: datetime, source: str | None = None
) -> SourceBatch:
    """parse_feed in a worker thread: feedparser is pure Python and a big feed takes a while."""
    return await asyncio.to_thread(parse_feed, data, location, now=now, source=source)


def _entry_article(entry: Any, source: str, *, now: datetime) -> Article:
    content = entry.get("content") or []
    markup = ""
    if content:
        markup = max((part.get("value") or "" for part in content), key=len)
    if not markup:
        markup = entry.get("summary") or entry.get("description") or ""
    body = html_to_text(markup)
    raw_title = normalize_whitespace(html_to_text(entry.get("title") or ""))
    link = (entry.get("link") or "").strip() or None
    if not body:
        # Link posts often carry only a title; index the title so they can still be found.
        body = raw_title
    if not body:
        raise ValueError("the item has neither a title nor any text")
    guid = (entry.get("id") or "").strip() or link
    published = _struct_time(entry.get("published_parsed") or entry.get("updated_parsed"))
    return Article(
        id=stable_article_id(source=source, guid=guid, url=link, body=body),
        source=source,
        title=raw_title or derive_title(body),
        body=body,
        url=link,
        author=(entry.get("author") or None),
        published=published,
        ingested=now,
        guid=guid,
    )


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
