import asyncio
import json
import uuid
from contextvars import ContextVar

import httpx2
from fastapi import FastAPI, Request

shipped: list[str] = []  # stands for the central log store (Loki, ELK)


def log(service: str, message: str) -> None:
    entry = {"service": service, "request_id": request_id.get(), "msg": message}
    shipped.append(json.dumps(entry))


# --8<-- [start:show]
request_id: ContextVar[str] = ContextVar("request_id", default="-")


def with_request_id(app: FastAPI) -> FastAPI:
    @app.middleware("http")
    async def take_or_make_id(request: Request, call_next):
        rid = request.headers.get("x-request-id") or uuid.uuid4().hex
        token = request_id.set(rid)
        try:
            response = await call_next(request)
        finally:
            request_id.reset(token)
        response.headers["x-request-id"] = rid
        return response

    return app


orders = with_request_id(FastAPI())


@orders.post("/orders")
async def create_order() -> dict[str, str]:
    log("orders", "order received")
    network = httpx2.ASGITransport(app=payments)  # the network
    async with httpx2.AsyncClient(transport=network, base_url="http://p") as c:
        headers = {"x-request-id": request_id.get()}  # pass it on
        await c.post("/charges", headers=headers)
    log("orders", "order saved")
    return {"status": "created"}
# --8<-- [end:show]


payments = with_request_id(FastAPI())


@payments.post("/charges")
async def charge() -> dict[str, str]:
    log("payments", "card charged")
    return {"status": "paid"}


async def main() -> None:
    network = httpx2.ASGITransport(app=orders)
    async with httpx2.AsyncClient(transport=network, base_url="http://o") as c:
        response = await c.post("/orders", headers={"x-request-id": "req-7f3a"})
    print(response.headers["x-request-id"])
    #> req-7f3a
    for line in shipped:
        print(line)
        #> {"service": "orders", "request_id": "req-7f3a", "msg": "order received"}
        #> {"service": "payments", "request_id": "req-7f3a", "msg": "card charged"}
        #> {"service": "orders", "request_id": "req-7f3a", "msg": "order saved"}


asyncio.run(main())
