import asyncio
from typing import Annotated

import httpx2
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient


# --8<-- [start:show]
def get_names() -> dict[int, str]:
    raise RuntimeError("no real database in tests")


app = FastAPI()
NamesDep = Annotated[dict[int, str], Depends(get_names)]


@app.get("/startups/{startup_id}")
async def read_startup(startup_id: int, names: NamesDep) -> dict:
    return {"name": names[startup_id]}


app.dependency_overrides[get_names] = lambda: {1: "acme"}  # the fake


def test_read_startup() -> None:
    with TestClient(app) as client:  # runs the lifespan too
        response = client.get("/startups/1")
    assert response.status_code == 200
    assert response.json() == {"name": "acme"}


def test_bad_id_is_422() -> None:
    response = TestClient(app).get("/startups/abc")
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "int_parsing"
# --8<-- [end:show]


async def test_read_startup_async() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        response = await client.get("/startups/1")
    assert response.json() == {"name": "acme"}


tests = [test_read_startup, test_bad_id_is_422, test_read_startup_async]
for test in tests:  # what pytest (with an async plugin) would do
    result = test()
    if asyncio.iscoroutine(result):
        asyncio.run(result)
    print(f"{test.__name__} passed")
    #> test_read_startup passed
    #> test_bad_id_is_422 passed
    #> test_read_startup_async passed
