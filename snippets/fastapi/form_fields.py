from typing import Annotated

from fastapi import FastAPI, Form
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

app = FastAPI()


class Signup(BaseModel):
    email: str
    company: str = Field(min_length=2)


@app.post("/signup")
async def signup(form: Annotated[Signup, Form()]) -> Signup:
    return form


client = TestClient(app)
# what an HTML <form method="post"> sends: application/x-www-form-urlencoded
reply = client.post("/signup", data={"email": "a@b.io", "company": "Acme"})
print(reply.status_code, reply.json())
#> 200 {'email': 'a@b.io', 'company': 'Acme'}
as_json = client.post("/signup", json={"email": "a@b.io", "company": "Acme"})
print(as_json.status_code)  # a JSON body is not form data
#> 422
body = app.openapi()["paths"]["/signup"]["post"]["requestBody"]
print(list(body["content"]))
#> ['application/x-www-form-urlencoded']
