from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

v1 = APIRouter(prefix="/api/v1", tags=["v1"], deprecated=True)
v2 = APIRouter(prefix="/api/v2", tags=["v2"])
STARTUPS = ["Acme", "Globex"]


@v1.get("/startups")
async def list_startups_v1() -> list[str]:
    return STARTUPS


@v2.get("/startups")
async def list_startups_v2() -> dict[str, list[str] | int]:
    return {"rows": STARTUPS, "total": len(STARTUPS)}  # breaking change


app = FastAPI()
app.include_router(v1)
app.include_router(v2)

client = TestClient(app)
print(client.get("/api/v1/startups").json())
#> ['Acme', 'Globex']
print(client.get("/api/v2/startups").json())
#> {'rows': ['Acme', 'Globex'], 'total': 2}
paths = app.openapi()["paths"]
for path in ["/api/v1/startups", "/api/v2/startups"]:
    print(path, "deprecated:", paths[path]["get"].get("deprecated", False))
    #> /api/v1/startups deprecated: True
    #> /api/v2/startups deprecated: False
