from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel


# --8<-- [start:show]
class Startup(BaseModel):
    name: str
    city: str


class StartupPatch(BaseModel):
    name: str | None = None
    city: str | None = None


app = FastAPI()
rows: dict[int, dict] = {}


@app.post("/startups")
def create(body: Startup) -> dict:  # a new row on every call
    rows[len(rows) + 1] = body.model_dump()
    return {"id": len(rows)}


@app.put("/startups/{startup_id}")
def replace(startup_id: int, body: Startup) -> dict:  # the full new state
    rows[startup_id] = body.model_dump()
    return rows[startup_id]


@app.patch("/startups/{startup_id}")
def update(startup_id: int, body: StartupPatch) -> dict:  # sent fields
    rows[startup_id] |= body.model_dump(exclude_unset=True)
    return rows[startup_id]
# --8<-- [end:show]


client = TestClient(app)
acme = {"name": "Acme", "city": "Oslo"}
for _ in range(2):
    client.post("/startups", json=acme)
print("after 2 POSTs:", len(rows), "rows")
#> after 2 POSTs: 2 rows
for _ in range(2):
    client.put("/startups/7", json=acme)
print("after 2 PUTs:", len(rows), "rows", rows[7])
#> after 2 PUTs: 3 rows {'name': 'Acme', 'city': 'Oslo'}
print(client.patch("/startups/7", json={"city": "Bergen"}).json())
#> {'name': 'Acme', 'city': 'Bergen'}
