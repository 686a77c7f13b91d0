"""Politeness: at most N requests in flight per host, and at most R requests per second.

`Politeness.slot(host)` is an async context manager; the fetcher holds one slot for each
HTTP request. Two implementations: in-process (one audit) and Redis (many worker
processes or machines auditing at once still treat each portal gently).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

from tadarki.engine.crawl import defaults


class Politeness(Protocol):
    def slot(self, host: str) -> AbstractAsyncContextManager[None]: ...

    # Optional: def set_min_interval(self, host: str, seconds: float) -> None
    # (robots.txt Crawl-delay); implementations without it keep their own rate.


class InProcessPoliteness:
    """Per-host semaphore plus a next-free-slot timestamp (one audit process)."""

    def __init__(
        self,
        concurrency: int = defaults.CONCURRENCY_PER_HOST,
        rate: float = defaults.REQUESTS_PER_SECOND,
    ) -> None:
        self.concurrency = max(1, concurrency)
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._semaphores: dict[str, asyncio.Semaphore] = {}
        self._next_slot: dict[str, float] = {}
        self._intervals: dict[str, float] = {}

    def set_min_interval(self, host: str, seconds: float) -> None:
        """Space this host's requests at least `seconds` apart (robots.txt Crawl-delay)."""
        self._intervals[host] = max(seconds, self._intervals.get(host, 0.0))

    def slot(self, host: str) -> AbstractAsyncContextManager[None]:
        semaphore = self._semaphores.get(host)
        if semaphore is None:
            semaphore = self._semaphores[host] = asyncio.Semaphore(self.concurrency)
        if not self.interval and host not in self._intervals:
            # No rate limit: the semaphore alone, without a generator per request.
            return semaphore
        return self._spaced_slot(host, semaphore)

    @asynccontextmanager
    async def _spaced_slot(self, host: str, semaphore: asyncio.Semaphore) -> AsyncIterator[None]:
        async with semaphore:
            interval = max(self.interval, self._intervals.get(host, 0.0))
            if interval:
                # The next slot follows the last request's real start, checked again on every
                # wake: waiters that a busy event loop wakes late, together, still go one per
                # interval, not in a burst. (At most `concurrency` of them wait here.)
                while (now := time.monotonic()) < (start := self._next_slot.get(host, 0.0)):
                    await asyncio.sleep(start - now)
                self._next_slot[host] = now + interval
            yield


# KEYS[1] = holders zset; ARGV = holder id, max holders, lease ms. Server time, so clocks
# of the workers do not matter; expired leases (a crashed worker) are dropped first.
_ACQUIRE = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
  return 1
end
return 0
"""

# KEYS[1] = next-slot key; ARGV[1] = interval ms. Returns how long the caller must wait.
_NEXT_SLOT = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local nxt = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, nxt)
local interval = tonumber(ARGV[1])
redis.call('SET', KEYS[1], start + interval, 'PX', start - now + interval + 1000)
return start - now
"""


class RedisPoliteness:
    """The same limits kept in Redis, one key pair per host, shared by every process."""

    def __init__(
        self,
        redis,  # redis.asyncio.Redis
        concurrency: int = defaults.CONCURRENCY_PER_HOST,
        rate: float = defaults.REQUESTS_PER_SECOND,
        *,
        prefix: str = "tadarki:polite:",
        lease_seconds: float = defaults.TOTAL_TIMEOUT * 2,
        poll_seconds: float = 0.05,
    ) -> None:
        self.redis = redis
        self.concurrency = max(1, concurrency)
        self.interval_ms = int(1000 / rate) if rate > 0 else 0
        self.prefix = prefix
        self.lease_ms = int(lease_seconds * 1000)
        self.poll_seconds = poll_seconds
        self._acquire = redis.register_script(_ACQUIRE)
        self._next_slot = redis.register_script(_NEXT_SLOT)
        self._intervals_ms: dict[str, int] = {}

    def set_min_interval(self, host: str, seconds: float) -> None:
        self._intervals_ms[host] = max(int(seconds * 1000), self._intervals_ms.get(host, 0))

    @classmethod
    def from_url(cls, url: str, **kwargs) -> RedisPoliteness:
        import redis.asyncio

        return cls(redis.asyncio.Redis.from_url(url), **kwargs)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        holders = f"{self.prefix}{host}:holders"
        holder = uuid.uuid4().hex
        while not await self._acquire(
            keys=[holders], args=[holder, self.concurrency, self.lease_ms]
        ):
            await asyncio.sleep(self.poll_seconds)
        try:
            interval_ms = max(self.interval_ms, self._intervals_ms.get(host, 0))
            if interval_ms:
                wait_ms = await self._next_slot(
                    keys=[f"{self.prefix}{host}:next"], args=[interval_ms]
                )
                if wait_ms > 0:
                    await asyncio.sleep(wait_ms / 1000)
            yield
        finally:
            await self.redis.zrem(holders, holder)
