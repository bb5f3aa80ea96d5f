# --8<-- [start:show]
import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import Cookie, Depends, FastAPI, Header, HTTPException, Response
from fastapi.testclient import TestClient

SECRET = secrets.token_bytes(32)
app = FastAPI()


def csrf_token_for(session_id: str) -> str:  # bound to the session
    return hmac.new(SECRET, session_id.encode(), hashlib.sha256).hexdigest()


@app.post("/login")
async def login(response: Response):
    session_id = secrets.token_urlsafe(32)
    response.set_cookie("sid", session_id, httponly=True, samesite="lax")
    # readable by our own JavaScript, which echoes it in a header
    response.set_cookie("csrf", csrf_token_for(session_id), samesite="lax")


async def check_csrf(
    sid: Annotated[str, Cookie()], x_csrf_token: Annotated[str, Header()] = ""
) -> None:
    if not hmac.compare_digest(x_csrf_token, csrf_token_for(sid)):
        raise HTTPException(403, "CSRF check failed")


@app.post("/transfer", dependencies=[Depends(check_csrf)])
async def transfer():
    return {"sent": True}
# --8<-- [end:show]


browser = TestClient(app)
browser.post("/login")  # the browser now holds both cookies
# evil.example's hidden form: the browser attaches cookies, no header
print(browser.post("/transfer").status_code)
#> 403
# our page's fetch() reads the csrf cookie and sends it back as a header
token = browser.cookies["csrf"]
print(browser.post("/transfer", headers={"X-CSRF-Token": token}).json())
#> {'sent': True}
