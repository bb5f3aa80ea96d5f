# --8<-- [start:show]
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

events: list[str] = []


def get_database_url() -> str:
    return "postgresql://prod"


async def get_session(
    url: Annotated[str, Depends(get_database_url)],  # sub-dep
) -> AsyncIterator[str]:
    events.append(f"open {url}")
    try:
        yield f"session on {url}"
    finally:
        events.append("close")  # after the response, even on errors


SessionDep = Annotated[str, Depends(get_session)]
app = FastAPI()


@app.get("/items")
async def list_items(session: SessionDep) -> str:
    events.append("endpoint")
    return session
# --8<-- [end:show]


with TestClient(app) as client:
    print(client.get("/items").json())
    #> session on postgresql://prod
    print(events)
    #> ['open postgresql://prod', 'endpoint', 'close']
    events.clear()
    app.dependency_overrides[get_database_url] = lambda: "sqlite://"
    print(client.get("/items").json())
    #> session on sqlite://
    print(events)
    #> ['open sqlite://', 'endpoint', 'close']
