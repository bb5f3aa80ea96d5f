from typing import Literal

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field

PRICES = {"basic": 10, "pro": 50}  # prices live on the server


class OrderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # unknown fields are an error

    plan: Literal["basic", "pro"]
    seats: int = Field(ge=1, le=100)


app = FastAPI()


@app.post("/api/orders")
async def create_order(order: OrderIn) -> dict[str, int | str]:
    return {"plan": order.plan, "total": PRICES[order.plan] * order.seats}


client = TestClient(app)
# what the React form sends after its own (UX-only) checks
print(client.post("/api/orders", json={"plan": "pro", "seats": 2}).json())
#> {'plan': 'pro', 'total': 100}
# what a user can send by editing the request in DevTools or with curl
for body in ({"plan": "pro", "seats": 2, "total": 1},
             {"plan": "pro", "seats": -5}):
    response = client.post("/api/orders", json=body)
    print(response.status_code, response.json()["detail"][0]["msg"])
    #> 422 Extra inputs are not permitted
    #> 422 Input should be greater than or equal to 1
