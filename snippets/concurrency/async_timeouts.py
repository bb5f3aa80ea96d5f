import asyncio


async def slow_query(log: list[str]) -> str:
    try:
        await asyncio.sleep(1)
        return "rows"
    except asyncio.CancelledError:
        # the deadline cancels the work
        log.append("query cancelled")
        raise


async def main() -> None:
    log: list[str] = []
    try:
        # a deadline for the whole block
        async with asyncio.timeout(0.05):
            await slow_query(log)
    except TimeoutError:
        log.append("TimeoutError")
    print(log)
    #> ['query cancelled', 'TimeoutError']

    # finished in time: no effect
    async with asyncio.timeout(1):
        print(await asyncio.sleep(0.01, result="rows"))
        #> rows


asyncio.run(main())
