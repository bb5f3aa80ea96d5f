import asyncio
from contextvars import ContextVar

request_id = ContextVar("request_id", default="-")
lines: list[str] = []


def log(message: str) -> None:  # the id comes from context
    lines.append(f"[{request_id.get()}] {message}")


async def handle(rid: str, delay: float) -> None:
    request_id.set(rid)  # only in this task's context
    await asyncio.sleep(delay)  # the other request runs
    log("query done")
    await asyncio.to_thread(log, "in a thread")  # context too


async def main() -> None:
    async with asyncio.TaskGroup() as group:
        group.create_task(handle("req-1", 0.05))
        group.create_task(handle("req-2", 0.01))
    log("after both")  # the parent's context was never changed


asyncio.run(main())
for line in sorted(lines):  # thread timing varies the order
    print(line)
    #> [-] after both
    #> [req-1] in a thread
    #> [req-1] query done
    #> [req-2] in a thread
    #> [req-2] query done
