"""The app factory: lifespan, middleware, error handlers and routers."""

import asyncio
import tempfile
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from multiprocessing import get_context

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import async_sessionmaker

from . import auth, events, health, metrics, realtime, registry, startups
from .api import v1, v2
from .data import startup_rows
from .db import create_and_load, make_engine
from .dependencies import rate_limit
from .errors import add_error_handlers, error_responses
from .limits import MemorySlidingWindow, MemoryTTLCache, RedisCache, RedisSlidingWindow
from .logging_setup import configure_logging
from .middleware import SecurityHeadersMiddleware, TimingMiddleware
from .outbox import MemoryLock, OutboxRelay, RedisLock, celery_publisher
from .ranking import RankingIndex, init_worker, rank_in_worker
from .settings import get_settings
from .tracing import TracingMiddleware, make_tracer_provider, trace_queries
from .tasks import make_celery


# --8<-- [start:lifespan]
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    settings = get_settings()
    rows = startup_rows()
    scratch = None if settings.database_url else tempfile.TemporaryDirectory(prefix="startups-")
    engine = make_engine(settings.database_url or f"sqlite+aiosqlite:///{scratch.name}/startups.db")
    await create_and_load(engine, rows, auth.hash_password(settings.demo_password.get_secret_value()))
    trace_queries(engine, app.state.tracer_provider)  # a span per SQL statement
    app.state.sessions = async_sessionmaker(engine, expire_on_commit=False)
    # --8<-- [start:ranking-index-singleton]
    app.state.index = RankingIndex.build(rows)  # built once here, shared by every request
    # --8<-- [end:ranking-index-singleton]
    app.state.redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    if app.state.redis:  # shared by every worker process and server
        app.state.cache = RedisCache(app.state.redis)
        app.state.rate_limiter = RedisSlidingWindow(app.state.redis, settings.rate_limit_per_minute, 60)
    else:  # per process: fine for one process, wrong behind a load balancer
        app.state.cache = MemoryTTLCache()
        app.state.rate_limiter = MemorySlidingWindow(settings.rate_limit_per_minute, 60)
    app.state.celery = make_celery(settings)  # broker: REDIS_URL; without it tasks run inline
    lock = RedisLock(app.state.redis, "outbox-relay") if app.state.redis else MemoryLock()
    app.state.outbox_relay = OutboxRelay(app.state.sessions, celery_publisher(app.state.celery), lock)
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
        app.state.celery.close()
        if app.state.redis:
            await app.state.redis.aclose()
        await engine.dispose()
        if scratch:
            scratch.cleanup()
# --8<-- [end:lifespan]


# --8<-- [start:app-factory]
def create_app() -> FastAPI:
    settings = get_settings()
    configure_logging()
    app = FastAPI(title="Startups query API", version="2.0.0", lifespan=lifespan)
    # --8<-- [start:cors]
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,  # explicit origins, never "*" with credentials
        allow_methods=["GET", "POST", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "X-Request-ID", "Idempotency-Key"],
        expose_headers=["X-Request-ID", "Server-Timing", "Retry-After"],
        max_age=600,
    )
    # --8<-- [end:cors]
    # --8<-- [start:gzip-middleware]
    app.add_middleware(GZipMiddleware, minimum_size=1000)  # small bodies are not worth compressing
    # --8<-- [end:gzip-middleware]
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(metrics.MetricsMiddleware)
    app.state.tracer_provider = make_tracer_provider(settings)  # this app's spans, kept apart from other apps'
    app.add_middleware(TracingMiddleware, tracer_provider=app.state.tracer_provider)
    app.add_middleware(TimingMiddleware)  # added last, so it runs first and times everything
    add_error_handlers(app)
    limited = {"dependencies": [Depends(rate_limit)], "responses": error_responses(429)}  # and its 429
    app.include_router(v1, **limited)
    app.include_router(v2, **limited)
    app.include_router(auth.router, **limited)
    app.include_router(startups.router)
    app.include_router(realtime.router)
    app.include_router(events.router)
    if settings.registry_url:  # the partner API is optional: without it the route does not exist
        app.include_router(registry.router)
    app.include_router(health.router)
    app.include_router(metrics.router)
    return app
# --8<-- [end:app-factory]


app = create_app()
