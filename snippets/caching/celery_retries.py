import logging
import os
import sys

import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker

BASE = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
URL = BASE.rsplit("/", 1)[0] + "/13"  # a Redis db of its own for Celery
store = redis.Redis.from_url(URL, decode_responses=True,
                             socket_connect_timeout=2)
try:
    store.flushdb()
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")
logging.disable(logging.WARNING)
# --8<-- [start:show]
app = Celery("billing", broker=URL, backend=URL)
app.conf.broker_transport_options = {"polling_interval": 0.1}


@app.task(bind=True, autoretry_for=(ConnectionError,),
          max_retries=5, default_retry_delay=0.1, acks_late=True)
def charge(self, order_id: int) -> str:
    store.incr("attempts")
    if self.request.retries < 2:  # the payment API is down twice
        raise ConnectionError("payment API timed out")
    # idempotent: only the first run for this order may charge
    if store.set(f"charged:{order_id}", "1", nx=True):
        store.incr("charges")
        return "charged"
    return "already charged"


with start_worker(app, perform_ping_check=False):
    first = charge.delay(1001)
    print(first.get(timeout=5), "| runs:", store.get("attempts"))
    #> charged | runs: 3
    duplicate = charge.delay(1001)  # the same job, delivered again
    print(duplicate.get(timeout=5), "| charges:",
          store.get("charges"))
    #> already charged | charges: 1
# --8<-- [end:show]
store.flushdb()
