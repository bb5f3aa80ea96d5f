# --8<-- [start:show]
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.testclient import TestClient

app = FastAPI()
seen_by_middleware: list[str] = []


@app.middleware("http")
async def see_everything(request: Request, call_next):
    seen_by_middleware.append(request.url.path)  # even 404s
    return await call_next(request)


def current_user(x_api_key: Annotated[str, Header()]) -> str:
    if x_api_key != "secret":
        raise HTTPException(status_code=401, detail="Bad API key")
    return "ada"  # the endpoint receives this value


@app.get("/public")
async def public() -> str:
    return "hello"


@app.get("/me")
async def me(user: Annotated[str, Depends(current_user)]) -> str:
    return user
# --8<-- [end:show]


client = TestClient(app)
print(client.get("/me", headers={"X-API-Key": "secret"}).json())
#> ada
print(client.get("/me", headers={"X-API-Key": "wrong"}).status_code)
#> 401
print(client.get("/public").status_code, client.get("/nowhere").status_code)
#> 200 404
print(seen_by_middleware)
#> ['/me', '/me', '/public', '/nowhere']
documented = str(app.openapi()["paths"]["/me"])
print(f"header in OpenAPI docs: {'x-api-key' in documented}")
#> header in OpenAPI docs: True
