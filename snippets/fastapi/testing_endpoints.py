import asyncio
from typing import Annotated

import httpx2
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient


def get_names() -> dict[int, str]:
    raise RuntimeError("the real database is not reachable from tests")


app = FastAPI()
NamesDep = Annotated[dict[int, str], Depends(get_names)]


@app.get("/startups/{startup_id}")
async def read_startup(startup_id: int, names: NamesDep) -> dict[str, str]:
    return {"name": names[startup_id]}


app.dependency_overrides[get_names] = lambda: {1: "acme"}  # the fake


def test_read_startup() -> None:
    with TestClient(app) as client:  # `with` also runs the lifespan
        response = client.get("/startups/1")
    assert response.status_code == 200
    assert response.json() == {"name": "acme"}


def test_bad_id_is_422() -> None:
    response = TestClient(app).get("/startups/abc")
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "int_parsing"


async def test_read_startup_async() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        response = await client.get("/startups/1")
    assert response.json() == {"name": "acme"}


for test in [test_read_startup, test_bad_id_is_422]:
    test()
    print(f"{test.__name__} passed")
    #> test_read_startup passed
    #> test_bad_id_is_422 passed
asyncio.run(test_read_startup_async())
print("test_read_startup_async passed")
#> test_read_startup_async passed
