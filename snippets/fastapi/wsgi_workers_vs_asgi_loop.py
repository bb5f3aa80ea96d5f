import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

import httpx2
from fastapi import FastAPI


# --8<-- [start:show]
def wsgi_app(environ, start_response):  # Flask, Django
    time.sleep(0.2)  # a blocking DB call holds the thread
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


app = FastAPI()


@app.get("/")
async def endpoint() -> str:
    await asyncio.sleep(0.2)  # async DB call frees the thread
    return "ok"
# --8<-- [end:show]


async def twenty_asgi_requests() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(
        transport=transport, base_url="http://test"
    ) as client:
        await asyncio.gather(*(client.get("/") for _ in range(20)))


start = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as wsgi_threads:
    for _ in range(20):
        wsgi_threads.submit(wsgi_app, {}, lambda status, headers: None)
wsgi_seconds = time.perf_counter() - start  # 20 requests / 4 threads

start = time.perf_counter()
asyncio.run(twenty_asgi_requests())  # one event-loop thread
asgi_seconds = time.perf_counter() - start

print(f"wsgi_4_threads_needed_5_rounds={wsgi_seconds >= 1.0}")
#> wsgi_4_threads_needed_5_rounds=True
print(f"asgi_one_thread_faster={asgi_seconds < 0.8 * wsgi_seconds}")
#> asgi_one_thread_faster=True
