from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from starlette.exceptions import HTTPException as StarletteHTTPException

app = FastAPI()


# --8<-- [start:show]
class StartupNotFound(Exception):  # domain error, no HTTP
    def __init__(self, name: str) -> None:
        self.name = name


def error(status: int, code: str, message: str) -> JSONResponse:
    body = {"error": {"code": code, "message": message}}
    return JSONResponse(body, status)


@app.exception_handler(StartupNotFound)
async def not_found(request: Request, exc: StartupNotFound):
    return error(404, "not_found", f"No startup {exc.name}")


# Starlette's class: also the router's own 404s and 405s
@app.exception_handler(StarletteHTTPException)
async def http_error(request: Request, exc: StarletteHTTPException):
    return error(exc.status_code, "http_error", str(exc.detail))


@app.exception_handler(RequestValidationError)  # own 422 body
async def invalid(request: Request, exc: RequestValidationError):
    first = exc.errors()[0]
    message = f"{first['loc'][-1]}: {first['type']}"
    return error(422, "invalid_request", message)


@app.get("/startups/{name}")
async def read_startup(name: str, limit: int = 10) -> dict:
    if name == "admin":
        raise HTTPException(403, "Not allowed")
    raise StartupNotFound(name)
# --8<-- [end:show]


client = TestClient(app)
for path in ["/startups/acme", "/startups/admin", "/startups/a?limit=x", "/x"]:
    response = client.get(path)
    print(response.status_code, response.json()["error"])
    #> 404 {'code': 'not_found', 'message': 'No startup acme'}
    #> 403 {'code': 'http_error', 'message': 'Not allowed'}
    #> 422 {'code': 'invalid_request', 'message': 'limit: int_parsing'}
    #> 404 {'code': 'http_error', 'message': 'Not Found'}
