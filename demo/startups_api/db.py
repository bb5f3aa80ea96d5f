"""SQLAlchemy 2 async: the tables, the engine and the per-request session."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

from starlette.requests import HTTPConnection
from sqlalchemy import JSON, ColumnElement, DateTime, ForeignKey, Index, String, Text, exists, func, select, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .data import USERS, funding_rows


class Base(DeclarativeBase):
    type_annotation_map = {datetime: DateTime(timezone=True)}


def utc_now() -> datetime:
    return datetime.now(UTC)


# --8<-- [start:jsonb-column]
# JSONB on PostgreSQL (binary, indexable with GIN); plain JSON text on SQLite, same Python lists
Tags = JSON().with_variant(JSONB(), "postgresql")


def has_tag(tag: str, dialect: str) -> ColumnElement[bool]:
    """PostgreSQL: `tags @> '["tag"]'`, which the GIN index answers; SQLite: a scan of json_each."""
    if dialect == "postgresql":
        return Startup.tags.op("@>")(func.jsonb_build_array(tag))
    each = func.json_each(Startup.tags).table_valued("value")
    return exists(select(1).select_from(each).where(each.c.value == tag))
# --8<-- [end:jsonb-column]


class Startup(Base):
    __tablename__ = "startups"
    __table_args__ = (
        # --8<-- [start:partial-unique-index]
        # unique among live rows only: once a startup is soft-deleted, its name can be used again
        Index(
            "uq_startups_live_name",
            "name",
            unique=True,
            postgresql_where=text("deleted_at IS NULL"),
            sqlite_where=text("deleted_at IS NULL"),
        ),
        # --8<-- [end:partial-unique-index]
        Index("ix_startups_tags", "tags", postgresql_using="gin"),  # GIN: answers has_tag's @>
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    sector: Mapped[str] = mapped_column(String(40), index=True)
    city: Mapped[str] = mapped_column(String(40))
    founded: Mapped[int]
    employees: Mapped[int]
    description: Mapped[str] = mapped_column(String(300))
    website: Mapped[str | None] = mapped_column(String(200), default=None)  # optional: PATCH null clears it
    tags: Mapped[list[str]] = mapped_column(Tags, default=list)
    version: Mapped[int] = mapped_column(default=1)  # optimistic locking: bumped by every update
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)  # soft delete marker
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    funding_rounds: Mapped[list["FundingRound"]] = relationship(
        back_populates="startup", order_by="FundingRound.year", cascade="all, delete-orphan"
    )


class FundingRound(Base):
    __tablename__ = "funding_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(20))
    year: Mapped[int]
    amount_musd: Mapped[float]
    startup: Mapped[Startup] = relationship(back_populates="funding_rounds")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))


class RefreshToken(Base):
    """Only a hash of each refresh token is stored; a used one stays, to catch replays."""

    __tablename__ = "refresh_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    username: Mapped[str] = mapped_column(String(40), index=True)
    expires_at: Mapped[int]  # Unix seconds: compares the same way on every database
    used: Mapped[bool] = mapped_column(default=False)


class IdempotencyRecord(Base):
    """The stored response of a POST, replayed when the same Idempotency-Key comes again."""

    __tablename__ = "idempotency_records"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(40))
    startup_id: Mapped[int]
    actor: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(default=utc_now, server_default=func.now())


# --8<-- [start:uuid-event-ids]
# uuid7 (Python 3.14+) starts with the time, so new ids land at the end of the index; uuid4 before
new_event_id = getattr(uuid, "uuid7", uuid.uuid4)


class OutboxEvent(Base):
    """An event to publish, written in the same transaction as the change it announces."""

    __tablename__ = "outbox_events"

    # made here, not by the database: known before the INSERT, unique across every database and
    # worker, and what consumers dedupe on (a native UUID on PostgreSQL, 32 hex characters on SQLite)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_event_id)
    topic: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)  # None: the relay has not sent it
# --8<-- [end:uuid-event-ids]


class SectorStats(Base):
    """One row per sector, replaced as a whole by the sector report (startups_api/jobs.py)."""

    __tablename__ = "sector_stats"

    sector: Mapped[str] = mapped_column(String(40), primary_key=True)
    startups: Mapped[int]
    employees: Mapped[int]
    funding_musd: Mapped[float]
    computed_at: Mapped[datetime]


def make_engine(url: str) -> AsyncEngine:
    if url.startswith("sqlite"):
        return create_async_engine(url)
    # pre-ping: a connection the server dropped (a restart) is replaced before use, not failed on;
    # timeout: while the server is unreachable, a new connection gives up after 5 s, not 60
    return create_async_engine(
        url, pool_size=10, max_overflow=5, pool_pre_ping=True, pool_timeout=10, connect_args={"timeout": 5}
    )


async def create_and_load(engine: AsyncEngine, rows: list[dict], password_hash: str) -> None:
    """Create missing tables and add the bundled rows and demo users that are not there yet."""
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    async with AsyncSession(engine) as session, session.begin():
        existing = set(await session.scalars(select(Startup.name)))
        for row in rows:
            if row["name"] not in existing:
                rounds = [FundingRound(**funding) for funding in funding_rows(row)]
                session.add(Startup(**row, funding_rounds=rounds))
        users = set(await session.scalars(select(User.username)))
        session.add_all(
            User(username=name, password_hash=password_hash, role=role)
            for name, role in USERS.items()
            if name not in users
        )


# --8<-- [start:db-session-dependency]
async def get_session(connection: HTTPConnection) -> AsyncIterator[AsyncSession]:
    """One session per request; closed after the response, whatever happened."""
    sessions: async_sessionmaker[AsyncSession] = connection.app.state.sessions
    async with sessions() as session:
        yield session
# --8<-- [end:db-session-dependency]


# --8<-- [start:orm-query]
async def load_startups(session: AsyncSession, names: list[str]) -> list[Startup]:
    """The names travel as bound parameters, never pasted into the SQL text."""
    result = await session.scalars(
        select(Startup).where(Startup.name.in_(names), Startup.deleted_at.is_(None))
    )
    return list(result)
# --8<-- [end:orm-query]
