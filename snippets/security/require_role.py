from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.testclient import TestClient

# --8<-- [start:show]
PERMISSIONS = {  # role -> what it may do; kept in code or in a table
    "viewer": {"reports:read"},
    "editor": {"reports:read", "reports:write"},
    "admin": {"reports:read", "reports:write", "reports:delete"},
}
USERS = {"vic": "viewer", "eli": "editor", "ana": "admin"}


async def current_user(x_user: Annotated[str, Header()]) -> dict:
    # stands in for decoding the JWT; the role comes from a trusted claim
    return {"name": x_user, "role": USERS[x_user]}


def require(permission: str):
    async def check(user: Annotated[dict, Depends(current_user)]) -> dict:
        if permission not in PERMISSIONS[user["role"]]:
            raise HTTPException(403, f"needs {permission}")
        return user
    return check


app = FastAPI()


@app.delete("/reports/{report_id}")
async def delete_report(
    report_id: int, user: Annotated[dict, Depends(require("reports:delete"))]
):
    return {"deleted": report_id, "by": user["name"]}
# --8<-- [end:show]


client = TestClient(app)
for name in USERS:
    reply = client.delete("/reports/7", headers={"X-User": name})
    print(name, reply.status_code, reply.json())
    #> vic 403 {'detail': 'needs reports:delete'}
    #> eli 403 {'detail': 'needs reports:delete'}
    #> ana 200 {'deleted': 7, 'by': 'ana'}
