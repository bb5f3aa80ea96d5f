from sqlalchemy import ForeignKey, create_engine, event, select
from sqlalchemy.orm import (DeclarativeBase, Mapped, Session, mapped_column,
                            relationship, selectinload)


class Base(DeclarativeBase):
    pass


# --8<-- [start:show]
class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    rounds: Mapped[list["Round"]] = relationship()  # lazy="select" default


class Round(Base):
    __tablename__ = "rounds"
    id: Mapped[int] = mapped_column(primary_key=True)
    startup_id: Mapped[int] = mapped_column(ForeignKey("startups.id"))


engine = create_engine("sqlite://")
Base.metadata.create_all(engine)
queries: list[str] = []
event.listen(engine, "before_cursor_execute",
             lambda conn, cursor, sql, *args: queries.append(sql))

with Session(engine) as session:
    session.add_all(Startup(rounds=[Round(), Round()]) for _ in range(50))
    session.commit()
    for query in [select(Startup),  # one query, then one per startup
                  select(Startup).options(selectinload(Startup.rounds))]:
        session.expunge_all()  # forget loaded rows, as a new request would
        queries.clear()
        page = [{"id": s.id, "rounds": len(s.rounds)}
                for s in session.scalars(query)]
        print(f"{len(page)} startups listed with {len(queries)} SQL queries")
        #> 50 startups listed with 51 SQL queries
        #> 50 startups listed with 2 SQL queries
# --8<-- [end:show]
