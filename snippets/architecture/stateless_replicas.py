import itertools

from fastapi import FastAPI, HTTPException, Request
from fastapi.testclient import TestClient

LIMIT = 3  # requests per client


# --8<-- [start:show]
def create_replica(hits: dict[str, int]) -> FastAPI:
    """One copy of the API; `hits` is where it keeps its rate-limit counts."""
    app = FastAPI()

    @app.get("/quote")
    def quote(request: Request) -> dict:
        client = request.headers["x-api-key"]
        hits[client] = hits.get(client, 0) + 1
        if hits[client] > LIMIT:
            raise HTTPException(429, "rate limit")
        return {"ok": True}

    return app


def allowed_through(replicas: list[FastAPI], requests: int) -> int:
    balancer = itertools.cycle([TestClient(app) for app in replicas])
    codes = [next(balancer).get("/quote", headers={"x-api-key": "k1"})
             .status_code for _ in range(requests)]
    return codes.count(200)


# state in each process: every replica counts alone, so 3 copies allow 3x
print(allowed_through([create_replica({}) for _ in range(3)], 10))
#> 9
shared = {}  # stands in for Redis: one store every replica reads and writes
print(allowed_through([create_replica(shared) for _ in range(3)], 10))
#> 3
# --8<-- [end:show]
