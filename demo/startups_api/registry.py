"""A startup's legal record from a partner's company registry API, the one outbound HTTP call the
service makes, behind a timeout and a circuit breaker.

Off unless REGISTRY_URL is set: create_app() then adds this router, whose lifespan opens one
httpx2 client (a connection pool) for the whole process."""

import math
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, TypeVar
from urllib.parse import quote

import httpx2
from fastapi import APIRouter, Depends, FastAPI, status
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from starlette.requests import Request

from .db import Startup
from .dependencies import SessionDep
from .errors import DomainError, ErrorResponse, NotFound, error_responses
from .settings import get_settings
from .startups import ACTIVE, StartupId
from .tracing import TracedTransport

T = TypeVar("T")


class RegistryRecord(BaseModel):
    """What the partner answers for one company, and what the route returns."""

    name: str
    registration_number: str
    status: str
    incorporated: date


class NotInRegistry(NotFound):
    code = "not_in_registry"


class RegistryUnavailable(DomainError):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    code = "registry_unavailable"


class RegistryFailed(DomainError):
    status_code = status.HTTP_502_BAD_GATEWAY
    code = "registry_failed"


class RegistryTimedOut(DomainError):
    status_code = status.HTTP_504_GATEWAY_TIMEOUT
    code = "registry_timeout"


class PartnerDown(Exception):
    """A reply that says the partner is unwell (5xx, 429, an unreadable body): the breaker counts it."""


# --8<-- [start:circuit-breaker]
class CircuitOpen(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"circuit open; retry in {retry_after:.1f} s")
        self.retry_after = retry_after


class CircuitBreaker:
    """closed: calls go through and failures in a row are counted; open: after `failures_to_open`
    of them every call fails at once, without waiting on the partner, for `cooldown` seconds;
    half-open: then one trial call goes through, and its success closes the circuit while its
    failure opens it for another cool-down. State is per process (each worker has its own)."""

    def __init__(
        self,
        failures_to_open: int,
        cooldown: float,
        counts: tuple[type[Exception], ...],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures_to_open, self.cooldown, self.counts, self.clock = failures_to_open, cooldown, counts, clock
        self.failures = 0
        self.opened_at: float | None = None
        self.trial_running = False

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        return "half-open" if self.clock() - self.opened_at >= self.cooldown else "open"

    async def call(self, make_call: Callable[[], Awaitable[T]]) -> T:
        state = self.state
        if state == "open" or (state == "half-open" and self.trial_running):
            retry_after = self.opened_at + self.cooldown - self.clock()
            raise CircuitOpen(max(retry_after, 1.0 if self.trial_running else 0.0))
        trial = state == "half-open"
        self.trial_running = trial
        try:
            result = await make_call()
        except self.counts:
            self.failures += 1
            if trial or self.failures >= self.failures_to_open:
                self.opened_at = self.clock()  # open (again): fail fast for a cool-down
            raise
        finally:
            if trial:
                self.trial_running = False
        self.failures, self.opened_at = 0, None  # a success closes the circuit
        return result
# --8<-- [end:circuit-breaker]


class CompanyRegistry:
    """The partner's API: GET /companies/{name} answers a RegistryRecord, or 404 if it has none."""

    def __init__(self, client: httpx2.AsyncClient, breaker: CircuitBreaker) -> None:
        self.client, self.breaker = client, breaker

    async def fetch(self, name: str) -> RegistryRecord | None:
        response = await self.client.get(f"/companies/{quote(name, safe='')}")  # the client's timeout applies
        if response.status_code == 404:
            return None  # a real answer: the partner is fine, the company is not registered
        if response.status_code >= 500 or response.status_code == 429:
            raise PartnerDown(f"the registry answered {response.status_code}")
        response.raise_for_status()  # another 4xx: our request is wrong, not the partner
        try:
            return RegistryRecord.model_validate_json(response.content)
        except ValidationError:
            raise PartnerDown("the registry answered a body that is not a record") from None

    async def lookup(self, name: str) -> RegistryRecord:
        try:
            record = await self.breaker.call(lambda: self.fetch(name))
        except CircuitOpen as error:
            raise RegistryUnavailable(
                "the company registry is failing; not asking it for now",
                headers={"Retry-After": str(math.ceil(error.retry_after))},
            ) from None
        except httpx2.TimeoutException:
            raise RegistryTimedOut("the company registry did not answer in time") from None
        except (httpx2.HTTPError, PartnerDown) as error:
            raise RegistryFailed(f"the company registry failed: {error}") from None
        if record is None:
            raise NotInRegistry(f"the company registry has no record of '{name}'")
        return record


@asynccontextmanager
async def registry_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Merged into the app's lifespan by include_router: one client and one breaker per process."""
    settings = get_settings()
    timeout = httpx2.Timeout(settings.registry_timeout_seconds)
    transport = TracedTransport(app.state.tracer_provider)  # a client span and a traceparent per call
    async with httpx2.AsyncClient(base_url=settings.registry_url, timeout=timeout, transport=transport) as client:
        breaker = CircuitBreaker(
            settings.registry_failures_to_open,
            settings.registry_cooldown_seconds,
            counts=(httpx2.TransportError, PartnerDown),  # timeouts, refused connections; 5xx, 429, bad bodies
        )
        app.state.registry = CompanyRegistry(client, breaker)
        yield


def get_registry(request: Request) -> CompanyRegistry:
    return request.app.state.registry


router = APIRouter(prefix="/api/v2/startups", tags=["startups"], lifespan=registry_lifespan)
GATEWAY_ERRORS = {
    502: {"model": ErrorResponse, "description": "The company registry failed (5xx, 429 or a bad body)."},
    503: {"model": ErrorResponse, "description": "The circuit is open (the registry is not asked), or no database."},
    504: {"model": ErrorResponse, "description": "The company registry did not answer within its timeout."},
}
RECORD_ERRORS = error_responses(404, 422) | GATEWAY_ERRORS


@router.get("/{startup_id}/registry", response_model=RegistryRecord, responses=RECORD_ERRORS)
async def registry_record(
    startup_id: StartupId,
    session: SessionDep,
    registry: Annotated[CompanyRegistry, Depends(get_registry)],
) -> RegistryRecord:
    """The startup's legal record from the partner registry (404 if either does not know it)."""
    name = await session.scalar(select(Startup.name).where(Startup.id == startup_id, ACTIVE))
    if name is None:
        raise NotFound(f"no startup with id {startup_id}")
    return await registry.lookup(name)
