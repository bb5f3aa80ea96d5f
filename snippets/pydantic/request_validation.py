# --8<-- [start:show]
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field, field_validator


class QueryRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=3, max_length=200)
    startups: list[str] = Field(min_length=1, max_length=50)

    @field_validator("startups")
    @classmethod
    def no_blank_names(cls, names: list[str]) -> list[str]:
        if any(not name.strip() for name in names):
            raise ValueError("startup names must not be blank")
        return names


app = FastAPI()


@app.post("/query")
async def query(body: QueryRequest) -> dict[str, int]:
    # body is already valid here
    return {"startups": len(body.startups)}
# --8<-- [end:show]


client = TestClient(app)
good = {"query": "fintech in Berlin", "startups": ["Acme", "Globex"]}
accepted = client.post("/query", json=good)
print(accepted.status_code, accepted.json())
#> 200 {'startups': 2}

bad = {"query": "ai", "startups": [" "], "limit": 5}
rejected = client.post("/query", json=bad)
print(rejected.status_code, rejected.reason_phrase)
#> 422 Unprocessable Content
# every problem, not just the first
for error in rejected.json()["detail"]:
    print(error["type"], error["loc"])
    #> string_too_short ['body', 'query']
    #> value_error ['body', 'startups']
    #> extra_forbidden ['body', 'limit']
