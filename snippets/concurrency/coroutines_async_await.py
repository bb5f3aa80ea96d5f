import asyncio
import inspect

steps: list[str] = []


async def fetch_price(symbol: str) -> float:
    steps.append(f"start {symbol}")
    # suspends here; the loop may run other tasks
    await asyncio.sleep(0.01)
    steps.append(f"resume {symbol}")
    return 101.5


print(f"coroutine_function={inspect.iscoroutinefunction(fetch_price)}")
#> coroutine_function=True
# calling it only creates a coroutine object
coroutine = fetch_price("ACME")
print(type(coroutine).__name__, f"body_ran={bool(steps)}")
#> coroutine body_ran=False
# discard it, or Python warns "was never awaited"
coroutine.close()


async def main() -> None:
    # runs the body, waits for the result
    price = await fetch_price("ACME")
    print(price, steps)
    #> 101.5 ['start ACME', 'resume ACME']


# the event loop drives the top-level coroutine
asyncio.run(main())
