import asyncio
import contextlib


async def deposit(account: dict, lock: asyncio.Lock | None):
    async with lock or contextlib.nullcontext():  # None: no guard
        balance = account["balance"]
        await asyncio.sleep(0)  # others run between read and write
        account["balance"] = balance + 1


async def call_api(limit: asyncio.Semaphore, busy: list[int]):
    async with limit:  # waits while 3 calls are in flight
        busy[0] += 1
        busy[1] = max(busy[1], busy[0])
        await asyncio.sleep(0.01)
        busy[0] -= 1


async def main() -> None:
    for lock in [None, asyncio.Lock()]:
        account = {"balance": 0}
        await asyncio.gather(*(deposit(account, lock) for _ in range(100)))
        print(f"lock={lock is not None} balance={account['balance']}")
        #> lock=False balance=1
        #> lock=True balance=100

    busy, limit = [0, 0], asyncio.Semaphore(3)  # [now, most at once]
    await asyncio.gather(*(call_api(limit, busy) for _ in range(10)))
    print(f"most_calls_at_once={busy[1]}")
    #> most_calls_at_once=3


asyncio.run(main())
