"""Domain errors and the handlers that turn every error into one consistent body:

    {"error": {"code": "...", "message": "...", "request_id": "...", "details": [...]}}
"""

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from starlette.exceptions import HTTPException

from .middleware import log, request_id


# --8<-- [start:domain-errors]
class DomainError(Exception):
    status_code = status.HTTP_400_BAD_REQUEST
    code = "bad_request"

    def __init__(self, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.headers = headers


class Unauthorized(DomainError):
    status_code = status.HTTP_401_UNAUTHORIZED
    code = "unauthorized"

    def __init__(self, message: str) -> None:
        super().__init__(message, headers={"WWW-Authenticate": "Bearer"})


class Forbidden(DomainError):
    status_code = status.HTTP_403_FORBIDDEN
    code = "forbidden"


class NotFound(DomainError):
    status_code = status.HTTP_404_NOT_FOUND
    code = "not_found"


class UnknownStartups(NotFound):
    code = "unknown_startup"


class Conflict(DomainError):
    status_code = status.HTTP_409_CONFLICT
    code = "conflict"


class PayloadTooLarge(DomainError):
    status_code = status.HTTP_413_CONTENT_TOO_LARGE
    code = "payload_too_large"


class UnsupportedMediaType(DomainError):
    status_code = status.HTTP_415_UNSUPPORTED_MEDIA_TYPE
    code = "unsupported_media_type"


class RateLimited(DomainError):
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    code = "rate_limited"


class QueryTimedOut(DomainError):
    status_code = status.HTTP_504_GATEWAY_TIMEOUT
    code = "query_timeout"
# --8<-- [end:domain-errors]


class ErrorDetail(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    code: str
    message: str
    request_id: str | None = None
    details: list[ErrorDetail] | None = None  # only on 422s of the request validation


class ErrorResponse(BaseModel):
    """The one shape of every error the API returns."""

    error: ErrorBody


ERROR_STATUSES = {
    400: "The request body could not be parsed.",
    401: "No valid credentials: sign in first (WWW-Authenticate: Bearer).",
    403: "Signed in, but the role is too low for this operation.",
    404: "No such startup.",
    409: "Conflicts with the current state: a taken name or an out-of-date version.",
    413: "The upload is larger than the configured limit.",
    415: "The upload is not a CSV file.",
    422: "The request is not valid: the details name each invalid field.",
    429: "Too many requests from this client; Retry-After says when to retry.",
    503: "The database is unavailable for now; Retry-After says when to retry.",
    504: "The query took longer than the configured timeout.",
}


def error_responses(*statuses: int) -> dict[int | str, dict]:
    """OpenAPI `responses=` for routers and routes: these statuses, each with the error body."""
    return {status: {"model": ErrorResponse, "description": ERROR_STATUSES[status]} for status in statuses}


def error_response(
    status_code: int, code: str, message: str, details: list | None = None, headers: dict | None = None
) -> JSONResponse:
    body = {"code": code, "message": message, "request_id": request_id.get()}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status_code, headers=headers)


def is_database_outage(error: BaseException) -> bool:
    """The database cannot be reached right now (down, restarting, connection lost), as opposed
    to a bug or a bad request: refused or reset connections, a connect timeout, a connection the
    pool invalidated, or SQLSTATE class 08 (connection exception) or 57 (shutting down, starting up)."""
    if isinstance(error, BaseExceptionGroup):  # from a TaskGroup
        return all(is_database_outage(inner) for inner in error.exceptions)
    if isinstance(error, DBAPIError):
        sqlstate = str(getattr(error.orig, "sqlstate", None) or "")
        lost = error.connection_invalidated or isinstance(error, (OperationalError, InterfaceError))
        return lost or sqlstate[:2] in {"08", "57"}
    return isinstance(error, (ConnectionError, TimeoutError))


async def database_unavailable(request: Request, error: Exception) -> JSONResponse:
    """A quick 503 with the usual error body while the database is away; the pool's pre-ping
    reconnects by itself once it is back. Anything else is re-raised: a 500, logged."""
    if not is_database_outage(error):
        raise error
    log.warning("database unavailable: %s: %s", type(error).__name__, error)
    return error_response(503, "service_unavailable", "The database is unavailable; retry shortly.",
                          headers={"Retry-After": "5"})


# --8<-- [start:error-handlers]
def add_error_handlers(app: FastAPI) -> None:
    for outage in (DBAPIError, ConnectionError, TimeoutError, ExceptionGroup):
        app.add_exception_handler(outage, database_unavailable)  # 503 while the database is away

    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> JSONResponse:
        return error_response(error.status_code, error.code, error.message, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        details = [
            {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
            for item in error.errors()
        ]
        return error_response(422, "invalid_request", "The request is not valid.", details)

    @app.exception_handler(HTTPException)  # the framework's own 404, 405 and friends
    async def http_error(request: Request, error: HTTPException) -> JSONResponse:
        code = str(error.detail).lower().replace(" ", "_")
        return error_response(error.status_code, code, str(error.detail), headers=error.headers)
# --8<-- [end:error-handlers]


class InvalidInput(DomainError):
    status_code = status.HTTP_422_UNPROCESSABLE_CONTENT
    code = "invalid_input"
