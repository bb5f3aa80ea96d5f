import io
import json
import logging

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel

MAX_LOGGED_BYTES = 256
SECRET_FIELDS = {"password", "token", "card_number"}
log = logging.getLogger("access")


# --8<-- [start:show]
def safe_body(body: bytes) -> str:
    try:
        data = json.loads(body)
    except ValueError:  # not JSON, or cut at the size limit
        return f"<{len(body)} bytes>"
    if isinstance(data, dict):
        data = {k: "***" if k in SECRET_FIELDS else v for k, v in data.items()}
    return json.dumps(data)


class PayloadLogMiddleware:  # pure ASGI: copies the body
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        body = bytearray()

        async def receive_and_copy():
            message = await receive()
            room = MAX_LOGGED_BYTES - len(body)
            body.extend(message.get("body", b"")[:room])
            return message  # the endpoint still gets every byte

        try:
            await self.app(scope, receive_and_copy, send)
        finally:
            log.info("%s %s body=%s", scope["method"], scope["path"],
                     safe_body(bytes(body)))

# --8<-- [end:show]


class Login(BaseModel):
    username: str
    password: str


app = FastAPI()
app.add_middleware(PayloadLogMiddleware)


@app.post("/login")
async def login(form: Login) -> dict[str, str]:
    return {"user": form.username}


output = io.StringIO()  # stands for the JSON log handler
log.addHandler(logging.StreamHandler(output))
log.setLevel(logging.INFO)
with TestClient(app) as client:
    client.post("/login", json={"username": "ana", "password": "s3cret"})
    client.post("/login", json={"username": "ana"})  # 422, still logged
    client.post("/login", content=b"x" * 5000)  # only 256 bytes kept
print(output.getvalue(), end="")
#> POST /login body={"username": "ana", "password": "***"}
#> POST /login body={"username": "ana"}
#> POST /login body=<256 bytes>
