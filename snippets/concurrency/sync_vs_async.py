import asyncio
import time


def fetch_sync(name: str) -> str:
    time.sleep(0.1)  # the thread waits here and does nothing else
    return name


async def fetch_async(name: str) -> str:
    await asyncio.sleep(0.1)  # the task pauses; the loop runs the others
    return name


def run_sync() -> list[str]:
    return [fetch_sync(name) for name in ["a", "b", "c"]]


async def run_async() -> list[str]:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch_async(n)) for n in ["a", "b", "c"]]
    return [task.result() for task in tasks]


started = time.perf_counter()
print(run_sync(), f"waits_added_up={time.perf_counter() - started >= 0.3}")
#> ['a', 'b', 'c'] waits_added_up=True

started = time.perf_counter()
result = asyncio.run(run_async())
print(result, f"waits_overlapped={time.perf_counter() - started < 0.25}")
#> ['a', 'b', 'c'] waits_overlapped=True
