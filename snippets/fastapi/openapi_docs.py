from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

# --8<-- [start:show]
app = FastAPI(title="Startups API", version="2.0.0")


class Startup(BaseModel):
    name: str = Field(description="Legal name", examples=["Acme"])


@app.get("/startups/{name}", tags=["startups"],
         summary="Read one startup",
         responses={404: {"description": "No such startup"}})
async def read_startup(name: str) -> Startup:
    return Startup(name=name)


def custom_openapi() -> dict:
    if app.openapi_schema is None:  # build once, then cache
        schema = get_openapi(title=app.title, version=app.version,
                             routes=app.routes)
        schema["info"]["x-owner"] = "platform-team"
        app.openapi_schema = schema
    return app.openapi_schema


app.openapi = custom_openapi
# --8<-- [end:show]
client = TestClient(app)
spec = client.get("/openapi.json").json()
print(spec["openapi"], spec["info"]["title"], spec["info"]["x-owner"])
#> 3.1.0 Startups API platform-team
operation = spec["paths"]["/startups/{name}"]["get"]
print(operation["summary"], sorted(operation["responses"]))
#> Read one startup ['200', '404', '422']
field = spec["components"]["schemas"]["Startup"]["properties"]["name"]
print(field["description"], field["examples"])
#> Legal name ['Acme']
print(client.get("/docs").status_code, client.get("/redoc").status_code)
#> 200 200
