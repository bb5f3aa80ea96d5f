import os
import sys

import redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
r = redis.Redis.from_url(URL, decode_responses=True, socket_connect_timeout=2)
try:
    r.delete("events:stream")
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")

# pub/sub: pushed to whoever is subscribed right now, never stored
print("receivers:", r.publish("events:chat", "sent before anyone listens"))
#> receivers: 0
listener = r.pubsub(ignore_subscribe_messages=True)
listener.subscribe("events:chat")
listener.get_message(timeout=1)  # consume the subscribe confirmation
print("receivers:", r.publish("events:chat", "hello"))
#> receivers: 1
print(listener.get_message(timeout=1)["data"])
#> hello
listener.close()

# stream: an append-only log; consumer groups read later and acknowledge
r.xadd("events:stream", {"order": "1001"})  # stored before any consumer
r.xgroup_create("events:stream", "billing", id="0")
[[_, [(entry_id, fields)]]] = r.xreadgroup(
    "billing", "worker-1", {"events:stream": ">"}, count=1)
print(fields, "pending:", r.xpending("events:stream", "billing")["pending"])
#> {'order': '1001'} pending: 1
r.xack("events:stream", "billing", entry_id)  # done: leaves the pending list
print("pending:", r.xpending("events:stream", "billing")["pending"])
#> pending: 0
r.delete("events:stream")
