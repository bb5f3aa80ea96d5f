# --8<-- [start:show]
import asyncio
import random

TRANSIENT = (ConnectionError, TimeoutError)  # worth another try
jitter = random.Random(7)


async def retry(call, attempts: int = 4, base: float = 0.05, cap: float = 1.0):
    for attempt in range(1, attempts + 1):
        try:
            async with asyncio.timeout(2.0):  # bound each try
                return await call()
        except TRANSIENT as error:
            if attempt == attempts:
                raise
            ceiling = min(cap, base * 2 ** (attempt - 1))  # 0.05, 0.1, 0.2
            print(f"try {attempt}: {error}; wait up to {ceiling} s")
            #> try 1: 503 from partner; wait up to 0.05 s
            #> try 2: 503 from partner; wait up to 0.1 s
            await asyncio.sleep(jitter.uniform(0, ceiling))  # full jitter
# --8<-- [end:show]


failures_left = 2


async def flaky_partner() -> str:
    global failures_left
    if failures_left:
        failures_left -= 1
        raise ConnectionError("503 from partner")
    return "200 OK"


async def bad_request() -> str:
    raise ValueError("400: the body is invalid")  # retrying cannot help


async def main() -> None:
    print(await retry(flaky_partner))
    #> 200 OK
    try:
        await retry(bad_request)
    except ValueError as error:
        print("not retried:", error)
        #> not retried: 400: the body is invalid


asyncio.run(main())
