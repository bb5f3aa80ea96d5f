"""Health endpoints for the orchestrator: alive (the process answers) and ready (it can serve)."""

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text
from starlette.requests import Request

router = APIRouter(prefix="/health", tags=["health"])


class Readiness(BaseModel):
    status: str
    checks: dict[str, str]


# --8<-- [start:health-checks]
@router.get("/live")
async def live() -> dict[str, str]:
    """Liveness: no dependencies checked, so a slow database never gets the pod restarted."""
    return {"status": "ok"}


@router.get("/ready", response_model=Readiness, responses={503: {"model": Readiness, "description": "Not ready"}})
async def ready(request: Request) -> JSONResponse:
    """Readiness: the database (and Redis, if used) answer within a second, else 503."""
    checks, checking = {}, "database"
    try:
        async with asyncio.timeout(1.0):
            async with request.app.state.sessions() as session:
                await session.execute(text("SELECT 1"))
            checks["database"] = "ok"
            if request.app.state.redis is not None:
                checking = "redis"
                await request.app.state.redis.ping()
                checks["redis"] = "ok"
    except Exception as error:  # any failure means "not ready", reported, never a 500
        checks[checking] = "down"
        checks["error"] = type(error).__name__
        return JSONResponse({"status": "unavailable", "checks": checks}, status_code=503)
    return JSONResponse({"status": "ready", "checks": checks})
# --8<-- [end:health-checks]
