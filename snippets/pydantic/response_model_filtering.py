from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel


class SignUp(BaseModel):
    email: str
    password: str


class UserPublic(BaseModel):
    id: int
    email: str


app = FastAPI()


@app.post("/users", response_model=UserPublic, status_code=201)
async def create_user(body: SignUp) -> dict:
    stored = {"id": 7, "email": body.email, "password_hash": "argon2$..."}
    return stored  # more than the client may see


client = TestClient(app)
sign_up = {"email": "ada@example.com", "password": "s3cret!"}
response = client.post("/users", json=sign_up)
# the hash is filtered out
print(response.status_code, response.json())
#> 201 {'id': 7, 'email': 'ada@example.com'}

operation = app.openapi()["paths"]["/users"]["post"]
print(operation["responses"]["201"]["content"]["application/json"])
#> {'schema': {'$ref': '#/components/schemas/UserPublic'}}
