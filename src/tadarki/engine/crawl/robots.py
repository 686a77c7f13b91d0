"""robots.txt, fetched once per host per audit and honoured unless switched off.

A missing robots.txt (4xx) allows everything. An unreachable one also allows everything:
an oversight audit of a government portal should not vanish because robots.txt timed
out, while an explicit Disallow is always respected.
"""

from __future__ import annotations

import asyncio
from urllib.robotparser import RobotFileParser

from tadarki.engine.crawl import defaults


class RobotsRules:
    def __init__(self, text: str | None, agent: str = defaults.ROBOTS_USER_AGENT) -> None:
        self.agent = agent
        self._parser: RobotFileParser | None = None
        if text:
            parser = RobotFileParser()
            parser.parse(text.splitlines())
            self._parser = parser

    def allowed(self, url: str) -> bool:
        return self._parser is None or self._parser.can_fetch(self.agent, url)

    def crawl_delay(self) -> float | None:
        if self._parser is None:
            return None
        delay = self._parser.crawl_delay(self.agent)
        return float(delay) if delay is not None else None


class RobotsCache:
    """One RobotsRules per scheme://netloc, fetched through the audit's Fetcher."""

    def __init__(self, fetcher, agent: str = defaults.ROBOTS_USER_AGENT) -> None:
        self.fetcher = fetcher
        self.agent = agent
        self._rules: dict[str, asyncio.Task] = {}

    async def rules_for(self, origin: str) -> RobotsRules:
        task = self._rules.get(origin)
        if task is None:
            task = self._rules[origin] = asyncio.ensure_future(self._load(origin))
        return await task

    async def _load(self, origin: str) -> RobotsRules:
        fetched = await self.fetcher.fetch(
            origin + "/robots.txt", allowed_hosts=None, conditional=False, retries=1
        )
        page = fetched.page
        if page.status == 200 and not page.error and "html" not in page.content_type:
            return RobotsRules(page.text, self.agent)
        return RobotsRules(None, self.agent)
