# --8<-- [start:show]
import asyncio
import threading
import time

import anyio.to_thread
import httpx2
from fastapi import FastAPI

app = FastAPI()
in_flight = peak = 0
counter_lock = threading.Lock()


def track(change: int) -> None:
    global in_flight, peak
    with counter_lock:
        in_flight += change
        peak = max(peak, in_flight)


@app.get("/sync")
def sync_endpoint() -> None:  # FastAPI runs it in a worker thread
    track(+1)
    time.sleep(0.3)  # a sync driver or SDK call waiting on the network
    track(-1)


@app.get("/async")
async def async_endpoint() -> None:  # no thread: waits on the loop
    track(+1)
    await asyncio.sleep(0.3)  # an async driver waiting on the network
    track(-1)
# --8<-- [end:show]


async def main() -> None:
    global peak
    limiter = anyio.to_thread.current_default_thread_limiter()
    print("worker threads:", limiter.total_tokens)
    #> worker threads: 40
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport,
                                  base_url="http://test") as client:
        for path in ["/sync", "/async"]:
            peak = 0
            async with asyncio.TaskGroup() as group:
                for _ in range(60):  # 60 requests arrive together
                    group.create_task(client.get(path))
            print(f"{path}: most requests in progress at once = {peak}")
            #> /sync: most requests in progress at once = 40
            #> /async: most requests in progress at once = 60


asyncio.run(main())
