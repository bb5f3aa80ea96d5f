# app/
#   main.py        create_app(): settings, middleware, routers
#   routers/       HTTP only: parse, call a service, return a schema
#   schemas.py     Pydantic request and response models
#   services/      business logic, no FastAPI imports
#   db.py          engine, session dependency, ORM models
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

startups = APIRouter(prefix="/startups", tags=["startups"])  # routers/


@startups.get("/")
async def list_startups() -> list[str]:
    return ["Acme"]  # a real router calls services/ here


def create_app(show_docs: bool = True) -> FastAPI:  # main.py
    app = FastAPI(docs_url="/docs" if show_docs else None)
    app.include_router(startups, prefix="/api/v1")
    admin = FastAPI()  # a separate app: own docs, own middleware

    @admin.get("/stats")
    async def stats() -> dict[str, int]:
        return {"startups": 1}

    app.mount("/admin", admin)
    return app


dev, prod = TestClient(create_app()), TestClient(create_app(show_docs=False))
print(dev.get("/api/v1/startups/").json(), dev.get("/admin/stats").json())
#> ['Acme'] {'startups': 1}
print(dev.get("/docs").status_code, prod.get("/docs").status_code)
#> 200 404
print(list(dev.get("/admin/openapi.json").json()["paths"]))
#> ['/stats']
