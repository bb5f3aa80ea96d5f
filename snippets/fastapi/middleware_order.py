from fastapi import FastAPI, Request
from fastapi.testclient import TestClient

app = FastAPI()
calls: list[str] = []


# --8<-- [start:show]
@app.middleware("http")
async def inner(request: Request, call_next):
    calls.append("inner before")
    response = await call_next(request)  # the rest runs here
    calls.append("inner after")
    return response


@app.middleware("http")
async def outer(request: Request, call_next):  # added last: first
    calls.append("outer before")
    response = await call_next(request)
    response.headers["X-Handled-By"] = "outer"
    calls.append("outer after")
    return response


@app.get("/ping")
async def ping() -> str:
    calls.append("endpoint")
    return "pong"
# --8<-- [end:show]


response = TestClient(app).get("/ping")
print(calls)
#> ['outer before', 'inner before', 'endpoint', 'inner after', 'outer after']
print(f"X-Handled-By: {response.headers['x-handled-by']}")
#> X-Handled-By: outer
