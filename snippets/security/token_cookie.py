# --8<-- [start:show]
from typing import Annotated

from fastapi import Depends, FastAPI, Response
from fastapi.security import APIKeyCookie
from fastapi.testclient import TestClient

app = FastAPI()
session_cookie = APIKeyCookie(name="__Host-session")  # 401 when absent


@app.post("/login")
async def login(response: Response) -> dict:
    response.set_cookie(
        "__Host-session", "abc123",
        httponly=True,  # JavaScript cannot read it
        secure=True,  # HTTPS only
        samesite="lax",  # not sent on cross-site POSTs
        max_age=900,
    )
    return {"ok": True}  # no token in the JSON body


@app.get("/me")
async def me(token: Annotated[str, Depends(session_cookie)]) -> dict:
    return {"server_got": token}
# --8<-- [end:show]


client = TestClient(app, base_url="https://api.example.com")
print(client.get("/me").status_code)
#> 401
signed_in = client.post("/login")
print(signed_in.headers["set-cookie"])
#> __Host-session=abc123; HttpOnly; Max-Age=900; Path=/; SameSite=lax; Secure
print(client.get("/me").json())  # the cookie came back by itself
#> {'server_got': 'abc123'}
