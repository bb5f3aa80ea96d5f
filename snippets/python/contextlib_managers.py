import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress

log = []


@contextmanager
def opened(name):
    log.append(f"open {name}")  # the __enter__ part
    try:
        yield name.upper()  # the value bound by `as`
    finally:
        log.append(f"close {name}")  # the __exit__ part, even on errors


with suppress(KeyError):  # a ready-made one: ignore this exception
    with opened("report.csv") as handle:
        log.append(f"write {handle}")
        raise KeyError("missing column")
print(log)
#> ['open report.csv', 'write REPORT.CSV', 'close report.csv']


@asynccontextmanager
async def lifespan():
    log.append("pool started")
    yield
    log.append("pool closed")


async def main():
    log.clear()
    async with lifespan():
        log.append("serving")


asyncio.run(main())
print(log)
#> ['pool started', 'serving', 'pool closed']
