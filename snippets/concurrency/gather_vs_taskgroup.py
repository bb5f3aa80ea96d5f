import asyncio


# --8<-- [start:show]
async def main() -> None:
    # results come back in argument order, not completion order
    print(await asyncio.gather(fetch("b", 0.02), fetch("a", 0.01)))
    #> ['b', 'a']

    log: list[str] = []
    try:
        await asyncio.gather(slow(log), fetch("x", 0.01, fail=True))
    except ValueError:
        # gather raised, but slow() keeps going
        await asyncio.sleep(0.3)
    print("gather:", log)
    #> gather: ['slow finished']

    log = []
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(slow(log))
            group.create_task(fetch("x", 0.01, fail=True))
    except* ValueError as errors:
        print("taskgroup:", log, repr(errors.exceptions[0]))
        #> taskgroup: ['slow cancelled'] ValueError('x')
# --8<-- [end:show]


async def fetch(name: str, delay: float, fail: bool = False) -> str:
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def slow(log: list[str]) -> None:
    try:
        await asyncio.sleep(0.2)
        log.append("slow finished")
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise


asyncio.run(main())
