from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field

# --8<-- [start:show]
app = FastAPI(max_body_size=10_000)  # 413 before a huge body is read


@app.middleware("http")
async def security_headers(request: Request, call_next):
    response = await call_next(request)
    response.headers["Strict-Transport-Security"] = "max-age=63072000"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@app.exception_handler(Exception)
async def hide_internals(request: Request, error: Exception):
    return JSONResponse({"error": "internal error"}, 500)  # never echo


async def current_user(authorization: Annotated[str, Header()] = "") -> str:
    if authorization != "Bearer good":  # stands in for the JWT check
        raise HTTPException(401, "not authenticated")
    return "ana"


class Transfer(BaseModel):
    model_config = ConfigDict(extra="forbid")  # no smuggled fields
    amount: int = Field(gt=0, le=10_000)


@app.post("/transfers")
async def transfer(body: Transfer, user: Annotated[str, Depends(current_user)]):
    if body.amount == 13:
        raise RuntimeError("db password is hunter2")  # a leaky bug
    return {"by": user, "amount": body.amount}
# --8<-- [end:show]


client = TestClient(app, raise_server_exceptions=False)
auth = {"Authorization": "Bearer good"}
tries = {
    "no token": dict(json={"amount": 5}),
    "extra field": dict(json={"amount": 5, "owner": "me"}, headers=auth),
    "huge body": dict(content=b"x" * 20_000, headers=auth),
    "server bug": dict(json={"amount": 13}, headers=auth),
    "valid": dict(json={"amount": 5}, headers=auth),
}
for name, request in tries.items():
    reply = client.post("/transfers", **request)
    print(name, reply.status_code, reply.text[:28])
    #> no token 401 {"detail":"not authenticated
    #> extra field 422 {"detail":[{"type":"extra_fo
    #> huge body 413 Content Too Large
    #> server bug 500 {"error":"internal error"}
    #> valid 200 {"by":"ana","amount":5}
print(reply.headers["strict-transport-security"])
#> max-age=63072000
