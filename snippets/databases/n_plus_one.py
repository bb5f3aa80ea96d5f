from sqlalchemy import ForeignKey, create_engine, event, select
from sqlalchemy.orm import (DeclarativeBase, Mapped, Session, joinedload,
                            mapped_column, relationship, selectinload)


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    rounds: Mapped[list["Round"]] = relationship()  # lazy="select" default


class Round(Base):
    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id"))


# --8<-- [start:show]
engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
statements = []
event.listen(engine, "before_cursor_execute",
             lambda *args: statements.append(args[2]))  # the SQL
with Session(engine) as session:
    session.add_all(Startup(rounds=[Round(), Round()]) for _ in range(10))
    session.commit()

queries = {
    "lazy": select(Startup),  # 1 query, then 1 more per startup
    "selectinload": select(Startup).options(selectinload(Startup.rounds)),
    "joinedload": select(Startup).options(joinedload(Startup.rounds)),
}
for name, query in queries.items():
    with Session(engine) as session:
        statements.clear()
        startups = session.scalars(query).unique().all()
        total = sum(len(startup.rounds) for startup in startups)
    print(f"{name:<12} {total} rounds in {len(statements)} queries")
    #> lazy         20 rounds in 11 queries
    #> selectinload 20 rounds in 2 queries
    #> joinedload   20 rounds in 1 queries
# --8<-- [end:show]
