# --8<-- [start:show]
import asyncio
import os
import threading
from multiprocessing import Barrier, Process, Queue


async def request(name: str, trace: list[str], threads: set[int]) -> None:
    threads.add(threading.get_ident())
    trace.append(f"{name} starts")
    # waiting: the loop switches to the other task
    await asyncio.sleep(0.01)
    trace.append(f"{name} ends")


async def two_requests() -> None:
    trace: list[str] = []
    threads: set[int] = set()
    async with asyncio.TaskGroup() as group:
        group.create_task(request("A", trace, threads))
        group.create_task(request("B", trace, threads))
    print(trace, f"threads_used={len(threads)}")
    #> ['A starts', 'B starts', 'A ends', 'B ends'] threads_used=1


def crunch(both_busy, pids) -> None:
    # CPU work in its own interpreter
    sum(i * i for i in range(300_000))
    # passes only when both are mid-computation
    both_busy.wait(timeout=10)
    pids.put(os.getpid())
    sum(i * i for i in range(300_000))
# --8<-- [end:show]


if __name__ == "__main__":
    # concurrency: one thread takes turns
    asyncio.run(two_requests())

    # parallelism: two processes
    both_busy, pids = Barrier(2), Queue()
    workers = [Process(target=crunch, args=(both_busy, pids)) for _ in range(2)]
    for worker in workers:
        worker.start()
    computing = {pids.get() for _ in workers}
    for worker in workers:
        worker.join()
    print(f"processes_computing_at_once={len(computing)}")
    #> processes_computing_at_once=2
