import uuid

import httpx2
from fastapi import FastAPI, Request, Response
from fastapi.testclient import TestClient

startups_service, users_service = FastAPI(), FastAPI()


@startups_service.get("/startups/{startup_id}")
async def startup(startup_id: int, request: Request) -> dict:
    return {"id": startup_id, "traced": "x-request-id" in request.headers}


@users_service.get("/users/me")
async def me(request: Request) -> dict:
    return {"user": request.headers["x-user"]}  # set by the gateway


# --8<-- [start:show]
ROUTES = {"/startups": startups_service, "/users": users_service}
API_KEYS = {"key-123": "alice"}
gateway = FastAPI()


@gateway.get("/{path:path}")
async def forward(path: str, request: Request) -> Response:
    user = API_KEYS.get(request.headers.get("x-api-key", ""))
    if user is None:  # authentication once, at the edge
        return Response(status_code=401)
    service = next((app for prefix, app in ROUTES.items()
                    if f"/{path}".startswith(prefix)), None)
    if service is None:
        return Response(status_code=404)
    headers = {"x-user": user, "x-request-id": uuid.uuid4().hex}
    transport = httpx2.ASGITransport(app=service)  # stands in for HTTP
    async with httpx2.AsyncClient(transport=transport,
                                  base_url="http://internal") as client:
        upstream = await client.get(f"/{path}", headers=headers)
    return Response(upstream.content, upstream.status_code,
                    media_type="application/json")
# --8<-- [end:show]


client = TestClient(gateway)
key = {"x-api-key": "key-123"}
print(client.get("/startups/7", headers=key).json())
#> {'id': 7, 'traced': True}
print(client.get("/users/me", headers=key).json())
#> {'user': 'alice'}
print(client.get("/users/me").status_code)  # no key: stopped at the gateway
#> 401
