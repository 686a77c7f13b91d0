"""robots.txt (RFC 9309), fetched once per host per audit and honoured unless switched off.

A missing robots.txt (4xx) allows everything. An unreachable one also allows everything:
an oversight audit of a government portal should not vanish because robots.txt timed
out, while an explicit Disallow is always respected.

Matching follows RFC 9309 (the longest matching rule wins, Allow wins a tie, `*` and `$`
wildcards) rather than urllib.robotparser's first match; it is also several times faster,
which matters because every page of a crawl is checked.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import quote, unquote, urlsplit

from tadarki.engine.crawl import defaults

_SAFE = "/%:@!$&'()*+,;=-._~?"


def _canonical(path: str) -> str:
    # Compare percent-encoded forms so "/সাইট" and "/%E0%A6%B8…" are the same path.
    return quote(unquote(path), safe=_SAFE)


class _Rule:
    __slots__ = ("allow", "length", "prefix", "regex")

    def __init__(self, allow: bool, pattern: str) -> None:
        self.allow = allow
        pattern = _canonical(pattern)
        self.length = len(pattern)
        if "*" in pattern or pattern.endswith("$"):
            anchored = pattern.endswith("$")
            body = pattern[:-1] if anchored else pattern
            regex = ".*".join(re.escape(part) for part in body.split("*"))
            self.regex = re.compile(regex + ("$" if anchored else ""))
            self.prefix = None
        else:
            self.regex = None
            self.prefix = pattern

    def matches(self, path: str) -> bool:
        if self.prefix is not None:
            return path.startswith(self.prefix)
        return self.regex.match(path) is not None


class RobotsRules:
    def __init__(self, text: str | None, agent: str = defaults.ROBOTS_USER_AGENT) -> None:
        self.agent = agent.lower()
        self.rules: list[_Rule] = []
        self._delay: float | None = None
        if text:
            self._parse(text)

    def _parse(self, text: str) -> None:
        groups: list[tuple[list[str], list[_Rule], list[float]]] = []
        agents: list[str] = []
        rules: list[_Rule] = []
        delays: list[float] = []
        in_rules = False
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            field, value = (part.strip() for part in line.split(":", 1))
            field = field.lower()
            if field == "user-agent":
                if in_rules:  # a user-agent line after rules starts a new group
                    groups.append((agents, rules, delays))
                    agents, rules, delays, in_rules = [], [], [], False
                agents.append(value.lower())
            elif field in ("allow", "disallow"):
                in_rules = True
                if value:  # an empty Disallow allows everything
                    rules.append(_Rule(field == "allow", value))
            elif field == "crawl-delay":
                in_rules = True
                try:
                    delays.append(float(value))
                except ValueError:
                    pass
        if agents:
            groups.append((agents, rules, delays))
        ours = [g for g in groups if any(a.split("/")[0] == self.agent for a in g[0])]
        chosen = ours or [g for g in groups if "*" in g[0]]
        for _agents, group_rules, group_delays in chosen:
            self.rules.extend(group_rules)
            if group_delays:
                self._delay = max(group_delays)
        self.rules.sort(key=lambda r: (-r.length, not r.allow))  # longest first, Allow on ties

    def allowed(self, url: str) -> bool:
        if not self.rules:
            return True
        parts = urlsplit(url)
        path = _canonical(parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        for rule in self.rules:
            if rule.matches(path):
                return rule.allow
        return True

    def crawl_delay(self) -> float | None:
        return self._delay


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
