"""Where the real PostgreSQL and Redis for the tests are, and how to reset them."""

import os

import pytest
from redis.asyncio import Redis

from startups_api.db import Base, make_engine

SERVICE_VARIABLES = ("STC_TEST_DATABASE_URL", "STC_TEST_REDIS_URL")


async def reset_services(database_url: str, redis_url: str) -> None:
    engine = make_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.drop_all)
    await engine.dispose()
    redis = Redis.from_url(redis_url)
    await redis.flushdb()
    await redis.aclose()


def service_urls() -> tuple[str, str]:
    missing = [name for name in SERVICE_VARIABLES if not os.environ.get(name)]
    if missing:
        pytest.fail(f"set {' and '.join(missing)} to a PostgreSQL and a Redis (scripts/test starts both)")
    return os.environ["STC_TEST_DATABASE_URL"], os.environ["STC_TEST_REDIS_URL"]
