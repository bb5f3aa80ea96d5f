"""Answering a query: load rows and rank them concurrently, within a deadline."""

import asyncio
from concurrent.futures import ProcessPoolExecutor

from sqlalchemy.ext.asyncio import AsyncSession

from .db import load_startups
from .errors import QueryTimedOut, UnknownStartups
from .ranking import RankingIndex, rank_in_worker
from .schemas import QueryRequest, RankedStartup


async def rank(pool: ProcessPoolExecutor | None, index: RankingIndex, query: str, names: list[str]):
    if pool is None:  # rank_workers=0: score inline (small deployments, some tests)
        return index.score(query, names)
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(pool, rank_in_worker, query, names)


# --8<-- [start:task-group]
async def answer_query(
    request: QueryRequest,
    session: AsyncSession,
    index: RankingIndex,
    pool: ProcessPoolExecutor | None,
    timeout_seconds: float,
) -> tuple[str, list[RankedStartup]]:
    try:
        async with asyncio.timeout(timeout_seconds):
            async with asyncio.TaskGroup() as group:  # DB read and ranking run at the same time
                rows_task = group.create_task(load_startups(session, request.startups))
                ranking_task = group.create_task(rank(pool, index, request.query, request.startups))
    except TimeoutError:
        raise QueryTimedOut(f"the query took longer than {timeout_seconds} s") from None
    rows = {row.name: row for row in rows_task.result()}
    missing = [name for name in request.startups if name not in rows]
    if missing:
        raise UnknownStartups(f"unknown startups: {', '.join(missing)}")
# --8<-- [end:task-group]
    ranked = [
        RankedStartup(name=name, sector=rows[name].sector, city=rows[name].city, score=score)
        for name, score in ranking_task.result()
    ]
    best = ranked[0]
    if best.score == 0:
        return f"No startup matches '{request.query}'.", ranked
    return f"Best match for '{request.query}': {best.name} ({best.sector}, {best.city}).", ranked
