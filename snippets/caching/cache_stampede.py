import asyncio
import os
import sys

import redis
from redis.asyncio import Redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
KEY, LOCK = "stampede:report", "stampede:report:lock"
db_queries = 0


async def slow_query() -> str:
    global db_queries
    db_queries += 1
    await asyncio.sleep(0.2)  # an expensive aggregate
    return "42 startups"


async def naive_get(cache: Redis) -> str:
    if (value := await cache.get(KEY)) is None:
        value = await slow_query()  # every concurrent miss runs it
        await cache.set(KEY, value, ex=60)
    return value


async def single_flight_get(cache: Redis) -> str:
    while (value := await cache.get(KEY)) is None:
        if await cache.set(LOCK, "1", nx=True, ex=10):  # one winner
            value = await slow_query()
            await cache.set(KEY, value, ex=60)
            await cache.delete(LOCK)
            return value
        await asyncio.sleep(0.02)  # the others wait for the winner's fill
    return value


async def main() -> None:
    global db_queries
    cache = Redis.from_url(URL, decode_responses=True, socket_connect_timeout=2)
    for get in (naive_get, single_flight_get):
        await cache.delete(KEY, LOCK)
        db_queries = 0
        async with asyncio.TaskGroup() as group:  # 50 requests at once
            for _ in range(50):
                group.create_task(get(cache))
        print(f"{get.__name__}: db_queries={db_queries}")
        #> naive_get: db_queries=50
        #> single_flight_get: db_queries=1
    await cache.delete(KEY, LOCK)
    await cache.aclose()


try:
    asyncio.run(main())
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")
