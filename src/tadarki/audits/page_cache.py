"""Conditional re-fetch across rounds: the engine's ConditionalCache, backed by `PageCache`.

The crawl runs on a loop that must not touch the database, so a portal's entries are loaded
in one query before its crawl and the entries the crawl wrote are saved with the portal's
result (same transaction). On a 304 the engine judges the cached text as a fresh fetch;
`fill_bodies` hands that text to the evidence store, so a finding seen on an unchanged page
keeps the real page body and its sha256.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from tadarki.engine.crawl.cache import CachedPage
from tadarki.engine.result import PortalResult

from .evidence import compress, decompress
from .models import PageCache


def enabled() -> bool:
    return getattr(settings, "TADARKI_CONDITIONAL_FETCH", True)


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def _bare_host(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


class RoundPageCache:
    """One portal's cache for one crawl: reads from memory, collects what to write."""

    def __init__(self, portal_host: str, rows: dict[str, tuple] | None = None) -> None:
        self.portal_host = portal_host
        self._rows = rows or {}  # url -> (etag, last_modified, sha256, codec, data, type)
        self.fresh: dict[str, CachedPage] = {}  # written by this crawl
        self.asked: set[str] = set()  # URLs this crawl asked about
        self.bodies_filled = 0  # pages answered 304 whose body came from here

    @classmethod
    def load(cls, portal_url: str) -> RoundPageCache:
        host = _bare_host(urlsplit(portal_url).netloc)
        fields = ("url", "etag", "last_modified", "sha256", "codec", "text", "content_type")
        rows = {
            url: (etag, lm, sha, codec, bytes(data), ctype)
            for url, etag, lm, sha, codec, data, ctype in PageCache.objects.filter(
                portal_host=host
            ).values_list(*fields)
        }
        return cls(host, rows)

    def __len__(self) -> int:
        return len(self._rows)

    def _text(self, url: str) -> str | None:
        row = self._rows.get(url)
        return decompress(row[3], row[4]).decode("utf-8") if row else None

    # The engine's ConditionalCache protocol (called on the crawl loop: memory only).
    def get(self, url: str) -> CachedPage | None:
        self.asked.add(url)
        if url in self.fresh:
            return self.fresh[url]
        row = self._rows.get(url)
        if row is None:
            return None
        return CachedPage(row[0], row[1], self._text(url) or "")

    def put(self, url: str, etag: str, last_modified: str, text: str) -> None:
        # Off-host link targets are not this portal's pages: keep them out of the cache.
        if _bare_host(urlsplit(url).netloc) != self.portal_host:
            return
        self.fresh[url] = CachedPage(etag or "", last_modified or "", text)

    # After the crawl, on the caller's thread.
    def fill_bodies(self, result: PortalResult) -> int:
        """Give pages answered 304 (no body from the wire) the cached body they stand for."""
        filled = 0
        for page in result.pages:
            if page.body is not None or page.status is None or page.status >= 400:
                continue
            cached = self.get(page.url)
            if cached is None or not cached.text:
                continue
            body = cached.text.encode("utf-8")
            if page.sha256 and hashlib.sha256(body).hexdigest() != page.sha256:
                continue  # not the text the engine judged
            page.body = body
            row = self._rows.get(page.url)
            if not page.content_type and row is not None:
                page.content_type = row[5]
            filled += 1
        self.bodies_filled = filled
        return filled

    def save(self, result: PortalResult | None = None) -> int:
        """Write this crawl's entries (insert or replace, keyed by URL).

        After a crawl that reached the portal, entries for pages it no longer asked about
        (removed from the portal) are dropped, so the cache follows the portal.
        """
        now = timezone.now()
        types = {p.url: p.content_type for p in result.pages} if result is not None else {}
        rows = []
        for url, page in self.fresh.items():
            body = page.text.encode("utf-8")
            codec, data = compress(body)
            rows.append(
                PageCache(
                    url_hash=url_hash(url),
                    url=url,
                    portal_host=self.portal_host,
                    etag=page.etag[:255],
                    last_modified=page.last_modified[:64],
                    sha256=hashlib.sha256(body).hexdigest(),
                    content_type=(types.get(url) or "")[:100],
                    codec=codec,
                    text=data,
                    updated_at=now,
                )
            )
        if rows:
            PageCache.objects.bulk_create(
                rows,
                batch_size=200,
                update_conflicts=True,
                unique_fields=["url_hash"],
                update_fields=[
                    "url",
                    "portal_host",
                    "etag",
                    "last_modified",
                    "sha256",
                    "content_type",
                    "codec",
                    "text",
                    "updated_at",
                ],
            )
        reused = (set(self._rows) & self.asked) - set(self.fresh)
        if reused:  # still linked: keep them past the retention purge
            PageCache.objects.filter(portal_host=self.portal_host, url__in=reused).update(
                updated_at=now
            )
        if result is not None and result.reachable:
            gone = set(self._rows) - self.asked - set(self.fresh)
            if gone:
                PageCache.objects.filter(portal_host=self.portal_host, url__in=gone).delete()
        return len(rows)


def purge_page_cache(retention_days: int | None = None) -> int:
    """Drop entries no crawl has asked about for the retention period (e.g. an office whose
    portal moved to another address)."""
    if retention_days is None:
        retention_days = getattr(settings, "TADARKI_SNAPSHOT_RETENTION_DAYS", 400)
    cutoff = timezone.now() - timedelta(days=retention_days)
    deleted, _ = PageCache.objects.filter(updated_at__lt=cutoff).delete()
    return deleted
