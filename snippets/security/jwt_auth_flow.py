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
USERS = {"ana": hasher.hash("s3cret-pass")}
app = FastAPI()
bearer = OAuth2PasswordBearer(tokenUrl="token")


@app.post("/token")
async def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    hashed = USERS.get(form.username)
    if not hashed or not hasher.verify(form.password, hashed):
        raise HTTPException(401, "wrong username or password")
    expires = datetime.now(UTC) + timedelta(minutes=15)
    claims = {"sub": form.username, "exp": expires}
    token = jwt.encode(claims, SECRET, algorithm="HS256")
    return {"access_token": token, "token_type": "bearer"}


async def current_user(token: Annotated[str, Depends(bearer)]) -> str:
    try:
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError:  # bad signature, expired, malformed
        raise HTTPException(401, "invalid token") from None
    return claims["sub"]


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
print(client.get("/me", headers={"Authorization": "Bearer forged"}).json())
#> {'detail': 'invalid token'}
