# --8<-- [start:show]
import asyncio
import threading
import time

import httpx2
from fastapi import FastAPI

app = FastAPI()
async_threads: set[int] = set()
def_threads: set[int] = set()


@app.get("/async")
async def like_node() -> None:
    async_threads.add(threading.get_ident())
    await asyncio.sleep(0.1)  # non-blocking, as in Node


@app.get("/def")
def unlike_node() -> None:
    def_threads.add(threading.get_ident())
    time.sleep(0.1)  # blocking: FastAPI runs it in a thread
# --8<-- [end:show]


async def main() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        for path in ["/async", "/def"]:
            await asyncio.gather(*(client.get(path) for _ in range(10)))
    print(f"async_endpoints_threads={len(async_threads)}")
    #> async_endpoints_threads=1
    print(f"def_endpoints_used_several_threads={len(def_threads) > 1}")
    #> def_endpoints_used_several_threads=True


asyncio.run(main())
