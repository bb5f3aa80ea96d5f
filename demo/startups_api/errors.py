"""Domain errors and the handlers that turn them into one consistent error body."""

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from .middleware import request_id


class DomainError(Exception):
    status_code = status.HTTP_400_BAD_REQUEST
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownStartups(DomainError):
    status_code = status.HTTP_404_NOT_FOUND
    code = "unknown_startup"


class QueryTimedOut(DomainError):
    status_code = status.HTTP_504_GATEWAY_TIMEOUT
    code = "query_timeout"


def error_response(status_code: int, code: str, message: str, details: list | None = None) -> JSONResponse:
    body = {"code": code, "message": message, "request_id": request_id.get()}
    if details is not None:
        body["details"] = details
    return JSONResponse({"error": body}, status_code=status_code)


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(request: Request, error: DomainError) -> JSONResponse:
        return error_response(error.status_code, error.code, error.message)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        details = [
            {"field": ".".join(str(part) for part in item["loc"]), "message": item["msg"]}
            for item in error.errors()
        ]
        return error_response(422, "invalid_request", "The request body is not valid.", details)
