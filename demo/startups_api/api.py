"""Versioned routers: v1 (deprecated) and v2, which wraps the rows in a page object."""

from collections import Counter

from fastapi import APIRouter

from .dependencies import IndexDep, RankPoolDep, SessionDep, SettingsDep
from .schemas import Page, QueryRequest, QueryResponseV1, QueryResponseV2, SectorCount
from .service import answer_query

# --8<-- [start:versioned-routers]
v1 = APIRouter(prefix="/api/v1", tags=["v1"], deprecated=True)
v2 = APIRouter(prefix="/api/v2", tags=["v2"])


@v1.post("/query", response_model=QueryResponseV1)
async def query_v1(
    body: QueryRequest, session: SessionDep, index: IndexDep, pool: RankPoolDep, settings: SettingsDep
) -> QueryResponseV1:
    answer, rows = await answer_query(body, session, index, pool, settings.query_timeout_seconds)
    return QueryResponseV1(answer=answer, results=rows)


# --8<-- [start:async-endpoint]
@v2.post("/query", response_model=QueryResponseV2)
async def query_v2(
    body: QueryRequest, session: SessionDep, index: IndexDep, pool: RankPoolDep, settings: SettingsDep
) -> QueryResponseV2:
    # each await hands the event loop to other requests until the DB and the ranking finish
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
