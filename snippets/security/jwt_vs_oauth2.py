import secrets
import time
from typing import Annotated

import jwt
from fastapi import FastAPI, Form, HTTPException
from fastapi.testclient import TestClient

# --8<-- [start:show]
SIGNING_KEY = secrets.token_bytes(32)
CLIENTS = {"billing-service": "client-secret"}
app = FastAPI()


@app.post("/oauth/token")  # OAuth2: the protocol for getting a token
async def token(
    grant_type: Annotated[str, Form()],
    client_id: Annotated[str, Form()],
    client_secret: Annotated[str, Form()],
):
    if grant_type != "client_credentials":
        raise HTTPException(400, "unsupported_grant_type")
    if not secrets.compare_digest(CLIENTS.get(client_id, ""), client_secret):
        raise HTTPException(401, "invalid_client")
    claims = {"sub": client_id, "scope": "invoices:read",
              "exp": int(time.time()) + 600}
    access_token = jwt.encode(claims, SIGNING_KEY, algorithm="HS256")  # JWT
    return {"access_token": access_token, "token_type": "Bearer",
            "expires_in": 600}
# --8<-- [end:show]


grant = {"grant_type": "client_credentials", "client_id": "billing-service",
         "client_secret": "client-secret"}
reply = TestClient(app).post("/oauth/token", data=grant).json()
print(sorted(reply))  # the OAuth2 token response
#> ['access_token', 'expires_in', 'token_type']
print(reply["access_token"].count("."))  # a JWT: header.payload.signature
#> 2
access = jwt.decode(reply["access_token"], SIGNING_KEY, algorithms=["HS256"])
print(access["sub"], access["scope"])
#> billing-service invoices:read
