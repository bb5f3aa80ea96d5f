# app/
#   main.py        create_app(): settings, middleware, routers
#   routers/       HTTP only: parse, call a service, return a schema
#   schemas.py     Pydantic request and response models
#   services/      business logic, no FastAPI imports
#   db.py          engine, session dependency, ORM models
from fastapi import APIRouter, FastAPI, Request
from fastapi.testclient import TestClient

# --8<-- [start:show]
# routers/startups.py
startups = APIRouter(prefix="/startups", tags=["startups"])


@startups.get("/")
async def list_startups() -> list[str]:
    return ["Acme"]  # a real router calls services/ here


def create_app(show_docs: bool = True) -> FastAPI:  # main.py
    app = FastAPI(docs_url="/docs" if show_docs else None)
    app.include_router(startups, prefix="/api/v1")

    @app.middleware("http")  # wraps mounted apps too
    async def tag(request: Request, call_next):
        response = await call_next(request)
        response.headers["X-App"] = "main"
        return response

    admin = FastAPI()  # mounted: own routes, docs, handlers

    @admin.get("/stats")
    async def stats() -> dict[str, int]:
        return {"startups": 1}

    app.mount("/admin", admin)
    return app
# --8<-- [end:show]


dev, prod = TestClient(create_app()), TestClient(create_app(show_docs=False))
print(dev.get("/api/v1/startups/").json(), dev.get("/admin/stats").json())
#> ['Acme'] {'startups': 1}
print(dev.get("/docs").status_code, prod.get("/docs").status_code)
#> 200 404
print(list(dev.get("/admin/openapi.json").json()["paths"]))
#> ['/stats']
print(dev.get("/admin/stats").headers["X-App"])  # parent middleware ran
#> main
