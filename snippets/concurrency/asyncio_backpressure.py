import asyncio


async def producer(queue: asyncio.Queue, stats: dict[str, int]) -> None:
    for item in range(20):
        if queue.full():
            stats["puts_that_waited"] += 1
        # waits while the queue is full: backpressure
        await queue.put(item)
        stats["most_queued"] = max(stats["most_queued"], queue.qsize())
    await queue.put(None)  # tells the consumer to stop


async def consumer(queue: asyncio.Queue, done: list[int]) -> None:
    while (item := await queue.get()) is not None:
        await asyncio.sleep(0.005)  # the slow side
        done.append(item)


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=3)
    stats = {"puts_that_waited": 0, "most_queued": 0}
    done: list[int] = []
    async with asyncio.TaskGroup() as group:
        group.create_task(producer(queue, stats))
        group.create_task(consumer(queue, done))
    print(f"processed={len(done)} most_queued={stats['most_queued']}")
    #> processed=20 most_queued=3
    print(f"producer_slowed_down={stats['puts_that_waited'] > 0}")
    #> producer_slowed_down=True


asyncio.run(main())
