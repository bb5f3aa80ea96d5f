import asyncio
import logging
import time


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


collected = Collect()
logging.getLogger("asyncio").addHandler(collected)


async def load_report() -> None:
    time.sleep(0.15)  # the bug: a blocking call


async def main() -> None:
    asyncio.create_task(asyncio.sleep(1), name="refresh-cache")
    names = sorted(task.get_name() for task in asyncio.all_tasks())
    print(f"pending_tasks={names}")
    #> pending_tasks=['Task-1', 'refresh-cache']
    await load_report()


asyncio.run(main(), debug=True)  # or PYTHONASYNCIODEBUG=1
slow = [m for m in collected.messages if m.startswith("Executing")]
print(f"slow_step_logged={len(slow) >= 1}")
#> slow_step_logged=True
print(f"names_the_task={any('Task-1' in m for m in slow)}")
#> names_the_task=True
