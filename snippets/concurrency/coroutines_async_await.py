import asyncio
import inspect

steps: list[str] = []


async def fetch_price(symbol: str) -> float:
    steps.append(f"start {symbol}")
    await asyncio.sleep(0.01)  # suspends here; the loop may run other tasks
    steps.append(f"resume {symbol}")
    return 101.5


print(f"coroutine_function={inspect.iscoroutinefunction(fetch_price)}")
#> coroutine_function=True
coroutine = fetch_price("ACME")  # calling it only creates a coroutine object
print(type(coroutine).__name__, f"body_ran={bool(steps)}")
#> coroutine body_ran=False
coroutine.close()  # discard it, or Python warns "was never awaited"


async def main() -> None:
    price = await fetch_price("ACME")  # runs the body, waits for the result
    print(price, steps)
    #> 101.5 ['start ACME', 'resume ACME']


asyncio.run(main())  # the event loop drives the top-level coroutine
