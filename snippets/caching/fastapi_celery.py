import logging
import os
import sys
import time

import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from fastapi import FastAPI
from fastapi.testclient import TestClient

BASE = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
URL = BASE.rsplit("/", 1)[0] + "/13"  # a Redis db of its own for Celery
try:
    redis.Redis.from_url(URL, socket_connect_timeout=2).flushdb()
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")
logging.disable(logging.WARNING)
celery_app = Celery("tasks", broker=URL, backend=URL)  # tasks.py in a project
celery_app.conf.broker_transport_options = {"polling_interval": 0.1}


# --8<-- [start:show]
@celery_app.task
def export_report(sector: str) -> dict:
    time.sleep(0.3)  # slow work runs in the worker, not in the API
    return {"sector": sector, "rows": 42}


api = FastAPI()


@api.post("/reports", status_code=202)
def start_report(sector: str) -> dict:
    return {"task_id": export_report.delay(sector).id}


@api.get("/reports/{task_id}")
def report_status(task_id: str) -> dict:
    result = celery_app.AsyncResult(task_id)
    done = result.successful()
    return {"state": result.state,
            "result": result.result if done else None}
# --8<-- [end:show]


client = TestClient(api)
with start_worker(celery_app, perform_ping_check=False):
    reply = client.post("/reports", params={"sector": "fintech"})
    task_id = reply.json()["task_id"]
    print(reply.status_code, client.get(f"/reports/{task_id}").json())
    #> 202 {'state': 'PENDING', 'result': None}
    celery_app.AsyncResult(task_id).get(timeout=5)  # a client would poll
    print(client.get(f"/reports/{task_id}").json())
    #> {'state': 'SUCCESS', 'result': {'sector': 'fintech', 'rows': 42}}
redis.Redis.from_url(URL).flushdb()
