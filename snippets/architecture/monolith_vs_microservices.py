import httpx2
from fastapi import FastAPI, HTTPException
from fastapi.testclient import TestClient

USERS = {1: "alice"}


def get_user(user_id: int) -> str:  # the users module
    return USERS[user_id]


# --8<-- [start:show]
# monolith: one app, one deploy; orders calls users as a function
monolith = FastAPI()


@monolith.get("/orders/{user_id}")
def orders_in_process(user_id: int) -> dict:
    return {"user": get_user(user_id), "orders": 2}


# microservices: users is its own app, deployed and scaled on its own
users_service, orders_service = FastAPI(), FastAPI()
users_service.get("/users/{user_id}")(get_user)
network = {"users": httpx2.ASGITransport(app=users_service)}


@orders_service.get("/orders/{user_id}")
async def orders_over_http(user_id: int) -> dict:
    async with httpx2.AsyncClient(transport=network["users"], timeout=2,
                                  base_url="http://users") as users:
        try:
            reply = await users.get(f"/users/{user_id}")
        except httpx2.TransportError:  # a failure the monolith cannot have
            raise HTTPException(503, "users service unavailable") from None
    return {"user": reply.json(), "orders": 2}
# --8<-- [end:show]


for app in (monolith, orders_service):
    print(TestClient(app).get("/orders/1").json())
    #> {'user': 'alice', 'orders': 2}
    #> {'user': 'alice', 'orders': 2}


def refuse(request):
    raise httpx2.ConnectError("connection refused")


network["users"] = httpx2.MockTransport(refuse)  # the users pods are down
reply = TestClient(orders_service).get("/orders/1")
print(reply.status_code, reply.json())
#> 503 {'detail': 'users service unavailable'}
