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
fields = {"email": "a@b.io", "company": "Acme"}
# what an HTML form posts: application/x-www-form-urlencoded
reply = client.post("/signup", data=fields)
print(reply.status_code, reply.json())
#> 200 {'email': 'a@b.io', 'company': 'Acme'}
as_json = client.post("/signup", json=fields)
print(as_json.status_code)  # a JSON body is not form data
#> 422
body = app.openapi()["paths"]["/signup"]["post"]["requestBody"]
print(list(body["content"]))
#> ['application/x-www-form-urlencoded']
