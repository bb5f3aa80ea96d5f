import asyncio
from unittest.mock import create_autospec


class PaymentGateway:  # the real one calls a payment provider over HTTP
    async def charge(self, customer_id: int, cents: int) -> str:
        raise RuntimeError("no network in tests")


async def checkout(gateway: PaymentGateway, customer_id: int, cents: int):
    if cents <= 0:
        raise ValueError("nothing to charge")
    receipt = await gateway.charge(customer_id, cents)
    return f"paid {receipt}"


# --8<-- [start:show]
# A mock: scripted answers, then checks on how it was called.
# async methods become AsyncMock
gateway = create_autospec(PaymentGateway, instance=True)
gateway.charge.return_value = "r-1"
print(asyncio.run(checkout(gateway, 7, 1999)))
#> paid r-1
gateway.charge.assert_awaited_once_with(7, 1999)
try:
    asyncio.run(gateway.charge(7))  # the real signature
except TypeError as error:
    print("autospec:", error)
    #> autospec: missing a required argument: 'cents'


# A fake: a small working implementation with real state.
class FakeGateway:
    def __init__(self) -> None:
        self.charges: list[tuple[int, int]] = []

    async def charge(self, customer_id: int, cents: int) -> str:
        self.charges.append((customer_id, cents))
        return f"r-{len(self.charges)}"


fake = FakeGateway()
asyncio.run(checkout(fake, 7, 1999))
print(asyncio.run(checkout(fake, 8, 500)), fake.charges)
#> paid r-2 [(7, 1999), (8, 500)]
# --8<-- [end:show]
