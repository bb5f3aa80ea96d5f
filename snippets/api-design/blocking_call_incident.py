# --8<-- [start:show]
import asyncio
import time

import httpx2
from fastapi import FastAPI

app = FastAPI()


def build_report() -> str:
    time.sleep(0.5)  # a sync SDK call, a requests.get, a big pandas job
    return "report"


@app.get("/health")
async def health() -> str:
    return "ok"


@app.get("/report/broken")
async def report_broken() -> str:
    return build_report()  # runs on the event loop thread: the loop stops


@app.get("/report/fixed")
async def report_fixed() -> str:
    return await asyncio.to_thread(build_report)  # a worker thread waits
# --8<-- [end:show]


async def health_answered_after(client: httpx2.AsyncClient, path: str):
    start = time.perf_counter()
    report = asyncio.create_task(client.get(path))
    await asyncio.sleep(0.1)  # a health check arrives while the report runs
    await client.get("/health")
    answered = time.perf_counter() - start  # about 0.1 s if nothing blocks
    await report
    return answered


async def main() -> None:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport,
                                  base_url="http://test") as client:
        for path in ["/report/broken", "/report/fixed"]:
            seconds = await health_answered_after(client, path)
            print(f"{path}: health_check_stuck={seconds > 0.3}")
            #> /report/broken: health_check_stuck=True
            #> /report/fixed: health_check_stuck=False


asyncio.run(main())
