"""Alembic environment: runs migrations on the app's own async engine and settings."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from startups_api.db import Base, make_engine
from startups_api.settings import get_settings

target_metadata = Base.metadata


def run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


async def run_online() -> None:
    url = context.config.attributes.get("database_url") or get_settings().database_url
    if not url:
        raise SystemExit("set DATABASE_URL to the database to migrate")
    engine = make_engine(url)
    async with engine.connect() as connection:
        await connection.run_sync(run)
    await engine.dispose()


asyncio.run(run_online())
