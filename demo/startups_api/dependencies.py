"""What endpoints declare they need, as reusable Annotated types."""

from concurrent.futures import ProcessPoolExecutor
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from .db import get_session
from .ranking import RankingIndex
from .settings import Settings, get_settings


def get_index(request: Request) -> RankingIndex:
    return request.app.state.index


def get_rank_pool(request: Request) -> ProcessPoolExecutor | None:
    return request.app.state.rank_pool


# --8<-- [start:dependencies]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
IndexDep = Annotated[RankingIndex, Depends(get_index)]
RankPoolDep = Annotated[ProcessPoolExecutor | None, Depends(get_rank_pool)]
# --8<-- [end:dependencies]
