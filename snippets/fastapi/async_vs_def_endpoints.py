# --8<-- [start:show]
import asyncio
import time

import httpx2
from fastapi import FastAPI

app = FastAPI()


@app.get("/awaits")
async def awaits() -> None:
    await asyncio.sleep(0.15)  # the loop serves others


@app.get("/blocks")
async def blocks() -> None:
    time.sleep(0.15)  # blocking: the whole loop stops


@app.get("/sync")
def sync() -> None:
    time.sleep(0.15)  # plain def: runs in a worker thread
# --8<-- [end:show]


async def five_at_once(client: httpx2.AsyncClient, path: str) -> float:
    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for _ in range(5):
            group.create_task(client.get(path))
    return time.perf_counter() - start


async def main() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        for path in ["/awaits", "/blocks", "/sync"]:
            seconds = await five_at_once(client, path)
            # together: about 0.15 s; one by one: at least 0.75 s
            print(f"{path}: five_ran_together={seconds < 0.6}")
            #> /awaits: five_ran_together=True
            #> /blocks: five_ran_together=False
            #> /sync: five_ran_together=True


asyncio.run(main())
