# --8<-- [start:show]
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.testclient import TestClient

TOKENS = {"token-vic": ("vic", "viewer"), "token-ana": ("ana", "admin")}
app = FastAPI()


def authenticate(authorization: Annotated[str, Header()] = "") -> tuple:
    """Authentication: who is calling? Unknown caller -> 401."""
    user = TOKENS.get(authorization.removeprefix("Bearer "))
    if user is None:
        raise HTTPException(401, "who are you?", {"WWW-Authenticate": "Bearer"})
    return user


def authorize_admin(user: Annotated[tuple, Depends(authenticate)]) -> tuple:
    """Authorization: may this known caller do it? Not allowed -> 403."""
    if user[1] != "admin":
        raise HTTPException(403, f"{user[0]} may not delete")
    return user


@app.delete("/reports/7")
async def delete_report(user: Annotated[tuple, Depends(authorize_admin)]):
    return {"deleted_by": user[0]}
# --8<-- [end:show]


client = TestClient(app)
for token in ["", "token-vic", "token-ana"]:
    auth = {"Authorization": f"Bearer {token}"}
    reply = client.delete("/reports/7", headers=auth)
    print(reply.status_code, reply.json())
    #> 401 {'detail': 'who are you?'}
    #> 403 {'detail': 'vic may not delete'}
    #> 200 {'deleted_by': 'ana'}
