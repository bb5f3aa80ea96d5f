import asyncio


async def slow_query(log: list[str]) -> str:
    try:
        await asyncio.sleep(1)
        return "rows"
    except asyncio.CancelledError:
        log.append("query cancelled")  # the deadline cancels the work
        raise


async def main() -> None:
    log: list[str] = []
    try:
        async with asyncio.timeout(0.05):  # a deadline for the whole block
            await slow_query(log)
    except TimeoutError:
        log.append("TimeoutError")
    print(log)
    #> ['query cancelled', 'TimeoutError']

    log.clear()
    try:
        await asyncio.wait_for(slow_query(log), timeout=0.05)  # one awaitable
    except TimeoutError:
        log.append("TimeoutError")
    print(log)
    #> ['query cancelled', 'TimeoutError']

    async with asyncio.timeout(1):  # finished in time: no effect
        print(await asyncio.sleep(0.01, result="rows"))
        #> rows


asyncio.run(main())
