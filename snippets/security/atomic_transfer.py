import asyncio

from sqlalchemy import CheckConstraint, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# --8<-- [start:show]
class Account(Base):
    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint("balance_cents >= 0"),)
    id: Mapped[str] = mapped_column(primary_key=True)
    balance_cents: Mapped[int]  # integer cents: never floats for money


def move(account: str, cents: int):  # balance + x: no lost update
    return (update(Account).where(Account.id == account)
            .values(balance_cents=Account.balance_cents + cents))


async def transfer(sessions, source: str, target: str, cents: int) -> str:
    try:
        async with sessions() as session, session.begin():  # atomic
            await session.execute(move(target, cents))  # credit first...
            await session.execute(move(source, -cents))  # ...debit may fail
    except IntegrityError:
        return "rejected, rolled back"
    return "committed"
# --8<-- [end:show]


async def main() -> None:
    engine = create_async_engine("sqlite+aiosqlite://")
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    sessions = async_sessionmaker(engine)
    async with sessions() as session, session.begin():
        session.add_all([Account(id="ana", balance_cents=100_00),
                         Account(id="bob", balance_cents=0)])
    balances = select(Account.id, Account.balance_cents)
    for cents in [30_00, 500_00]:
        print(await transfer(sessions, "ana", "bob", cents))
        #> committed
        #> rejected, rolled back
        async with sessions() as session:
            print(dict((await session.execute(balances)).all()))
            #> {'ana': 7000, 'bob': 3000}
            #> {'ana': 7000, 'bob': 3000}
    await engine.dispose()


asyncio.run(main())
