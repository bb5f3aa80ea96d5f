import asyncio
import os
import sys
import uuid

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


# --8<-- [start:show]
# delete the lock only if it still holds our token
RELEASE = """if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1]) end return 0"""


async def single_flight_get(cache: Redis) -> str:
    while (value := await cache.get(KEY)) is None:
        token = uuid.uuid4().hex
        if await cache.set(LOCK, token, nx=True, ex=10):
            try:  # re-check: an earlier winner may have filled it
                if (value := await cache.get(KEY)) is None:
                    value = await slow_query()
                    await cache.set(KEY, value, ex=60)
                return value
            finally:
                await cache.eval(RELEASE, 1, LOCK, token)
        await asyncio.sleep(0.02)  # the others wait for the fill
    return value
# --8<-- [end:show]


async def main() -> None:
    global db_queries
    cache = Redis.from_url(URL, decode_responses=True,
                           socket_connect_timeout=2)
    for get in (naive_get, single_flight_get):
        await cache.delete(KEY, LOCK)
        db_queries = 0
        async with asyncio.TaskGroup() as group:  # 50 requests at once
            for _ in range(50):
                group.create_task(get(cache))
        print(f"{get.__name__}: db_queries={db_queries}")
        #> naive_get: db_queries=50
        #> single_flight_get: db_queries=1
    print("lock left behind:", await cache.exists(LOCK) == 1)
    #> lock left behind: False
    await cache.delete(KEY, LOCK)
    await cache.aclose()


try:
    asyncio.run(main())
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")
