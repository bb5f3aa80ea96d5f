import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import (AsyncSession, async_sessionmaker,
                                    create_async_engine)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


class StartupIn(BaseModel):
    name: str


# --8<-- [start:show]
@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    engine = create_async_engine(app.state.database_url)
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    app.state.engine = engine
    app.state.sessions = async_sessionmaker(
        engine, expire_on_commit=False)
    yield
    await engine.dispose()  # close the pool on shutdown


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    async with request.app.state.sessions() as session:
        yield session  # one per request, closed afterwards


SessionDep = Annotated[AsyncSession, Depends(get_session)]
app = FastAPI(lifespan=lifespan)


@app.post("/startups", status_code=201)
async def create_startup(body: StartupIn, session: SessionDep):
    async with session.begin():  # COMMIT before the response
        session.add(Startup(name=body.name))
        if body.name.startswith("bad"):
            raise HTTPException(422, "rejected")  # ROLLBACK
    return body


@app.get("/startups")
async def list_startups(session: SessionDep) -> list[str]:
    return list(await session.scalars(select(Startup.name)))
# --8<-- [end:show]


with tempfile.TemporaryDirectory() as folder:
    app.state.database_url = f"sqlite+aiosqlite:///{folder}/app.db"
    with TestClient(app) as client:
        print(client.post("/startups", json={"name": "Acme"}).status_code)
        #> 201
        print(client.post("/startups", json={"name": "bad co"}).status_code)
        #> 422
        print(client.get("/startups").json())
        #> ['Acme']
        print(app.state.engine.pool.checkedout())  # every session gave it back
        #> 0
