# --8<-- [start:show]
import threading

from fastapi import BackgroundTasks, FastAPI
from fastapi.testclient import TestClient

app = FastAPI()
events: list[str] = []


def send_welcome_email(email: str) -> None:  # runs in a thread
    thread = threading.current_thread().name
    events.append(f"email to {email} in {thread}")


@app.post("/users", status_code=201)
async def create_user(email: str, tasks: BackgroundTasks) -> dict:
    tasks.add_task(send_welcome_email, email)  # queued
    events.append("endpoint returned")
    return {"email": email}
# --8<-- [end:show]


class NoteResponseSent:  # pure ASGI middleware: notes when the body is out
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def noting_send(message) -> None:
            await send(message)
            if message["type"] == "http.response.body":
                events.append("response sent")

        await self.app(scope, receive, noting_send)


app.add_middleware(NoteResponseSent)
print(TestClient(app).post("/users", params={"email": "ada@x.io"}).status_code)
#> 201
for event in events:
    print(event)
    #> endpoint returned
    #> response sent
    #> email to ada@x.io in AnyIO worker thread
