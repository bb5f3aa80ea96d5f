# --8<-- [start:show]
from typing import Literal

from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict, Field

PRICES = {"basic": 10, "pro": 50}  # prices live on the server


class OrderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # no extras

    plan: Literal["basic", "pro"]
    seats: int = Field(ge=1, le=100)


app = FastAPI()


@app.post("/api/orders")
async def create_order(order: OrderIn) -> dict[str, int | str]:
    total = PRICES[order.plan] * order.seats  # server data
    return {"plan": order.plan, "total": total}
# --8<-- [end:show]


client = TestClient(app)
# what the React form sends after its own (UX-only) checks
order = {"plan": "pro", "seats": 2}
print(client.post("/api/orders", json=order).json())
#> {'plan': 'pro', 'total': 100}
# what anyone can send with DevTools or curl
for body in ({"plan": "pro", "seats": 2, "total": 1},
             {"plan": "pro", "seats": -5}):
    response = client.post("/api/orders", json=body)
    print(response.status_code, response.json()["detail"][0]["msg"])
    #> 422 Extra inputs are not permitted
    #> 422 Input should be greater than or equal to 1
