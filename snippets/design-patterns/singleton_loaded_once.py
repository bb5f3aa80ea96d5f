from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.testclient import TestClient


class RankingIndex:
    builds = 0  # how many times the expensive load ran

    def __init__(self) -> None:
        RankingIndex.builds += 1  # stands in for a slow load


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.index = RankingIndex()  # once, before any request
    yield


def get_index(request: Request) -> RankingIndex:
    return request.app.state.index


IndexDep = Annotated[RankingIndex, Depends(get_index)]
app = FastAPI(lifespan=lifespan)


@app.get("/index-id")
async def index_id(index: IndexDep) -> int:
    return id(index)


with TestClient(app) as client:  # the with block runs the lifespan
    ids = {client.get("/index-id").json() for _ in range(5)}
print(f"builds={RankingIndex.builds}")
#> builds=1
print(f"same_instance={len(ids) == 1}")
#> same_instance=True
