from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI, Request
from fastapi.testclient import TestClient
from pydantic import BaseModel

steps: list[str] = []
app = FastAPI()


# --8<-- [start:show]
class AsgiTiming:  # pure ASGI middleware, like the demo's
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        await self.app(scope, receive, send)
        steps.append("asgi mw done")  # after cleanup too


@app.middleware("http")  # returns when the response starts
async def http_layer(request: Request, call_next):
    response = await call_next(request)
    steps.append("http mw done")
    return response


async def get_session():
    steps.append("dependency")
    try:
        yield "session"
    finally:  # runs after the body is sent
        steps.append("yield cleanup")


class Startup(BaseModel):
    name: str


@app.post("/startups")
async def create(startup: Startup, tasks: BackgroundTasks,
                 session: Annotated[str, Depends(get_session)]):
    tasks.add_task(steps.append, "background task")
    return startup
# --8<-- [end:show]


app.add_middleware(AsgiTiming)  # added last: outermost
client = TestClient(app)
client.post("/startups", json={"name": "Acme"})
print(steps)
#> ['dependency', 'http mw done', 'background task', 'yield cleanup', 'asgi mw done']
steps.clear()
response = client.post("/startups", json={"title": "Acme"})
print(response.status_code, steps)  # the endpoint never ran
#> 422 ['dependency', 'yield cleanup', 'http mw done', 'asgi mw done']
