import asyncio
from contextlib import asynccontextmanager, contextmanager, suppress

log = []


# --8<-- [start:show]
@contextmanager
def opened(name):
    log.append(f"open {name}")  # setup, the __enter__ part
    try:
        yield name.upper()  # the value bound by `as`
    finally:
        log.append(f"close {name}")  # cleanup, even on errors


@asynccontextmanager
async def lifespan():
    log.append("pool started")
    try:
        yield  # the app serves requests here
    finally:
        log.append("pool closed")  # runs even after a crash
# --8<-- [end:show]


with suppress(KeyError):  # a ready-made manager: ignore this error
    with opened("report.csv") as handle:
        log.append(f"write {handle}")
        raise KeyError("missing column")
print(log)
#> ['open report.csv', 'write REPORT.CSV', 'close report.csv']


async def serve_and_crash():
    log.clear()
    with suppress(RuntimeError):
        async with lifespan():
            log.append("serving")
            raise RuntimeError("worker crashed")


asyncio.run(serve_and_crash())
print(log)
#> ['pool started', 'serving', 'pool closed']


@contextmanager
def leaky(name):  # no try/finally around the yield
    log.append(f"open {name}")
    yield name
    log.append(f"close {name}")


log.clear()
with suppress(KeyError), leaky("report.csv"):
    raise KeyError("missing column")
print(log)  # the error skipped the cleanup
#> ['open report.csv']
