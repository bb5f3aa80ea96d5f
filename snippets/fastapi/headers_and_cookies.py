from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Response
from fastapi.testclient import TestClient

app = FastAPI()


@app.get("/me")
async def who_am_i(
    response: Response,
    # reads "X-Client-Version": underscores become hyphens, any case
    x_client_version: Annotated[str | None, Header()] = None,
    session_id: Annotated[str | None, Cookie()] = None,
) -> dict:
    response.headers["X-API-Version"] = "2"
    response.set_cookie("seen", "yes", httponly=True, samesite="lax")
    return {"client_version": x_client_version, "session": session_id}


client = TestClient(app)
client.cookies.set("session_id", "abc123")
reply = client.get("/me", headers={"X-Client-Version": "1.4"})
print(reply.json())
#> {'client_version': '1.4', 'session': 'abc123'}
print(reply.headers["x-api-version"])
#> 2
print(reply.headers["set-cookie"])
#> seen=yes; HttpOnly; Path=/; SameSite=lax
