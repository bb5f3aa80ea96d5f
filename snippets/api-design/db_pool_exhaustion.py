import asyncio
import tempfile

from sqlalchemy import text
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine


# --8<-- [start:show]
async def call_partner_api() -> None:
    await asyncio.sleep(0.4)  # a slow HTTP call to another service


async def holds_connection(sessions: async_sessionmaker) -> str:
    async with sessions() as session:
        await session.execute(text("SELECT 1"))  # checks a connection out
        await call_partner_api()  # ...and keeps it for the whole call
    return "ok"


async def releases_connection(sessions: async_sessionmaker) -> str:
    async with sessions() as session:
        await session.execute(text("SELECT 1"))
    await call_partner_api()  # the connection is back in the pool
    return "ok"


async def main(folder: str) -> None:
    engine = create_async_engine(f"sqlite+aiosqlite:///{folder}/app.db",
                                 pool_size=2, max_overflow=0, pool_timeout=0.2)
    sessions = async_sessionmaker(engine)
    for handler in [holds_connection, releases_connection]:
        requests = [handler(sessions) for _ in range(4)]  # 4 at once
        results = await asyncio.gather(*requests, return_exceptions=True)
        outcome = [r if r == "ok" else type(r).__name__ for r in results]
        print(f"{handler.__name__}: {outcome}")
        #> holds_connection: ['ok', 'ok', 'TimeoutError', 'TimeoutError']
        #> releases_connection: ['ok', 'ok', 'ok', 'ok']
    await engine.dispose()
# --8<-- [end:show]


with tempfile.TemporaryDirectory() as folder:
    asyncio.run(main(folder))
