# --8<-- [start:show]
import asyncio
import threading

import anyio.to_thread
import httpx2
from fastapi import FastAPI

app = FastAPI()


@app.get("/async")
async def runs_on_loop() -> str:
    return threading.current_thread().name


@app.get("/sync")
def runs_in_pool() -> str:
    return threading.current_thread().name
# --8<-- [end:show]


async def main() -> None:
    loop_thread = threading.current_thread().name
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        async_thread = (await client.get("/async")).json()
        sync_thread = (await client.get("/sync")).json()
    print(f"async_endpoint_on_loop_thread={async_thread == loop_thread}")
    #> async_endpoint_on_loop_thread=True
    print(f"def_endpoint_on_loop_thread={sync_thread == loop_thread}")
    #> def_endpoint_on_loop_thread=False
    print(f"def_endpoint_thread={sync_thread!r}")
    #> def_endpoint_thread='AnyIO worker thread'
    # every plain def endpoint and dependency shares this thread limit
    limiter = anyio.to_thread.current_default_thread_limiter()
    print(f"thread_pool_tokens={limiter.total_tokens}")
    #> thread_pool_tokens=40


asyncio.run(main())
