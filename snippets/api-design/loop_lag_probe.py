import asyncio
import time


async def watch_loop_lag(lags: list[float], interval: float = 0.01) -> None:
    """Sleeps 10 ms again and again; waking late means the loop was held."""
    while True:
        start = time.perf_counter()
        await asyncio.sleep(interval)
        lags.append(time.perf_counter() - start - interval)


async def awaits_the_database() -> None:
    await asyncio.sleep(0.3)  # waiting with await: the loop stays free


async def calls_a_sync_client() -> None:
    time.sleep(0.3)  # a blocking call inside async def holds the loop


async def main() -> None:
    for handler in [awaits_the_database, calls_a_sync_client]:
        lags: list[float] = []
        probe = asyncio.create_task(watch_loop_lag(lags))
        await asyncio.sleep(0.05)  # let the probe start ticking
        await handler()
        await asyncio.sleep(0.05)
        probe.cancel()
        print(f"{handler.__name__}: loop_stalled={max(lags) > 0.2}")
        #> awaits_the_database: loop_stalled=False
        #> calls_a_sync_client: loop_stalled=True


asyncio.run(main())
