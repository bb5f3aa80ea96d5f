"""Versioned routers: v1 (deprecated) and v2, which wraps the rows in a page object."""

import asyncio
from collections import Counter

from fastapi import APIRouter
from sqlalchemy import select
from starlette.requests import Request

from .dependencies import IndexDep, RankPoolDep, SessionDep, SettingsDep
from .errors import DomainError, error_responses
from .db import SectorStats
from .schemas import (
    BatchQueryRequest, Page, QueryRequest, QueryResponseV1, QueryResponseV2, SectorCount, SectorStatsOut,
)
from .service import answer_query

# --8<-- [start:versioned-routers]
v1 = APIRouter(prefix="/api/v1", tags=["v1"], deprecated=True)
v2 = APIRouter(prefix="/api/v2", tags=["v2"])
QUERY_ERRORS = error_responses(400, 404, 422, 503, 504)  # unparsable, unknown startup, invalid, database away, slow


@v1.post("/query", response_model=QueryResponseV1, responses=QUERY_ERRORS)
async def query_v1(
    body: QueryRequest, session: SessionDep, index: IndexDep, pool: RankPoolDep, settings: SettingsDep
) -> QueryResponseV1:
    answer, rows = await answer_query(body, session, index, pool, settings.query_timeout_seconds)
    return QueryResponseV1(answer=answer, results=rows)


# --8<-- [start:async-endpoint]
@v2.post("/query", response_model=QueryResponseV2, responses=QUERY_ERRORS)
async def query_v2(
    body: QueryRequest, session: SessionDep, index: IndexDep, pool: RankPoolDep, settings: SettingsDep
) -> QueryResponseV2:
    # while it waits on the database and the process pool, the event loop serves other requests
    answer, rows = await answer_query(body, session, index, pool, settings.query_timeout_seconds)
    return QueryResponseV2(answer=answer, data=Page(rows=rows, total=len(rows)))
# --8<-- [end:async-endpoint]
# --8<-- [end:versioned-routers]


# --8<-- [start:sync-endpoint]
@v2.get("/sectors")
def sector_counts(index: IndexDep) -> list[SectorCount]:
    """A plain def: FastAPI calls it in a worker thread of its thread pool, off the event loop."""
    counts = Counter(index.sectors.values())
    return [SectorCount(sector=sector, startups=n) for sector, n in sorted(counts.items())]
# --8<-- [end:sync-endpoint]


@v2.get("/sectors/stats", response_model=list[SectorStatsOut], responses=error_responses(503))
async def sector_stats(session: SessionDep) -> list[SectorStatsOut]:
    """Per-sector totals from the nightly sector report (startups_api/jobs.py); empty before its first run."""
    rows = await session.scalars(select(SectorStats).order_by(SectorStats.sector))
    return [SectorStatsOut.model_validate(row) for row in rows]


# --8<-- [start:semaphore-limit]
@v2.post("/query/batch", response_model=list[QueryResponseV2], responses=QUERY_ERRORS)
async def query_batch(
    body: BatchQueryRequest, request: Request, index: IndexDep, pool: RankPoolDep, settings: SettingsDep
) -> list[QueryResponseV2]:
    """Answers up to 20 queries at once, but keeps at most one ranking per pool worker in flight."""
    in_flight = asyncio.Semaphore(max(settings.rank_workers, 1))

    async def answer(query: QueryRequest) -> QueryResponseV2:
        async with in_flight:  # the other tasks wait here instead of queueing in the pool
            async with request.app.state.sessions() as session:  # a session is never shared by tasks
                text, rows = await answer_query(query, session, index, pool, settings.query_timeout_seconds)
        return QueryResponseV2(answer=text, data=Page(rows=rows, total=len(rows)))

    try:
        async with asyncio.TaskGroup() as group:
            tasks = [group.create_task(answer(query)) for query in body.queries]
    except* DomainError as failed:  # one bad query fails the batch with its own 4xx, not a 500
        raise failed.exceptions[0] from None
    return [task.result() for task in tasks]
# --8<-- [end:semaphore-limit]
