# --8<-- [start:show]
import asyncio


async def download(log: list[str]) -> None:
    try:
        log.append("started")
        # CancelledError is raised at this await
        await asyncio.sleep(10)
        log.append("finished")
    except asyncio.CancelledError:
        log.append("cleaned up")
        raise  # re-raise, so the task really ends as cancelled


async def main() -> None:
    log: list[str] = []
    task = asyncio.create_task(download(log))
    await asyncio.sleep(0.01)  # let it start
    # only a request: delivered at the task's next await
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log.append("caller saw CancelledError")
    print(log)
    #> ['started', 'cleaned up', 'caller saw CancelledError']
    print(f"cancelled={task.cancelled()}")
    #> cancelled=True
# --8<-- [end:show]


asyncio.run(main())
is_exception = issubclass(asyncio.CancelledError, Exception)
print(f"caught_by_except_Exception={is_exception}")
#> caught_by_except_Exception=False
