import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from fastapi.testclient import TestClient
from pwdlib import PasswordHash

SECRET = secrets.token_urlsafe(32)  # real code: a SecretStr setting
hasher = PasswordHash.recommended()
# --8<-- [start:show]
USERS = {"ana": hasher.hash("s3cret-pass")}
DUMMY_HASH = hasher.hash("unused")  # unknown names cost the same
app = FastAPI()
bearer = OAuth2PasswordBearer(tokenUrl="token")
BEARER = {"WWW-Authenticate": "Bearer"}  # RFC 9110: 401 names a scheme


@app.post("/token")  # def: Argon2's CPU work runs in a worker thread
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    hashed = USERS.get(form.username, DUMMY_HASH)
    password_ok = hasher.verify(form.password, hashed)
    if not password_ok or form.username not in USERS:
        raise HTTPException(401, "wrong username or password", BEARER)
    expires = datetime.now(UTC) + timedelta(minutes=15)
    claims = {"sub": form.username, "exp": expires}
    token = jwt.encode(claims, SECRET, algorithm="HS256")
    return {"access_token": token, "token_type": "bearer"}


async def current_user(token: Annotated[str, Depends(bearer)]) -> str:
    try:
        claims = jwt.decode(token, SECRET, algorithms=["HS256"],
                            options={"require": ["exp", "sub"]})
    except jwt.InvalidTokenError:  # bad signature, expired, malformed
        raise HTTPException(401, "invalid token", BEARER) from None
    return claims["sub"]
# --8<-- [end:show]


@app.get("/me")
async def me(username: Annotated[str, Depends(current_user)]):
    return {"username": username}


client = TestClient(app)
form = {"username": "ana", "password": "s3cret-pass"}
token = client.post("/token", data=form).json()["access_token"]
print(client.get("/me", headers={"Authorization": f"Bearer {token}"}).json())
#> {'username': 'ana'}
print(client.get("/me").status_code)
#> 401
fake = jwt.encode({"sub": "ana"}, secrets.token_urlsafe(32), "HS256")
forged = client.get("/me", headers={"Authorization": f"Bearer {fake}"})
print(forged.status_code, forged.json(), forged.headers["www-authenticate"])
#> 401 {'detail': 'invalid token'} Bearer
