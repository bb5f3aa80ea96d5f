# --8<-- [start:show]
def ui_action(response) -> str:  # the frontend's one error handler
    problem = response.json()["error"]
    status = response.status_code
    if status == 401:
        return "refresh the token, retry once"
    if status == 422:
        fields = [item["field"] for item in problem["details"]]
        return f"mark fields {fields}"
    if status in (403, 404, 409):
        return f"show: {problem['message']}"
    if status == 429:
        wait = response.headers["retry-after"]
        return f"wait {wait} s, then retry"
    return f"show a generic error, ref {problem['request_id']}"
# --8<-- [end:show]


from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers=None):
        self.status, self.code, self.message = status, code, message
        self.headers = headers


def error_body(code: str, message: str, details=None) -> dict:
    body = {"code": code, "message": message, "request_id": "r-42"}
    return {"error": body | ({"details": details} if details else {})}


app = FastAPI()


@app.exception_handler(ApiError)
async def api_error(request: Request, error: ApiError) -> JSONResponse:
    content = error_body(error.code, error.message)
    return JSONResponse(content, error.status, headers=error.headers)


@app.exception_handler(RequestValidationError)
async def invalid(request: Request, error: RequestValidationError):
    fields = [{"field": item["loc"][-1]} for item in error.errors()]
    return JSONResponse(error_body("invalid", "Check the form.", fields), 422)


class StartupIn(BaseModel):
    name: str = Field(min_length=2)
    employees: int = Field(ge=1)


@app.post("/api/startups")
async def create_startup(body: StartupIn) -> None:
    if body.name == "Acme":
        raise ApiError(409, "conflict", "A startup named Acme exists.")
    raise ApiError(429, "rate_limited", "Slow down.", {"Retry-After": "30"})


client = TestClient(app)
for body in ({"name": "A", "employees": 0}, {"name": "Acme", "employees": 3},
             {"name": "Fleetly", "employees": 3}):
    print(ui_action(client.post("/api/startups", json=body)))
    #> mark fields ['name', 'employees']
    #> show: A startup named Acme exists.
    #> wait 30 s, then retry
