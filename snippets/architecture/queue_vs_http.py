import asyncio

import httpx2
from fastapi import FastAPI, HTTPException

email_service, orders_service = FastAPI(), FastAPI()
sent: list[int] = []
events: asyncio.Queue[dict] = asyncio.Queue()  # stands in for the broker


@email_service.post("/emails")
async def send_email(order: dict) -> dict:
    sent.append(order["id"])
    return {"sent": True}


def refuse(request):
    raise httpx2.ConnectError("connection refused")


network = {"email": httpx2.MockTransport(refuse)}  # the email service is down


def client(transport) -> httpx2.AsyncClient:
    return httpx2.AsyncClient(transport=transport, base_url="http://svc")


# --8<-- [start:show]
@orders_service.post("/orders/{order_id}", status_code=201)
async def place_order(order_id: int, via: str) -> dict:
    order = {"id": order_id}
    if via == "http":  # the order waits on the email service
        try:
            async with client(network["email"]) as email:
                await email.post("/emails", json=order)
        except httpx2.TransportError:
            raise HTTPException(503, "email service unavailable") from None
    else:  # publish the event; a consumer handles it whenever it can
        await events.put(order)
    return order
# --8<-- [end:show]


async def main() -> None:
    async with client(httpx2.ASGITransport(app=orders_service)) as api:
        for order_id, via in [(1, "http"), (2, "queue")]:
            reply = await api.post(f"/orders/{order_id}", params={"via": via})
            print(f"{via}: {reply.status_code}")
            #> http: 503
            #> queue: 201
    print("waiting in the queue:", events.qsize())
    #> waiting in the queue: 1
    network["email"] = httpx2.ASGITransport(app=email_service)  # back up
    async with client(network["email"]) as email:
        while not events.empty():  # the consumer catches up
            await email.post("/emails", json=await events.get())
    print("emails sent for orders:", sent)
    #> emails sent for orders: [2]


asyncio.run(main())
