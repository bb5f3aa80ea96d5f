# --8<-- [start:show]
import math
import time
from collections import defaultdict, deque

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.testclient import TestClient

LIMIT, WINDOW = 3, 60.0  # 3 requests per client per minute
hits: dict[str, deque[float]] = defaultdict(deque)  # per process only


def rate_limit(request: Request) -> None:
    now, client_hits = time.monotonic(), hits[request.client.host]
    while client_hits and client_hits[0] <= now - WINDOW:
        client_hits.popleft()  # forget requests older than the window
    if len(client_hits) >= LIMIT:
        wait = client_hits[0] + WINDOW - now
        raise HTTPException(429, "too many requests",
                            headers={"Retry-After": str(math.ceil(wait))})
    client_hits.append(now)


app = FastAPI()


@app.get("/startups", dependencies=[Depends(rate_limit)])
async def list_startups() -> list[str]:
    return ["Acme", "Globex"]
# --8<-- [end:show]


client = TestClient(app)
for _ in range(4):
    response = client.get("/startups")
    print(response.status_code, response.headers.get("Retry-After"))
    #> 200 None
    #> 200 None
    #> 200 None
    #> 429 60
