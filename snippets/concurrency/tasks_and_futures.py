import asyncio


async def double(number: int) -> int:
    await asyncio.sleep(0.01)
    return number * 2


async def main() -> None:
    loop = asyncio.get_running_loop()

    future = loop.create_future()  # an empty slot for a result
    loop.call_later(0.01, future.set_result, "filled in later")
    print(f"done_before={future.done()}")
    #> done_before=False
    # suspends until someone sets the result
    print(await future)
    #> filled in later

    # scheduled now, runs concurrently
    task = asyncio.create_task(double(21))
    print(f"task_is_a_future={isinstance(task, asyncio.Future)}")
    #> task_is_a_future=True
    print(await task)
    #> 42

    # a thread pool's job, wrapped in an asyncio Future
    in_thread = loop.run_in_executor(None, sum, [1, 2, 3])
    print(isinstance(in_thread, asyncio.Future), await in_thread)
    #> True 6


asyncio.run(main())
