# --8<-- [start:show]
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel


class StartupOut(BaseModel):
    id: int
    name: str


class StartupScroll(BaseModel):  # one call, one page
    items: list[StartupOut]
    next_cursor: str | None


router = APIRouter(prefix="/api/v2/startups", tags=["startups"])


@router.get("")
async def list_startups(
    cursor: str | None = None,
) -> StartupScroll: ...


@router.get("/{startup_id}")
async def get_startup(startup_id: int) -> StartupOut: ...


def short_operation_id(route: APIRoute) -> str:
    # the name of the generated client function
    return f"{route.tags[0]}-{route.name}"
# --8<-- [end:show]


for naming in ("default", "short"):
    app = FastAPI() if naming == "default" else FastAPI(
        generate_unique_id_function=short_operation_id)
    app.include_router(router)
    for operation in app.openapi()["paths"].values():
        print(naming, operation["get"]["operationId"])
        #> default list_startups_api_v2_startups_get
        #> default get_startup_api_v2_startups__startup_id__get
        #> short startups-list_startups
        #> short startups-get_startup
print(sorted(app.openapi()["components"]["schemas"]))
#> ['HTTPValidationError', 'StartupOut', 'StartupScroll', 'ValidationError']
