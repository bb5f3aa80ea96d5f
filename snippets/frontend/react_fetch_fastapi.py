# --8<-- [start:show]
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.testclient import TestClient
from pydantic import BaseModel

FRONTEND = "http://localhost:5173"  # the Vite dev server


class Startup(BaseModel):
    id: int
    name: str


app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=[FRONTEND],
                   allow_headers=["Authorization"])


@app.get("/api/startups")
async def list_startups() -> list[Startup]:
    return [Startup(id=1, name="Acme Pay"),
            Startup(id=2, name="Fleetly")]
# --8<-- [end:show]


# what React sends: fetch(`${API_URL}/api/startups`)
client = TestClient(app, base_url="http://localhost:8000")
response = client.get("/api/startups", headers={
    "Origin": FRONTEND, "Authorization": "Bearer <access token>"})
print(response.status_code, response.headers["content-type"])
#> 200 application/json
allowed = response.headers["access-control-allow-origin"]
print("allow-origin:", allowed)
#> allow-origin: http://localhost:5173
print(response.json())
#> [{'id': 1, 'name': 'Acme Pay'}, {'id': 2, 'name': 'Fleetly'}]
