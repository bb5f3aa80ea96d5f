"""The app factory: lifespan, middleware, error handlers and routers."""

import asyncio
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from multiprocessing import get_context

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from sqlalchemy.ext.asyncio import async_sessionmaker

from .api import v1, v2
from .data import startup_rows
from .db import create_and_load, make_engine
from .errors import add_error_handlers
from .middleware import TimingMiddleware
from .ranking import RankingIndex, init_worker, rank_in_worker
from .settings import get_settings


# --8<-- [start:lifespan]
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    rows = startup_rows()
    engine = make_engine(settings.database_url)
    await create_and_load(engine, rows)
    app.state.sessions = async_sessionmaker(engine, expire_on_commit=False)
    # --8<-- [start:ranking-index-singleton]
    app.state.index = RankingIndex.build(rows)  # built once here, shared by every request
    # --8<-- [end:ranking-index-singleton]
    app.state.rank_pool = None
    if settings.rank_workers:
        app.state.rank_pool = ProcessPoolExecutor(
            settings.rank_workers, mp_context=get_context("spawn"),
            initializer=init_worker, initargs=(rows,),
        )
        # warm-up: start the worker processes now, not on the first request
        await asyncio.get_running_loop().run_in_executor(app.state.rank_pool, rank_in_worker, "", [])
    try:
        yield
    finally:
        if app.state.rank_pool:
            app.state.rank_pool.shutdown(cancel_futures=True)
        await engine.dispose()
# --8<-- [end:lifespan]


def create_app() -> FastAPI:
    settings = get_settings()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app = FastAPI(title="Startups query API", version="2.0.0", lifespan=lifespan)
    # --8<-- [start:cors]
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,  # explicit origins, never "*" with credentials
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        expose_headers=["X-Request-ID", "Server-Timing"],
        max_age=600,
    )
    # --8<-- [end:cors]
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(TimingMiddleware)  # added last, so it runs first and times everything
    add_error_handlers(app)
    app.include_router(v1)
    app.include_router(v2)

    @app.get("/health/live", tags=["health"])
    async def live() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
