import secrets
from typing import Annotated

from fastapi import Body, Depends, FastAPI, Header, HTTPException
from fastapi.testclient import TestClient

valid_access: set[str] = set()
unused_refresh: set[str] = set()  # each refresh token works once


def new_pair() -> dict[str, str]:
    access, refresh = secrets.token_urlsafe(), secrets.token_urlsafe()
    valid_access.add(access)
    unused_refresh.add(refresh)
    return {"access_token": access, "refresh_token": refresh}


def current_user(authorization: Annotated[str, Header()] = "") -> str:
    if authorization.removeprefix("Bearer ") not in valid_access:
        raise HTTPException(401, headers={"WWW-Authenticate": "Bearer"})
    return "ana"


app = FastAPI()


@app.post("/api/auth/refresh")
def refresh(refresh_token: Annotated[str, Body(embed=True)]) -> dict:
    if refresh_token not in unused_refresh:
        raise HTTPException(401, "sign in again")
    unused_refresh.remove(refresh_token)  # rotation: a new pair every time
    return new_pair()


@app.get("/api/me")
def me(user: Annotated[str, Depends(current_user)]) -> dict[str, str]:
    return {"user": user}


client, tokens = TestClient(app), new_pair()


# --8<-- [start:show]
def bearer() -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def api_get(path: str) -> list[str]:  # the frontend's fetch wrapper
    response = client.get(path, headers=bearer())
    trail = [f"GET {response.status_code}"]
    if response.status_code == 401:
        body = {"refresh_token": tokens["refresh_token"]}
        refreshed = client.post("/api/auth/refresh", json=body)
        trail.append(f"refresh {refreshed.status_code}")
        if refreshed.status_code != 200:
            tokens.clear()  # drop both tokens, show the login page
            return trail + ["logged out"]
        tokens.update(refreshed.json())
        # retried once only
        response = client.get(path, headers=bearer())
        trail.append(f"retry {response.status_code}")
    return trail
# --8<-- [end:show]


print(api_get("/api/me"))
#> ['GET 200']
valid_access.clear()  # the access token expires
print(api_get("/api/me"))
#> ['GET 401', 'refresh 200', 'retry 200']
valid_access.clear()
unused_refresh.clear()  # the refresh token expired or was revoked too
print(api_get("/api/me"))
#> ['GET 401', 'refresh 401', 'logged out']
