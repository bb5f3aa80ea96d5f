import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Startup(Base):
    __tablename__ = "startups"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


# --8<-- [start:show]
folder = Path(tempfile.mkdtemp())
primary, replica = folder / "primary.db", folder / "replica.db"
leader = create_engine(f"sqlite:///{primary}")
follower = create_engine(f"sqlite:///{replica}")
writes, reads = sessionmaker(leader), sessionmaker(follower)


def replicate() -> None:  # stands for streaming replication
    with sqlite3.connect(primary) as source:
        source.backup(sqlite3.connect(replica))


def names_on(sessions: sessionmaker) -> list[str]:
    with sessions() as session:
        return list(session.scalars(select(Startup.name)))


Base.metadata.create_all(leader)
replicate()
with writes.begin() as session:  # writes: always the primary
    session.add(Startup(name="Acme"))
print(names_on(reads))  # the replica has not caught up yet
#> []
print(names_on(writes))  # read-your-writes: the primary
#> ['Acme']
replicate()
print(names_on(reads))  # list pages, reports, search: the replica
#> ['Acme']
# --8<-- [end:show]
leader.dispose()
follower.dispose()
shutil.rmtree(folder)
