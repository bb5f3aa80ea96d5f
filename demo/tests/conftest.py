"""The demo app, started once per test module on each backend:

- embedded: SQLite in a temporary folder, in-process cache and rate limiter (what `scripts/demo` runs);
- services: real PostgreSQL and Redis at STC_TEST_DATABASE_URL / STC_TEST_REDIS_URL
  (scripts/test starts both), reset before the module runs. The client fixture asserts the app
  really talks to those servers, so the label cannot rest on an environment variable alone.
"""

import asyncio

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from service_env import reset_services, service_urls
from startups_api.limits import MemorySlidingWindow, MemoryTTLCache, RedisCache, RedisSlidingWindow
from startups_api.main import create_app
from startups_api.settings import get_settings


# --8<-- [start:test-backends]
@pytest.fixture(scope="module", params=["embedded", "services"])
def backend(request):
    """Environment for the app under test; yields the backend's name."""
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "services":
            database_url, redis_url = service_urls()
            asyncio.run(reset_services(database_url, redis_url))
            patch.setenv("DATABASE_URL", database_url)
            patch.setenv("REDIS_URL", redis_url)
        else:
            patch.delenv("DATABASE_URL", raising=False)
            patch.delenv("REDIS_URL", raising=False)
        patch.setenv("RANK_WORKERS", "1")
        get_settings.cache_clear()
        yield request.param
    get_settings.cache_clear()
# --8<-- [end:test-backends]


@pytest.fixture(scope="module")
def app(backend):
    return create_app()


async def servers_behind(app) -> tuple[str, str | None]:
    """What the running app's engine and Redis client answer: (database server, Redis version)."""
    async with app.state.sessions() as session:
        postgresql = session.bind.dialect.name == "postgresql"
        query = "SELECT version()" if postgresql else "SELECT 'SQLite ' || sqlite_version()"
        database = (await session.execute(text(query))).scalar_one()
    redis = (await app.state.redis.info("server"))["redis_version"] if app.state.redis else None
    return database, redis


@pytest.fixture(scope="module")
def client(app, backend):
    with TestClient(app) as client:  # runs the lifespan: database, index, process pool
        database, redis = client.portal.call(servers_behind, app)
        if backend == "services":
            assert database.startswith("PostgreSQL"), f"the services run talks to {database}"
            assert redis, "the services run has no Redis client"
            assert isinstance(app.state.cache, RedisCache) and isinstance(app.state.rate_limiter, RedisSlidingWindow)
        else:
            assert database.startswith("SQLite") and redis is None
            assert isinstance(app.state.cache, MemoryTTLCache)
            assert isinstance(app.state.rate_limiter, MemorySlidingWindow)
        yield client


@pytest.fixture(scope="module")
def auth_headers(client):
    """Bearer headers for a seeded demo user of each role."""

    def headers_for(username: str) -> dict[str, str]:
        form = {"username": username, "password": get_settings().demo_password.get_secret_value()}
        token = client.post("/api/v2/auth/token", data=form).json()["access_token"]
        return {"Authorization": f"Bearer {token}"}

    return {role: headers_for(name) for name, role in [("ana", "admin"), ("eli", "editor"), ("vic", "viewer")]}
