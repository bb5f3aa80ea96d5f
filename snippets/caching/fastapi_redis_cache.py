import json
import os
import sys
from contextlib import asynccontextmanager

import redis
from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient
from redis.asyncio import Redis

URL = os.environ.get("STC_SNIPPETS_REDIS_URL", "redis://127.0.0.1:6379/14")
DATABASE = {7: {"id": 7, "name": "Acme Robotics"}}
db_reads = 0


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.redis = Redis.from_url(URL, socket_connect_timeout=2)
    yield
    await app.state.redis.delete("rcache:startup:7")
    await app.state.redis.aclose()


app = FastAPI(lifespan=lifespan)


# --8<-- [start:show]
@app.get("/startups/{startup_id}")
async def get_startup(startup_id: int, request: Request) -> Response:
    global db_reads
    cache = request.app.state.redis
    key = f"rcache:startup:{startup_id}"
    if (cached := await cache.get(key)) is not None:
        return Response(cached, media_type="application/json",
                        headers={"X-Cache": "hit"})
    db_reads += 1  # the slow query a cache hit avoids
    body = json.dumps(DATABASE[startup_id])
    await cache.set(key, body, ex=60)  # the TTL bounds staleness
    return Response(body, media_type="application/json",
                    headers={"X-Cache": "miss"})
# --8<-- [end:show]


try:
    with TestClient(app) as client:
        for _ in range(3):
            reply = client.get("/startups/7")
            print(reply.headers["X-Cache"], reply.json()["name"])
            #> miss Acme Robotics
            #> hit Acme Robotics
            #> hit Acme Robotics
except redis.ConnectionError:
    sys.exit("Redis is not reachable: start it with scripts/services")
print(f"db_reads={db_reads}")
#> db_reads=1
