import asyncio


async def download(log: list[str]) -> None:
    try:
        log.append("started")
        await asyncio.sleep(10)  # CancelledError is raised at this await
        log.append("finished")
    except asyncio.CancelledError:
        log.append("cleaned up")
        raise  # re-raise, so the task really ends as cancelled


async def main() -> None:
    log: list[str] = []
    task = asyncio.create_task(download(log))
    await asyncio.sleep(0.01)  # let it start
    task.cancel()  # only a request: delivered at the task's next await
    try:
        await task
    except asyncio.CancelledError:
        log.append("caller saw CancelledError")
    print(log)
    #> ['started', 'cleaned up', 'caller saw CancelledError']
    print(f"cancelled={task.cancelled()}")
    #> cancelled=True
    print(f"caught_by_except_Exception="
          f"{issubclass(asyncio.CancelledError, Exception)}")
    #> caught_by_except_Exception=False


asyncio.run(main())
