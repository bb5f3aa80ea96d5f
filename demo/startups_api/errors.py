"""Domain errors and the handlers that turn every error into one consistent body:

    {"error": {"code": "...", "message": "...", "request_id": "...", "details": [...]}}
"""

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from .middleware import request_id


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


def error_response(
    status_code: int, code: str, message: str, details: list | None = None, headers: dict | None = None
) -> JSONResponse:
    body = {"code": code, "message": message, "request_id": request_id.get()}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status_code, headers=headers)


# --8<-- [start:error-handlers]
def add_error_handlers(app: FastAPI) -> None:
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
