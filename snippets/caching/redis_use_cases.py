import os
import sys

import redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
r = redis.Redis.from_url(URL, decode_responses=True, socket_connect_timeout=2)
try:
    r.ping()
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")

# --8<-- [start:show]
# cache entry or session: a string that deletes itself after its TTL
r.set("uses:session:abc", "user-42", ex=1800)
ttl = r.ttl("uses:session:abc")
print(r.get("uses:session:abc"), "expires:", 0 < ttl <= 1800)
#> user-42 expires: True

# counter shared by every worker: INCR is atomic on the server
for _ in range(3):
    r.incr("uses:views:startup-7")
print(r.get("uses:views:startup-7"))
#> 3

# leaderboard: a sorted set keeps members ordered by score
r.zadd("uses:top", {"acme": 120, "globex": 340, "initech": 95})
print(r.zrevrange("uses:top", 0, 1, withscores=True))
#> [('globex', 340.0), ('acme', 120.0)]

# simple job queue: push on one end, pop from the other
r.lpush("uses:jobs", "email:1", "email:2")
print(r.rpop("uses:jobs"), r.llen("uses:jobs"))
#> email:1 1
# --8<-- [end:show]

r.delete(*r.scan_iter("uses:*"))
