import asyncio
import tempfile

from sqlalchemy import ForeignKey, select
from sqlalchemy.ext.asyncio import (AsyncAttrs, async_sessionmaker,
                                    create_async_engine)
from sqlalchemy.orm import (DeclarativeBase, Mapped, mapped_column,
                            relationship, selectinload)


class Base(AsyncAttrs, DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    rounds: Mapped[list["Round"]] = relationship()


class Round(Base):
    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id"))


# --8<-- [start:show]
async def count_rounds(sessions, name: str) -> int:
    async with sessions() as session:  # one per task, never shared
        query = (select(Startup).where(Startup.name == name)
                 .options(selectinload(Startup.rounds)))
        startup = await session.scalar(query)
        return len(startup.rounds)  # loaded up front: no hidden I/O


async def main(folder: str) -> None:
    engine = create_async_engine(f"sqlite+aiosqlite:///{folder}/app.db")
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    async with sessions() as session, session.begin():
        session.add_all([Startup(name="Acme", rounds=[Round(), Round()]),
                         Startup(name="Bolt", rounds=[Round()])])

    async with asyncio.TaskGroup() as group:  # both wait at once
        tasks = [group.create_task(count_rounds(sessions, name))
                 for name in ("Acme", "Bolt")]
    print([task.result() for task in tasks])
    #> [2, 1]

    async with sessions() as session:
        query = select(Startup).filter_by(name="Acme")
        acme = await session.scalar(query)
        print(len(await acme.awaitable_attrs.rounds))  # awaited
        #> 2
    await engine.dispose()
# --8<-- [end:show]


with tempfile.TemporaryDirectory() as folder:
    asyncio.run(main(folder))
