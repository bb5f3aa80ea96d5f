import json
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
KEY = "consistency:startup:7"


# --8<-- [start:show]
# keep the cached copy only if it is newer than what is there
SET_IF_NEWER = cache.register_script("""
local current = redis.call('GET', KEYS[1])
if current and cjson.decode(current).version >= tonumber(ARGV[2])
then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', 60)
return 1""")


def race(versioned: bool) -> int:
    cache.delete(KEY)
    db = {"version": 1, "name": "Acme"}
    slow_read = dict(db)  # 1. a reader misses and reads v1
    db.update(version=2, name="Acme Robotics")  # 2. a writer commits v2
    if versioned:  # the writer stores v2, then the late v1 is refused
        for row in (db, slow_read):
            SET_IF_NEWER(keys=[KEY], args=[json.dumps(row), row["version"]])
    else:
        cache.delete(KEY)  # the writer invalidates after its commit
        cache.set(KEY, json.dumps(slow_read), ex=60)  # 3. the late fill
    return json.loads(cache.get(KEY))["version"]
# --8<-- [end:show]


print(f"delete, then a late fill: cache holds v{race(False)}")
#> delete, then a late fill: cache holds v1
print(f"versioned write: cache holds v{race(True)}")
#> versioned write: cache holds v2
cache.delete(KEY)
