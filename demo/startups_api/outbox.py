"""The transactional outbox's relay, and the Redis lock that lets one relay run at a time.

create_startup writes an OutboxEvent in the startup's own transaction; after the commit it asks
the relay to run, which hands each unsent event to Celery and marks it sent.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable

from celery import Celery
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .db import OutboxEvent, utc_now
from .tasks import NOTIFY_STARTUP_CREATED

log = logging.getLogger("startups_api.outbox")
Publish = Callable[[OutboxEvent], Awaitable[None]]


# --8<-- [start:redis-lock]
RELEASE_IF_OURS = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class RedisLock:
    """One holder at a time across every process: SET NX with a random token and a TTL, so a
    crashed holder's lock expires; release deletes the key only if it still holds that token.
    The outbox relay below takes one, so one relay runs at a time."""

    def __init__(self, redis: Redis, name: str, ttl_ms: int = 30_000):
        self.redis, self.key, self.ttl_ms = redis, f"lock:{name}", ttl_ms
        self.release_script = redis.register_script(RELEASE_IF_OURS)

    async def acquire(self) -> str | None:
        """The holder's token, or None if someone else holds the lock."""
        token = secrets.token_hex(16)
        return token if await self.redis.set(self.key, token, nx=True, px=self.ttl_ms) else None

    async def release(self, token: str) -> bool:
        """False if the lock expired and someone else holds it now: theirs is left alone."""
        return bool(await self.release_script(keys=[self.key], args=[token]))
# --8<-- [end:redis-lock]


class MemoryLock:
    """The same interface in one process (the embedded defaults: one process, no Redis)."""

    def __init__(self) -> None:
        self.token: str | None = None

    async def acquire(self) -> str | None:
        if self.token is not None:
            return None
        self.token = secrets.token_hex(16)
        return self.token

    async def release(self, token: str) -> bool:
        if self.token != token:
            return False
        self.token = None
        return True


# --8<-- [start:outbox-relay]
async def relay_outbox(session: AsyncSession, publish: Publish, batch: int = 100) -> int:
    """Publishes unsent events and marks them sent, in one transaction. On PostgreSQL, FOR UPDATE
    SKIP LOCKED lets relays run side by side without taking the same rows; SQLite has no row
    locks and SQLAlchemy leaves the clause out (one writer at a time there anyway)."""
    async with session.begin():
        events = list(
            await session.scalars(
                select(OutboxEvent)
                .where(OutboxEvent.sent_at.is_(None))
                .order_by(OutboxEvent.created_at, OutboxEvent.id)
                .limit(batch)
                .with_for_update(skip_locked=True)
            )
        )
        for event in events:
            await publish(event)  # if the commit fails, it is sent again: consumers dedupe by id
            event.sent_at = utc_now()
    return len(events)


def celery_publisher(celery: Celery) -> Publish:
    task = celery.tasks[NOTIFY_STARTUP_CREATED]

    async def publish(event: OutboxEvent) -> None:
        # a broker round trip blocks: in a thread, so the event loop keeps serving
        await asyncio.to_thread(task.apply_async, (str(event.id), event.payload))

    return publish


class OutboxRelay:
    """What the API runs after a commit: one relay at a time (the lock), errors logged, never raised."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], publish: Publish, lock: RedisLock | MemoryLock):
        self.sessions, self.publish, self.lock = sessions, publish, lock

    async def run_once(self) -> int:
        try:
            if (token := await self.lock.acquire()) is None:
                return 0  # another relay is running; what it missed goes with the next run
            try:
                async with self.sessions() as session:
                    return await relay_outbox(session, self.publish)
            finally:
                await self.lock.release(token)
        except Exception:  # the events stay unsent and the next run sends them
            log.exception("the outbox relay failed; unsent events wait for the next run")
            return 0
# --8<-- [end:outbox-relay]
