from typing import Annotated

from fastapi import FastAPI, Path, Query
from fastapi.testclient import TestClient
from pydantic import BaseModel

app = FastAPI()


class FundingRound(BaseModel):
    stage: str
    amount: int


@app.post("/startups/{startup_id}/rounds")
async def add_round(
    startup_id: Annotated[int, Path(ge=1)],  # in the path
    notify: Annotated[bool, Query()] = False,  # query string
    funding: FundingRound | None = None,  # model: JSON body
) -> dict:
    return {"startup": startup_id, "notify": notify, "funding": funding}


client = TestClient(app)
reply = client.post(
    "/startups/3/rounds?notify=true",
    json={"stage": "seed", "amount": 2},
)
print(reply.json())
#> {'startup': 3, 'notify': True, 'funding': {'stage': 'seed', 'amount': 2}}
error = client.post("/startups/0/rounds").json()["detail"][0]
print(error["loc"], error["msg"])
#> ['path', 'startup_id'] Input should be greater than or equal to 1
