import sqlite3
from typing import Annotated

from fastapi import FastAPI, Header, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel

# --8<-- [start:show]
db = sqlite3.connect(":memory:", check_same_thread=False)
db.execute("CREATE TABLE startups (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
replies: dict[str, dict] = {}  # Idempotency-Key -> first response


class StartupIn(BaseModel):
    name: str


app = FastAPI()


@app.post("/startups", status_code=201)
def create(body: StartupIn,
           idempotency_key: Annotated[str | None, Header()] = None) -> dict:
    if idempotency_key in replies:
        return replies[idempotency_key]  # a retry: replay, insert nothing
    try:
        with db:  # one transaction; the UNIQUE index rejects a second row
            row = db.execute("INSERT INTO startups (name) VALUES (?)",
                             (body.name,))
    except sqlite3.IntegrityError:
        raise HTTPException(409, f"{body.name} already exists") from None
    reply = {"id": row.lastrowid, "name": body.name}
    if idempotency_key:
        replies[idempotency_key] = reply
    return reply
# --8<-- [end:show]


client = TestClient(app)
retry = {"Idempotency-Key": "order-7f3a"}
for _ in range(2):  # the client timed out and sent the same request again
    response = client.post("/startups", json={"name": "Acme"}, headers=retry)
    print(response.status_code, response.json())
    #> 201 {'id': 1, 'name': 'Acme'}
    #> 201 {'id': 1, 'name': 'Acme'}
again = client.post("/startups", json={"name": "Acme"})  # no key this time
print(again.status_code, again.json())
#> 409 {'detail': 'Acme already exists'}
print(db.execute("SELECT COUNT(*) FROM startups").fetchone())
#> (1,)
