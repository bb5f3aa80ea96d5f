"""Rate limiting (sliding window) and response caching (TTL), each with an in-process and a Redis
backend behind one small interface, chosen at startup by REDIS_URL."""

from __future__ import annotations

import asyncio
import logging
import math
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar

from redis.asyncio import Redis
from redis.exceptions import RedisError

T = TypeVar("T")
log = logging.getLogger("startups_api.limits")
# --8<-- [start:redis-fail-open]
REDIS_BUDGET_SECONDS = 0.5  # a Redis call that takes longer counts as Redis being down


async def without_redis_if_down(call: Awaitable[T], fallback: T, consequence: str) -> T:
    """Redis only speeds the service up and spreads limits across workers, so when it is down or
    slow the request goes on without it: the cache misses, the limiter fails open; logged."""
    try:
        async with asyncio.timeout(REDIS_BUDGET_SECONDS):
            return await call
    except (RedisError, OSError) as error:  # OSError includes TimeoutError
        log.warning("Redis is unavailable (%s): %s", type(error).__name__, consequence)
        return fallback
# --8<-- [end:redis-fail-open]


# --8<-- [start:rate-limiter]
class RateLimiter(Protocol):
    async def hit(self, key: str) -> float | None:
        """Record one request; None if allowed, else the seconds until one is allowed again."""


class MemorySlidingWindow:
    """At most `limit` requests per `window` seconds per key, in this process only."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000
    ):
        self.limit, self.window, self.clock, self.max_keys = limit, window, clock, max_keys
        self.hits: dict[str, deque[float]] = defaultdict(deque)

    def forget_idle_keys(self, now: float) -> None:
        """Drops clients with no hit inside the window, so memory is bounded by active clients."""
        for key in [key for key, hits in self.hits.items() if not hits or hits[-1] <= now - self.window]:
            del self.hits[key]

    async def hit(self, key: str) -> float | None:
        now = self.clock()
        if len(self.hits) >= self.max_keys:
            self.forget_idle_keys(now)
        hits = self.hits[key]
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return hits[0] + self.window - now
        hits.append(now)
        return None


SLIDING_WINDOW_SCRIPT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(oldest[2] + ARGV[2] - ARGV[1])
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('EXPIRE', KEYS[1], math.ceil(ARGV[2]))
return false
"""


class RedisSlidingWindow:
    """The same window shared by every worker and server; one Lua script keeps it atomic."""

    def __init__(self, redis: Redis, limit: int, window: float):
        self.limit, self.window = limit, window
        self.script = redis.register_script(SLIDING_WINDOW_SCRIPT)

    async def hit(self, key: str) -> float | None:
        member = f"{time.time()}-{uuid.uuid4().hex}"
        wait = await without_redis_if_down(
            self.script(keys=[f"ratelimit:{key}"], args=[time.time(), self.window, self.limit, member]),
            None, "request allowed without a rate limit check (fail open)",
        )
        return None if wait is None else max(float(wait), 0.0)
# --8<-- [end:rate-limiter]


def retry_after_header(seconds: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(seconds)))}


# --8<-- [start:response-cache]
class Cache(Protocol):
    async def get(self, key: str) -> str | None: ...
    async def set(self, key: str, value: str, ttl_seconds: int) -> None: ...
    async def delete(self, key: str) -> None: ...


class MemoryTTLCache:
    """Entries expire after their TTL; the oldest entry goes when the cache is full."""

    def __init__(self, max_entries: int = 1024, clock: Callable[[], float] = time.monotonic):
        self.max_entries, self.clock = max_entries, clock
        self.entries: dict[str, tuple[float, str]] = {}

    async def get(self, key: str) -> str | None:
        expires_at, value = self.entries.get(key, (0.0, None))
        if expires_at <= self.clock():
            self.entries.pop(key, None)
            return None
        return value

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        self.entries.pop(key, None)
        if len(self.entries) >= self.max_entries:
            self.entries.pop(next(iter(self.entries)))
        self.entries[key] = (self.clock() + ttl_seconds, value)

    async def delete(self, key: str) -> None:
        self.entries.pop(key, None)


class RedisCache:
    def __init__(self, redis: Redis):
        self.redis = redis

    async def get(self, key: str) -> str | None:
        value = await without_redis_if_down(self.redis.get(f"cache:{key}"), None, "cache miss, read the database")
        return value.decode() if value is not None else None

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        await without_redis_if_down(self.redis.set(f"cache:{key}", value, ex=ttl_seconds), None, "not cached")

    async def delete(self, key: str) -> None:
        # if this fails, the old entry lives until its TTL: the TTL bounds how stale a read can be
        await without_redis_if_down(self.redis.delete(f"cache:{key}"), None, f"{key} not invalidated")
# --8<-- [end:response-cache]
