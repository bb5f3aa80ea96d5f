import logging
import os
import sys

import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker

BASE = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
URL = BASE.rsplit("/", 1)[0] + "/13"  # a Redis db of its own for Celery
broker = redis.Redis.from_url(URL, socket_connect_timeout=2)
try:
    broker.flushdb()
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")
logging.disable(logging.WARNING)  # keep the worker's start-up log quiet

# --8<-- [start:show]
app = Celery("reports", broker=URL, backend=URL)
app.conf.broker_transport_options = {"polling_interval": 0.1}


@app.task
def build_report(startup_id: int) -> str:
    return f"report for startup {startup_id}"


result = build_report.delay(7)  # a JSON message on the "celery" list
print(result.state, "| waiting:", broker.llen("celery"))
#> PENDING | waiting: 1
with start_worker(app, perform_ping_check=False):  # a worker thread
    print(result.get(timeout=5))
    #> report for startup 7
print(result.state, "| waiting:", broker.llen("celery"))
#> SUCCESS | waiting: 0
# --8<-- [end:show]
broker.flushdb()
