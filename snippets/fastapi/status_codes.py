# --8<-- [start:show]
from fastapi import FastAPI, HTTPException, Response, status
from fastapi.testclient import TestClient

app = FastAPI()
startups: dict[str, int] = {"acme": 40}


@app.put("/startups/{name}")
async def upsert(name: str, staff: int, response: Response) -> dict:
    if name not in startups:
        response.status_code = status.HTTP_201_CREATED  # at runtime
    startups[name] = staff
    return {"name": name, "staff": staff}


@app.delete("/startups/{name}", status_code=status.HTTP_204_NO_CONTENT)
async def delete(name: str) -> None:
    if startups.pop(name, None) is None:
        raise HTTPException(404, f"no startup {name}")
# --8<-- [end:show]


client = TestClient(app)
print(client.put("/startups/acme?staff=41").status_code)  # replaced
#> 200
print(client.put("/startups/globex?staff=9").status_code)  # created
#> 201
gone = client.delete("/startups/acme")
print(gone.status_code, repr(gone.text))
#> 204 ''
missing = client.delete("/startups/acme")
print(missing.status_code, missing.json())
#> 404 {'detail': 'no startup acme'}
delete_doc = app.openapi()["paths"]["/startups/{name}"]["delete"]
print(sorted(delete_doc["responses"]))
#> ['204', '422']
