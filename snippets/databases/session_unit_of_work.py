from sqlalchemy import create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)


def names() -> list[str]:
    with Session(engine) as session:
        return list(session.scalars(select(Startup.name)))


# --8<-- [start:show]
with Session(engine) as session:  # the unit of work
    acme = Startup(name="Acme")
    session.add(acme)
    print(acme.id, acme in session.new)  # pending: no SQL sent yet
    #> None True
    session.flush()  # INSERT now, inside the open transaction
    print(acme.id, session.in_transaction())
    #> 1 True
    session.rollback()  # never committed, so it is gone

try:
    with Session(engine) as session, session.begin():
        session.add(Startup(name="Bolt"))
        raise RuntimeError("payment failed")  # rolls back
except RuntimeError:
    pass
with Session(engine) as session, session.begin():
    session.add(Startup(name="Core"))
    try:
        with session.begin_nested():  # SAVEPOINT: undo only this
            session.add(Startup(name="Core"))  # duplicate name
    except IntegrityError:
        pass
print(names())  # Acme and Bolt rolled back, Core committed once
#> ['Core']
# --8<-- [end:show]
