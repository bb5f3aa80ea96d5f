import os
import sys

import redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
r = redis.Redis.from_url(URL, decode_responses=True, socket_connect_timeout=2)
try:
    r.delete("events:stream")
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")

# --8<-- [start:show]
# pub/sub: pushed to whoever is subscribed right now, never stored
print("receivers:", r.publish("events:chat", "too early"))
#> receivers: 0
listener = r.pubsub(ignore_subscribe_messages=True)
listener.subscribe("events:chat")
listener.get_message(timeout=1)  # the subscribe confirmation
print("receivers:", r.publish("events:chat", "hello"))
#> receivers: 1
print(listener.get_message(timeout=1)["data"])
#> hello
listener.close()

# stream: an append-only log; groups read later and ack
r.xadd("events:stream", {"order": "1001"})  # stored
r.xgroup_create("events:stream", "billing", id="0")
[[_, [(entry_id, fields)]]] = r.xreadgroup(
    "billing", "worker-1", {"events:stream": ">"}, count=1)
pending = r.xpending("events:stream", "billing")["pending"]
print(fields, "pending:", pending)
#> {'order': '1001'} pending: 1
r.xack("events:stream", "billing", entry_id)  # done
print("pending:", r.xpending("events:stream", "billing")["pending"])
#> pending: 0
# --8<-- [end:show]
r.delete("events:stream")
