from fastapi import FastAPI, HTTPException, Response, status
from fastapi.testclient import TestClient
from pydantic import BaseModel


# --8<-- [start:show]
class StartupIn(BaseModel):
    name: str


app = FastAPI()
startups: dict[int, dict] = {}


@app.post("/startups", status_code=status.HTTP_201_CREATED)
def create(body: StartupIn, response: Response) -> dict:
    startup = {"id": len(startups) + 1, "name": body.name}
    startups[startup["id"]] = startup
    response.headers["Location"] = f"/startups/{startup['id']}"
    return startup


@app.get("/startups/{startup_id}")
def read(startup_id: int) -> dict:
    if startup_id not in startups:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such startup")
    return startups[startup_id]


@app.delete("/startups/{startup_id}", status_code=204)
def delete(startup_id: int) -> None:
    startups.pop(startup_id, None)  # deleting twice leaves the same state
# --8<-- [end:show]


client = TestClient(app)
created = client.post("/startups", json={"name": "Acme"})
print(created.status_code, created.headers["Location"], created.json())
#> 201 /startups/1 {'id': 1, 'name': 'Acme'}
print(client.get("/startups/1").status_code)
#> 200
print([client.delete("/startups/1").status_code for _ in range(2)])
#> [204, 204]
print(client.get("/startups/1").status_code)
#> 404
print(client.post("/startups/1").status_code)  # wrong method for the URL
#> 405
