import asyncio
import time


async def heartbeat(ticks: list[int]) -> None:
    while True:
        await asyncio.sleep(0.01)
        ticks.append(1)  # runs only when the loop gets control back


async def main() -> None:
    ticks: list[int] = []
    beat = asyncio.create_task(heartbeat(ticks))

    await asyncio.sleep(0.2)  # this task waits: the loop runs heartbeat
    print(f"ticks_while_awaiting_over_5={len(ticks) > 5}")
    #> ticks_while_awaiting_over_5=True

    ticks.clear()
    time.sleep(0.2)  # blocks the loop's only thread: nothing else runs
    print(f"ticks_while_blocking={len(ticks)}")
    #> ticks_while_blocking=0
    beat.cancel()


asyncio.run(main())  # creates the loop, runs main() to the end, closes it
