# --8<-- [start:show]
import asyncio
from collections.abc import AsyncIterable

from fastapi import FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent
from fastapi.testclient import TestClient

app = FastAPI()


@app.get("/api/imports/42/events",
         response_class=EventSourceResponse)
async def import_progress() -> AsyncIterable[ServerSentEvent]:
    for percent in (50, 100):
        await asyncio.sleep(0.01)  # real code: the next update
        yield ServerSentEvent(
            data={"percent": percent}, event="progress",
            id=str(percent),  # comes back as Last-Event-ID
        )
    yield ServerSentEvent(data={"status": "done"}, event="done")
# --8<-- [end:show]


# the browser side: new EventSource("/api/imports/42/events")
client = TestClient(app)
with client.stream("GET", "/api/imports/42/events") as response:
    print(response.headers["content-type"], response.headers["cache-control"])
    #> text/event-stream; charset=utf-8 no-cache
    for line in response.iter_lines():
        if line:
            print(line)
            #> event: progress
            #> data: {"percent": 50}
            #> id: 50
            #> event: progress
            #> data: {"percent": 100}
            #> id: 100
            #> event: done
            #> data: {"status": "done"}
