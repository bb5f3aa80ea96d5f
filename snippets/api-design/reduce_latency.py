import asyncio
import time


# --8<-- [start:show]
async def load_startup(startup_id: int) -> dict:
    await asyncio.sleep(0.2)  # stands in for a 200 ms database query
    return {"id": startup_id, "name": "Acme"}


async def load_rounds(startup_id: int) -> list[int]:
    await asyncio.sleep(0.2)  # an independent call to another service
    return [2020, 2022]


async def card_sequential(startup_id: int) -> dict:
    startup = await load_startup(startup_id)
    return startup | {"rounds": await load_rounds(startup_id)}


async def card_concurrent(startup_id: int) -> dict:
    async with asyncio.TaskGroup() as group:  # both waits overlap
        startup = group.create_task(load_startup(startup_id))
        rounds = group.create_task(load_rounds(startup_id))
    return startup.result() | {"rounds": rounds.result()}


cache: dict[int, dict] = {}


async def card_cached(startup_id: int) -> dict:
    if startup_id not in cache:  # a bounded TTL cache in production
        cache[startup_id] = await card_concurrent(startup_id)
    return cache[startup_id]
# --8<-- [end:show]


async def main() -> None:
    await card_cached(7)  # the first call fills the cache
    for version in [card_sequential, card_concurrent, card_cached]:
        start = time.perf_counter()
        await version(7)
        seconds = time.perf_counter() - start
        waits = round(seconds / 0.2)  # how many 200 ms waits it paid
        print(f"{version.__name__}: waits={waits}")
        #> card_sequential: waits=2
        #> card_concurrent: waits=1
        #> card_cached: waits=0


asyncio.run(main())
