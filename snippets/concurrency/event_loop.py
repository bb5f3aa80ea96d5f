import asyncio
import time


async def other(trace: list[str]) -> None:
    trace.append("other ran")


async def returns_at_once() -> int:
    return 1  # never waits on anything


async def main() -> None:
    trace: list[str] = []
    asyncio.create_task(other(trace))  # ready, waits for a turn
    await returns_at_once()  # an await that does not suspend
    trace.append("after no-wait await")
    # suspends: the loop runs the ready task
    await asyncio.sleep(0)
    trace.append("after sleep(0)")
    print(trace)
    #> ['after no-wait await', 'other ran', 'after sleep(0)']

    blocked = asyncio.create_task(other([]))
    time.sleep(0.05)  # blocks the loop's only thread: no switch
    print(f"task_ran_during_blocking_call={blocked.done()}")
    #> task_ran_during_blocking_call=False
    await blocked


# creates the loop, runs main() to the end, closes it
asyncio.run(main())
