import secrets
from typing import Annotated

from fastapi import Cookie, Depends, FastAPI, HTTPException, Response
from fastapi.testclient import TestClient

# --8<-- [start:show]
sessions: dict[str, dict] = {}  # production: Redis, with a TTL
app = FastAPI()


@app.post("/login")
async def login(response: Response) -> dict:
    session_id = secrets.token_urlsafe(32)  # random, meaningless
    sessions[session_id] = {"user": "ana", "role": "admin"}
    response.set_cookie("sid", session_id, httponly=True, secure=True,
                        samesite="lax", max_age=3600)
    return {"ok": True}


def current_session(sid: Annotated[str | None, Cookie()] = None) -> dict:
    if sid is None or sid not in sessions:
        raise HTTPException(401, "log in first")
    return sessions[sid]  # one lookup per request


@app.get("/me")
async def me(session: Annotated[dict, Depends(current_session)]) -> dict:
    return session


@app.post("/logout")
async def logout(sid: Annotated[str | None, Cookie()] = None) -> dict:
    sessions.pop(sid, None)  # revocation is instant: the server forgets it
    return {"ok": True}
# --8<-- [end:show]


client = TestClient(app, base_url="https://testserver")
client.post("/login")
stolen_cookie = client.cookies["sid"]
print(client.get("/me").json())
#> {'user': 'ana', 'role': 'admin'}
client.post("/logout")
print(client.get("/me", cookies={"sid": stolen_cookie}).status_code)
#> 401
