"""SQLAlchemy 2 async: the table, the engine and the per-request session."""

from collections.abc import AsyncIterator

from fastapi import Request
from sqlalchemy import String, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    sector: Mapped[str] = mapped_column(String(40), index=True)
    city: Mapped[str] = mapped_column(String(40))
    founded: Mapped[int]
    employees: Mapped[int]
    description: Mapped[str] = mapped_column(String(300))


def make_engine(url: str) -> AsyncEngine:
    if url.startswith("sqlite") and url.rstrip("/").endswith(":"):
        # one shared connection, so every session sees the same in-memory database
        return create_async_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    return create_async_engine(url, pool_size=10, max_overflow=5, pool_pre_ping=True)


async def create_and_load(engine: AsyncEngine, rows: list[dict]) -> None:
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    async with AsyncSession(engine) as session, session.begin():
        existing = set(await session.scalars(select(Startup.name)))
        session.add_all(Startup(**row) for row in rows if row["name"] not in existing)


# --8<-- [start:db-session-dependency]
async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request; closed after the response, whatever happened."""
    sessions: async_sessionmaker[AsyncSession] = request.app.state.sessions
    async with sessions() as session:
        yield session
# --8<-- [end:db-session-dependency]


async def load_startups(session: AsyncSession, names: list[str]) -> list[Startup]:
    result = await session.scalars(select(Startup).where(Startup.name.in_(names)))
    return list(result)
