# --8<-- [start:show]
from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):  # camelCase in JSON
    model_config = ConfigDict(
        alias_generator=to_camel,
        validate_by_name=True,
        serialize_by_alias=True,
    )


class Startup(ApiModel):
    id: int
    name: str
    founded_at: AwareDatetime  # ISO 8601, zone required
    website: str | None  # sent as null, never left out


class StartupPage(ApiModel):  # every list has the same envelope
    items: list[Startup]
    next_cursor: str | None
# --8<-- [end:show]


from fastapi import FastAPI, Request  # noqa: E402
from fastapi.responses import JSONResponse  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from starlette.exceptions import HTTPException  # noqa: E402


app = FastAPI()
ACME = Startup(id=1, name="Acme", founded_at=datetime(2021, 3, 1, tzinfo=UTC),
               website=None)


@app.exception_handler(HTTPException)  # every error has the same body
async def error_body(request: Request, error: HTTPException) -> JSONResponse:
    code = str(error.detail).lower().replace(" ", "_")
    body = {"code": code, "message": error.detail, "requestId": "r-42"}
    return JSONResponse({"error": body}, status_code=error.status_code)


@app.get("/api/startups")
async def list_startups() -> StartupPage:
    return StartupPage(items=[ACME], next_cursor="eyJhZnRlciI6IDF9")


client = TestClient(app)
page = client.get("/api/startups").json()
print(list(page), page["nextCursor"])
#> ['items', 'nextCursor'] eyJhZnRlciI6IDF9
print(page["items"][0])
#> {'id': 1, 'name': 'Acme', 'foundedAt': '2021-03-01T00:00:00Z', 'website': None}
print(client.get("/api/startups/9").json())
#> {'error': {'code': 'not_found', 'message': 'Not Found', 'requestId': 'r-42'}}
