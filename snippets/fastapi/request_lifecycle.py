from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.testclient import TestClient
from pydantic import BaseModel

steps: list[str] = []
app = FastAPI()


@app.middleware("http")
async def outer_layer(request: Request, call_next):
    steps.append("middleware in")
    response = await call_next(request)
    steps.append("middleware out")
    return response


async def get_session():
    steps.append("dependency")
    try:
        yield "session"
    finally:
        steps.append("cleanup")


class Startup(BaseModel):
    name: str


SessionDep = Annotated[str, Depends(get_session)]


@app.post("/startups")
async def create(startup: Startup, session: SessionDep) -> Startup:
    steps.append("endpoint")
    return startup


client = TestClient(app)
client.post("/startups", json={"name": "Acme"})
print(steps)
#> ['middleware in', 'dependency', 'endpoint', 'middleware out', 'cleanup']
steps.clear()
response = client.post("/startups", json={"title": "Acme"})
print(response.status_code, steps)  # the endpoint never ran
#> 422 ['middleware in', 'dependency', 'cleanup', 'middleware out']
