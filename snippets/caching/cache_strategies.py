import os
import sys

import redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
cache = redis.Redis.from_url(URL, decode_responses=True,
                             socket_connect_timeout=2)
try:
    cache.ping()
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")
KEY = "strategy:price:7"
db = {KEY: "100"}  # stands in for the database


# --8<-- [start:show]
def read_aside(key: str) -> str:  # cache-aside (lazy loading) read
    if (value := cache.get(key)) is None:
        value = db[key]
        cache.set(key, value, ex=300)  # the TTL is the safety net
    return value


def write_invalidate(key: str, value: str) -> None:
    db[key] = value  # commit first ...
    cache.delete(key)  # ... then drop the copy


def write_through(key: str, value: str) -> None:
    db[key] = value
    cache.set(key, value, ex=300)  # cache updated in the same call


def write_behind(key: str, value: str) -> None:
    cache.set(key, value)
    cache.rpush("strategy:dirty", key)  # flushed to the db later
# --8<-- [end:show]


print(read_aside(KEY), cache.ttl(KEY) > 0)
#> 100 True
write_invalidate(KEY, "120")
print(cache.exists(KEY), read_aside(KEY))
#> 0 120
write_through(KEY, "130")
print(cache.get(KEY), db[KEY])
#> 130 130
write_behind(KEY, "140")
print(cache.get(KEY), db[KEY])  # the db lags until the flush
#> 140 130
while key := cache.lpop("strategy:dirty"):
    db[key] = cache.get(key)
print(db[KEY])
#> 140
cache.delete(KEY, "strategy:dirty")
