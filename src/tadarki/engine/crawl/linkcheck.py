"""Off-host links: checked once per audit (HEAD, then GET where HEAD is refused), not crawled."""

from __future__ import annotations

import asyncio

from tadarki.engine.crawl.politeness import InProcessPoliteness, Politeness

# Servers that answer these to HEAD often serve GET fine.
HEAD_REFUSED = frozenset({400, 403, 405, 406, 501})


class LinkChecker:
    """Shared by all portals of an audit, so a target linked from 60 portals is asked once."""

    def __init__(self, fetcher, politeness: Politeness | None = None) -> None:
        cfg = fetcher.config
        self.fetcher = fetcher
        self.politeness = politeness or InProcessPoliteness(
            cfg.external_concurrency_per_host, cfg.external_requests_per_second
        )
        self._checks: dict[str, asyncio.Task] = {}

    def check(self, url: str) -> asyncio.Task:
        """Start (or reuse) the check of `url`; the task's result is (status, error)."""
        task = self._checks.get(url)
        if task is None:
            task = self._checks[url] = asyncio.ensure_future(self._check(url))
        return task

    async def _check(self, url: str) -> tuple[int | None, str]:
        head = await self.fetcher.fetch(
            url, headers_only=True, conditional=False, politeness=self.politeness, retries=1
        )
        page = head.page
        if page.status in HEAD_REFUSED or (page.status is None and page.error == "connection"):
            # GET, but only for the headers: a non-HTML body is not read.
            got = await self.fetcher.fetch(
                url, conditional=False, politeness=self.politeness, retries=1
            )
            page = got.page
        error = page.error if page.error != "too-large" else ""
        return page.status, error

    def __len__(self) -> int:
        return len(self._checks)
