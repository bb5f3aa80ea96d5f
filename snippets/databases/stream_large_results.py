import os
import sys

from sqlalchemy import create_engine, exc, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

DEFAULT_URL = "postgresql://stc:stc@127.0.0.1:5432/stc_snippets"
URL = os.environ.get("STC_SNIPPETS_POSTGRES_URL", DEFAULT_URL)
engine = create_engine(URL)


class Base(DeclarativeBase):
    pass


class Event(Base):
    __tablename__ = "events"
    __table_args__ = {"schema": "stream_demo"}
    id: Mapped[int] = mapped_column(primary_key=True)
    payload: Mapped[str]


try:
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS stream_demo CASCADE"))
        connection.execute(text("CREATE SCHEMA stream_demo"))
        Base.metadata.create_all(connection)
        connection.execute(text("INSERT INTO stream_demo.events SELECT n, 'x'"
                                " FROM generate_series(1, 20000) AS n"))
except exc.OperationalError:
    sys.exit("PostgreSQL is not reachable: start it with scripts/services")

# --8<-- [start:show]
with Session(engine) as session:
    query = (select(Event).order_by(Event.id)
             .execution_options(yield_per=1000))
    sizes = []
    for batch in session.scalars(query).partitions():  # 1,000 rows
        sizes.append(len(batch))  # process it here, then drop it
        if len(sizes) == 1:  # the rest waits in a server cursor
            cursors = text("SELECT count(*) FROM pg_cursors")
            print(session.scalar(cursors))
            #> 1
    print(f"batches={len(sizes)} largest={max(sizes)}")
    #> batches=20 largest=1000
    print(f"objects_held={len(session.identity_map)} of {sum(sizes)}")
    #> objects_held=1000 of 20000
# --8<-- [end:show]
with engine.begin() as connection:
    connection.execute(text("DROP SCHEMA stream_demo CASCADE"))
engine.dispose()
