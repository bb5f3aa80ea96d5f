import asyncio
import threading
import time
from contextlib import asynccontextmanager

import httpx2
import uvicorn
from fastapi import FastAPI

events = []
request_started = threading.Event()


# --8<-- [start:show]
@asynccontextmanager
async def lifespan(app: FastAPI):
    events.append("startup: pools opened")
    yield
    events.append("shutdown: pools closed")  # after the drain


app = FastAPI(lifespan=lifespan)


@app.get("/report")
async def report() -> dict:
    request_started.set()
    await asyncio.sleep(0.5)  # still in flight at SIGTERM
    events.append("in-flight request finished")
    return {"ok": True}
# --8<-- [end:show]


server = uvicorn.Server(uvicorn.Config(app, port=0, log_level="warning"))
serving = threading.Thread(target=server.run)
serving.start()
while not server.started:
    time.sleep(0.01)
url = f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"

replies = []
client = threading.Thread(target=lambda: replies.append(
    httpx2.get(f"{url}/report").status_code))
client.start()
request_started.wait()
server.should_exit = True  # what Uvicorn's SIGTERM handler does
events.append("SIGTERM")
client.join()
serving.join()
print(replies, *events, sep="\n")
#> [200]
#> startup: pools opened
#> SIGTERM
#> in-flight request finished
#> shutdown: pools closed
try:
    httpx2.get(f"{url}/report", timeout=1)
except httpx2.ConnectError:
    print("new connections refused")
    #> new connections refused
