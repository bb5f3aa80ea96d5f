# --8<-- [start:show]
import asyncio
import functools


def debounce(wait: float):
    """Run once, `wait` seconds after a burst's last call."""

    def decorator(fn):
        pending: asyncio.TimerHandle | None = None

        @functools.wraps(fn)
        def wrapper(*args, **kwargs) -> None:
            nonlocal pending
            if pending is not None:
                pending.cancel()  # a newer call restarts the timer
            loop = asyncio.get_running_loop()
            call = functools.partial(fn, *args, **kwargs)
            pending = loop.call_later(wait, call)

        return wrapper

    return decorator
# --8<-- [end:show]


saved: list[str] = []


@debounce(0.05)
def save_draft(text: str) -> None:
    saved.append(text)


async def main() -> None:
    for text in ["h", "he", "hel", "hello"]:  # a burst of keystrokes
        save_draft(text)
    await asyncio.sleep(0.2)
    print(saved)  # only the last call of the burst ran
    #> ['hello']
    save_draft("hello!")  # a new burst after the quiet period
    await asyncio.sleep(0.2)
    print(saved)
    #> ['hello', 'hello!']
    assert saved == ["hello", "hello!"]


asyncio.run(main())
