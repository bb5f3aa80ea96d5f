"""What endpoints declare they need, as reusable Annotated types."""

import math
from concurrent.futures import ProcessPoolExecutor
from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

# --8<-- [start:import-direction]
# only lower modules: the routers import this one, and nothing here imports a router back
from .db import get_session
from .errors import RateLimited
from .limits import Cache, RateLimiter, retry_after_header
from .outbox import OutboxRelay
from .ranking import RankingIndex
from .settings import Settings, get_settings
# --8<-- [end:import-direction]


# HTTPConnection rather than Request, so WebSocket endpoints can use them too
def get_index(connection: HTTPConnection) -> RankingIndex:
    return connection.app.state.index


def get_rank_pool(connection: HTTPConnection) -> ProcessPoolExecutor | None:
    return connection.app.state.rank_pool


def get_cache(connection: HTTPConnection) -> Cache:
    return connection.app.state.cache


def get_rate_limiter(connection: HTTPConnection) -> RateLimiter:
    return connection.app.state.rate_limiter


def get_outbox_relay(connection: HTTPConnection) -> OutboxRelay:
    return connection.app.state.outbox_relay


# --8<-- [start:dependencies]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
IndexDep = Annotated[RankingIndex, Depends(get_index)]
RankPoolDep = Annotated[ProcessPoolExecutor | None, Depends(get_rank_pool)]
CacheDep = Annotated[Cache, Depends(get_cache)]
# --8<-- [end:dependencies]
OutboxRelayDep = Annotated[OutboxRelay, Depends(get_outbox_relay)]


# --8<-- [start:rate-limit-dependency]
async def rate_limit(
    connection: HTTPConnection, limiter: Annotated[RateLimiter, Depends(get_rate_limiter)]
) -> None:
    """Counts the request against its client's window; over the limit it is a 429."""
    client = connection.client.host if connection.client else "unknown"
    wait = await limiter.hit(client)
    if wait is not None:
        raise RateLimited(f"too many requests; retry in {math.ceil(wait)} s", headers=retry_after_header(wait))
# --8<-- [end:rate-limit-dependency]
