import asyncio
import os
import threading
from multiprocessing import Barrier, Process, Queue
from threading import BrokenBarrierError


# --8<-- [start:show]
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


def crunch(both_busy, results) -> None:
    # CPU work in its own interpreter, with its own GIL
    sum(i * i for i in range(300_000))
    try:  # passes only while both are mid-computation
        both_busy.wait(timeout=4)
        results.put((os.getpid(), True))
    except BrokenBarrierError:
        results.put((os.getpid(), False))
    sum(i * i for i in range(300_000))
# --8<-- [end:show]


if __name__ == "__main__":
    # concurrency: one thread takes turns
    asyncio.run(two_requests())

    # parallelism: two processes
    both_busy, results = Barrier(2), Queue()
    workers = [Process(target=crunch, args=(both_busy, results)) for _ in range(2)]
    for worker in workers:
        worker.start()
    outcomes = dict(results.get() for _ in workers)
    for worker in workers:
        worker.join()
    print(f"processes={len(outcomes)} both_mid_work_at_once={all(outcomes.values())}")
    #> processes=2 both_mid_work_at_once=True
