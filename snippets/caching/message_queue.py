import os
import sys

import redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
broker = redis.Redis.from_url(URL, decode_responses=True,
                              socket_connect_timeout=2)
QUEUE, IN_FLIGHT = "mq:emails", "mq:emails:in-flight"
try:
    broker.delete(QUEUE, IN_FLIGHT)
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")

# --8<-- [start:show]
# producer (the API): enqueue and answer at once
broker.rpush(QUEUE, "email:1", "email:2", "email:3")
print("queued:", broker.llen(QUEUE))
#> queued: 3

# worker A moves a job to an in-flight list ... and crashes
broker.lmove(QUEUE, IN_FLIGHT, "LEFT", "RIGHT")

# worker B takes the rest and acks each job when done
done = []
while job := broker.lmove(QUEUE, IN_FLIGHT, "LEFT", "RIGHT"):
    done.append(job)  # send the email here
    broker.lrem(IN_FLIGHT, 1, job)  # ack: the job is finished
print("done:", done, "unacked:", broker.lrange(IN_FLIGHT, 0, -1))
#> done: ['email:2', 'email:3'] unacked: ['email:1']

# recovery: unacknowledged jobs go back on the queue, none is lost
while broker.lmove(IN_FLIGHT, QUEUE, "LEFT", "RIGHT"):
    pass
print("requeued:", broker.lrange(QUEUE, 0, -1))
#> requeued: ['email:1']
# --8<-- [end:show]
broker.delete(QUEUE, IN_FLIGHT)
