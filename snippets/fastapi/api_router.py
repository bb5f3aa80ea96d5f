# --8<-- [start:show]
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException
from fastapi.testclient import TestClient


async def require_api_key(
    x_api_key: Annotated[str, Header()],
) -> None:
    if x_api_key != "secret":
        raise HTTPException(status_code=401, detail="bad API key")


# routers/startups.py: only the startup endpoints
router = APIRouter(
    prefix="/startups",
    tags=["startups"],
    dependencies=[Depends(require_api_key)],  # every route
)


@router.get("/{name}")
async def read_startup(name: str) -> dict[str, str]:
    return {"name": name}


# main.py: the app only assembles routers
app = FastAPI()
app.include_router(router, prefix="/api/v1")
# --8<-- [end:show]

operation = app.openapi()["paths"]["/api/v1/startups/{name}"]["get"]
print(operation["tags"])
#> ['startups']
client = TestClient(app)
for key in ["wrong", "secret"]:
    reply = client.get("/api/v1/startups/acme", headers={"X-API-Key": key})
    print(reply.status_code, reply.json())
    #> 401 {'detail': 'bad API key'}
    #> 200 {'name': 'acme'}
