from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

events: list[str] = []


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    events.append("startup: build the index")
    app.state.index = {"acme": 0.9}  # built once, shared
    try:
        yield  # the app serves requests here
    finally:
        events.append("shutdown: close pools")


app = FastAPI(lifespan=lifespan)


@app.get("/score/{name}")
async def score(name: str, request: Request) -> float:
    events.append("request")
    return request.app.state.index[name]


with TestClient(app) as client:  # runs startup, then shutdown
    print(client.get("/score/acme").json())
    #> 0.9
    print(events)
    #> ['startup: build the index', 'request']
print(events)
#> ['startup: build the index', 'request', 'shutdown: close pools']
