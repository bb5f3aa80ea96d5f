import asyncio
import time


def fetch_sync(name: str, trace: list[str]) -> None:
    trace.append(f"start {name}")
    # the thread waits here and does nothing else
    time.sleep(0.05)
    trace.append(f"end {name}")


async def fetch_async(name: str, trace: list[str]) -> None:
    trace.append(f"start {name}")
    # the task pauses; the loop runs the others
    await asyncio.sleep(0.05)
    trace.append(f"end {name}")


async def run_async(trace: list[str]) -> None:
    async with asyncio.TaskGroup() as group:
        for name in "ab":
            group.create_task(fetch_async(name, trace))


sync_trace: list[str] = []
for name in "ab":
    fetch_sync(name, sync_trace)
print(sync_trace)  # one wait after the other
#> ['start a', 'end a', 'start b', 'end b']

async_trace: list[str] = []
asyncio.run(run_async(async_trace))
print(async_trace)  # both waits in progress at once
#> ['start a', 'start b', 'end a', 'end b']
