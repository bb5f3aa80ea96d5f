"""The worker's periodic jobs, started by Celery beat (schedule in tasks.make_celery):

- the outbox relay, so an event whose after-commit run failed is sent within the minute anyway;
- the sector report, three tasks in a chain: extract the live startups, sum them per sector, and
  replace the sector_stats table, which GET /api/v2/sectors/stats reads.

Both need DATABASE_URL, the database the API uses. Run `celery -A startups_api.tasks beat` once,
beside the workers: two beat processes would start every job twice.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import TypeVar

from celery import chain, shared_task
from redis.asyncio import Redis
from sqlalchemy import delete, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from .db import FundingRound, SectorStats, Startup, make_engine, utc_now
from .outbox import MemoryLock, OutboxRelay, RedisLock, celery_publisher
from .settings import get_settings

RELAY_OUTBOX = "startups.relay_outbox"
SECTOR_REPORT = "startups.sector_report"
EXTRACT, TRANSFORM, LOAD = "startups.extract_startups", "startups.summarize_sectors", "startups.load_sector_stats"
T = TypeVar("T")


def with_database(work: Callable[[async_sessionmaker[AsyncSession]], Awaitable[T]]) -> T:
    """Runs `work` on the API's database from a worker (a plain thread, no event loop of its own)."""
    url = get_settings().database_url
    if not url:
        raise RuntimeError("the periodic jobs need DATABASE_URL, the database the API uses")

    async def run() -> T:
        engine = make_engine(url)
        try:
            return await work(async_sessionmaker(engine, expire_on_commit=False))
        finally:
            await engine.dispose()

    return asyncio.run(run())


@shared_task(name=RELAY_OUTBOX, bind=True, ignore_result=True)
def relay_outbox_job(self) -> int:
    """Beat's run of the outbox relay; the same Redis lock keeps it to one relay at a time."""
    redis_url = get_settings().redis_url

    async def relay(sessions: async_sessionmaker[AsyncSession]) -> int:
        redis = Redis.from_url(redis_url) if redis_url else None
        lock = RedisLock(redis, "outbox-relay") if redis else MemoryLock()
        try:
            return await OutboxRelay(sessions, celery_publisher(self.app), lock).run_once()
        finally:
            if redis:
                await redis.aclose()

    return with_database(relay)


# --8<-- [start:sector-report-etl]
RETRY_ON_OUTAGE = {"autoretry_for": (DBAPIError, OSError), "retry_backoff": True, "max_retries": 3}


@shared_task(name=EXTRACT, **RETRY_ON_OUTAGE)
def extract_startups() -> list[dict]:
    """Extract: each live startup's sector, head count and total funding, in one query."""

    async def read(sessions: async_sessionmaker[AsyncSession]) -> list[dict]:
        funding = select(func.coalesce(func.sum(FundingRound.amount_musd), 0.0)).where(
            FundingRound.startup_id == Startup.id
        ).scalar_subquery()
        query = select(Startup.sector, Startup.employees, funding.label("funding_musd")).where(
            Startup.deleted_at.is_(None)
        )
        async with sessions() as session:
            return [dict(row) for row in (await session.execute(query)).mappings()]

    return with_database(read)


@shared_task(name=TRANSFORM)
def summarize_sectors(rows: list[dict]) -> list[dict]:
    """Transform: one total per sector, in plain Python, with no database or network."""
    totals = defaultdict(lambda: {"startups": 0, "employees": 0, "funding_musd": 0.0})
    for row in rows:
        total = totals[row["sector"]]
        total["startups"] += 1
        total["employees"] += row["employees"]
        total["funding_musd"] += row["funding_musd"]
    return [{"sector": sector, **total, "funding_musd": round(total["funding_musd"], 1)}
            for sector, total in sorted(totals.items())]


@shared_task(name=LOAD, **RETRY_ON_OUTAGE)
def load_sector_stats(stats: list[dict]) -> int:
    """Load: replace the whole table in one transaction, so a rerun overwrites and never adds twice."""

    async def replace(sessions: async_sessionmaker[AsyncSession]) -> int:
        async with sessions() as session, session.begin():
            await session.execute(delete(SectorStats))
            session.add_all(SectorStats(**row, computed_at=utc_now()) for row in stats)
        return len(stats)

    return with_database(replace)
# --8<-- [end:sector-report-etl]


# --8<-- [start:celery-chain]
@shared_task(name=SECTOR_REPORT, bind=True, ignore_result=True)
def sector_report(self) -> None:
    """Starts the report as one workflow: each step runs only after the one before it succeeded
    (retries included) and gets its return value; a step that still fails stops the chain there."""
    extract, transform, load = (self.app.tasks[name] for name in (EXTRACT, TRANSFORM, LOAD))
    chain(extract.s(), transform.s(), load.s()).apply_async()
# --8<-- [end:celery-chain]
