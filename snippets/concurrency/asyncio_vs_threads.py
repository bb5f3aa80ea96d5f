import asyncio
import threading
import time


async def call_async_api(threads_seen: set[int]) -> None:
    threads_seen.add(threading.get_ident())
    # yields: the loop runs other tasks meanwhile
    await asyncio.sleep(0.1)


def call_blocking_library() -> int:
    # no await here: on the loop it would freeze every task
    time.sleep(0.1)
    return threading.get_ident()


async def main() -> None:
    threads_seen: set[int] = set()
    started = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for _ in range(1000):
            group.create_task(call_async_api(threads_seen))
    elapsed = time.perf_counter() - started
    print(f"waits=1000 threads_used={len(threads_seen)} under_1s={elapsed < 1}")
    #> waits=1000 threads_used=1 under_1s=True

    worker = await asyncio.to_thread(call_blocking_library)
    print(f"blocking_call_ran_off_the_loop={worker != threading.get_ident()}")
    #> blocking_call_ran_off_the_loop=True


asyncio.run(main())
