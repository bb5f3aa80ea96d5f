from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field
from sqlalchemy import String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (AsyncSession, async_sessionmaker,
                                    create_async_engine)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)  # the real guard


class StartupIn(BaseModel):
    name: str = Field(min_length=2, max_length=80)  # shape, checked first


engine = create_async_engine("sqlite+aiosqlite://")
sessions = async_sessionmaker(engine, expire_on_commit=False)


async def get_session():
    async with sessions() as session:
        yield session


@asynccontextmanager
async def lifespan(app: FastAPI):
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield


app = FastAPI(lifespan=lifespan)


# --8<-- [start:show]
@app.post("/startups", status_code=201)
async def create_startup(
    body: StartupIn, session: Annotated[AsyncSession, Depends(get_session)]
) -> dict:
    try:
        async with session.begin():  # ROLLBACK if INSERT fails
            startup = Startup(name=body.name)
            session.add(startup)
    except IntegrityError:  # the unique index decided, no race
        detail = f"'{body.name}' already exists"
        raise HTTPException(409, detail) from None
    return {"id": startup.id, "name": startup.name}


with TestClient(app) as client:
    for name in ["Acme", "Acme"]:
        response = client.post("/startups", json={"name": name})
        print(response.status_code, response.json())
        #> 201 {'id': 1, 'name': 'Acme'}
        #> 409 {'detail': "'Acme' already exists"}
    response = client.post("/startups", json={"name": "A"})
    print(response.status_code)  # too short: no SQL ran
    #> 422
# --8<-- [end:show]
