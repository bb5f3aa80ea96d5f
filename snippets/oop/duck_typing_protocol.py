# --8<-- [start:show]
import asyncio
from typing import Protocol, runtime_checkable


@runtime_checkable
class RateLimiter(Protocol):
    async def hit(self, key: str) -> float | None: ...


class AllowAll:  # does not inherit from RateLimiter
    async def hit(self, key: str) -> float | None:
        return None


class DenyList:
    def __init__(self, blocked: set[str]) -> None:
        self.blocked = blocked

    async def hit(self, key: str) -> float | None:
        return 60.0 if key in self.blocked else None


class Logger:  # no hit() at all
    def info(self, text: str) -> None: ...


async def check(limiter: RateLimiter, client: str) -> str:
    # only the method matters, not the class
    wait = await limiter.hit(client)
    return "allowed" if wait is None else f"retry in {wait:.0f} s"
# --8<-- [end:show]


async def main() -> None:
    for limiter in (AllowAll(), DenyList({"10.0.0.9"})):
        print(type(limiter).__name__, await check(limiter, "10.0.0.9"))
        #> AllowAll allowed
        #> DenyList retry in 60 s
    print([isinstance(obj, RateLimiter) for obj in (AllowAll(), Logger())])
    #> [True, False]
    print(issubclass(DenyList, RateLimiter), RateLimiter in DenyList.__mro__)
    #> True False


asyncio.run(main())
