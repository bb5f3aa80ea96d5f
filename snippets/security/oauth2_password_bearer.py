# --8<-- [start:show]
from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from fastapi.testclient import TestClient

app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


@app.post("/token")
async def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    return {"username": form.username, "scopes": form.scopes}


@app.get("/items")
async def items(token: Annotated[str, Depends(oauth2_scheme)]):
    return {"token": token}  # only extracted: verifying it is your job


client = TestClient(app)
print(client.get("/items", headers={"Authorization": "Bearer abc"}).json())
#> {'token': 'abc'}
missing = client.get("/items")
print(missing.status_code, missing.headers["www-authenticate"])
#> 401 Bearer
# --8<-- [end:show]

form = {"username": "ana", "password": "pw", "scope": "read write"}
print(client.post("/token", data=form).json())
#> {'username': 'ana', 'scopes': ['read', 'write']}
print(client.post("/token", json=form).status_code)  # JSON is not a form
#> 422

schemes = app.openapi()["components"]["securitySchemes"]
print(schemes["OAuth2PasswordBearer"]["flows"])  # drives Swagger's Authorize
#> {'password': {'scopes': {}, 'tokenUrl': 'token'}}
