"""Crawl one portal into a Site: home, template seeds, then links breadth-first.

Only the portal's own host (and its www. twin) is crawled; off-host links go to the
LinkChecker. Every page is parsed once here, for its links. Given a `read_page` (the audit
passes npf.parse.parse_page_and_hrefs), that one parse also reads the page for the rules,
which find it in `crawler.parsed` instead of parsing the page again. Once its links are
followed, a page's text is packed (site.PageText) until the judge reads it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from tadarki.engine.crawl import defaults
from tadarki.engine.crawl.config import CrawlConfig
from tadarki.engine.crawl.fetcher import Fetcher
from tadarki.engine.crawl.linkcheck import LinkChecker
from tadarki.engine.crawl.links import UrlResolver, extract_hrefs, is_trap
from tadarki.engine.crawl.robots import RobotsCache, RobotsRules
from tadarki.engine.npf.detect import detect_template
from tadarki.engine.npf.parse import remembering
from tadarki.engine.site import FetchedPage, LinkCheck, PageText, Site, preset_dictionary

Progress = Callable[[dict], None]
# (url, the page's PageText) -> (the page as the rules read it, its hrefs or None when not
# read). A reader that keeps the text for later keeps the PageText, so it is packed with it.
PageReader = Callable[[str, PageText], tuple[Any, list[str] | None]]

SEEDS_BY_TEMPLATE = {
    "G3": ("/views/sitemap", "/pages/officers", "/views/info-officers", "/pages/notices"),
    "G1": ("/site/view/sitemap//সাইট-ম্যাপ",),
    "G2": ("/bn/", "/en/"),
}
MAX_SOURCES = 100  # pages remembered per link target
MAX_WARNINGS = 50


def _twin_hosts(netloc: str) -> set[str]:
    return {netloc, netloc[4:] if netloc.startswith("www.") else "www." + netloc}


def _is_document(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return path.endswith(defaults.DOCUMENT_SUFFIXES)


def _error_class(page: FetchedPage) -> str:
    if page.error:
        return page.error
    if page.status is None:
        return "connection"
    return f"http-{page.status // 100}xx"


class SiteCrawler:
    """Crawls one portal. Create one per portal; share the Fetcher and LinkChecker."""

    def __init__(
        self,
        fetcher: Fetcher,
        *,
        link_checker: LinkChecker | None = None,
        robots: RobotsCache | None = None,
        progress: Progress | None = None,
        keep_bodies: bool = False,
        config: CrawlConfig | None = None,
        read_page: PageReader | None = None,
    ) -> None:
        self.fetcher = fetcher
        self.config = config or fetcher.config
        self.link_checker = link_checker
        self.robots = robots
        self.progress = progress
        self.keep_bodies = keep_bodies
        self.resolver = UrlResolver()
        self.bodies: dict[str, bytes] = {}
        self.read_page = read_page
        # page.url -> (URL it was read at, its PageText, what read_page made of it)
        self.parsed: dict[str, tuple[str, PageText, Any]] = {}
        self.robots_skipped = 0
        self.trap_skipped = 0

    async def crawl(self, office: str, url: str, department: str = "") -> Site:
        # The portal's pages share what reading one page learns about the next (its menu);
        # that is forgotten with the portal.
        with remembering():
            return await self._crawl(office, url, department)

    async def _crawl(self, office: str, url: str, department: str) -> Site:
        root = self.resolver.resolve(url, url) or url
        netloc = urlsplit(root).netloc.lower()
        site = Site(
            office=office, root_url=root, host=urlsplit(root).hostname or "", department=department
        )
        if not netloc:
            site.unreachable_error = "invalid-url"
            return site
        self.site = site
        self.allowed = _twin_hosts(netloc)
        self._rules: dict[str, RobotsRules] = {}
        self._seen: set[str] = set()
        self._sources: dict[str, list[str]] = {}
        self._external: dict[str, list[str]] = {}
        self._queue: asyncio.Queue = asyncio.Queue()
        self._budget = self.config.max_pages - 1  # the home page is the first
        self._zdict = b""  # the home page's head, once it is in (PageText.pack)

        home = await self._fetch_home(root)
        if home is None:
            return site
        self._seen.add(root)
        self._seen.add(home.final_url)
        template = detect_template(home.text)  # never "challenge": _fetch_home saw to that
        self._zdict = preset_dictionary(home.text)
        self._discover(home)
        origin = f"{urlsplit(home.final_url).scheme}://{urlsplit(home.final_url).netloc}"
        for path in SEEDS_BY_TEMPLATE.get(template, ()):
            self._enqueue(self.resolver.resolve(origin + "/", path), 0, "seed")
        workers = [
            asyncio.ensure_future(self._worker())
            for _ in range(max(1, self.config.concurrency_per_host) + 1)
        ]
        try:
            await self._queue.join()
        finally:
            for worker in workers:
                worker.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        await self._collect_links()
        if self.robots_skipped:
            self._warn(f"robots.txt: {self.robots_skipped} pages not fetched")
        if self.trap_skipped:
            self._warn(f"trap: {self.trap_skipped} ever-growing or too deep URLs not fetched")
        return site

    async def _robots_allow(self, url: str) -> bool:
        if self.robots is None or not self.config.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        rules = self._rules.get(origin)
        if rules is None:
            rules = self._rules[origin] = await self.robots.rules_for(origin)
            delay = rules.crawl_delay()
            setter = getattr(self.fetcher.politeness, "set_min_interval", None)
            if delay and setter is not None:
                setter(parts.netloc.lower(), min(delay, self.config.max_crawl_delay))
        return rules.allowed(url)

    async def _fetch_home(self, root: str) -> FetchedPage | None:
        site = self.site
        if not await self._robots_allow(root):
            site.blocked = True
            self._warn("robots.txt disallows the home page")
            return None
        # The home page may move to another host (a new domain); the crawl follows it there.
        fetched = await self.fetcher.fetch(root, allowed_hosts=None, keep_body=self.keep_bodies)
        page = fetched.page
        if page.error == "tls" and root.startswith("https://"):
            # A bad certificate: say so, and audit the plain-HTTP site if there is one.
            plain = "http://" + root[len("https://") :]
            retry = await self.fetcher.fetch(
                plain, allowed_hosts=self.allowed, keep_body=self.keep_bodies
            )
            if retry.page.ok:
                site.insecure, site.insecure_reason = True, "certificate"
                fetched, page = retry, retry.page
        self._record(page, fetched, "seed")
        if page.status is not None and page.text and detect_template(page.text) == "challenge":
            # A bot challenge (often 403/503) is not the office's outage: report it as blocked.
            site.blocked = True
            site.home = page
            return None
        if not page.ok:
            site.unreachable_error = _error_class(page)
            return None
        site.home = page
        final = urlsplit(page.final_url)
        if final.netloc.lower() not in self.allowed:
            self._warn(f"home-moved: {root} -> {page.final_url}")
        self.allowed |= _twin_hosts(final.netloc.lower())
        if final.scheme == "http" and not site.insecure:
            probe = await self.fetcher.fetch(
                f"https://{final.netloc}/", headers_only=True, retries=0, allowed_hosts=None
            )
            site.insecure = probe.page.status is None
            site.insecure_reason = "no-https" if site.insecure else ""
        return page

    def _record(self, page: FetchedPage, fetched, via: str) -> None:
        page.found_via = page.found_via or via
        self.site.pages[page.url] = page
        if fetched.body is not None:
            self.bodies[page.url] = fetched.body
        if fetched.invalid_encoding:
            self._warn(f"invalid-encoding: {page.url}")
        if page.error and page is not self.site.home and len(self.site.pages) > 1:
            self._warn(f"{page.error}: {page.url}")
        if self.progress:
            self.progress(
                {
                    "event": "page",
                    "office": self.site.office,
                    "url": page.url,
                    "status": page.status,
                    "error": page.error,
                    "pages": len(self.site.pages),
                }
            )

    def _warn(self, message: str) -> None:
        if len(self.site.warnings) < MAX_WARNINGS:
            self.site.warnings.append(message)

    def _enqueue(self, url: str | None, depth: int, via: str) -> None:
        if url is None or url in self._seen or self._budget <= 0:
            return
        self._seen.add(url)
        if is_trap(url, self.config):
            self.trap_skipped += 1
            return
        self._budget -= 1
        self._queue.put_nowait((url, depth, via))

    def _discover(self, page: FetchedPage) -> None:
        try:
            self._follow_links(page)
        finally:
            # Nothing reads the page again until the judge: its text is packed meanwhile.
            page.source.pack(self._zdict)

    def _follow_links(self, page: FetchedPage) -> None:
        if not (page.ok and page.is_html and page.text):
            return
        base = page.final_url
        via = "sitemap" if "sitemap" in base else "link"
        depth = page.depth + 1
        cfg = self.config
        resolve = self.resolver.for_base(base)
        allowed = self.allowed
        known = self._sources
        seen = self._seen
        follow = depth <= cfg.max_depth
        for href in set(self._hrefs(page)):
            hit = resolve(href)
            if hit is None:
                continue
            target, netloc = hit
            if netloc in allowed:
                sources = known.get(target)
                if sources is None:
                    sources = known[target] = []
                if len(sources) < MAX_SOURCES:
                    sources.append(page.url)
                if follow and target not in seen:
                    self._enqueue(target, depth, via)
            elif cfg.check_external_links and self.link_checker is not None:
                sources = self._external.get(target)
                if sources is None:
                    if len(self._external) >= cfg.max_link_checks:
                        continue
                    sources = self._external[target] = []
                    self.link_checker.check(target)
                if len(sources) < MAX_SOURCES:
                    sources.append(page.url)

    def _hrefs(self, page: FetchedPage) -> list[str]:
        if self.read_page is None:
            return extract_hrefs(page.text)
        at = page.final_url or page.url
        try:
            parsed, hrefs = self.read_page(at, page.source)
        except Exception:  # noqa: BLE001 - the judge reads the page again and reports it
            return extract_hrefs(page.text)
        self.parsed[page.url] = (at, page.source, parsed)
        return hrefs if hrefs is not None else extract_hrefs(page.text)

    async def _worker(self) -> None:
        while True:
            url, depth, via = await self._queue.get()
            try:
                await self._crawl_one(url, depth, via)
            except Exception as exc:  # noqa: BLE001 - one bad page never stops the portal
                self._warn(f"internal-error: {url}: {type(exc).__name__}")
            finally:
                self._queue.task_done()

    async def _crawl_one(self, url: str, depth: int, via: str) -> None:
        if not await self._robots_allow(url):
            self.robots_skipped += 1
            return
        document = _is_document(url)
        fetched = await self.fetcher.fetch(
            url,
            allowed_hosts=self.allowed,
            headers_only=document,
            keep_body=self.keep_bodies and not document,
        )
        page = fetched.page
        if document and page.status in (403, 405, 501):
            fetched = await self.fetcher.fetch(url, allowed_hosts=self.allowed)
            page = fetched.page
        page.depth = depth
        self._record(page, fetched, via)
        if page.final_url != url:
            self._seen.add(page.final_url)
        self._discover(page)

    async def _collect_links(self) -> None:
        site = self.site
        for target, sources in self._sources.items():
            page = site.pages.get(target)
            if page is not None:
                site.links[target] = LinkCheck(target, page.status, page.error, sources)
        if not self._external:
            return
        targets = list(self._external)
        results = await asyncio.gather(
            *(self.link_checker.check(t) for t in targets), return_exceptions=True
        )
        for target, result in zip(targets, results, strict=True):
            if isinstance(result, BaseException):
                status, error = None, "connection"
            else:
                status, error = result
            site.links[target] = LinkCheck(target, status, error, self._external[target])
