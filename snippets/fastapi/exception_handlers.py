from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()


class StartupNotFound(Exception):  # a domain error: no HTTP in it
    def __init__(self, name: str) -> None:
        self.name = name


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status)


@app.exception_handler(StartupNotFound)
async def not_found(request: Request, exc: StartupNotFound) -> JSONResponse:
    return error(404, "startup_not_found", f"No startup named {exc.name}")


@app.exception_handler(StarletteHTTPException)  # also routing 404s and 405s
async def http_error(request: Request, exc: StarletteHTTPException):
    return error(exc.status_code, "http_error", str(exc.detail))


@app.exception_handler(RequestValidationError)  # replaces the default 422
async def invalid(request: Request, exc: RequestValidationError):
    first = exc.errors()[0]
    return error(422, "invalid_request", f"{first['loc'][-1]}: {first['type']}")


@app.get("/startups/{name}")
async def read_startup(name: str, limit: int = 10) -> dict[str, str]:
    if name == "admin":
        raise HTTPException(status_code=403, detail="Not allowed")
    raise StartupNotFound(name)


client = TestClient(app)
for path in ["/startups/acme", "/startups/admin", "/startups/a?limit=x", "/x"]:
    response = client.get(path)
    print(response.status_code, response.json()["error"])
    #> 404 {'code': 'startup_not_found', 'message': 'No startup named acme'}
    #> 403 {'code': 'http_error', 'message': 'Not allowed'}
    #> 422 {'code': 'invalid_request', 'message': 'limit: int_parsing'}
    #> 404 {'code': 'http_error', 'message': 'Not Found'}
