import os
import sys
import time

from sqlalchemy import create_engine, event, exc, insert, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
engine = create_engine(URL)


class Base(DeclarativeBase):
    pass


class Event(Base):
    __tablename__ = "events"
    __table_args__ = {"schema": "bulk_demo"}
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]


try:
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS bulk_demo CASCADE"))
        connection.execute(text("CREATE SCHEMA bulk_demo"))
        Base.metadata.create_all(connection)
except exc.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")
round_trips = []
event.listen(engine, "before_cursor_execute",
             lambda *args: round_trips.append(args[2]))  # args[2]: the SQL
rows = [{"kind": f"click-{n}"} for n in range(300)]


# --8<-- [start:show]
def load(how) -> tuple[int, float]:
    round_trips.clear()
    started = time.perf_counter()
    with Session(engine) as session, session.begin():
        how(session)
    return len(round_trips), time.perf_counter() - started


def flush_each(session: Session) -> None:
    for row in rows:
        session.add(Event(**row))
        session.flush()  # a naive loop: one INSERT per object


def add_all(session: Session) -> None:
    session.add_all(Event(**row) for row in rows)  # batched at flush


def bulk_insert(session: Session) -> None:
    session.execute(insert(Event), rows)  # dicts in, no objects


loaders = (flush_each, add_all, bulk_insert)
results = {how.__name__: load(how) for how in loaders}
for name, (statements, _) in results.items():
    print(f"{name}: {statements} statements")
    #> flush_each: 300 statements
    #> add_all: 1 statements
    #> bulk_insert: 1 statements
fast, slow = results["bulk_insert"][1], results["flush_each"][1]
print(f"bulk_insert_5x_faster={fast * 5 < slow}")
#> bulk_insert_5x_faster=True
# --8<-- [end:show]
with engine.begin() as connection:
    print(connection.scalar(text("SELECT count(*) FROM bulk_demo.events")))
    #> 900
    connection.execute(text("DROP SCHEMA bulk_demo CASCADE"))
engine.dispose()
